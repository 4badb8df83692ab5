<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AddToProgrammeDialog</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="203"/>
        <source>Add to a programme</source>
        <translation>プログラムに参加登録</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="213"/>
        <source>Persons</source>
        <translation>参加者</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="213"/>
        <source>%1 selected</source>
        <translation>%1 名を選択中</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="214"/>
        <source>Programme</source>
        <translation>プログラム</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="215"/>
        <source>Stage</source>
        <translation>段階</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="216"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="220"/>
        <source>There is no programme yet. Create one in the Programmes area first.</source>
        <translation>プログラムがまだありません。先に「プログラム」画面で作成してください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="222"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="222"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>InteractionDialog</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="78"/>
        <source>Add a record</source>
        <translation>記録を追加</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="78"/>
        <source>Edit the record</source>
        <translation>記録の編集</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="85"/>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="93"/>
        <source>e.g. 5000 (purchases and donations)</source>
        <translation>例: 5000（物産購入・寄附のとき）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="96"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="97"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="98"/>
        <source>Programme</source>
        <translation>プログラム</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="99"/>
        <source>Amount (yen)</source>
        <translation>金額（円）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="100"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="105"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="105"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="107"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
</context>
<context>
    <name>LadderDialog</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="277"/>
        <source>Stage of involvement</source>
        <translation>関わりの段階</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="284"/>
        <source>Accept the suggestion</source>
        <translation>提案を承認</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="290"/>
        <source>Reason (e.g. organised the village festival)</source>
        <translation>理由（例: 集落の祭りを主催）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="291"/>
        <source>Set this stage</source>
        <translation>この段階にする</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="301"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="301"/>
        <source>Stage</source>
        <translation>段階</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="301"/>
        <source>By</source>
        <translation>変更者</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="301"/>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="315"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="307"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="310"/>
        <source>Now</source>
        <translation>現在</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="311"/>
        <source>Suggestion</source>
        <translation>提案</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="312"/>
        <source>Change date</source>
        <translation>変更日</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/person_dialogs.py" line="314"/>
        <source>Set by hand</source>
        <translation>手動で設定</translation>
    </message>
</context>
<context>
    <name>ParticipantsPage</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/page.py" line="47"/>
        <source>Participants</source>
        <translation>参加者</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/page.py" line="80"/>
        <source>New</source>
        <translation>新規作成</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/page.py" line="80"/>
        <source>New participant (Ctrl+N)</source>
        <translation>参加者を新規作成（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/page.py" line="81"/>
        <source>Edit</source>
        <translation>編集</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/page.py" line="81"/>
        <source>Edit the selected participant (Enter)</source>
        <translation>選択した参加者を編集（Enter）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/page.py" line="82"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/page.py" line="82"/>
        <source>Delete the selected participant</source>
        <translation>選択した参加者を削除</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/page.py" line="83"/>
        <source>Restore</source>
        <translation>復元</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/page.py" line="83"/>
        <source>Restore the deleted participant</source>
        <translation>削除した参加者を元に戻す</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/page.py" line="85"/>
        <source>Add to programme</source>
        <translation>プログラムに参加登録</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/page.py" line="85"/>
        <source>Enroll the selected participants in a programme</source>
        <translation>選択した参加者をプログラムに参加登録</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/page.py" line="87"/>
        <source>Import…</source>
        <translation>取り込み…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/page.py" line="88"/>
        <source>Read participants from Excel or CSV (Ctrl+I)</source>
        <translation>参加者を Excel・CSV から取り込みます（Ctrl+I）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/page.py" line="89"/>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/page.py" line="90"/>
        <source>Write the participants to Excel or CSV (Ctrl+E)</source>
        <translation>参加者を Excel・CSV に書き出します（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/page.py" line="93"/>
        <source>Search name, furigana, e-mail, phone (Ctrl+F)</source>
        <translation>氏名・フリガナ・メール・電話で検索（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/page.py" line="97"/>
        <source>All stages</source>
        <translation>すべての段階</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/page.py" line="101"/>
        <source>All ties</source>
        <translation>すべてのゆかり</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/page.py" line="104"/>
        <source>Show deleted</source>
        <translation>削除済みを表示</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/page.py" line="135"/>
        <source>+ New participant</source>
        <translation>＋ 参加者を登録</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/page.py" line="137"/>
        <source>Import a spreadsheet…</source>
        <translation>Excel・CSV から取り込み…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/page.py" line="233"/>
        <source>%1 of %2 shown</source>
        <translation>%2 件中 %1 件を表示</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/page.py" line="238"/>
        <source>There are no deleted participants.</source>
        <translation>削除済みの参加者はいません。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/page.py" line="240"/>
        <source>No participants yet. Register them with [+ New participant] below, or read a spreadsheet with [Import a spreadsheet…] (also File menu, Ctrl+I, or drop the file on this window).</source>
        <translation>参加者がまだいません。下の［＋ 参加者を登録］で登録するか、［Excel・CSV から取り込み…］で名簿を読み込めます（ファイル メニュー、Ctrl+I、ファイルをこの画面にドロップでも取り込めます）。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/page.py" line="242"/>
        <source>No participant matches. Change the search words or the filters.</source>
        <translation>該当する参加者がいません。検索語や絞り込みを変えてください。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/page.py" line="284"/>
        <source>Delete participant</source>
        <translation>参加者の削除</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/page.py" line="285"/>
        <source>Delete %1? You can restore them from &quot;Show deleted&quot;.</source>
        <translation>%1さんを削除しますか？「削除済みを表示」から元に戻せます。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/page.py" line="308"/>
        <source>Not done</source>
        <translation>実行できませんでした</translation>
    </message>
