<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>BoardView</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/board.py" line="130"/>
        <source>Enrollment board</source>
        <translation>参加者ボード</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/board.py" line="164"/>
        <source> (final)</source>
        <translation>（修了）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/board.py" line="165"/>
        <source> (dropped out)</source>
        <translation>（辞退）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/board.py" line="167"/>
        <source> persons</source>
        <translation> 名</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/board.py" line="173"/>
        <source>%1 days in stage</source>
        <translation>%1日経過</translation>
    </message>
</context>
<context>
    <name>CardDialog</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/card_dialog.py" line="41"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&#x3000;%2&#x3000;Stage of involvement: %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&#x3000;%2&#x3000;関わりの段階: %3</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/card_dialog.py" line="47"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/card_dialog.py" line="47"/>
        <source>Stage</source>
        <translation>段階</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/card_dialog.py" line="47"/>
        <source>By</source>
        <translation>変更者</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/card_dialog.py" line="52"/>
        <source>Stage of involvement…</source>
        <translation>関わりの段階…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/card_dialog.py" line="53"/>
        <source>Add a record…</source>
        <translation>記録を追加…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/card_dialog.py" line="61"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/card_dialog.py" line="65"/>
        <source>Stage history in this programme</source>
        <translation>このプログラムでの段階の履歴</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="49"/>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="114"/>
        <source>Likely duplicates</source>
        <translation>重複の可能性がある参加者</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="66"/>
        <source>Merge into the left record</source>
        <translation>左の記録に統合</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="68"/>
        <source>No likely duplicates were found.</source>
        <translation>重複の可能性がある参加者は見つかりませんでした。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="72"/>
        <source>Keep</source>
        <translation>残す記録</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="74"/>
        <source>Merge in</source>
        <translation>統合する記録</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="106"/>
        <source>Searching for likely duplicates…</source>
        <translation>重複の可能性がある参加者を探しています…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="156"/>
        <source>Choose the same record on both sides? Pick two different records.</source>
        <translation>左右に同じ記録が選ばれています。別々の記録を選んでください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="157"/>
        <source>Same furigana and: %1</source>
        <translation>フリガナが同じで、%1 も一致しています。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="159"/>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="159"/>
        <source>Keep (left)</source>
        <translation>残す記録（左）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="159"/>
        <source>Merge in (right)</source>
        <translation>統合する記録（右）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="178"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="178"/>
        <source>Furigana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="178"/>
        <source>Date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="179"/>
        <source>Gender</source>
        <translation>性別</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="179"/>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="179"/>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="180"/>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="180"/>
        <source>Prefecture</source>
        <translation>都道府県</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="180"/>
        <source>City</source>
        <translation>市区町村</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="181"/>
        <source>Address</source>
        <translation>番地</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="181"/>
        <source>Building</source>
        <translation>建物名</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="182"/>
        <source>Residence</source>
        <translation>居住地区分</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="182"/>
        <source>Affiliation</source>
        <translation>所属</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="183"/>
        <source>Stage</source>
        <translation>段階</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="183"/>
        <source>Contact OK</source>
        <translation>連絡可</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="183"/>
        <source>Photos OK</source>
        <translation>写真掲載可</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="184"/>
        <source>Consent date</source>
        <translation>同意日</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="184"/>
        <source>Found us via</source>
        <translation>知ったきっかけ</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="184"/>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="202"/>
        <source>Merge</source>
        <translation>統合</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/merge_dialog.py" line="203"/>
        <source>Merge %1 into %2? Everything recorded for %1 moves to %2. You can undo it with Ctrl+Z.</source>
        <translation>%1 を %2 に統合しますか？%1 の記録はすべて %2 に移ります。Ctrl+Z で元に戻せます。</translation>
    </message>
