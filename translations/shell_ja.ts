<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Accessibility</name>
    <message>
        <location filename="../kankei_desktop/ui/accessibility.py" line="104"/>
        <source>Clear</source>
        <extracomment>Marks drawn before a stay&apos;s title in the timeline, the month view and the board.</extracomment>
        <translation>消去</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../kankei_desktop/ui/app.py" line="169"/>
        <source>Cannot open the file</source>
        <translation>ファイルを開けません</translation>
    </message>
</context>
<context>
    <name>ConflictBox</name>
    <message>
        <location filename="../kankei_desktop/ui/conflict.py" line="70"/>
        <source>Changed by someone else</source>
        <translation>ほかの人が変更しました</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/conflict.py" line="71"/>
        <source>Reload</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/conflict.py" line="72"/>
        <source>Choose field by field…</source>
        <translation>項目ごとに選ぶ…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/conflict.py" line="73"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>FieldChoiceDialog</name>
    <message>
        <location filename="../kankei_desktop/ui/conflict.py" line="98"/>
        <source>Choose field by field</source>
        <translation>項目ごとに選ぶ</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/conflict.py" line="101"/>
        <source>For each field, choose the value to keep. Fields not listed are the same.</source>
        <translation>項目ごとに、残す値を選んでください。ここにない項目は同じ値です。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/conflict.py" line="105"/>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/conflict.py" line="105"/>
        <source>My value</source>
        <translation>自分の入力</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/conflict.py" line="105"/>
        <source>Saved by the other person</source>
        <translation>ほかの人が保存した値</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/conflict.py" line="113"/>
        <location filename="../kankei_desktop/ui/conflict.py" line="114"/>
        <source>(empty)</source>
        <translation>（空欄）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/conflict.py" line="126"/>
        <source>Save with these values</source>
        <translation>この値で保存</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/conflict.py" line="127"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../kankei_desktop/ui/help_menu.py" line="24"/>
        <source>Window</source>
        <translation>画面全体</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/help_menu.py" line="33"/>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/help_menu.py" line="34"/>
        <location filename="../kankei_desktop/ui/help_menu.py" line="35"/>
        <source>Redo</source>
        <translation>やり直す</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/help_menu.py" line="36"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/help_menu.py" line="52"/>
        <source>Everywhere</source>
        <translation>どこでも</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/help_menu.py" line="75"/>
        <source>About Kankei Desktop</source>
        <translation>このアプリについて</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/help_menu.py" line="76"/>
        <source>&lt;b&gt;%1&lt;/b&gt; version %2&lt;br&gt;Records and figures for relationship-population (関係人口) coordinators, offline.&lt;br&gt;File: %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; バージョン %2&lt;br&gt;関係人口コーディネーターのための記録・集計アプリ（オフラインで動きます）。&lt;br&gt;ファイル: %3</translation>
    </message>
