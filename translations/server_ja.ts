<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ServerConnectionDialog</name>
    <message>
        <location filename="../kankei_desktop/ui/server/connections.py" line="55"/>
        <location filename="../kankei_desktop/ui/server/connections.py" line="223"/>
        <source>Open server connection</source>
        <translation>サーバーに接続</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/server/connections.py" line="58"/>
        <location filename="../kankei_desktop/ui/server/connections.py" line="63"/>
        <source>Saved connections</source>
        <translation>保存した接続</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/server/connections.py" line="70"/>
        <source>e.g. Town hall server</source>
        <translation>例: 役場のサーバー</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/server/connections.py" line="75"/>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/server/connections.py" line="76"/>
        <source>&amp;URL:</source>
        <translation>URL(&amp;U):</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/server/connections.py" line="78"/>
        <source>The password is not saved here: keep it in .pgpass or the OS keyring (docs/server.md).</source>
        <translation>パスワードはここには保存しません。.pgpass か OS のキーリングに保存してください（docs/server.md）。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/server/connections.py" line="85"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/server/connections.py" line="88"/>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/server/connections.py" line="96"/>
        <source>&amp;Connect</source>
        <translation>接続(&amp;C)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/server/connections.py" line="128"/>
        <source>Write a PostgreSQL URL beginning with postgresql://.</source>
        <translation>postgresql:// で始まる PostgreSQL の URL を入力してください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/server/connections.py" line="186"/>
        <source>Open &amp;server connection…</source>
        <translation>サーバーに接続(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/server/connections.py" line="224"/>
        <source>This database is already open.</source>
        <translation>このデータベースはすでに開いています。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/server/connections.py" line="229"/>
        <location filename="../kankei_desktop/ui/server/connections.py" line="237"/>
        <source>Cannot open the server database</source>
        <translation>サーバーのデータベースを開けません</translation>
    </message>
</context>
</TS>