</context>
<context>
    <name>EnrollmentActions</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/enrollment_actions.py" line="50"/>
        <source>Programmes</source>
        <translation>プログラム</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/enrollment_actions.py" line="56"/>
        <source>Move %1 to %2</source>
        <translation>%1 名を「%2」へ移動</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/enrollment_actions.py" line="85"/>
        <source>Select the persons to move first (Ctrl+click or Shift+click for several).</source>
        <translation>先に移動する人を選んでください（複数は Ctrl+クリック または Shift+クリック）。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/enrollment_actions.py" line="92"/>
        <source>Move %1 persons to %2 (%3)?</source>
        <translation>%1 名を「%2」へ移します（%3）。よろしいですか？</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/enrollment_actions.py" line="102"/>
        <source>Enroll %1</source>
        <translation>%1 を参加登録</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/enrollment_actions.py" line="116"/>
        <source>There is no segment yet. Save one with [Segments] first.</source>
        <translation>セグメントがまだありません。先に［セグメント］で保存してください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/enrollment_actions.py" line="119"/>
        <source>Enroll from a segment</source>
        <translation>セグメントから参加登録</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/enrollment_actions.py" line="120"/>
        <source>Enroll everyone in this segment</source>
        <translation>このセグメントに該当する全員をこのプログラムに参加登録します</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/enrollment_actions.py" line="126"/>
        <source>Nobody matches segment %1 now.</source>
        <translation>セグメント %1 に該当する参加者は今いません。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/enrollment_actions.py" line="133"/>
        <source>Select the persons to remove first.</source>
        <translation>先に外す人を選んでください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/enrollment_actions.py" line="135"/>
        <source>Remove %1 persons from the programme (%2)?</source>
        <translation>%1 名をプログラムから外します（%2）。よろしいですか？</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/enrollment_actions.py" line="140"/>
        <source>Remove %1 from the programme</source>
        <translation>%1 名をプログラムから外す</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/enrollment_actions.py" line="174"/>
        <source>Backing up before the merge…</source>
        <translation>統合前のバックアップを作成しています…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/enrollment_actions.py" line="174"/>
        <source>Merging…</source>
        <translation>統合しています…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/enrollment_actions.py" line="174"/>
        <source>Backing up after the merge…</source>
        <translation>統合後のバックアップを作成しています…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/enrollment_actions.py" line="187"/>
        <location filename="../kankei_desktop/ui/areas/programmes/enrollment_actions.py" line="190"/>
        <source>Merge persons</source>
        <translation>参加者の統合</translation>
    </message>
</context>
<context>
    <name>EnrollmentTableModel</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/table_model.py" line="22"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/table_model.py" line="22"/>
        <source>Furigana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/table_model.py" line="22"/>
        <source>Stage</source>
        <translation>段階</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/table_model.py" line="22"/>
        <source>In stage since</source>
        <translation>この段階になった日</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/table_model.py" line="23"/>
        <source>Days in stage</source>
        <translation>段階の日数</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/table_model.py" line="23"/>
        <source>Applied</source>
        <translation>登録日</translation>
    </message>
</context>
<context>
    <name>FiguresLabel</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/figures.py" line="34"/>
        <source>Enrolled %1 (active %2, completed %3)</source>
        <translation>登録 %1 名（継続中 %2 名・修了 %3 名）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/figures.py" line="39"/>
        <source>Target %1: %2 (now %3)</source>
        <translation>目標 %1: %2（現在 %3）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/figures.py" line="42"/>
        <location filename="../kankei_desktop/ui/areas/programmes/figures.py" line="77"/>
        <source>Target %1: %2</source>
        <translation>目標 %1: %2</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/figures.py" line="52"/>
        <source>Counting…</source>
        <translation>集計中…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/figures.py" line="72"/>
        <source>Persons %1 (visits %2), person-days %3</source>
        <translation>実人数 %1 名（のべ %2 人）・人日 %3</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/figures.py" line="81"/>
        <source>%1: %2 of %3 (%4)</source>
        <translation>%1: 実績 %2／目標 %3（%4）</translation>
    </message>
</context>
<context>
    <name>ProgrammeDialog</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/programme_dialog.py" line="58"/>
        <source>New programme</source>
        <translation>プログラムの新規作成</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/programme_dialog.py" line="58"/>
        <source>Edit programme</source>
        <translation>プログラムの編集</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/programme_dialog.py" line="85"/>
        <source>Target</source>
        <translation>目標</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/programme_dialog.py" line="85"/>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/programme_dialog.py" line="85"/>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/programme_dialog.py" line="89"/>
        <source>Add a target</source>
        <translation>目標を追加</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/programme_dialog.py" line="94"/>
        <source>Programme name</source>
        <translation>プログラム名</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/programme_dialog.py" line="95"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/programme_dialog.py" line="96"/>
        <source>Stages</source>
        <translation>段階</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/programme_dialog.py" line="97"/>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/programme_dialog.py" line="99"/>
        <source>Region</source>
        <translation>実施地域</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/programme_dialog.py" line="100"/>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/programme_dialog.py" line="101"/>
        <source>Targets</source>
        <translation>目標</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/programme_dialog.py" line="105"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/programme_dialog.py" line="106"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/programme_dialog.py" line="168"/>
        <source>The value of target %1 is not a number.</source>
        <translation>目標 %1 の値が数値ではありません。</translation>
    </message>
