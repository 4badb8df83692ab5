<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/models.py" line="41"/>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/models.py" line="41"/>
        <source>Who</source>
        <translation>利用者</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/models.py" line="41"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/models.py" line="41"/>
        <source>Record</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/models.py" line="41"/>
        <source>Changes</source>
        <translation>変更内容</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/scheduler.py" line="82"/>
        <source>Copying the file…</source>
        <translation>ファイルをコピーしています…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/scheduler.py" line="82"/>
        <source>Checking the copy…</source>
        <translation>コピーを検査しています…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/scheduler.py" line="83"/>
        <source>Copying the photos…</source>
        <translation>写真をコピーしています…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/scheduler.py" line="96"/>
        <source>Back up now</source>
        <translation>今すぐバックアップ</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/scheduler.py" line="96"/>
        <source>Backup on closing</source>
        <translation>終了時のバックアップ</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/scheduler.py" line="97"/>
        <source>Automatic backup</source>
        <translation>自動バックアップ</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/scheduler.py" line="129"/>
        <source>Backups are made on the server</source>
        <translation>バックアップはサーバー側で行います</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/scheduler.py" line="131"/>
        <source>Last backup %1</source>
        <translation>最終バックアップ %1</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/scheduler.py" line="133"/>
        <source>Backup failed %1: %2</source>
        <translation>バックアップ失敗 %1: %2</translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/models.py" line="16"/>
        <source>Date</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/models.py" line="16"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/models.py" line="16"/>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/models.py" line="16"/>
        <source>Persons</source>
        <translation>参加者数</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/models.py" line="16"/>
        <source>File</source>
        <translation>ファイル名</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/models.py" line="29"/>
        <source>unreadable</source>
        <translation>読めません</translation>
    </message>
