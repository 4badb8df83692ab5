<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>HomePage</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="50"/>
        <source>Home</source>
        <translation>ホーム</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="66"/>
        <source>Whole year</source>
        <translation>年度全体</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="68"/>
        <source>Q%1</source>
        <translation>第%1四半期</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="69"/>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="75"/>
        <source>Progress at a glance</source>
        <translation>進捗の概要</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="106"/>
        <source>Ladder (persons at the end of the period)</source>
        <translation>関わりの段階（期末の人数）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="107"/>
        <source>Monthly unique persons and person-visits</source>
        <translation>月別の実人数とのべ人数</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="108"/>
        <source>Needs attention</source>
        <translation>要対応</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="132"/>
        <source>Counting…</source>
        <translation>集計中…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="166"/>
        <source>Nothing to follow up.</source>
        <translation>要対応はありません。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="173"/>
        <source>Target</source>
        <translation>目標</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="174"/>
        <source>No data for this period</source>
        <translation>この期間のデータはありません</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="176"/>
        <source>M%1</source>
        <translation>%1月</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="178"/>
        <source>Unique persons</source>
        <translation>実人数</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="178"/>
        <source>Person-visits</source>
        <translation>のべ人数</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="189"/>
        <source>Persons with at least one activity in %1 (double-click opens the person).</source>
        <translation>%1に1回以上活動した人（ダブルクリックで参加者を開きます）。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="192"/>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="199"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="192"/>
        <source>Visits</source>
        <translation>のべ</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="192"/>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="199"/>
        <source>Last activity</source>
        <translation>最終活動日</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/home/page.py" line="198"/>
        <source>Persons whose current stage is %1.</source>
        <translation>現在の段階が「%1」の人。</translation>
    </message>
</context>
</TS>
