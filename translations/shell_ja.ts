<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>App</name>
    <message>
        <location filename="../kankei_desktop/ui/app.py" line="148"/>
        <source>Cannot open the file</source>
        <translation>ファイルを開けません</translation>
    </message>
</context>
<context>
    <name>ConflictBox</name>
    <message>
        <location filename="../kankei_desktop/ui/conflict.py" line="64"/>
        <source>Changed by someone else</source>
        <translation>ほかの人が変更しました</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/conflict.py" line="65"/>
        <source>Reload</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/conflict.py" line="66"/>
        <source>Choose field by field…</source>
        <translation>項目ごとに選ぶ…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/conflict.py" line="67"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>FieldChoiceDialog</name>
    <message>
        <location filename="../kankei_desktop/ui/conflict.py" line="92"/>
        <source>Choose field by field</source>
        <translation>項目ごとに選ぶ</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/conflict.py" line="95"/>
        <source>For each field, choose the value to keep. Fields not listed are the same.</source>
        <translation>項目ごとに、残す値を選んでください。ここにない項目は同じ値です。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/conflict.py" line="99"/>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/conflict.py" line="99"/>
        <source>My value</source>
        <translation>自分の入力</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/conflict.py" line="99"/>
        <source>Saved by the other person</source>
        <translation>ほかの人が保存した値</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/conflict.py" line="107"/>
        <location filename="../kankei_desktop/ui/conflict.py" line="108"/>
        <source>(empty)</source>
        <translation>（空欄）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/conflict.py" line="120"/>
        <source>Save with these values</source>
        <translation>この値で保存</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/conflict.py" line="121"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="90"/>
        <source>Kankei Desktop</source>
        <translation>関係人口デスク</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="119"/>
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
