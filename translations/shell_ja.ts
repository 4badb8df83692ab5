<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>App</name>
    <message>
        <location filename="../kankei_desktop/ui/app.py" line="80"/>
        <source>Cannot open the file</source>
        <translation>ファイルを開けません</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <location filename="../kankei_desktop/ui/widgets.py" line="77"/>
        <source>Open the current row of a list</source>
        <translation>一覧で選んでいる行を開く</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/widgets.py" line="78"/>
        <source>Next / previous field (also out of lists and notes boxes)</source>
        <translation>次の / 前の項目へ（一覧や備考欄からも抜けます）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/widgets.py" line="79"/>
        <source>Insert a tab character in a notes box</source>
        <translation>備考欄にタブ文字を入れる</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/widgets.py" line="80"/>
        <source>From a search box down to its list</source>
        <translation>検索欄から下の一覧へ移る</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/widgets.py" line="81"/>
        <source>Save, in every editor</source>
        <translation>保存（どの編集画面でも）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/widgets.py" line="82"/>
        <source>Close a dialog without saving</source>
        <translation>保存せずに画面を閉じる</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/widgets.py" line="83"/>
        <source>Stays calendar: move between days (Shift: choose several days)</source>
        <translation>滞在の予定表: 日を移動（Shift: 複数の日を選ぶ）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/widgets.py" line="84"/>
        <source>Stays calendar: pick the next stay of the day</source>
        <translation>滞在の予定表: その日の次の滞在を選ぶ</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/widgets.py" line="85"/>
        <source>Stays calendar: open the stay, or create one on the chosen days / always create one</source>
        <translation>滞在の予定表: 滞在を開く、なければ選んだ日で新規作成 / 常に新規作成</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="103"/>
        <source>Kankei Desktop</source>
        <translation>関係人口デスク</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="137"/>
        <source>Saved</source>
        <translation>保存済み</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="205"/>
        <source>Search in the list of this area</source>
        <translation>この画面の一覧を検索</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="207"/>
        <source>New record in this area</source>
        <translation>この画面で新規作成</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="208"/>
        <source>Reload this area</source>
        <translation>この画面を再読み込み</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="209"/>
        <source>Search all participants</source>
        <translation>参加者全体を検索</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="228"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="230"/>
        <source>&amp;New file…</source>
        <translation>新しいファイル(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="231"/>
        <source>&amp;Open file…</source>
        <translation>ファイルを開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="234"/>
        <source>&amp;Import…</source>
        <translation>取り込み(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="235"/>
        <source>&amp;Export…</source>
        <translation>書き出し(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="236"/>
        <source>Input &amp;template…</source>
        <translation>入力用のひな形(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="238"/>
        <source>&amp;Backup now</source>
        <translation>バックアップ(&amp;B)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="240"/>
        <source>E&amp;xit</source>
        <translation>終了(&amp;X)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="241"/>
        <source>&amp;Go</source>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="247"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="249"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>ショートカット一覧(&amp;K)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="251"/>
        <source>&amp;About Kankei Desktop</source>
        <translation>このアプリについて(&amp;A)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="282"/>
        <location filename="../kankei_desktop/ui/main_window.py" line="295"/>
        <source>Input template</source>
        <translation>入力用のひな形</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="282"/>
        <source>Template for</source>
        <translation>ひな形の種類</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="287"/>
        <source>Save template</source>
        <translation>ひな形の保存</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="288"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="297"/>
        <source>Template saved: %1</source>
        <translation>ひな形を保存しました: %1</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="310"/>
        <location filename="../kankei_desktop/ui/main_window.py" line="319"/>
        <location filename="../kankei_desktop/ui/main_window.py" line="328"/>
        <source>New file</source>
        <translation>新しいファイル</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="311"/>
        <source>Kankei Desktop file (*.sqlite3)</source>
        <translation>関係人口デスクのファイル (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="320"/>
        <source>%1 already exists. Choose another name, or open it with Open file.</source>
        <translation>%1 はすでにあります。別の名前にするか、「ファイルを開く」で開いてください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="336"/>
        <location filename="../kankei_desktop/ui/main_window.py" line="343"/>
        <source>Open file</source>
        <translation>ファイルを開く</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="337"/>
        <source>Kankei Desktop file (*.sqlite3 *.db);;All files (*)</source>
        <translation>関係人口デスクのファイル (*.sqlite3 *.db);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="343"/>
        <source>This file is already open.</source>
        <translation>このファイルはもう開いています。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="350"/>
        <source>Cannot open the file</source>
        <translation>ファイルを開けません</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="375"/>
        <source>Window</source>
        <translation>画面全体</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="384"/>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="385"/>
        <location filename="../kankei_desktop/ui/main_window.py" line="386"/>
        <source>Redo</source>
        <translation>やり直す</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="387"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="403"/>
        <source>Everywhere</source>
        <translation>どこでも</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="426"/>
        <source>About Kankei Desktop</source>
        <translation>このアプリについて</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="427"/>
        <source>&lt;b&gt;%1&lt;/b&gt; version %2&lt;br&gt;Records and figures for relationship-population (関係人口) coordinators, offline.&lt;br&gt;File: %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; バージョン %2&lt;br&gt;関係人口コーディネーターのための記録・集計アプリ（オフラインで動きます）。&lt;br&gt;ファイル: %3</translation>
    </message>
</context>
<context>
    <name>OverflowToolbar</name>
    <message>
        <location filename="../kankei_desktop/ui/widgets.py" line="256"/>
        <location filename="../kankei_desktop/ui/widgets.py" line="257"/>
        <source>More actions</source>
        <translation>その他の操作</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../kankei_desktop/ui/widgets.py" line="62"/>
        <source>Whole year</source>
        <translation>年度全体</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/widgets.py" line="64"/>
        <source>Q%1</source>
        <translation>第%1四半期</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../kankei_desktop/ui/shortcuts_dialog.py" line="14"/>
        <source>Keyboard shortcuts</source>
        <translation>ショートカット一覧</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/shortcuts_dialog.py" line="18"/>
        <source>Where</source>
        <translation>場所</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/shortcuts_dialog.py" line="18"/>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/shortcuts_dialog.py" line="18"/>
        <source>What it does</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/shortcuts_dialog.py" line="32"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
</TS>
