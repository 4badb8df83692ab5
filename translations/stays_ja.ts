<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>IcsExportDialog</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/ics_dialog.py" line="34"/>
        <source>Export stays</source>
        <translation>滞在の書き出し</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/ics_dialog.py" line="36"/>
        <source>&amp;One file: the stays shown (%1)</source>
        <translation>1 つのファイル: 表示中の滞在（%1）(&amp;O)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/ics_dialog.py" line="37"/>
        <source>all hosts</source>
        <translation>すべての受入先</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/ics_dialog.py" line="38"/>
        <source>One file &amp;per host, into a folder</source>
        <translation>受入先ごとに 1 ファイル（フォルダーに保存）(&amp;P)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/ics_dialog.py" line="43"/>
        <source>Include &amp;cancelled stays (written as cancelled)</source>
        <translation>中止の滞在も含める（中止として書き出す）(&amp;C)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/ics_dialog.py" line="45"/>
        <source>File or folder</source>
        <translation>ファイルまたはフォルダー</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/ics_dialog.py" line="46"/>
        <source>Choose…</source>
        <translation>選ぶ…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/ics_dialog.py" line="49"/>
        <source>&amp;Save to</source>
        <translation>保存先(&amp;S)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/ics_dialog.py" line="54"/>
        <source>Outlook adds the events of a file as new appointments; Google Calendar&apos;s import adds them and does not change events imported before. To refresh a calendar, import into a calendar of its own and replace it (see the help on stays).</source>
        <translation>Outlook はファイルの予定を新しい予定として追加します。Google カレンダーの取り込みも追加するだけで、前に取り込んだ予定は変わりません。最新にするときは、専用のカレンダーに取り込み、そのカレンダーごと入れ替えてください（滞在のヘルプを参照）。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/ics_dialog.py" line="94"/>
        <source>%1 files written to %2</source>
        <translation>%1 個のファイルを書き出しました: %2</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/ics_dialog.py" line="97"/>
        <source>No host has stays to write; no file was made.</source>
        <translation>書き出す滞在のある受入先がありません。ファイルは作っていません。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/ics_dialog.py" line="102"/>
        <source>%1 stays written to %2</source>
        <translation>%1 件の滞在を書き出しました: %2</translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/month.py" line="33"/>
        <source>Stays, month view</source>
        <translation>滞在（月表示）</translation>
    </message>
</context>
<context>
    <name>StayEditor</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="55"/>
        <source>Stay</source>
        <translation>滞在</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="55"/>
        <source>New stay</source>
        <translation>新しい滞在</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="83"/>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="281"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="84"/>
        <source>Delete a stay entered by mistake (a stay that did not happen is Cancelled)</source>
        <translation>誤って登録した滞在を削除します（実施しなかった滞在は「中止」に）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="280"/>
        <source>Delete this stay? Use the status Cancelled for a stay that was called off.</source>
        <translation>この滞在を削除しますか？ 取りやめになった滞在は状態を「中止」にしてください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="108"/>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="111"/>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="114"/>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="187"/>
        <source>End is before start</source>
        <translation>終了日が開始日より前です</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="191"/>
        <source>%1 · %2 days, %3 nights</source>
        <translation>%1・%2日間（%3泊）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="215"/>
        <source>Over capacity</source>
        <translation>定員超過</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="216"/>
        <source>To save anyway, give the reason (it is recorded):</source>
        <translation>それでも登録する場合は理由を入力してください（記録されます）:</translation>
    </message>
</context>
<context>
    <name>StaysPage</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="45"/>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="209"/>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="220"/>
        <source>Stays</source>
        <translation>滞在</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="59"/>
        <source>Previous month</source>
        <translation>前の月</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="60"/>
        <source>Next month</source>
        <translation>次の月</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="61"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="67"/>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="68"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="71"/>
        <source>New stay</source>
        <translation>新しい滞在</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="71"/>
        <source>New stay (Ctrl+N)</source>
        <translation>新しい滞在（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="72"/>
        <source>.ics</source>
        <translation>.ics 書き出し</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="72"/>
        <source>Export the stays for Outlook / Google Calendar</source>
        <translation>滞在を Outlook・Google カレンダー用に書き出す</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="73"/>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="245"/>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="248"/>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="255"/>
        <source>Host schedule</source>
        <translation>受入予定表</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="74"/>
        <source>Printable schedule (PDF) of the host chosen in the filter</source>
        <translation>絞り込みで選んだ受入先の受入予定表（PDF）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="76"/>
        <source>Import…</source>
        <translation>取り込み…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="77"/>
        <source>Read stays from Excel or CSV (Ctrl+I)</source>
        <translation>滞在を Excel・CSV から取り込みます（Ctrl+I）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="78"/>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="79"/>
        <source>Write the stays to Excel or CSV (Ctrl+E)</source>
        <translation>滞在を Excel・CSV に書き出します（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="101"/>
        <source>Drag across days to create a stay (double-click a day for one day); double-click a stay to open it. Red: Sunday/holiday, blue: Saturday, beige: year-end closing (12/29–1/3), yellow: today.</source>
        <translation>日付をドラッグして滞在を登録（1日だけならダブルクリック）、滞在をダブルクリックで開きます。赤: 日曜・祝日、青: 土曜、ベージュ: 年末年始の閉庁日（12/29〜1/3）、黄: 今日。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="104"/>
        <source>Stays: ○ planned, ● confirmed, ✓ done, × cancelled.</source>
        <translation>滞在: ○予定、●確定、✓実施済、×中止。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="55"/>
        <source>Loading the stays</source>
        <translation>滞在の読み込み</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="146"/>
        <source>All programmes</source>
        <translation>すべてのプログラム</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="147"/>
        <source>All hosts</source>
        <translation>すべての受入先</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="172"/>
        <source>%1/%2</source>
        <translation>%1年%2月</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="174"/>
        <source>Loading the stays…</source>
        <translation>滞在を読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="205"/>
        <source>Stays this month: %1</source>
        <translation>この月の滞在 %1 件</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="245"/>
        <source>Choose a host in the filter first.</source>
        <translation>先に絞り込みで受入先を選んでください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="257"/>
        <source>Schedule written to %1</source>
        <translation>受入予定表を書き出しました: %1</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/timeline.py" line="86"/>
        <source>Stays, timeline by host</source>
        <translation>滞在（受入先ごとのタイムライン）</translation>
    </message>
</context>
</TS>
