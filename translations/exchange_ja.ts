<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ApplyResultDialog</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="143"/>
        <source>Exchange file applied</source>
        <translation>交換ファイルを適用しました</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="154"/>
        <source>This package was applied before; nothing was changed.</source>
        <translation>この交換ファイルは適用済みです。何も変更していません。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="155"/>
        <source>Package %1 from %2: %3 added, %4 updated, %5 unchanged, %6 conflicts, %7 erased, %8 merged, %9 photos.</source>
        <translation>%2 からの第 %1 号: 追加 %3 件、更新 %4 件、変更なし %5 件、競合 %6 件、消去 %7 件、統合 %8 件、写真 %9 枚。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="169"/>
        <source>Backup made before applying: %1</source>
        <translation>適用前に作成したバックアップ: %1</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="170"/>
        <source>No backup was made.</source>
        <translation>バックアップは作成していません。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="175"/>
        <source>Capacity</source>
        <translation>定員</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="175"/>
        <source>Overlapping stays</source>
        <translation>滞在の重なり</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="176"/>
        <source>Possible duplicate</source>
        <translation>重複の可能性</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="176"/>
        <source>Same enrollment</source>
        <translation>同じ参加登録</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="179"/>
        <source>Findings to resolve</source>
        <translation>対応が必要な点</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="190"/>
        <source>To resolve (%1):</source>
        <translation>対応が必要な点（%1 件）:</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="194"/>
        <source>No capacity, overlap, duplicate or enrollment findings.</source>
        <translation>定員・滞在の重なり・重複・参加登録について、対応が必要な点はありません。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="199"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="202"/>
        <source>Review duplicates…</source>
        <translation>重複を確認…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="206"/>
        <source>Review conflicts</source>
        <translation>競合を確認</translation>
    </message>
</context>
<context>
    <name>ConflictsTab</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="54"/>
        <source>Records changed at both offices. Until you decide, each keeps this office&apos;s value.</source>
        <translation>両方の事務所で変更された記録です。決めるまでは、この事務所の値のままです。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="58"/>
        <source>Records with conflicts</source>
        <translation>競合のある記録</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="60"/>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="60"/>
        <source>This office&apos;s value</source>
        <translation>この事務所の値</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="60"/>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="61"/>
        <source>Office</source>
        <translation>事務所</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="61"/>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="62"/>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="61"/>
        <source>Other office&apos;s value</source>
        <translation>相手の事務所の値</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="63"/>
        <source>Fields in conflict, side by side</source>
        <translation>競合している項目（左右に並べて表示）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="74"/>
        <source>Keep this office&apos;s value</source>
        <translation>この事務所の値にする</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="75"/>
        <source>Take the other office&apos;s value</source>
        <translation>相手の事務所の値にする</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="76"/>
        <source>Edit the value…</source>
        <translation>値を編集…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="77"/>
        <source>Whole record: this office</source>
        <translation>記録全体をこの事務所の値に</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="78"/>
        <source>Whole record: other office</source>
        <translation>記録全体を相手の事務所の値に</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="79"/>
        <source>Resolve all with this office&apos;s values…</source>
        <translation>すべてこの事務所の値で解決…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="80"/>
        <source>Resolve all with the other office&apos;s values…</source>
        <translation>すべて相手の事務所の値で解決…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="84"/>
        <source>Chosen fields:</source>
        <translation>選んだ項目:</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="86"/>
        <source>This record:</source>
        <translation>この記録:</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="87"/>
        <source>Every record:</source>
        <translation>すべての記録:</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="155"/>
        <source>this office&apos;s value</source>
        <translation>この事務所の値</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="155"/>
        <source>the other office&apos;s value</source>
        <translation>相手の事務所の値</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="160"/>
        <source>Choose a field in the list first.</source>
        <translation>先に一覧から項目を選んでください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="163"/>
        <source>Use %1 for %2 of %3?</source>
        <translation>%3 の %2 を%1にしますか？</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="173"/>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="189"/>
        <source>Resolved: %1 of %2.</source>
        <translation>解決しました: %2 の %1。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="179"/>
        <source>Choose one field to edit.</source>
        <translation>編集する項目を 1 つ選んでください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="183"/>
        <source>Edit the value</source>
        <translation>値を編集</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="184"/>
        <source>%1 of %2:</source>
        <translation>%2 の %1:</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="196"/>
        <source>Use %1 for all %2 fields of %3?</source>
        <translation>%3 の %2 項目すべてを%1にしますか？</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/conflicts.py" line="207"/>
        <source>Use %1 for all %2 open conflicts in %3 records?</source>
        <translation>%3 件の記録の未解決の競合 %2 件すべてを%1にしますか？</translation>
    </message>