</context>
<context>
    <name>PersonDetail</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/detail.py" line="64"/>
        <source>Date</source>
        <extracomment>Something about the person was saved here (a touch, a stage): lists should refresh.</extracomment>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/detail.py" line="64"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/detail.py" line="64"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/detail.py" line="64"/>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/detail.py" line="74"/>
        <source>Nothing has been recorded for this person yet.</source>
        <translation>この方の関わりはまだ記録されていません。</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/detail.py" line="79"/>
        <source>Basic information</source>
        <translation>基本情報</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/detail.py" line="80"/>
        <source>Timeline</source>
        <translation>関わりの記録</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/detail.py" line="82"/>
        <source>Log a contact</source>
        <translation>記録を追加</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/detail.py" line="83"/>
        <source>Record an event, consultation, donation or visit</source>
        <translation>イベント参加・相談・寄附・訪問などを記録</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/detail.py" line="84"/>
        <source>Stage…</source>
        <translation>段階…</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/detail.py" line="85"/>
        <source>Review the stage with the app&apos;s suggestion</source>
        <translation>アプリの提案を見ながら関わりの段階を確認</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/detail.py" line="119"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/detail.py" line="119"/>
        <source>Furigana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/detail.py" line="120"/>
        <source>Stage</source>
        <translation>関わりの段階</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/detail.py" line="120"/>
        <source>Date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/detail.py" line="121"/>
        <source>Residence</source>
        <translation>居住地</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/detail.py" line="121"/>
        <source>Affiliation</source>
        <translation>所属</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/detail.py" line="122"/>
        <source>Ties</source>
        <translation>ゆかり</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/detail.py" line="122"/>
        <source>Interests and skills</source>
        <translation>関心・スキル</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/detail.py" line="123"/>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/detail.py" line="123"/>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/detail.py" line="124"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/detail.py" line="124"/>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/detail.py" line="125"/>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/detail.py" line="148"/>
        <source>%1 (age %2)</source>
        <translation>%1（%2歳）</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/detail.py" line="155"/>
        <source>Contact OK</source>
        <translation>連絡可</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/detail.py" line="155"/>
        <source>No contact</source>
        <translation>連絡不可</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/detail.py" line="156"/>
        <source>Photos OK</source>
        <translation>写真掲載可</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/detail.py" line="156"/>
        <source>No photos</source>
        <translation>写真掲載不可</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/detail.py" line="158"/>
        <source>agreed %1</source>
        <translation>%1 同意</translation>
    </message>
</context>
<context>
    <name>PersonEditor</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/editor.py" line="43"/>
        <source>New participant</source>
        <translation>参加者の新規作成</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/editor.py" line="43"/>
        <source>Edit participant</source>
        <translation>参加者の編集</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/editor.py" line="53"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/editor.py" line="54"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/editor.py" line="223"/>
        <source>Unsaved changes</source>
        <translation>保存されていない変更</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/editor.py" line="224"/>
        <source>Discard the changes you made?</source>
        <translation>変更を保存せずに閉じますか？</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/editor.py" line="240"/>
        <source>No address is known for this postal code.</source>
        <translation>この郵便番号の住所が見つかりません。</translation>
    </message>
</context>
<context>
    <name>PersonListModel</name>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/list_model.py" line="96"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/list_model.py" line="96"/>
        <source>Furigana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/list_model.py" line="96"/>
        <source>Stage</source>
        <translation>段階</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/list_model.py" line="97"/>
        <source>Ties</source>
        <translation>ゆかり</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/list_model.py" line="97"/>
        <source>Residence</source>
        <translation>居住地</translation>
    </message>
    <message>
        <location filename="../kankei_desktop/ui/areas/participants/list_model.py" line="97"/>
        <source>Last contact</source>
        <translation>最終関わり日</translation>
    </message>
</context>
</TS>