</context>
<context>
    <name>ProgrammesPage</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="50"/>
        <source>Programmes</source>
        <translation>プログラム</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="76"/>
        <source>Show archived</source>
        <translation>アーカイブ済みも表示</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="82"/>
        <source>New</source>
        <translation>新規作成</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="82"/>
        <source>New programme (Ctrl+N)</source>
        <translation>プログラムを新規作成（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="83"/>
        <source>Edit</source>
        <translation>編集</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="83"/>
        <source>Edit the programme and its targets</source>
        <translation>プログラムと目標を編集</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="84"/>
        <source>Stages</source>
        <translation>段階</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="84"/>
        <source>Add, rename, reorder stages</source>
        <translation>段階の追加・名前の変更・並べ替え</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="85"/>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="415"/>
        <source>Archive</source>
        <translation>アーカイブ</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="85"/>
        <source>Archive or bring back</source>
        <translation>アーカイブする／戻す</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="86"/>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="427"/>
        <source>Copy to next year</source>
        <translation>次年度へコピー</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="87"/>
        <source>Same stages and targets in the next fiscal year, without persons</source>
        <translation>同じ段階と目標で次の年度に作成します（参加者はコピーしません）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="88"/>
        <source>Segments</source>
        <translation>セグメント</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="89"/>
        <source>Saved participant filters, for bulk enrollment, export and labels</source>
        <translation>保存した参加者の絞り込み（一括の参加登録・出力・宛名ラベルに使えます）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="90"/>
        <source>Duplicates</source>
        <translation>重複の確認</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="91"/>
        <source>Find persons recorded twice and merge them</source>
        <translation>二重に登録された参加者を探して統合します</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="133"/>
        <source>Board</source>
        <translation>ボード</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="134"/>
        <source>Table</source>
        <translation>表</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="145"/>
        <source>Enroll from a segment…</source>
        <translation>セグメントから参加登録…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="147"/>
        <source>Remove selected</source>
        <translation>選択した人を外す</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="148"/>
        <source>Move selected</source>
        <translation>選択した人を移動</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="150"/>
        <source>Figures against targets</source>
        <translation>目標に対する実績</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="152"/>
        <source>Count persons and person-days of this programme&apos;s fiscal year (the same figures as the report)</source>
        <translation>このプログラムの年度の実人数と人日を集計します（レポートと同じ数値）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="154"/>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="154"/>
        <source>Undo (Ctrl+Z)</source>
        <translation>元に戻す（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="155"/>
        <source>Redo</source>
        <translation>やり直す</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="155"/>
        <source>Redo (Ctrl+Y)</source>
        <translation>やり直す（Ctrl+Y）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="156"/>
        <source>Roster PDF…</source>
        <translation>名簿 PDF…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="157"/>
        <source>Print the persons of this programme as an A4 list (PDF)</source>
        <translation>このプログラムの参加者を A4 の名簿（PDF）にします</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="159"/>
        <source>Export persons…</source>
        <translation>参加者を書き出し…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="160"/>
        <source>Write the persons of this programme to Excel or CSV</source>
        <translation>このプログラムの参加者を Excel・CSV に書き出します</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="173"/>
        <source>Move to</source>
        <translation>移動先</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="175"/>
        <source>on</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="272"/>
        <source>Not done</source>
        <translation>実行できませんでした</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="281"/>
        <source>All fiscal years</source>
        <translation>すべての年度</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="296"/>
        <source> (archived)</source>
        <translation>（アーカイブ済み）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="299"/>
        <source> persons</source>
        <translation> 名</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="307"/>
        <source>No programmes</source>
        <translation>プログラムはありません</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="327"/>
        <source>No programme yet. Use [+ New] to create one from a template (Otetsudai Plus, Rice letter, Country-life quest) or with your own stages.</source>
        <translation>プログラムがまだありません。[＋ 新規作成] から、テンプレート（おてつだいPlus、お米レター、田舎暮らしクエスト）または独自の段階で作成できます。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="341"/>
        <source>Loading the programme</source>
        <translation>プログラムの読み込み</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="356"/>
        <source>%1 persons in this programme</source>
        <translation>このプログラムの参加者 %1 名</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="364"/>
        <source>Create programme</source>
        <translation>プログラムの作成</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="391"/>
        <source>Edit programme</source>
        <translation>プログラムの編集</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/page.py" line="415"/>
        <source>Bring back</source>
        <translation>アーカイブから戻す</translation>
    </message>
</context>
<context>
    <name>Rosters</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="73"/>
        <source>Export persons</source>
        <translation>参加者の書き出し</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="74"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="83"/>
        <source>%1 persons written to %2</source>
        <translation>%1 名を書き出しました: %2</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="92"/>
        <source>Roster PDF</source>
        <translation>名簿 PDF</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="102"/>
        <source>Roster written (%1 pages): %2</source>
        <translation>名簿を作りました（%1 ページ）: %2</translation>
    </message>
