<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="66"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="124"/>
        <source>This file</source>
        <translation>このファイルの設定</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="126"/>
        <source>Organisation name</source>
        <translation>団体名</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="127"/>
        <source>Report author</source>
        <translation>レポート作成者</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="128"/>
        <source>Honorific for persons</source>
        <translation>敬称（個人）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="130"/>
        <source>Honorific for organisations</source>
        <translation>敬称（団体）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="89"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="91"/>
        <source>Save the settings of this file (Ctrl+S)</source>
        <translation>このファイルの設定を保存します（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="134"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="138"/>
        <source>Sender on address labels</source>
        <translation>差出人（宛名ラベル）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="140"/>
        <source>Look up address</source>
        <translation>住所を検索</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="146"/>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="147"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="148"/>
        <source>Building</source>
        <translation>建物名・部屋</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="149"/>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="151"/>
        <source>The sender&apos;s name is the organisation name above. Printed on the sender labels of the label PDF.</source>
        <translation>差出人名には上の「団体名」を使います。宛名ラベルPDFの差出人ラベルに印刷します。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="156"/>
        <source>Photos on the server</source>
        <translation>サーバーの写真</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="158"/>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="161"/>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="178"/>
        <source>Shared photo folder</source>
        <translation>写真の共有フォルダー</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="164"/>
        <source>Every coordinator&apos;s window stores and reads photos there, so it must be the same folder from every computer (a network share). Until it is named, photos cannot be attached.</source>
        <translation>コーディネーター全員の画面がこのフォルダーに写真を保存し、ここから読み込みます。どのパソコンからも同じフォルダー（ネットワーク上の共有フォルダー）を指定してください。指定するまで写真は添付できません。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="181"/>
        <source>Follow-ups (needs attention)</source>
        <translation>フォローアップ（要対応）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="183"/>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="184"/>
        <source>Parcel not delivered after</source>
        <translation>配達確認がない荷物（発送から）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="186"/>
        <source>Letter without reply after</source>
        <translation>返信がない手紙（発送から）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="188"/>
        <source>No thank-you tour after</source>
        <translation>お礼ツアーがまだ（返信受取から）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="190"/>
        <source>Look back at most</source>
        <translation>さかのぼる期間（最長）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="192"/>
        <source>Counted from the day sent or received. Older items are taken as closed and not listed.</source>
        <translation>発送日・受取日から数えます。さかのぼる期間より古いものは対応済みとみなし、要対応に載せません。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="196"/>
        <source>Retention period</source>
        <translation>保存期間</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="197"/>
        <source>e.g. 5 years or 18 months</source>
        <translation>例: 5年、18か月</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="199"/>
        <source>Home shows the persons with no contact for longer than this, until you erase their data or postpone the reminder. Years or months.</source>
        <translation>関わりがこの期間より長くない参加者をホームでお知らせします（個人情報を消去するか、通知を延期するまで）。年または月で入力します。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="204"/>
        <source>Stays</source>
        <translation>滞在</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="206"/>
        <source> days or more</source>
        <translation> 日以上</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="207"/>
        <source>Short stay from</source>
        <translation>短期滞在</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="208"/>
        <source>Long stay from</source>
        <translation>長期滞在</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="209"/>
        <source>A one-day visit is a day trip. Applies to stays saved from now on.</source>
        <translation>1日だけの滞在は日帰りです。これから保存する滞在に使います。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="213"/>
        <source>Parcels (Yamato B2 Cloud)</source>
        <translation>宅配便（ヤマト B2クラウド）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="215"/>
        <source>Billing customer code</source>
        <translation>請求先顧客コード</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="217"/>
        <source>Billing class code</source>
        <translation>請求先分類コード</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="219"/>
        <source>Freight number</source>
        <translation>運賃管理番号</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="221"/>
        <source>As in the basic information of your B2 Cloud contract. Written into the shipment CSV for B2 Cloud.</source>
        <translation>B2クラウドの基本情報にある契約内容のとおりに入力します。B2クラウド用の送り状CSVに書き込みます。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="223"/>
        <source>The customer code (12 digits) and the freight number are required by B2 Cloud. Parcels without a farmer are sent in the organisation&apos;s name, with its postal code, address and phone.</source>
        <translation>請求先顧客コード（12桁）と運賃管理番号は B2クラウドの必須項目です。受入農家のない発送は、団体名・団体の郵便番号・住所・電話番号を差出人として出力します。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="229"/>
        <source>This computer</source>
        <translation>このパソコンの設定</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="244"/>
        <source>Language</source>
        <translation>表示言語</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="247"/>
        <source>Data folder</source>
        <translation>データフォルダー</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="287"/>
        <source>Not saved: correct the fields marked in red, then save again.</source>
        <translation>保存していません。赤枠の項目を直してから、もう一度保存してください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="291"/>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="297"/>
        <source>Changes not saved yet.</source>
        <translation>まだ保存していない変更があります。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="322"/>
        <source>No address is known for this postal code.</source>
        <translation>この郵便番号の住所が見つかりません。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="336"/>
        <source>The new language is used from the next start.</source>
        <translation>次回の起動から新しい言語で表示します。</translation>
    </message>
</context>
</TS>
