<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="37"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="41"/>
        <source>This file</source>
        <translation>このファイルの設定</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="45"/>
        <source>Organisation name</source>
        <translation>団体名</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="46"/>
        <source>Report author</source>
        <translation>レポート作成者</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="47"/>
        <source>Honorific for persons</source>
        <translation>敬称（個人）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="48"/>
        <source>Honorific for organisations</source>
        <translation>敬称（団体）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="55"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="62"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="64"/>
        <source>This computer</source>
        <translation>このパソコンの設定</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="72"/>
        <source>Language</source>
        <translation>表示言語</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="74"/>
        <source>Data folder</source>
        <translation>データフォルダー</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="94"/>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/settings/page.py" line="98"/>
        <source>The new language is used from the next start.</source>
        <translation>次回の起動から新しい言語で表示します。</translation>
    </message>
</context>
</TS>
