<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>HomePage</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="53"/>
        <source>Home</source>
        <translation>ホーム</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="85"/>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="91"/>
        <source>Progress at a glance</source>
        <translation>進捗の概要</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="123"/>
        <source>Ladder (persons at the end of the period)</source>
        <translation>関わりの段階（期末の人数）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="124"/>
        <source>Monthly unique persons and person-visits</source>
        <translation>月別の実人数とのべ人数</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="125"/>
        <source>Needs attention</source>
        <translation>要対応</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="141"/>
        <source>Show the &amp;list</source>
        <translation>一覧を見る(&amp;L)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="143"/>
        <source>Remind me in &amp;30 days</source>
        <translation>30日後に再通知(&amp;3)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="177"/>
        <source>Counting…</source>
        <translation>集計中…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="224"/>
        <source>Nothing to follow up.</source>
        <translation>要対応はありません。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="236"/>
        <source>Target</source>
        <translation>目標</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="237"/>
        <source>No data for this period</source>
        <translation>この期間のデータはありません</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="239"/>
        <source>M%1</source>
        <translation>%1月</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="241"/>
        <source>Unique persons</source>
        <translation>実人数</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="241"/>
        <source>Person-visits</source>
        <translation>のべ人数</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="326"/>
        <source>Persons at %1 on %2 (the last day of the period).</source>
        <translation>%2（期間の最終日）に「%1」だった人です。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="283"/>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="313"/>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="328"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="313"/>
        <source>Visits</source>
        <translation>のべ</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="283"/>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="313"/>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="328"/>
        <source>Last activity</source>
        <translation>最終活動日</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="262"/>
        <source>%1 participants are past the retention period (%2).</source>
        <translation>保存期間（%2）を過ぎた参加者が %1 名います。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="265"/>
        <source>(Reminder postponed until %1.)</source>
        <translation>（%1 まで通知を延期中）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="279"/>
        <source>Persons with no contact for longer than %1. Erase their personal data in Data safety → Personal data, or double-click to open a person.</source>
        <translation>%1より長く関わりのない参加者です。個人情報は「データの保護」→「個人情報」で消去できます。ダブルクリックで参加者を開きます。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="282"/>
        <source>Past the retention period</source>
        <translation>保存期間を過ぎた参加者</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="292"/>
        <source>Retention reminder postponed until %1.</source>
        <translation>保存期間の通知を %1 まで延期しました。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="304"/>
        <source>Persons active on two or more different dates in %1.</source>
        <translation>%1に2つ以上の別々の日に活動した人です。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="305"/>
        <source>Persons active in %1 and in the previous fiscal year.</source>
        <translation>%1と前年度の両方に活動した人です。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="306"/>
        <source>Persons active in at least two of the four quarters ending with %1 (visits and last activity over those quarters).</source>
        <translation>%1で終わる4つの四半期のうち2つ以上で活動した人です（のべ・最終活動日もその4四半期のもの）。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="308"/>
        <source>Persons with at least one activity in %1.</source>
        <translation>%1に1回以上活動した人です。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="309"/>
        <source>Double-click opens the person.</source>
        <translation>ダブルクリックで参加者を開きます。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="311"/>
        <source>Only the first %1 are listed.</source>
        <translation>最初の %1 名だけを表示しています。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="321"/>
        <source>Persons whose current stage is %1.</source>
        <translation>現在の段階が「%1」の人。</translation>
    </message>
</context>
<context>
    <name>LadderChart</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/charts.py" line="38"/>
        <source>Persons by stage of involvement</source>
        <translation>関わりの段階別の人数</translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/tiles.py" line="43"/>
        <source>Figure</source>
        <translation>指標</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/charts.py" line="85"/>
        <source>Persons per month</source>
        <translation>月別の人数</translation>
    </message>
</context>
</TS>
