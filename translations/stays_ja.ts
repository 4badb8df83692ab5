<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
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
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="60"/>
        <source>Search participants by name, furigana, phone</source>
        <translation>参加者を氏名・フリガナ・電話で検索</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="67"/>
        <source>Add ↓</source>
        <translation>追加 ↓</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="68"/>
        <source>Remove</source>
        <translation>外す</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="105"/>
        <source>Find</source>
        <translation>検索</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="108"/>
        <source>Participants</source>
        <translation>参加者</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="109"/>
        <source>Host</source>
        <translation>受入先</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="110"/>
        <source>Lodging</source>
        <translation>宿泊先</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="111"/>
        <source>Dates</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="113"/>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="114"/>
        <source>Programme</source>
        <translation>プログラム</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="115"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="116"/>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="119"/>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="300"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="120"/>
        <source>Delete a stay entered by mistake (a stay that did not happen is 中止)</source>
        <translation>誤って登録した滞在を削除します（実施しなかった滞在は「中止」に）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="157"/>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="160"/>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="163"/>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="239"/>
        <source>End is before start</source>
        <translation>終了日が開始日より前です</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="244"/>
        <source>%1 · %2 days, %3 nights</source>
        <translation>%1・%2日間（%3泊）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="265"/>
        <source>Over capacity</source>
        <translation>定員超過</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="266"/>
        <source>To save anyway, give the reason (it is recorded):</source>
        <translation>それでも登録する場合は理由を入力してください（記録されます）:</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/editor.py" line="299"/>
        <source>Delete this stay? Use the status 中止 for a stay that was called off.</source>
        <translation>この滞在を削除しますか？ 取りやめになった滞在は状態を「中止」にしてください。</translation>
    </message>
</context>
<context>
    <name>StaysPage</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="43"/>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="188"/>
        <source>Stays</source>
        <translation>滞在</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="50"/>
        <source>Previous month</source>
        <translation>前の月</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="51"/>
        <source>Next month</source>
        <translation>次の月</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="52"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="58"/>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="59"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="62"/>
        <source>New stay</source>
        <translation>新しい滞在</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="62"/>
        <source>New stay (Ctrl+N)</source>
        <translation>新しい滞在（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="63"/>
        <source>.ics</source>
        <translation>.ics 書き出し</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="63"/>
        <source>Export the stays for Outlook / Google Calendar</source>
        <translation>滞在を Outlook・Google カレンダー用に書き出す</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="64"/>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="218"/>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="221"/>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="228"/>
        <source>Host schedule</source>
        <translation>受入予定表</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="65"/>
        <source>Printable schedule (PDF) of the host chosen in the filter</source>
        <translation>絞り込みで選んだ受入先の受入予定表（PDF）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="67"/>
        <source>Import…</source>
        <translation>取り込み…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="68"/>
        <source>Read stays from Excel or CSV (Ctrl+I)</source>
        <translation>滞在を Excel・CSV から取り込みます（Ctrl+I）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="69"/>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="70"/>
        <source>Write the stays to Excel or CSV (Ctrl+E)</source>
        <translation>滞在を Excel・CSV に書き出します（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="92"/>
        <source>Drag across days to create a stay (double-click a day for one day); double-click a stay to open it. Red: Sunday/holiday, blue: Saturday, beige: year-end closing (12/29–1/3), yellow: today.</source>
        <translation>日付をドラッグして滞在を登録（1日だけならダブルクリック）、滞在をダブルクリックで開きます。赤: 日曜・祝日、青: 土曜、ベージュ: 年末年始の閉庁日（12/29〜1/3）、黄: 今日。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="138"/>
        <source>All programmes</source>
        <translation>すべてのプログラム</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="139"/>
        <source>All hosts</source>
        <translation>すべての受入先</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="170"/>
        <source>%1/%2</source>
        <translation>%1年%2月</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="177"/>
        <source>%1 stays this month</source>
        <translation>この月の滞在 %1 件</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="201"/>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="209"/>
        <source>Export stays</source>
        <translation>滞在の書き出し</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="211"/>
        <source>%1 stays written to %2</source>
        <translation>%1 件の滞在を書き出しました: %2</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="218"/>
        <source>Choose a host in the filter first.</source>
        <translation>先に絞り込みで受入先を選んでください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/stays/page.py" line="230"/>
        <source>Schedule written to %1</source>
        <translation>受入予定表を書き出しました: %1</translation>
    </message>
</context>
</TS>
