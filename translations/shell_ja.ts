<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Accessibility</name>
    <message>
        <location filename="../kankei_desktop/ui/accessibility.py" line="104"/>
        <source>Clear</source>
        <extracomment>Marks drawn before a stay&apos;s title in the timeline, the month view and the board.</extracomment>
        <translation>消去</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../kankei_desktop/ui/app.py" line="146"/>
        <source>Cannot open the file</source>
        <translation>ファイルを開けません</translation>
    </message>
</context>
<context>
    <name>JobBar</name>
    <message>
        <location filename="../kankei_desktop/ui/worker.py" line="193"/>
        <source>Progress</source>
        <translation>進行状況</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/worker.py" line="196"/>
        <source>Cancel</source>
        <translation>取り消し</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/worker.py" line="205"/>
        <source>Not done</source>
        <translation>実行できませんでした</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/worker.py" line="249"/>
        <source>Stopping…</source>
        <translation>止めています…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="91"/>
        <source>Kankei Desktop</source>
        <translation>関係人口デスク</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/main_window.py" line="120"/>
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
        <location filename="../kankei_desktop/ui/widgets.py" line="49"/>
        <source>Whole year</source>
        <translation>年度全体</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/widgets.py" line="51"/>
        <source>Q%1</source>
        <translation>第%1四半期</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../kankei_desktop/ui/worker.py" line="275"/>
        <source>Progress</source>
        <translation>進行状況</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/worker.py" line="276"/>
        <source>Cancel</source>
        <translation>取り消し</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <location filename="../kankei_desktop/ui/worker.py" line="66"/>
        <source>Unexpected error (%1). Nothing more was done; the details are in the log: %2</source>
        <translation>予期しないエラーが起きました（%1）。処理はここで止めました。詳しい記録はログにあります: %2</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/worker.py" line="323"/>
        <source>Working</source>
        <extracomment>Tests replace it to see the dialog ``run_and_wait`` shows (it is passed each new one).</extracomment>
        <translation>処理中</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/worker.py" line="330"/>
        <source>Stopping…</source>
        <translation>止めています…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/worker.py" line="376"/>
        <source>Background work</source>
        <translation>実行中の処理</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/worker.py" line="377"/>
        <source>Waiting for:</source>
        <translation>次の処理が終わるのを待っています:</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/worker.py" line="378"/>
        <source>Finishing before closing</source>
        <translation>終了の前に処理を終えています</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/worker.py" line="400"/>
        <source>Unexpected error</source>
        <extracomment>Replaced in tests; the real one shows a message box (and never raises).</extracomment>
        <translation>予期しないエラー</translation>
    </message>
</context>
</TS>
