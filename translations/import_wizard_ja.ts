<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>CommitPage</name>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/wizard.py" line="35"/>
        <location filename="../kankei_desktop/ui/import_wizard/wizard.py" line="94"/>
        <source>Import</source>
        <translation>取り込み</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/wizard.py" line="38"/>
        <source>Import now</source>
        <translation>取り込む</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/wizard.py" line="41"/>
        <source>Cancel import</source>
        <translation>取り込みを中止</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/wizard.py" line="48"/>
        <source>Save the report…</source>
        <translation>結果を保存…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/wizard.py" line="67"/>
        <source>New: %1, update: %2, not imported: %3. A backup is made first; nothing is written unless every row can be written.</source>
        <translation>新規 %1 件、更新 %2 件、取り込まない %3 件。先にバックアップを作ります。すべての行を書き込めた場合だけ反映し、途中で失敗・中止したときは何も変更しません。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/wizard.py" line="80"/>
        <source>Writing…</source>
        <translation>書き込み中…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/wizard.py" line="118"/>
        <source>Imported: </source>
        <translation>取り込みました: </translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/wizard.py" line="120"/>
        <source>Backup before the import: </source>
        <translation>取り込み前のバックアップ: </translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/wizard.py" line="135"/>
        <source>Save the report</source>
        <translation>結果の保存</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/wizard.py" line="136"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/export_dialog.py" line="31"/>
        <source>Export to Excel or CSV</source>
        <translation>Excel・CSV に書き出す</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/export_dialog.py" line="33"/>
        <source>Participants</source>
        <translation>参加者</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/export_dialog.py" line="33"/>
        <source>Enrollments</source>
        <translation>参加登録</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/export_dialog.py" line="34"/>
        <source>Stays</source>
        <translation>滞在</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/export_dialog.py" line="34"/>
        <source>Letters</source>
        <translation>手紙</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/export_dialog.py" line="34"/>
        <source>Shipments</source>
        <translation>発送</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/export_dialog.py" line="35"/>
        <source>Interactions</source>
        <translation>関わり</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/export_dialog.py" line="35"/>
        <source>Hosts</source>
        <translation>受入先</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/export_dialog.py" line="36"/>
        <source>Custom indicator values</source>
        <translation>独自指標の値</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/export_dialog.py" line="37"/>
        <source>Whole database (one sheet each)</source>
        <translation>データベース全体（種類ごとにシート）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/export_dialog.py" line="42"/>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/export_dialog.py" line="48"/>
        <source>UTF-8 with BOM (opens in Excel)</source>
        <translation>UTF-8（BOM付き・Excel で開けます）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/export_dialog.py" line="49"/>
        <source>Shift_JIS (CP932)</source>
        <translation>Shift_JIS（CP932）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/export_dialog.py" line="50"/>
        <source>Replace characters Shift_JIS cannot hold with ? (listed after saving)</source>
        <translation>Shift_JIS で表せない文字を ? に置き換える（置き換えた箇所は保存後に表示）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/export_dialog.py" line="52"/>
        <source>Leave out participants who refused contact</source>
        <translation>連絡不可の参加者を除く</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/export_dialog.py" line="53"/>
        <source>This export contains personal data (names, contact details and so on). Mind where you save it and how you pass it on, and delete it when it is no longer needed.</source>
        <translation>この書き出しには個人情報（氏名・連絡先など）が含まれます。保存先と受け渡し方法に注意し、不要になったら削除してください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/export_dialog.py" line="64"/>
        <source>What</source>
        <translation>書き出す内容</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/export_dialog.py" line="65"/>
        <source>File (.xlsx or .csv)</source>
        <translation>ファイル（.xlsx または .csv）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/export_dialog.py" line="66"/>
        <source>CSV encoding</source>
        <translation>CSV の文字コード</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/export_dialog.py" line="74"/>
        <source>Export to</source>
        <translation>書き出し先</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/export_dialog.py" line="75"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/export_dialog.py" line="81"/>
        <source>Choose the file to write.</source>
        <translation>書き出すファイルを指定してください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/export_dialog.py" line="92"/>
        <source>%1 rows written to %2</source>
        <translation>%1 行を %2 に書き出しました</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="39"/>
        <source>Choose a file</source>
        <translation>ファイルの選択</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="40"/>
        <source>Excel (.xlsx, .xls) or CSV (.csv, .tsv) with one participant, stay, shipment, letter, interaction, host or indicator value per row.</source>
        <translation>Excel（.xlsx、.xls）または CSV（.csv、.tsv）。1行に参加者・滞在・発送・手紙・関わり・受入先・独自指標の値のどれか1件。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="43"/>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="48"/>
        <source>Persons</source>
        <translation>参加者</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="48"/>
        <source>Persons with enrollments</source>
        <translation>参加者＋参加登録</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="49"/>
        <source>Stays</source>
        <translation>滞在</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="49"/>
        <source>Shipments</source>
        <translation>発送</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="49"/>
        <source>Letters</source>
        <translation>手紙</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="50"/>
        <source>Interactions (attendance list)</source>
        <translation>関わり（出欠表）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="50"/>
        <source>Hosts</source>
        <translation>受入先</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="51"/>
        <source>Custom indicator values</source>
        <translation>独自指標の値</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="54"/>
        <source>Save a blank template…</source>
        <translation>入力用のひな形を保存…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="56"/>
        <source>An Excel sheet with the Japanese headers this import recognises, input guidance and an example; fill it in and import it here.</source>
        <translation>この取り込みがそのまま読み取れる日本語の見出しに、入力の手引きと記入例を付けた Excel ファイルです。入力してから、ここで取り込んでください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="63"/>
        <source>No file yet? Blank template for</source>
        <translation>ファイルがまだなければ、ひな形を作れます:</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="80"/>
        <source>File to import</source>
        <translation>取り込むファイル</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="81"/>
        <source>Spreadsheets (*.xlsx *.xls *.xlsm *.csv *.tsv *.txt)</source>
        <translation>表計算ファイル (*.xlsx *.xls *.xlsm *.csv *.tsv *.txt)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="87"/>
        <source>Save template</source>
        <translation>ひな形の保存</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="88"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="99"/>
        <source>Template saved: %1. Fill in the first sheet, then choose the file above.</source>
        <translation>ひな形を保存しました: %1。最初のシートに入力してから、上でそのファイルを選んでください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="115"/>
        <source>Opening %1…</source>
        <translation>%1 を開いています…</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/wizard.py" line="159"/>
        <location filename="../kankei_desktop/ui/import_wizard/wizard.py" line="172"/>
        <source>Import from Excel or CSV</source>
        <translation>Excel・CSV から取り込む</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="209"/>
        <source>Columns</source>
        <translation>列の対応</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="210"/>
        <source>Which item each column of the file fills. Your choice is remembered for the next file of this shape.</source>
        <translation>ファイルの各列をどの項目として取り込むかを選びます。選んだ対応は、同じ形のファイルを次に取り込むときに使われます。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="213"/>
        <source>Column in the file</source>
        <translation>ファイルの列</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="213"/>
        <source>First value</source>
        <translation>最初の値</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="213"/>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="231"/>
        <source>Mapping remembered from an earlier import.</source>
        <translation>前回の取り込みで使った対応を読み込みました。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="232"/>
        <source>Mapping recognised from the headers.</source>
        <translation>見出しから対応を判定しました。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="233"/>
        <source>Choose the item of each column.</source>
        <translation>各列の項目を選んでください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="262"/>
        <source>Checking every row…</source>
        <translation>すべての行を確認しています…</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/models.py" line="54"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/models.py" line="56"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/models.py" line="58"/>
        <source>Action</source>
        <translation>処理</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/models.py" line="60"/>
        <source>Messages</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/models.py" line="103"/>
        <source>Looks like the person in row %1</source>
        <translation>%1 行目と同じ人と思われます</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/models.py" line="105"/>
        <source>Looks like a person already registered</source>
        <translation>登録済みの参加者と同じ人と思われます</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="274"/>
        <source>Check every row</source>
        <translation>全行の確認</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="285"/>
        <source>Apply to selected rows</source>
        <translation>選んだ行に適用</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="287"/>
        <source>Save this check…</source>
        <translation>確認結果を保存…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="290"/>
        <source>All duplicates:</source>
        <translation>重複の行すべて:</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="293"/>
        <source>Selected rows:</source>
        <translation>選んだ行:</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="318"/>
        <source>%1 rows: </source>
        <translation>%1 行: </translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="334"/>
        <source>%1 rows cannot take that action and were left as they were.</source>
        <translation>%1 行はその処理にできないため、元のままにしました。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="338"/>
        <source>Save the check</source>
        <translation>確認結果の保存</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="339"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="128"/>
        <source>Sheet and encoding</source>
        <translation>シートと文字コード</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="133"/>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="138"/>
        <source>Detect automatically</source>
        <translation>自動判定</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="141"/>
        <source>Detect from the headers</source>
        <translation>見出しから判定</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="142"/>
        <source>Persons</source>
        <translation>参加者</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="142"/>
        <source>Persons with enrollments</source>
        <translation>参加者＋参加登録</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="143"/>
        <source>Stays</source>
        <translation>滞在</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="143"/>
        <source>Shipments</source>
        <translation>発送</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="143"/>
        <source>Letters</source>
        <translation>手紙</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="144"/>
        <source>Interactions (attendance list)</source>
        <translation>関わり（出欠表）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="144"/>
        <source>Hosts</source>
        <translation>受入先</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="145"/>
        <source>Custom indicator values</source>
        <translation>独自指標の値</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="150"/>
        <source>What the file holds</source>
        <translation>取り込む内容</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="151"/>
        <source>Sheet</source>
        <translation>シート</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="152"/>
        <source>Encoding (CSV)</source>
        <translation>文字コード（CSV）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="153"/>
        <source>Header row</source>
        <translation>見出しの行</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="170"/>
        <source>Checking every row…</source>
        <translation>すべての行を確認しています…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="171"/>
        <source>The sheet has fewer rows than that.</source>
        <translation>シートの行数がそれより少ないです。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/import_wizard/pages.py" line="192"/>
        <source>Reading %1…</source>
        <translation>%1 を読み込んでいます…</translation>
    </message>
</context>
</TS>
