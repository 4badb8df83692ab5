<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="50"/>
        <source>Reports</source>
        <translation>レポート</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="66"/>
        <source>Include named lists (every page marked as personal data)</source>
        <translation>氏名の一覧を含める（全ページに 取扱注意（個人情報））</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="69"/>
        <source>Counts from 1 below this number are printed as &lt;N in breakdowns</source>
        <translation>内訳で1からこの数未満は「&lt;N」と表示します</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="72"/>
        <source>The coordinator&apos;s comment for this period (printed in the PDF)</source>
        <translation>この期間のコーディネーターのコメント（PDF に掲載）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="74"/>
        <source>Save comment</source>
        <translation>コメントを保存</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="76"/>
        <source>Options</source>
        <translation>オプション</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="78"/>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="79"/>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="80"/>
        <source>Programme</source>
        <translation>プログラム</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="81"/>
        <source>Suppress counts below</source>
        <translation>少数の秘匿（この数未満）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="83"/>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="196"/>
        <source>Comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="87"/>
        <source>Save PDF…</source>
        <translation>保存（PDF）…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="89"/>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="90"/>
        <source>Open in PDF viewer</source>
        <translation>PDFビューアーで開く</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="109"/>
        <source>Preview (summary)</source>
        <translation>プレビュー（概要）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="143"/>
        <source>All programmes</source>
        <translation>すべてのプログラム</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="162"/>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="178"/>
        <source>Counting…</source>
        <translation>集計中…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="198"/>
        <source>Comment saved.</source>
        <translation>コメントを保存しました。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="204"/>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="243"/>
        <source>Save PDF</source>
        <translation>PDF を保存</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="205"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="217"/>
        <source>Writing the PDF…</source>
        <translation>PDF を作成しています…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="233"/>
        <source>Saved %1 (%2 pages).</source>
        <translation>%1 を保存しました（%2 ページ）。</translation>
    </message>
</context>
</TS>