</context>
<context>
    <name>ExchangeFiles</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/files.py" line="29"/>
        <source>Choose the office to send to in the list of other offices first.</source>
        <translation>先に、交換相手の一覧から送り先の事務所を選んでください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/files.py" line="34"/>
        <source>Write an exchange file for %1</source>
        <translation>%1 宛ての交換ファイルを書き出す</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/files.py" line="35"/>
        <source>The first file for %1: choose a passphrase with that office and enter it twice.</source>
        <translation>%1 宛ての最初のファイルです。相手の事務所と合言葉を決めて、2 回入力してください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/files.py" line="36"/>
        <source>Enter the passphrase agreed with %1.</source>
        <translation>%1 と決めた合言葉を入力してください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/files.py" line="43"/>
        <source>Save the exchange file</source>
        <translation>交換ファイルの保存先</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/files.py" line="44"/>
        <location filename="../kankei_desktop/ui/areas/exchange/files.py" line="78"/>
        <source>Exchange files (*%1)</source>
        <translation>交換ファイル (*%1)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/files.py" line="55"/>
        <source>Writing the exchange file…</source>
        <translation>交換ファイルを書き出しています…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/files.py" line="56"/>
        <source>Writing the exchange file for %1…</source>
        <translation>%1 宛ての交換ファイルを書き出しています…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/files.py" line="64"/>
        <source>Exchange file No. %1 for %2 written: %3 (%4 records, %5 photos). Hand it over on a USB stick; tell the passphrase separately.</source>
        <translation>%2 宛ての交換ファイル第 %1 号を書き出しました: %3（%4 件、写真 %5 枚）。USB メモリで渡し、合言葉は別の方法で伝えてください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/files.py" line="77"/>
        <source>Open an exchange file</source>
        <translation>交換ファイルを開く</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/files.py" line="98"/>
        <source>Applying the exchange file…</source>
        <translation>交換ファイルを適用しています…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/files.py" line="99"/>
        <source>Applying exchange file No. %1 from %2…</source>
        <translation>%2 からの交換ファイル第 %1 号を適用しています…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/files.py" line="111"/>
        <source>This package was applied before; nothing was changed.</source>
        <translation>この交換ファイルは適用済みです。何も変更していません。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/files.py" line="114"/>
        <source>Applied No. %1 from %2: %3 added, %4 updated, %5 conflicts, %6 findings.</source>
        <translation>%2 からの第 %1 号を適用しました: 追加 %3 件、更新 %4 件、競合 %5 件、要確認 %6 件。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/files.py" line="145"/>
        <source>Folder for the encrypted backup (a USB stick)</source>
        <translation>暗号化バックアップの保存先（USB メモリ）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/files.py" line="148"/>
        <source>Encrypted backup</source>
        <translation>暗号化バックアップ</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/files.py" line="149"/>
        <source>Choose a passphrase for this backup. Without it the backup cannot be restored.</source>
        <translation>このバックアップの合言葉を決めてください。合言葉がないと復元できません。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/files.py" line="154"/>
        <source>Making the encrypted backup…</source>
        <translation>暗号化バックアップを作成しています…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/files.py" line="156"/>
        <source>Encrypted backup made: %1</source>
        <translation>暗号化バックアップを作成しました: %1</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/files.py" line="161"/>
        <source>Open an encrypted backup</source>
        <translation>暗号化バックアップを開く</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/files.py" line="161"/>
        <source>Encrypted backups (*.kankei-backup)</source>
        <translation>暗号化バックアップ (*.kankei-backup)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/files.py" line="164"/>
        <source>Restore encrypted backup</source>
        <translation>暗号化バックアップから復元</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/files.py" line="165"/>
        <source>Enter the passphrase of this backup.</source>
        <translation>このバックアップの合言葉を入力してください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/files.py" line="168"/>
        <source>Restore %1? The current contents are backed up first, then replaced.</source>
        <translation>%1 を復元しますか？ 現在の内容を先にバックアップしてから置き換えます。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/files.py" line="176"/>
        <source>Restoring the encrypted backup…</source>
        <translation>暗号化バックアップを復元しています…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/files.py" line="181"/>
        <source>Restored %1. The previous contents were kept as %2.</source>
        <translation>%1 を復元しました。それまでの内容は %2 として保存しました。</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="46"/>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="57"/>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="258"/>
        <source>Data exchange</source>
        <translation>データの交換</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="63"/>
        <source>Write exchange file…</source>
        <translation>交換ファイルを書き出す…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="66"/>
        <source>Apply exchange file…</source>
        <translation>交換ファイルを適用…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="69"/>
        <source>Encrypted backup to USB…</source>
        <translation>USB へ暗号化バックアップ…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="72"/>
        <source>Restore encrypted backup…</source>
        <translation>暗号化バックアップから復元…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="88"/>
        <source>Offices</source>
        <translation>事務所</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="89"/>
        <source>History</source>
        <translation>交換の履歴</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="90"/>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="171"/>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="238"/>
        <source>Conflicts</source>
        <translation>競合</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="102"/>
        <source>This office</source>
        <translation>この事務所</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="107"/>
        <source>Set up this office…</source>
        <translation>この事務所を設定…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="110"/>
        <source>Rename…</source>
        <translation>名前を変更…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="118"/>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="122"/>
        <source>Other offices</source>
        <translation>交換相手の事務所</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="119"/>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="237"/>
        <source>Office</source>
        <translation>事務所</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="119"/>
        <source>Office ID</source>
        <translation>事務所 ID</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="119"/>
        <source>Changes to send</source>
        <translation>未送信の変更</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="120"/>
        <source>Last sent</source>
        <translation>最後に送った号</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="120"/>
        <source>Last received</source>
        <translation>最後に受け取った号</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="124"/>
        <source>Add an office…</source>
        <translation>事務所を追加…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="127"/>
        <source>Make a copy for a new office…</source>
        <translation>新しい事務所用のコピーを作成…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="149"/>
        <source>This file is not set up for exchange yet. Set up this office to exchange changes with other offices.</source>
        <translation>このファイルはまだ交換の設定がされていません。他の事務所と変更を交換するには、この事務所を設定してください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="152"/>
        <source>%1 (office ID %2)</source>
        <translation>%1（事務所 ID %2）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="164"/>
        <source>everything (first file)</source>
        <translation>すべて（初回のファイル）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="169"/>
        <source>Open conflicts: %1</source>
        <translation>未解決の競合: %1 件</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="170"/>
        <source>Conflicts (%1)</source>
        <translation>競合 (%1)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="174"/>
        <source>Other offices: %1; open conflicts: %2</source>
        <translation>交換相手 %1 事務所、未解決の競合 %2 件</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="195"/>
        <source>Set up this office</source>
        <translation>この事務所を設定</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="195"/>
        <source>Name of this office (e.g. Town hall, Island branch):</source>
        <translation>この事務所の名前（例: 本庁、島しょ支所）:</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="203"/>
        <source>Rename this office</source>
        <translation>この事務所の名前を変更</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="203"/>
        <source>New name of this office:</source>
        <translation>この事務所の新しい名前:</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="208"/>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="212"/>
        <source>Add an office</source>
        <translation>事務所を追加</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="208"/>
        <source>Office ID of the other office (shown on its Data exchange page):</source>
        <translation>相手の事務所 ID（相手の「データの交換」画面に表示されています）:</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="212"/>
        <source>Name of the other office:</source>
        <translation>相手の事務所の名前:</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="217"/>
        <source>Make a copy for a new office</source>
        <translation>新しい事務所用のコピーを作成</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="217"/>
        <source>Name of the new office:</source>
        <translation>新しい事務所の名前:</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="220"/>
        <source>Save the copy for the new office</source>
        <translation>新しい事務所用のコピーの保存先</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="221"/>
        <source>Kankei files (*.sqlite3)</source>
        <translation>関係人口デスクのファイル (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="230"/>
        <source>Copy for %1 (office ID %2) saved as %3. Open it on the new office&apos;s computer.</source>
        <translation>%1（事務所 ID %2）用のコピーを %3 に保存しました。新しい事務所のパソコンで開いてください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="237"/>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="237"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="237"/>
        <source>No.</source>
        <translation>号</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="238"/>
        <source>By</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="238"/>
        <source>Records</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="238"/>
        <source>Findings</source>
        <translation>要確認</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="239"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="240"/>
        <source>Exchange history</source>
        <translation>交換の履歴</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="250"/>
        <source>Sent</source>
        <translation>送信</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/page.py" line="250"/>
        <source>Received</source>
        <translation>受信</translation>
    </message>
</context>
<context>
    <name>HeaderDialog</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="98"/>
        <source>Apply an exchange file</source>
        <translation>交換ファイルを適用</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="105"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="108"/>
        <source>From office</source>
        <translation>送り元の事務所</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="109"/>
        <source>To office</source>
        <translation>宛先の事務所</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="112"/>
        <source>Package number</source>
        <translation>号</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="113"/>
        <source>Records</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="115"/>
        <source>Written</source>
        <translation>書き出し日時</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="119"/>
        <source>Passphrase</source>
        <translation>合言葉</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="120"/>
        <source>&amp;Passphrase</source>
        <translation>合言葉(&amp;P)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="122"/>
        <source>A backup of this file is made first. Records changed at both offices are kept as they are here and listed under Conflicts for you to decide.</source>
        <translation>先にこのファイルのバックアップを作成します。両方の事務所で変更された記録はこの事務所の値のまま残し、「競合」に一覧表示します。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="127"/>
        <source>Apply</source>
        <translation>適用</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="128"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="51"/>
        <source>Passphrase</source>
        <translation>合言葉</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="52"/>
        <source>&amp;Passphrase</source>
        <translation>合言葉(&amp;P)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="56"/>
        <source>Passphrase again</source>
        <translation>合言葉（確認）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="58"/>
        <source>&amp;Again</source>
        <translation>確認(&amp;A)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="62"/>
        <source>The passphrase is not stored. Tell it to the other office by phone or in person, never with the file.</source>
        <translation>合言葉は保存されません。相手の事務所へは電話か対面で伝え、ファイルと一緒に送らないでください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="69"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="70"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="83"/>
        <source>Enter a passphrase of at least 8 characters.</source>
        <translation>合言葉は 8 文字以上で入力してください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/exchange/dialogs.py" line="87"/>
        <source>The two passphrases differ. Enter the same passphrase twice.</source>
        <translation>2 つの合言葉が違います。同じ合言葉を 2 回入力してください。</translation>
    </message>
</context>
</TS>
