<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>HostEditor</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/editor.py" line="32"/>
        <source>Host</source>
        <translation>受入先</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/editor.py" line="32"/>
        <source>New host</source>
        <translation>新しい受入先</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/editor.py" line="76"/>
        <source>No address is known for this postal code.</source>
        <translation>この郵便番号の住所が見つかりません。</translation>
    </message>
</context>
<context>
    <name>HostListModel</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/model.py" line="57"/>
        <source>Active</source>
        <translation>有効</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/model.py" line="57"/>
        <source>Archived</source>
        <translation>アーカイブ済み</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/model.py" line="59"/>
        <source>%1 persons</source>
        <translation>%1 名</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/model.py" line="66"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/model.py" line="66"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/model.py" line="66"/>
        <source>Contact</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/model.py" line="66"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/model.py" line="66"/>
        <source>City</source>
        <translation>市区町村</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/model.py" line="67"/>
        <source>Capacity / night</source>
        <translation>1泊の定員</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/model.py" line="67"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
</context>
<context>
    <name>HostsPage</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="40"/>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="211"/>
        <source>Hosts</source>
        <translation>受入先</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="62"/>
        <source>New</source>
        <translation>新規作成</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="62"/>
        <source>New host (Ctrl+N)</source>
        <translation>新しい受入先（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="63"/>
        <source>Edit</source>
        <translation>編集</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="64"/>
        <source>Archive</source>
        <translation>アーカイブ</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="64"/>
        <source>Archive or bring back the host</source>
        <translation>受入先をアーカイブする／有効に戻す</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="65"/>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="234"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="66"/>
        <source>Delete a host that no stay or letter refers to</source>
        <translation>滞在・手紙のない受入先を削除する</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="67"/>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="244"/>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="247"/>
        <source>Schedule PDF</source>
        <translation>受入予定表</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="68"/>
        <source>Printable schedule of upcoming stays (A4 landscape)</source>
        <translation>今後の受入予定を印刷用 PDF に（A4 横）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="69"/>
        <source>Import…</source>
        <translation>取り込み…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="70"/>
        <source>Read from Excel or CSV (Ctrl+I)</source>
        <translation>Excel・CSV から取り込みます（Ctrl+I）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="71"/>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="72"/>
        <source>Write the hosts to Excel or CSV (Ctrl+E)</source>
        <translation>受入先を Excel・CSV に書き出します（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="76"/>
        <source>Search name, contact, city, phone (Ctrl+F)</source>
        <translation>名称・担当者・市区町村・電話で検索（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="79"/>
        <source>All kinds</source>
        <translation>すべての種類</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="82"/>
        <source>Show archived</source>
        <translation>アーカイブ済みも表示</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="112"/>
        <source>Stays and letters</source>
        <translation>滞在と手紙</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="157"/>
        <source>%1 hosts</source>
        <translation>受入先 %1 件</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="175"/>
        <source>Select a host to see its details.</source>
        <translation>受入先を選ぶと詳細が表示されます。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="183"/>
        <source>Not a lodging</source>
        <translation>宿泊なし</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="184"/>
        <source>%1 persons per night</source>
        <translation>1泊 %1 名</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="187"/>
        <source>Contact: %1</source>
        <translation>連絡先: %1</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="188"/>
        <source>Address: %1</source>
        <translation>住所: %1</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="191"/>
        <source>Capacity: %1</source>
        <translation>定員: %1</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="192"/>
        <source>Stays: %1, letters: %2</source>
        <translation>滞在 %1 件、手紙 %2 通</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="195"/>
        <source>Hosts side-job / second-job talent</source>
        <translation>副業・兼業人材を受け入れている</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="197"/>
        <source>Small or medium-sized business</source>
        <translation>中小企業</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="233"/>
        <source>Delete this host? Hosts with stays or letters can only be archived.</source>
        <translation>この受入先を削除しますか？ 滞在や手紙のある受入先はアーカイブのみできます。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="244"/>
        <source>Select a host first.</source>
        <translation>先に受入先を選んでください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/hosts/page.py" line="249"/>
        <source>Schedule written to %1</source>
        <translation>受入予定表を書き出しました: %1</translation>
    </message>
</context>
</TS>
