<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>App</name>
    <message>
        <location filename="../kankei_desktop/ui/app.py" line="143"/>
        <source>Cannot open the file</source>
        <translation>ファイルを開けません</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="89"/>
        <source>Kankei Desktop</source>
        <translation>関係人口デスク</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="118"/>
        <source>Saved</source>
        <translation>保存済み</translation>
    </message>
</context>
<context>
    <name>OpenFindingsBanner</name>
    <message>
        <location filename="../kankei_desktop/ui/open_findings.py" line="26"/>
        <source>What opening the file found</source>
        <translation>ファイルを開いたときの確認結果</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/open_findings.py" line="30"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/open_findings.py" line="30"/>
        <source>Note</source>
        <translation>お知らせ</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/open_findings.py" line="40"/>
        <source>&amp;Dismiss</source>
        <translation>閉じる(&amp;D)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/open_findings.py" line="42"/>
        <source>Hide this message (Ctrl+Shift+D)</source>
        <translation>このお知らせを閉じます（Ctrl+Shift+D）</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../kankei_desktop/ui/widgets.py" line="47"/>
        <source>Whole year</source>
        <translation>年度全体</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/widgets.py" line="49"/>
        <source>Q%1</source>
        <translation>第%1四半期</translation>
    </message>
</context>
</TS>