</context>
<context>
    <name>JobBar</name>
    <message>
        <location filename="../kankei_desktop/ui/worker.py" line="194"/>
        <source>Progress</source>
        <translation>進行状況</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/worker.py" line="197"/>
        <source>Cancel</source>
        <translation>取り消し</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/worker.py" line="206"/>
        <source>Not done</source>
        <translation>実行できませんでした</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/worker.py" line="250"/>
        <source>Stopping…</source>
        <translation>止めています…</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <location filename="../kankei_desktop/ui/widgets.py" line="81"/>
        <source>Open the current row of a list</source>
        <translation>一覧で選んでいる行を開く</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/widgets.py" line="82"/>
        <source>Next / previous field (also out of lists and notes boxes)</source>
        <translation>次の / 前の項目へ（一覧や備考欄からも抜けます）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/widgets.py" line="83"/>
        <source>Insert a tab character in a notes box</source>
        <translation>備考欄にタブ文字を入れる</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/widgets.py" line="84"/>
        <source>From a search box down to its list</source>
        <translation>検索欄から下の一覧へ移る</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/widgets.py" line="85"/>
        <source>Save, in every editor</source>
        <translation>保存（どの編集画面でも）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/widgets.py" line="86"/>
        <source>Close a dialog without saving</source>
        <translation>保存せずに画面を閉じる</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/widgets.py" line="87"/>
        <source>Stays calendar: move between days (Shift: choose several days)</source>
        <translation>滞在の予定表: 日を移動（Shift: 複数の日を選ぶ）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/widgets.py" line="88"/>
        <source>Stays calendar: pick the next stay of the day</source>
        <translation>滞在の予定表: その日の次の滞在を選ぶ</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/widgets.py" line="89"/>
        <source>Stays calendar: open the stay, or create one on the chosen days / always create one</source>
        <translation>滞在の予定表: 滞在を開く、なければ選んだ日で新規作成 / 常に新規作成</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="108"/>
        <source>Kankei Desktop</source>
        <translation>関係人口デスク</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="142"/>
        <source>Saved</source>
        <translation>保存済み</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="223"/>
        <source>Search in the list of this area</source>
        <translation>この画面の一覧を検索</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="225"/>
        <source>New record in this area</source>
        <translation>この画面で新規作成</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="226"/>
        <source>Reload this area</source>
        <translation>この画面を再読み込み</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="227"/>
        <source>Search all participants</source>
        <translation>参加者全体を検索</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="246"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="248"/>
        <source>&amp;New file…</source>
        <translation>新しいファイル(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="249"/>
        <source>&amp;Open file…</source>
        <translation>ファイルを開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="255"/>
        <source>&amp;Import…</source>
        <translation>取り込み(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="256"/>
        <source>&amp;Export…</source>
        <translation>書き出し(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="257"/>
        <source>Input &amp;template…</source>
        <translation>入力用のひな形(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="259"/>
        <source>&amp;Backup now</source>
        <translation>バックアップ(&amp;B)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="261"/>
        <source>E&amp;xit</source>
        <translation>終了(&amp;X)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="262"/>
        <source>&amp;Go</source>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="271"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="273"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>ショートカット一覧(&amp;K)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="275"/>
        <source>&amp;About Kankei Desktop</source>
        <translation>このアプリについて(&amp;A)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="306"/>
        <location filename="../kankei_desktop/ui/main_window.py" line="319"/>
        <source>Input template</source>
        <translation>入力用のひな形</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="306"/>
        <source>Template for</source>
        <translation>ひな形の種類</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="311"/>
        <source>Save template</source>
        <translation>ひな形の保存</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="312"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="321"/>
        <source>Template saved: %1</source>
        <translation>ひな形を保存しました: %1</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="334"/>
        <location filename="../kankei_desktop/ui/main_window.py" line="343"/>
        <location filename="../kankei_desktop/ui/main_window.py" line="352"/>
        <source>New file</source>
        <translation>新しいファイル</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="335"/>
        <source>Kankei Desktop file (*.sqlite3)</source>
        <translation>関係人口デスクのファイル (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="344"/>
        <source>%1 already exists. Choose another name, or open it with Open file.</source>
        <translation>%1 はすでにあります。別の名前にするか、「ファイルを開く」で開いてください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="361"/>
        <location filename="../kankei_desktop/ui/main_window.py" line="374"/>
        <source>Open file</source>
        <translation>ファイルを開く</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="362"/>
        <source>Kankei Desktop file (*.sqlite3 *.db);;All files (*)</source>
        <translation>関係人口デスクのファイル (*.sqlite3 *.db);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="374"/>
        <source>This file is already open.</source>
        <translation>このファイルはもう開いています。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="381"/>
        <source>Cannot open the file</source>
        <translation>ファイルを開けません</translation>
    </message>
</context>
<context>
    <name>OpenFindingsBanner</name>
    <message>
        <location filename="../kankei_desktop/ui/open_findings.py" line="26"/>
        <source>What opening the file found</source>
        <translation>ファイルを開いたときの確認結果</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/open_findings.py" line="30"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/open_findings.py" line="30"/>
        <source>Note</source>
        <translation>お知らせ</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/open_findings.py" line="40"/>
        <source>&amp;Dismiss</source>
        <translation>閉じる(&amp;D)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/open_findings.py" line="42"/>
        <source>Hide this message (Ctrl+Shift+D)</source>
        <translation>このお知らせを閉じます（Ctrl+Shift+D）</translation>
    </message>
</context>
<context>
    <name>OverflowToolbar</name>
    <message>
        <location filename="../kankei_desktop/ui/widgets.py" line="261"/>
        <location filename="../kankei_desktop/ui/widgets.py" line="262"/>
        <source>More actions</source>
        <translation>その他の操作</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../kankei_desktop/ui/widgets.py" line="66"/>
        <source>Whole year</source>
        <translation>年度全体</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/widgets.py" line="68"/>
        <source>Q%1</source>
        <translation>第%1四半期</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../kankei_desktop/ui/worker.py" line="276"/>
        <source>Progress</source>
        <translation>進行状況</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/worker.py" line="277"/>
        <source>Cancel</source>
        <translation>取り消し</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../kankei_desktop/ui/shortcuts_dialog.py" line="15"/>
        <source>Keyboard shortcuts</source>
        <translation>ショートカット一覧</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/shortcuts_dialog.py" line="19"/>
        <source>Where</source>
        <translation>場所</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/shortcuts_dialog.py" line="19"/>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/shortcuts_dialog.py" line="19"/>
        <source>What it does</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/shortcuts_dialog.py" line="27"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <location filename="../kankei_desktop/ui/worker.py" line="67"/>
        <source>Unexpected error (%1). Nothing more was done; the details are in the log: %2</source>
        <translation>予期しないエラーが起きました（%1）。処理はここで止めました。詳しい記録はログにあります: %2</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/worker.py" line="324"/>
        <source>Working</source>
        <extracomment>Tests replace it to see the dialog ``run_and_wait`` shows (it is passed each new one).</extracomment>
        <translation>処理中</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/worker.py" line="331"/>
        <source>Stopping…</source>
        <translation>止めています…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/worker.py" line="377"/>
        <source>Background work</source>
        <translation>実行中の処理</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/worker.py" line="378"/>
        <source>Waiting for:</source>
        <translation>次の処理が終わるのを待っています:</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/worker.py" line="379"/>
        <source>Finishing before closing</source>
        <translation>終了の前に処理を終えています</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/worker.py" line="401"/>
        <source>Unexpected error</source>
        <extracomment>Replaced in tests; the real one shows a message box (and never raises).</extracomment>
        <translation>予期しないエラー</translation>
    </message>
</context>
</TS>
