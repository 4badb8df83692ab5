<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>IndicatorEditor</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="46"/>
        <source>Edit indicator</source>
        <translation>指標の編集</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="46"/>
        <source>New indicator</source>
        <translation>新しい指標</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="57"/>
        <source>(open)</source>
        <translation>（指定なし）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="60"/>
        <source>Entered by hand</source>
        <translation>手入力</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="62"/>
        <source>Sum of %1 amounts</source>
        <translation>%1の金額の合計</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="64"/>
        <source>e.g. coordinators (a programme target&apos;s key)</source>
        <translation>例: coordinators（プログラム目標のキー）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="68"/>
        <source>&amp;Name</source>
        <translation>指標名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="68"/>
        <source>&amp;Unit</source>
        <translation>単位(&amp;U)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="69"/>
        <source>&amp;Programme</source>
        <translation>対象プログラム(&amp;P)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="69"/>
        <source>&amp;Source note</source>
        <translation>出典・備考(&amp;S)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="70"/>
        <source>&amp;First fiscal year</source>
        <translation>最初の年度(&amp;F)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="71"/>
        <source>&amp;Last fiscal year</source>
        <translation>最後の年度(&amp;L)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="72"/>
        <source>P&amp;air with</source>
        <translation>対にする指標(&amp;A)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="72"/>
        <source>&amp;Value</source>
        <translation>値の出し方(&amp;V)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="73"/>
        <source>Counts toward &amp;target</source>
        <translation>実績とする目標(&amp;T)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="90"/>
        <source>All</source>
        <translation>全体</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="93"/>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
</context>
<context>
    <name>IndicatorsDialog</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="138"/>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="152"/>
        <source>Custom indicators</source>
        <translation>独自指標</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="144"/>
        <source>Show archived</source>
        <translation>アーカイブ済みも表示</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="149"/>
        <source>Indicator</source>
        <translation>指標</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="149"/>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="149"/>
        <source>Programme</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="150"/>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="150"/>
        <source>Target</source>
        <translation>目標</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="150"/>
        <source>Source</source>
        <translation>出典・備考</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="160"/>
        <source>Save &amp;value</source>
        <translation>値を保存(&amp;V)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="161"/>
        <source>&amp;New…</source>
        <translation>新規(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="162"/>
        <source>&amp;Edit…</source>
        <translation>編集(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="163"/>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="252"/>
        <source>&amp;Archive</source>
        <translation>アーカイブ(&amp;A)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="164"/>
        <source>&amp;Import values…</source>
        <translation>値を取り込む(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="165"/>
        <source>Save &amp;template…</source>
        <translation>テンプレートを保存(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="171"/>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="177"/>
        <source>Va&amp;lue</source>
        <translation>値(&amp;L)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="177"/>
        <source>Tar&amp;get</source>
        <translation>目標(&amp;G)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="219"/>
        <source> (archived)</source>
        <translation>（アーカイブ済み）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="220"/>
        <source> (paired with %1)</source>
        <translation>（対: %1）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="223"/>
        <source>(from %1 amounts)</source>
        <translation>（%1の金額から計算）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="224"/>
        <source>All</source>
        <translation>全体</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="252"/>
        <source>&amp;Restore</source>
        <translation>元に戻す(&amp;R)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="272"/>
        <source>Value saved.</source>
        <translation>値を保存しました。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="294"/>
        <source>Restored %1.</source>
        <translation>%1 を元に戻しました。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="294"/>
        <source>Archived %1.</source>
        <translation>%1 をアーカイブしました。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="300"/>
        <source>Import indicator values</source>
        <translation>指標の値を取り込む</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="301"/>
        <source>Sheets (*.xlsx *.csv)</source>
        <translation>シート (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="313"/>
        <source>Nothing imported:</source>
        <translation>取り込みませんでした:</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="315"/>
        <source>Imported %1 values.</source>
        <translation>%1 件の値を取り込みました。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="321"/>
        <source>Save template</source>
        <translation>テンプレートを保存</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="323"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="330"/>
        <source>Template saved.</source>
        <translation>テンプレートを保存しました。</translation>
    </message>
</context>
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
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="73"/>
        <source>The coordinator&apos;s comment for this period (printed in the PDF)</source>
        <translation>この期間のコーディネーターのコメント（PDF に掲載）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="75"/>
        <source>Save comment</source>
        <translation>コメントを保存</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="77"/>
        <source>Options</source>
        <translation>オプション</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="79"/>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="80"/>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="81"/>
        <source>Programme</source>
        <translation>プログラム</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="82"/>
        <source>Suppress counts below</source>
        <translation>少数の秘匿（この数未満）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="84"/>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="226"/>
        <source>Comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="88"/>
        <source>Save PDF…</source>
        <translation>保存（PDF）…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="90"/>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="91"/>
        <source>Open in PDF viewer</source>
        <translation>PDFビューアーで開く</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="92"/>
        <source>Custom &amp;indicators…</source>
        <translation>独自指標(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="95"/>
        <source>Create your own indicators (examples 3 and 4) and enter their values per year or quarter</source>
        <translation>独自指標（例3・例4）の作成と、年度・四半期ごとの値の入力</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="96"/>
        <source>Ladder &amp;suggestions…</source>
        <translation>段階の提案(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="117"/>
        <source>Preview (summary)</source>
        <translation>プレビュー（概要）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="173"/>
        <source>All programmes</source>
        <translation>すべてのプログラム</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="192"/>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="208"/>
        <source>Counting…</source>
        <translation>集計中…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="228"/>
        <source>Comment saved.</source>
        <translation>コメントを保存しました。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="234"/>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="273"/>
        <source>Save PDF</source>
        <translation>PDF を保存</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="235"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="247"/>
        <source>Writing the PDF…</source>
        <translation>PDF を作成しています…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="263"/>
        <source>Saved %1 (%2 pages).</source>
        <translation>%1 を保存しました（%2 ページ）。</translation>
    </message>
</context>
<context>
    <name>SuggestionsDialog</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/ladder.py" line="54"/>
        <location filename="../kankei_desktop/ui/areas/reports/ladder.py" line="121"/>
        <source>Ladder suggestions</source>
        <translation>関わりの段階の提案</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/ladder.py" line="59"/>
        <source>Pending suggestions</source>
        <translation>未対応の提案</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/ladder.py" line="58"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/ladder.py" line="58"/>
        <source>Now</source>
        <translation>現在</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/ladder.py" line="58"/>
        <source>Suggested</source>
        <translation>提案</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/ladder.py" line="58"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/ladder.py" line="68"/>
        <source>Change &amp;date</source>
        <translation>変更日(&amp;D)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/ladder.py" line="70"/>
        <source>&amp;Accept for the selected persons</source>
        <translation>選んだ人の提案を承認(&amp;A)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/ladder.py" line="99"/>
        <source>Counting…</source>
        <translation>集計中…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/ladder.py" line="109"/>
        <source>%1 persons have a suggestion waiting. Select the ones to accept (Ctrl or Shift for several).</source>
        <translation>%1 名に段階の提案があります。承認する人を選んでください（複数は Ctrl か Shift）。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/ladder.py" line="129"/>
        <source>Change the stage of %1 persons as suggested, dated %2: %3</source>
        <translation>%1 名の段階を提案どおりに変更します（変更日 %2）: %3</translation>
    </message>
</context>
</TS>
