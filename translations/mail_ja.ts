<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>BatchDialog</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/dialogs.py" line="72"/>
        <source>Rice letter batch</source>
        <translation>お米レター一括作成</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/dialogs.py" line="84"/>
        <source>(choose a programme)</source>
        <translation>（プログラムを選択）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/dialogs.py" line="85"/>
        <source>Programme</source>
        <translation>プログラム</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/dialogs.py" line="86"/>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/dialogs.py" line="87"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/dialogs.py" line="88"/>
        <source>Carrier</source>
        <translation>運送会社</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/dialogs.py" line="89"/>
        <source>Prepared</source>
        <translation>準備日</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/dialogs.py" line="90"/>
        <source>Letter summary</source>
        <translation>手紙の概要</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/dialogs.py" line="115"/>
        <source>%1 shipments and letters will be created.</source>
        <translation>発送と手紙を %1 件ずつ作成します。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/dialogs.py" line="118"/>
        <source>Left out:</source>
        <translation>対象外:</translation>
    </message>
</context>
<context>
    <name>CarrierExportDialog</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/carrier_dialog.py" line="41"/>
        <source>Yamato B2 Cloud CSV</source>
        <translation>ヤマト B2クラウド用 CSV</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/carrier_dialog.py" line="41"/>
        <source>Yu-Pack Print R CSV</source>
        <translation>ゆうパックプリントR用 CSV</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/carrier_dialog.py" line="68"/>
        <source>TA-Q-BIN (sender pays)</source>
        <translation>宅急便（発払い）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/carrier_dialog.py" line="70"/>
        <source>TA-Q-BIN Compact (sender pays)</source>
        <translation>宅急便コンパクト（発払い）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/carrier_dialog.py" line="72"/>
        <source>Yu-Pack (sender pays)</source>
        <translation>ゆうパック（元払い）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/carrier_dialog.py" line="73"/>
        <source>Service</source>
        <translation>便の種類</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/carrier_dialog.py" line="74"/>
        <source>&amp;Service</source>
        <translation>便の種類(&amp;S)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/carrier_dialog.py" line="77"/>
        <source>Not chilled</source>
        <translation>常温</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/carrier_dialog.py" line="77"/>
        <source>Chilled</source>
        <translation>冷蔵</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/carrier_dialog.py" line="78"/>
        <source>Frozen</source>
        <translation>冷凍</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/carrier_dialog.py" line="79"/>
        <source>Cool</source>
        <translation>クール</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/carrier_dialog.py" line="80"/>
        <source>&amp;Cool</source>
        <translation>クール(&amp;C)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/carrier_dialog.py" line="82"/>
        <source>No time slot</source>
        <translation>指定なし</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/carrier_dialog.py" line="85"/>
        <source>Morning (0812)</source>
        <translation>午前中（0812）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/carrier_dialog.py" line="88"/>
        <source>Delivery time slot</source>
        <translation>配達時間帯</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/carrier_dialog.py" line="89"/>
        <source>&amp;Time slot</source>
        <translation>配達時間帯(&amp;T)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/carrier_dialog.py" line="91"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/carrier_dialog.py" line="92"/>
        <source>Choose…</source>
        <translation>選ぶ…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/carrier_dialog.py" line="96"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/carrier_dialog.py" line="103"/>
        <source>Needed for this file (saved in Settings)</source>
        <translation>このファイルに必要な設定（設定に保存されます）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/carrier_dialog.py" line="49"/>
        <source>Names and addresses go out as typed (a label must show them unchanged). Import the file into the carrier&apos;s software without opening it in Excel.</source>
        <translation>氏名・住所は入力どおりに書き出します（送り状にそのまま印字されるため）。このファイルは Excel で開かずに、そのまま送り状ソフトに取り込んでください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/carrier_dialog.py" line="54"/>
        <source>What was refused</source>
        <translation>出力できなかった理由</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/carrier_dialog.py" line="135"/>
        <source>Choose the file to write.</source>
        <translation>書き出すファイルを選んでください。</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/models.py" line="135"/>
        <source>Days</source>
        <translation>日数</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/models.py" line="135"/>
        <source>Participant</source>
        <translation>参加者</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/models.py" line="135"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/models.py" line="135"/>
        <source>Suggested action</source>
        <translation>おすすめの操作</translation>
    </message>