</context>
<context>
    <name>DataSafetyPage</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="58"/>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="66"/>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="443"/>
        <source>Data safety</source>
        <translation>データの保護</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="69"/>
        <source>Backups</source>
        <translation>バックアップ</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="70"/>
        <source>Change history</source>
        <translation>変更履歴</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="71"/>
        <source>Personal data</source>
        <translation>個人情報</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="85"/>
        <source>Change…</source>
        <translation>変更…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="87"/>
        <source>Use default</source>
        <translation>既定に戻す</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="93"/>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="449"/>
        <source>Backup folder</source>
        <translation>バックアップ先</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="96"/>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="98"/>
        <source>Back up while working every</source>
        <translation>作業中のバックアップ間隔</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="103"/>
        <source>Back up now</source>
        <translation>今すぐバックアップ</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="105"/>
        <source>Restore…</source>
        <translation>復元…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="137"/>
        <source>The backup folder is not there (was a USB stick removed?).</source>
        <translation>バックアップ先のフォルダーが見つかりません（USB メモリーが外れていませんか？）。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="139"/>
        <source>No backups yet. Press “Back up now” to make the first one.</source>
        <translation>バックアップはまだありません。「今すぐバックアップ」で作成できます。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="177"/>
        <source>Backup made: %1</source>
        <translation>バックアップを作成しました: %1</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="192"/>
        <source>Choose a backup in the list first.</source>
        <translation>先に一覧からバックアップを選んでください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="310"/>
        <source>years</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="311"/>
        <source>months</source>
        <translation>か月</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="166"/>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="195"/>
        <source>A backup is being made. Try again in a moment.</source>
        <translation>バックアップを作成中です。少し待ってからやり直してください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="169"/>
        <source>Making a backup…</source>
        <translation>バックアップを作成しています…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="187"/>
        <source>The backup was cancelled; nothing was written.</source>
        <translation>バックアップを取り消しました。何も書き込んでいません。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="200"/>
        <source>Restore the backup of %1? The current contents are backed up first, then replaced.</source>
        <translation>%1 のバックアップを復元しますか？ 現在の内容は先にバックアップしてから置き換えます。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="205"/>
        <source>Checking and copying the backup…</source>
        <translation>バックアップを検査してコピーしています…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="205"/>
        <source>Checking the copy…</source>
        <translation>コピーを検査しています…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="213"/>
        <source>Bringing back the photos…</source>
        <translation>写真を戻しています…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="218"/>
        <source>Restore</source>
        <translation>復元</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="219"/>
        <source>Restoring the backup of %1…</source>
        <translation>%1 のバックアップを復元しています…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="230"/>
        <source>Restored the backup of %1. The previous contents were kept as %2.</source>
        <translation>%1 のバックアップを復元しました。復元前の内容は %2 として残してあります。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="243"/>
        <source>The file may be damaged: %1 Restore a backup from Data safety → Backups.</source>
        <translation>ファイルが壊れている可能性があります: %1 「データの保護」→「バックアップ」から復元してください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="260"/>
        <source>Person ID (empty: everything)</source>
        <translation>参加者 ID（空欄ですべて）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="262"/>
        <source>Export CSV…</source>
        <translation>CSV 出力…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="284"/>
        <source>The newest %1 entries. The history cannot be edited.</source>
        <translation>新しい順に %1 件。履歴は編集できません。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="296"/>
        <source>Exported %1 entries to %2.</source>
        <translation>%1 件を %2 に出力しました。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="317"/>
        <source>Erase personal data…</source>
        <translation>個人情報の消去…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="326"/>
        <source>Persons with no activity for</source>
        <translation>関わりのない期間</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="374"/>
        <source>(retention period in Settings: %1)</source>
        <translation>（設定の保存期間: %1）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="383"/>
        <source>%1 persons. Erasing keeps the counts (stays, programmes) but removes name, contact and notes for good.</source>
        <translation>%1 名。消去しても集計（滞在・プログラム）は残りますが、氏名・連絡先・備考は元に戻せません。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="391"/>
        <source>Older backups still hold the data. Kept are the newest %1 backups, then one a day for %2 days, one a week for %3 weeks and one a month for %4 months; older ones are deleted automatically, so the data leaves every backup after about %5 months.</source>
        <translation>消去する前のバックアップには、この方の情報が残ります。バックアップは新しい %1 件と、1日1件を %2 日、1週1件を %3 週、1か月1件を %4 か月保管し、それより古いものは自動で削除されます。すべてのバックアップから消えるのは、最長でおよそ %5 か月後です。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="406"/>
        <source>Choose a person in the list first.</source>
        <translation>先に一覧から参加者を選んでください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="411"/>
        <source>Erase the personal data of %1? This cannot be undone.</source>
        <translation>「%1」さんの個人情報を消去しますか？ 元に戻せません。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="418"/>
        <source>Erasing the personal data of %1…</source>
        <translation>「%1」さんの個人情報を消去しています…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="420"/>
        <source>Erase personal data</source>
        <translation>個人情報の消去</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="429"/>
        <source>Press “Erase personal data…” again to finish.</source>
        <translation>もう一度「個人情報の消去…」を押すと、消去を完了します。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="434"/>
        <source>The personal data of %1 was erased.</source>
        <translation>「%1」さんの個人情報を消去しました。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/page.py" line="452"/>
        <source>Export CSV</source>
        <translation>CSV 出力</translation>
    </message>
</context>
<context>
    <name>DormantTableModel</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/models.py" line="63"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/models.py" line="63"/>
        <source>Last activity</source>
        <translation>最終関わり日</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/models.py" line="63"/>
        <source>Registered</source>
        <translation>登録日</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/startup.py" line="39"/>
        <source>Opening the file</source>
        <translation>ファイルを開く</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/startup.py" line="43"/>
        <source>Nobody else uses it: open</source>
        <translation>ほかに使っている人はいない: 開く</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/startup.py" line="53"/>
        <source>Restore this backup</source>
        <translation>このバックアップを復元</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/backups/startup.py" line="59"/>
        <source>Copy to this PC and open</source>
        <translation>このパソコンにコピーして開く</translation>
    </message>
</context>
</TS>
