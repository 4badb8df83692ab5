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
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="194"/>
        <source>Persons active on two or more different dates in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="195"/>
        <source>Persons active in %1 and in the previous fiscal year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="196"/>
        <source>Persons active in at least two of the four quarters ending with %1 (visits and last activity over those quarters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="198"/>
        <source>Persons with at least one activity in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="199"/>
        <source>Double-click opens the person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="201"/>
        <source>Only the first %1 are listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="203"/>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="210"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="203"/>
        <source>Visits</source>
        <translation>のべ</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="203"/>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="210"/>
        <source>Last activity</source>
        <translation>最終活動日</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="209"/>
        <source>Persons whose current stage is %1.</source>
        <translation>現在の段階が「%1」の人。</translation>
    </message>
</context>
</TS>