</context>
<context>
    <name>LabelsDialog</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/dialogs.py" line="157"/>
        <source>Address labels</source>
        <translation>宛名ラベル</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/dialogs.py" line="159"/>
        <source>Recipients of the selected rows (%1)</source>
        <translation>選択した行の宛先（%1 名）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/dialogs.py" line="161"/>
        <source>Segment: %1</source>
        <translation>セグメント: %1</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/dialogs.py" line="163"/>
        <source>A4 12 labels (2 × 6)</source>
        <translation>A4 12面（2列×6行）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/dialogs.py" line="164"/>
        <source>A4 24 labels (3 × 8)</source>
        <translation>A4 24面（3列×8行）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/dialogs.py" line="169"/>
        <source>Add a calibration page first</source>
        <translation>先頭に位置合わせ用のページを付ける</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/dialogs.py" line="170"/>
        <source>Include persons who refused contact (recorded in the audit log)</source>
        <translation>連絡不可の人も印刷する（監査ログに記録されます）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/dialogs.py" line="171"/>
        <source>Who</source>
        <translation>宛先</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/dialogs.py" line="172"/>
        <source>Sheet</source>
        <translation>用紙</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/dialogs.py" line="173"/>
        <source>Start at label</source>
        <translation>開始位置（何枚目から）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/dialogs.py" line="174"/>
        <source>Sender labels</source>
        <translation>差出人ラベルの枚数</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/dialogs.py" line="184"/>
        <source>Save labels</source>
        <translation>ラベルを保存</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/dialogs.py" line="186"/>
        <source>Choose where to save the PDF.</source>
        <translation>PDF の保存先を選んでください。</translation>
    </message>
</context>
<context>
    <name>LetterEditor</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="118"/>
        <source>New letter</source>
        <translation>手紙を新規作成</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="118"/>
        <source>Edit letter</source>
        <translation>手紙を編集</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="129"/>
        <source>Came back undelivered</source>
        <translation>返送された（届かなかった）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="132"/>
        <source>Add photo…</source>
        <translation>写真を追加…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="136"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="136"/>
        <source>Participant</source>
        <translation>参加者</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="137"/>
        <source>Host / farmer</source>
        <translation>受入先・農家</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="137"/>
        <source>Programme</source>
        <translation>プログラム</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="138"/>
        <source>Written</source>
        <translation>作成日</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="138"/>
        <source>Sent</source>
        <translation>発送日</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="139"/>
        <source>Received</source>
        <translation>受取日</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="140"/>
        <source>Reply to</source>
        <translation>返信元</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="140"/>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="147"/>
        <source>Photos</source>
        <translation>写真</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="183"/>
        <source>(not a reply)</source>
        <translation>（返信ではない）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="187"/>
        <source>not sent</source>
        <translation>未発送</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="192"/>
        <source>Add photo</source>
        <translation>写真を追加</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="193"/>
        <source>Images (*.jpg *.jpeg *.png *.heic *.gif *.webp)</source>
        <translation>画像 (*.jpg *.jpeg *.png *.heic *.gif *.webp)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="201"/>
        <source>Photo</source>
        <translation>写真</translation>
    </message>
</context>
<context>
    <name>LetterModel</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/models.py" line="65"/>
        <source>Photo</source>
        <translation>写真</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/models.py" line="65"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/models.py" line="65"/>
        <source>Participant</source>
        <translation>参加者</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/models.py" line="65"/>
        <source>Host</source>
        <translation>受入先</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/models.py" line="66"/>
        <source>Sent</source>
        <translation>発送日</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/models.py" line="66"/>
        <source>Received</source>
        <translation>受取日</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/models.py" line="66"/>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/models.py" line="66"/>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/models.py" line="78"/>
        <source>%1 (replied)</source>
        <translation>%1（返信あり）</translation>
    </message>
</context>
<context>
    <name>MailPage</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="53"/>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="178"/>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="253"/>
        <source>Letters &amp; shipments</source>
        <translation>手紙・発送</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="69"/>
        <source>New letter</source>
        <translation>手紙を新規作成</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="70"/>
        <source>New shipment</source>
        <translation>発送を新規作成</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="71"/>
        <source>Edit</source>
        <translation>編集</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="71"/>
        <source>Edit the selected row (Enter)</source>
        <translation>選択した行を編集（Enter）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="72"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="73"/>
        <source>Rice letter batch…</source>
        <translation>お米レター一括作成…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="74"/>
        <source>One shipment and one letter for everyone in a programme</source>
        <translation>プログラムの全員に発送と手紙を1件ずつ作成します</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="75"/>
        <source>Mark shipped…</source>
        <translation>発送済にする…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="76"/>
        <source>Mark delivered…</source>
        <translation>配達済にする…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="77"/>
        <source>Export</source>
        <translation>出力</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="80"/>
        <source>Address labels (PDF)…</source>
        <translation>宛名ラベル（PDF）…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="81"/>
        <source>Yamato B2 Cloud CSV…</source>
        <translation>ヤマト B2クラウド用 CSV…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="82"/>
        <source>Yu-Pack Print R CSV…</source>
        <translation>ゆうパックプリントR用 CSV…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="84"/>
        <source>Import…</source>
        <translation>取り込み…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="85"/>
        <source>Read letters or shipments from Excel or CSV (Ctrl+I)</source>
        <translation>手紙や発送を Excel・CSV から取り込みます（Ctrl+I）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="86"/>
        <source>Export list…</source>
        <translation>一覧を書き出し…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="87"/>
        <source>Write the letters or shipments to Excel or CSV (Ctrl+E)</source>
        <translation>手紙や発送を Excel・CSV に書き出します（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="89"/>
        <source>Search name, contents, tracking number (Ctrl+F)</source>
        <translation>氏名・内容・伝票番号で検索（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="113"/>
        <source>Do the suggested action</source>
        <translation>おすすめの操作を実行</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="114"/>
        <source>Nothing needs attention.</source>
        <translation>要対応はありません。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="123"/>
        <source>Letters</source>
        <translation>手紙</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="124"/>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="307"/>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="358"/>
        <source>Shipments</source>
        <translation>発送</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="125"/>
        <source>Follow-ups</source>
        <translation>要対応</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="202"/>
        <source>Follow-ups (%1)</source>
        <translation>要対応 (%1)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="234"/>
        <source>%1 rows</source>
        <translation>%1 件</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="236"/>
        <source>(the newest only: search to find older ones)</source>
        <translation>（新しい順に表示。古いものは検索してください）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="280"/>
        <source>%1 letters</source>
        <translation>手紙 %1 件</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="280"/>
        <source>%1 shipments</source>
        <translation>発送 %1 件</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="282"/>
        <source>Delete %1?</source>
        <translation>%1を削除しますか？</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="307"/>
        <source>Select the shipments first.</source>
        <translation>先に発送を選択してください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="338"/>
        <source>%1 persons: %2 (%3). Go ahead?</source>
        <translation>%1 名（%3）について「%2」を実行します。よろしいですか？</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="343"/>
        <source>Done: %1</source>
        <translation>実行しました: %1</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="352"/>
        <source>Labels written: %1</source>
        <translation>ラベルを書き出しました: %1</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/page.py" line="358"/>
        <source>Select the shipments to export first.</source>
        <translation>出力する発送を先に選択してください。</translation>
    </message>