</context>
<context>
    <name>SegmentsDialog</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="110"/>
        <source>Segments</source>
        <translation>セグメント</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="135"/>
        <source>New…</source>
        <translation>新規作成…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="136"/>
        <source>Rename…</source>
        <translation>名前の変更…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="137"/>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="397"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="138"/>
        <source>Export persons…</source>
        <translation>参加者を書き出し…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="140"/>
        <source>Write the persons of the segment to Excel or CSV</source>
        <translation>このセグメントの参加者を Excel・CSV に書き出します</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="141"/>
        <source>Roster PDF…</source>
        <translation>名簿 PDF…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="143"/>
        <source>Print the persons of the segment as an A4 list (PDF)</source>
        <translation>このセグメントの参加者を A4 の名簿（PDF）にします</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="156"/>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="249"/>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="256"/>
        <source>(any)</source>
        <translation>（指定なし）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="165"/>
        <source>(choose when a date is given)</source>
        <translation>（日付を指定したら選んでください）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="166"/>
        <source>Include persons never contacted</source>
        <translation>関わりの記録がない人を含める</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="167"/>
        <source>Leave out persons never contacted</source>
        <translation>関わりの記録がない人は含めない</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="172"/>
        <source>e.g. farming, photography (any of them)</source>
        <translation>例: 農業、写真（いずれか）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="179"/>
        <source>Count</source>
        <translation>件数を確認</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="180"/>
        <source>Save the filter</source>
        <translation>条件を保存</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="185"/>
        <source>Stage</source>
        <translation>段階</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="186"/>
        <source>Ties</source>
        <translation>ゆかり</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="187"/>
        <source>Residence</source>
        <translation>居住地区分</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="188"/>
        <source>Programme</source>
        <translation>プログラム</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="189"/>
        <source>Programme stage</source>
        <translation>プログラムの段階</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="192"/>
        <source>to</source>
        <translation>〜</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="194"/>
        <source>Last contact from</source>
        <translation>最終関わり日</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="195"/>
        <source>Never contacted</source>
        <translation>関わりの記録がない人</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="196"/>
        <source>Interests or skills</source>
        <translation>関心・スキル</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="197"/>
        <source>Contact OK</source>
        <translation>連絡可</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="198"/>
        <source>Photos OK</source>
        <translation>写真掲載可</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="199"/>
        <source>Search words</source>
        <translation>検索語</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="127"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="250"/>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="251"/>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="336"/>
        <source>%1 persons match</source>
        <translation>該当 %1 名</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="353"/>
        <source>New segment</source>
        <translation>セグメントの新規作成</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="354"/>
        <source>Name of the segment (the current filter is saved)</source>
        <translation>セグメント名（今の条件を保存します）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="384"/>
        <source>Rename the segment</source>
        <translation>セグメント名の変更</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="384"/>
        <source>New name</source>
        <translation>新しい名前</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/segments_dialog.py" line="397"/>
        <source>Delete segment %1? The persons are not touched.</source>
        <translation>セグメント %1 を削除しますか？参加者の記録は変わりません。</translation>
    </message>
</context>
<context>
    <name>StagesDialog</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/stages_dialog.py" line="34"/>
        <source>Stages</source>
        <translation>段階</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/stages_dialog.py" line="39"/>
        <source>Final stage (completed)</source>
        <translation>修了の段階</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/stages_dialog.py" line="40"/>
        <source>Dropped-out stage</source>
        <translation>辞退の段階</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/stages_dialog.py" line="43"/>
        <source>Add…</source>
        <translation>追加…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/stages_dialog.py" line="43"/>
        <source>Rename…</source>
        <translation>名前の変更…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/stages_dialog.py" line="43"/>
        <source>Move up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/stages_dialog.py" line="44"/>
        <source>Move down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/stages_dialog.py" line="44"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/stages_dialog.py" line="55"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/stages_dialog.py" line="77"/>
        <source> (final)</source>
        <translation>（修了）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/stages_dialog.py" line="78"/>
        <source> (dropped out)</source>
        <translation>（辞退）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/stages_dialog.py" line="99"/>
        <source>Add a stage</source>
        <translation>段階の追加</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/stages_dialog.py" line="99"/>
        <source>Name of the new stage</source>
        <translation>新しい段階の名前</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/stages_dialog.py" line="104"/>
        <source>Add stage %1</source>
        <translation>段階「%1」の追加</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/stages_dialog.py" line="116"/>
        <source>Rename the stage</source>
        <translation>段階の名前の変更</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/stages_dialog.py" line="116"/>
        <source>New name</source>
        <translation>新しい名前</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/stages_dialog.py" line="120"/>
        <source>Rename stage %1</source>
        <translation>段階「%1」の名前の変更</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/stages_dialog.py" line="135"/>
        <source>Reorder stages</source>
        <translation>段階の並べ替え</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/stages_dialog.py" line="153"/>
        <source>Change stage %1</source>
        <translation>段階「%1」の変更</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/programmes/stages_dialog.py" line="166"/>
        <source>Delete stage %1</source>
        <translation>段階「%1」の削除</translation>
    </message>
</context>
</TS>
