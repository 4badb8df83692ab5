<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>HomePage</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="49"/>
        <source>Home</source>
        <translation>ホーム</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="62"/>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="68"/>
        <source>Progress at a glance</source>
        <translation>進捗の概要</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="99"/>
        <source>Ladder (persons at the end of the period)</source>
        <translation>関わりの段階（期末の人数）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="100"/>
        <source>Monthly unique persons and person-visits</source>
        <translation>月別の実人数とのべ人数</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="101"/>
        <source>Needs attention</source>
        <translation>要対応</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="130"/>
        <source>Counting…</source>
        <translation>集計中…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="167"/>
        <source>Nothing to follow up.</source>
        <translation>要対応はありません。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="177"/>
        <source>Target</source>
        <translation>目標</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="178"/>
        <source>No data for this period</source>
        <translation>この期間のデータはありません</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="180"/>
        <source>M%1</source>
        <translation>%1月</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="182"/>
        <source>Unique persons</source>
        <translation>実人数</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="182"/>
        <source>Person-visits</source>
        <translation>のべ人数</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="193"/>
        <source>Persons with at least one activity in %1 (double-click opens the person).</source>
        <translation>%1に1回以上活動した人（ダブルクリックで参加者を開きます）。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="196"/>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="203"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="196"/>
        <source>Visits</source>
        <translation>のべ</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="196"/>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="203"/>
        <source>Last activity</source>
        <translation>最終活動日</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="202"/>
        <source>Persons whose current stage is %1.</source>
        <translation>現在の段階が「%1」の人。</translation>
    </message>
</context>
<context>
    <name>LadderChart</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/charts.py" line="36"/>
        <source>Persons by stage of involvement</source>
        <translation>関わりの段階別の人数</translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/tiles.py" line="39"/>
        <source>Figure</source>
        <translation>指標</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/charts.py" line="81"/>
        <source>Persons per month</source>
        <translation>月別の人数</translation>
    </message>
</context>
</TS>