</context>
<context>
    <name>MarkDialog</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/dialogs.py" line="132"/>
        <source>Mark shipped</source>
        <translation>発送済にする</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/dialogs.py" line="132"/>
        <source>Mark delivered</source>
        <translation>配達済にする</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/dialogs.py" line="136"/>
        <source>Also move the rice-letter enrollments to the next stage</source>
        <translation>お米レターの参加者の段階も次へ進める</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/dialogs.py" line="137"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/dialogs.py" line="139"/>
        <source>%1 shipments selected.</source>
        <translation>発送 %1 件を選択中。</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/widgets.py" line="51"/>
        <source>Search name</source>
        <translation>氏名で検索</translation>
    </message>
</context>
<context>
    <name>ShipmentEditor</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="224"/>
        <source>New shipment</source>
        <translation>発送を新規作成</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="224"/>
        <source>Edit shipment</source>
        <translation>発送を編集</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="229"/>
        <source>e.g. rice 5 kg</source>
        <translation>お米 5kg</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="241"/>
        <source>(unknown)</source>
        <translation>（不明）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="242"/>
        <source> yen</source>
        <translation> 円</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="246"/>
        <source>Recipient</source>
        <translation>宛先</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="246"/>
        <source>Sender (host)</source>
        <translation>差出人（受入先）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="247"/>
        <source>Programme</source>
        <translation>プログラム</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="247"/>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="248"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="248"/>
        <source>Carrier</source>
        <translation>運送会社</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="249"/>
        <source>Tracking number</source>
        <translation>伝票番号</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="250"/>
        <source>Prepared</source>
        <translation>準備日</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="250"/>
        <source>Shipped</source>
        <translation>発送日</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="251"/>
        <source>Delivered</source>
        <translation>配達日</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="251"/>
        <source>Returned</source>
        <translation>返送日</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="252"/>
        <source>Cost</source>
        <translation>送料</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="252"/>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="289"/>
        <source>Format: %1</source>
        <translation>形式: %1</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="291"/>
        <source>(the last digit does not match the usual check digit; please check the slip)</source>
        <translation>（末尾の数字が通常のチェック数字と合いません。伝票をご確認ください）</translation>
    </message>
</context>
<context>
    <name>ShipmentModel</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/models.py" line="114"/>
        <source>Participant</source>
        <translation>参加者</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/models.py" line="114"/>
        <source>Sender</source>
        <translation>差出人</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/models.py" line="114"/>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/models.py" line="114"/>
        <source>Carrier</source>
        <translation>運送会社</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/models.py" line="115"/>
        <source>Tracking number</source>
        <translation>伝票番号</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/models.py" line="115"/>
        <source>Prepared</source>
        <translation>準備日</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/models.py" line="115"/>
        <source>Shipped</source>
        <translation>発送日</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/models.py" line="115"/>
        <source>Delivered</source>
        <translation>配達日</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/models.py" line="116"/>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/models.py" line="116"/>
        <source>Cost (yen)</source>
        <translation>送料（円）</translation>
    </message>
</context>
<context>
    <name>_Editor</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="66"/>
        <location filename="../kankei_desktop/ui/areas/mail/editors.py" line="67"/>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
</context>
</TS>
