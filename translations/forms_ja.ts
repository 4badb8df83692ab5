<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>HostEditor</name>
    <message>
        <location filename="../forms/host_editor.ui" line="17"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../forms/host_editor.ui" line="30"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../forms/host_editor.ui" line="43"/>
        <source>Contact person</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location filename="../forms/host_editor.ui" line="56"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../forms/host_editor.ui" line="69"/>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../forms/host_editor.ui" line="82"/>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <location filename="../forms/host_editor.ui" line="98"/>
        <source>Look up address</source>
        <translation>住所を検索</translation>
    </message>
    <message>
        <location filename="../forms/host_editor.ui" line="107"/>
        <source>Prefecture</source>
        <translation>都道府県</translation>
    </message>
    <message>
        <location filename="../forms/host_editor.ui" line="120"/>
        <source>City</source>
        <translation>市区町村</translation>
    </message>
    <message>
        <location filename="../forms/host_editor.ui" line="133"/>
        <source>Address</source>
        <translation>番地</translation>
    </message>
    <message>
        <location filename="../forms/host_editor.ui" line="146"/>
        <source>Building</source>
        <translation>建物</translation>
    </message>
    <message>
        <location filename="../forms/host_editor.ui" line="159"/>
        <source>Capacity</source>
        <translation>定員</translation>
    </message>
    <message>
        <location filename="../forms/host_editor.ui" line="168"/>
        <source>Guests sleep here (lodging)</source>
        <translation>宿泊できる（宿泊先）</translation>
    </message>
    <message>
        <location filename="../forms/host_editor.ui" line="178"/>
        <source> persons / night</source>
        <translation> 名／泊</translation>
    </message>
    <message>
        <location filename="../forms/host_editor.ui" line="206"/>
        <source>Hosts side-job / second-job talent</source>
        <translation>副業・兼業人材を受け入れている</translation>
    </message>
    <message>
        <location filename="../forms/host_editor.ui" line="213"/>
        <source>Small or medium-sized business</source>
        <translation>中小企業</translation>
    </message>
    <message>
        <location filename="../forms/host_editor.ui" line="220"/>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
</context>
<context>
    <name>PersonEditor</name>
    <message>
        <location filename="../forms/person_editor.ui" line="14"/>
        <source>Participant</source>
        <translation>参加者</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="22"/>
        <source>Basic information</source>
        <translation>基本情報</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="31"/>
        <source>Name *</source>
        <translation>氏名 *</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="38"/>
        <source>e.g. Taro Yamada</source>
        <translation>例: 山田 太郎</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="58"/>
        <source>Furigana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="65"/>
        <source>Katakana or hiragana</source>
        <translation>カタカナまたはひらがな</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="85"/>
        <source>Date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="92"/>
        <source>e.g. 2001/7/7 or H13.7.7</source>
        <translation>例: 2001/7/7、H13.7.7</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="112"/>
        <source>Gender</source>
        <translation>性別</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="126"/>
        <source>Stage</source>
        <translation>関わりの段階</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="136"/>
        <source>Residence area</source>
        <translation>居住地区分</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="146"/>
        <source>Affiliation</source>
        <translation>所属</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="153"/>
        <source>University, employer …</source>
        <translation>大学・勤務先など</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="160"/>
        <source>How they found us</source>
        <translation>知ったきっかけ</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="173"/>
        <source>Contact and address</source>
        <translation>連絡先・住所</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="182"/>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="189"/>
        <source>name@example.jp</source>
        <translation>name@example.jp</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="209"/>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="216"/>
        <source>e.g. 090-1234-5678</source>
        <translation>例: 090-1234-5678</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="236"/>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="245"/>
        <source>e.g. 949-4392</source>
        <translation>例: 949-4392</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="255"/>
        <source>Look up address</source>
        <translation>住所を検索</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="284"/>
        <source>Prefecture</source>
        <translation>都道府県</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="294"/>
        <source>City</source>
        <translation>市区町村</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="304"/>
        <source>Town and number</source>
        <translation>町域・番地</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="314"/>
        <source>Building</source>
        <translation>建物名・部屋</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="327"/>
        <source>Ties, interests and consent</source>
        <translation>ゆかり・関心・同意</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="336"/>
        <source>Ties</source>
        <translation>ゆかり</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="363"/>
        <source>Interests</source>
        <translation>関心</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="370"/>
        <location filename="../forms/person_editor.ui" line="384"/>
        <source>Separate with 、</source>
        <translation>「、」で区切って入力</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="377"/>
        <source>Skills</source>
        <translation>スキル</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="391"/>
        <source>May be contacted</source>
        <translation>案内の連絡可</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="398"/>
        <source>Photos may be published</source>
        <translation>写真掲載可</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="405"/>
        <source>Consent date</source>
        <translation>同意日</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="412"/>
        <source>Date of consent to personal-data use</source>
        <translation>個人情報の利用に同意した日</translation>
    </message>
    <message>
        <location filename="../forms/person_editor.ui" line="437"/>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
</context>
<context>
    <name>StayEditor</name>
    <message>
        <location filename="../forms/stay_editor.ui" line="17"/>
        <source>Find</source>
        <translation>検索</translation>
    </message>
    <message>
        <location filename="../forms/stay_editor.ui" line="27"/>
        <source>Search participants by name, furigana, phone</source>
        <translation>参加者を氏名・フリガナ・電話で検索</translation>
    </message>
    <message>
        <location filename="../forms/stay_editor.ui" line="46"/>
        <source>Add ↓</source>
        <translation>追加 ↓</translation>
    </message>
    <message>
        <location filename="../forms/stay_editor.ui" line="53"/>
        <source>Remove</source>
        <translation>外す</translation>
    </message>
    <message>
        <location filename="../forms/stay_editor.ui" line="75"/>
        <source>Participants</source>
        <translation>参加者</translation>
    </message>
    <message>
        <location filename="../forms/stay_editor.ui" line="95"/>
        <source>Host</source>
        <translation>受入先</translation>
    </message>
    <message>
        <location filename="../forms/stay_editor.ui" line="108"/>
        <source>Lodging</source>
        <translation>宿泊先</translation>
    </message>
    <message>
        <location filename="../forms/stay_editor.ui" line="121"/>
        <source>Dates</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../forms/stay_editor.ui" line="175"/>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../forms/stay_editor.ui" line="188"/>
        <source>Programme</source>
        <translation>プログラム</translation>
    </message>
    <message>
        <location filename="../forms/stay_editor.ui" line="201"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../forms/stay_editor.ui" line="214"/>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
</context>
</TS>
