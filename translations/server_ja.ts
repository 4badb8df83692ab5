<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ServerConnectionDialog</name>
    <message>
        <location filename="../kankei_desktop/ui/server/connections.py" line="54"/>
        <location filename="../kankei_desktop/ui/server/connections.py" line="225"/>
        <source>Open server connection</source>
        <translation>サーバーに接続</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/server/connections.py" line="57"/>
        <location filename="../kankei_desktop/ui/server/connections.py" line="62"/>
        <source>Saved connections</source>
        <translation>保存した接続</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/server/connections.py" line="69"/>
        <source>e.g. Town hall server</source>
        <translation>例: 役場のサーバー</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/server/connections.py" line="74"/>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/server/connections.py" line="75"/>
        <source>&amp;URL:</source>
        <translation>URL(&amp;U):</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/server/connections.py" line="77"/>
        <source>The password is not saved here: keep it in .pgpass or the OS keyring (docs/server.md).</source>
        <translation>パスワードはここには保存しません。.pgpass か OS のキーリングに保存してください（docs/server.md）。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/server/connections.py" line="87"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/server/connections.py" line="90"/>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/server/connections.py" line="98"/>
        <source>&amp;Connect</source>
        <translation>接続(&amp;C)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/server/connections.py" line="130"/>
        <source>Write a PostgreSQL URL beginning with postgresql://.</source>
        <translation>postgresql:// で始まる PostgreSQL の URL を入力してください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/server/connections.py" line="188"/>
        <source>Open &amp;server connection…</source>
        <translation>サーバーに接続(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/server/connections.py" line="226"/>
        <source>This database is already open.</source>
        <translation>このデータベースはすでに開いています。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/server/connections.py" line="231"/>
        <location filename="../kankei_desktop/ui/server/connections.py" line="239"/>
        <source>Cannot open the server database</source>
        <translation>サーバーのデータベースを開けません</translation>
    </message>
</context>
</TS>
