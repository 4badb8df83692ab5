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
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="86"/>
        <source>All</source>
        <translation>全体</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="89"/>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
</context>
<context>
    <name>IndicatorsDialog</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="135"/>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="156"/>
        <source>Custom indicators</source>
        <translation>独自指標</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="148"/>
        <source>Show archived</source>
        <translation>アーカイブ済みも表示</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="153"/>
        <source>Indicator</source>
        <translation>指標</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="153"/>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="153"/>
        <source>Programme</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="154"/>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="154"/>
        <source>Target</source>
        <translation>目標</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="154"/>
        <source>Source</source>
        <translation>出典・備考</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="164"/>
        <source>Save &amp;value</source>
        <translation>値を保存(&amp;V)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="165"/>
        <source>&amp;New…</source>
        <translation>新規(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="166"/>
        <source>&amp;Edit…</source>
        <translation>編集(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="167"/>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="255"/>
        <source>&amp;Archive</source>
        <translation>アーカイブ(&amp;A)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="168"/>
        <source>&amp;Import values…</source>
        <translation>値を取り込む(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="169"/>
        <source>Save &amp;template…</source>
        <translation>テンプレートを保存(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="175"/>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="181"/>
        <source>Va&amp;lue</source>
        <translation>値(&amp;L)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="181"/>
        <source>Tar&amp;get</source>
        <translation>目標(&amp;G)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="222"/>
        <source> (archived)</source>
        <translation>（アーカイブ済み）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="223"/>
        <source> (paired with %1)</source>
        <translation>（対: %1）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="226"/>
        <source>(from %1 amounts)</source>
        <translation>（%1の金額から計算）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="227"/>
        <source>All</source>
        <translation>全体</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="255"/>
        <source>&amp;Restore</source>
        <translation>元に戻す(&amp;R)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="275"/>
        <source>Value saved.</source>
        <translation>値を保存しました。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="297"/>
        <source>Restored %1.</source>
        <translation>%1 を元に戻しました。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="297"/>
        <source>Archived %1.</source>
        <translation>%1 をアーカイブしました。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="303"/>
        <source>Import indicator values</source>
        <translation>指標の値を取り込む</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="304"/>
        <source>Sheets (*.xlsx *.csv)</source>
        <translation>シート (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="316"/>
        <source>Nothing imported:</source>
        <translation>取り込みませんでした:</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="318"/>
        <source>Imported %1 values.</source>
        <translation>%1 件の値を取り込みました。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="324"/>
        <source>Save template</source>
        <translation>テンプレートを保存</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="326"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/indicators.py" line="333"/>
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
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="89"/>
        <source>Include named lists (every page marked as personal data)</source>
        <translation>氏名の一覧を含める（全ページに 取扱注意（個人情報））</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="92"/>
        <source>Counts from 1 below this number are printed as &lt;N in breakdowns</source>
        <translation>内訳で1からこの数未満は「&lt;N」と表示します</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="96"/>
        <source>The coordinator&apos;s comment for this period (printed in the PDF)</source>
        <translation>この期間のコーディネーターのコメント（PDF に掲載）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="98"/>
        <source>Save comment</source>
        <translation>コメントを保存</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="100"/>
        <source>Options</source>
        <translation>オプション</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="102"/>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="103"/>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="104"/>
        <source>Programme</source>
        <translation>プログラム</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="105"/>
        <source>Suppress counts below</source>
        <translation>少数の秘匿（この数未満）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="107"/>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="242"/>
        <source>Comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="114"/>
        <source>Save PDF…</source>
        <translation>保存（PDF）…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="116"/>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="117"/>
        <source>Open in PDF viewer</source>
        <translation>PDFビューアーで開く</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="118"/>
        <source>Custom &amp;indicators…</source>
        <translation>独自指標(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="121"/>
        <source>Create your own indicators (examples 3 and 4) and enter their values per year or quarter</source>
        <translation>独自指標（例3・例4）の作成と、年度・四半期ごとの値の入力</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="122"/>
        <source>Ladder &amp;suggestions…</source>
        <translation>段階の提案(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="73"/>
        <source>Preview (summary)</source>
        <translation>プレビュー（概要）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="189"/>
        <source>All programmes</source>
        <translation>すべてのプログラム</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="208"/>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="224"/>
        <source>Counting…</source>
        <translation>集計中…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="244"/>
        <source>Comment saved.</source>
        <translation>コメントを保存しました。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="250"/>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="289"/>
        <source>Save PDF</source>
        <translation>PDF を保存</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="251"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="263"/>
        <source>Writing the PDF…</source>
        <translation>PDF を作成しています…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/reports/page.py" line="279"/>
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
