# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'person_editor.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_PersonEditor(object):
    def setupUi(self, PersonEditor):
        if not PersonEditor.objectName():
            PersonEditor.setObjectName(u"PersonEditor")
        PersonEditor.resize(1180, 560)
        self.main_layout = QVBoxLayout(PersonEditor)
        self.main_layout.setObjectName(u"main_layout")
        self.columns_layout = QHBoxLayout()
        self.columns_layout.setObjectName(u"columns_layout")
        self.basic_group = QGroupBox(PersonEditor)
        self.basic_group.setObjectName(u"basic_group")
        self.basic_group_layout = QFormLayout(self.basic_group)
        self.basic_group_layout.setObjectName(u"basic_group_layout")
        self.basic_group_layout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.name_edit_label = QLabel(self.basic_group)
        self.name_edit_label.setObjectName(u"name_edit_label")

        self.basic_group_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_edit_label)

        self.name_edit = QLineEdit(self.basic_group)
        self.name_edit.setObjectName(u"name_edit")

        self.basic_group_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.name_error = QLabel(self.basic_group)
        self.name_error.setObjectName(u"name_error")
        self.name_error.setText(u"")
        self.name_error.setVisible(False)
        self.name_error.setWordWrap(True)

        self.basic_group_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.name_error)

        self.furigana_edit_label = QLabel(self.basic_group)
        self.furigana_edit_label.setObjectName(u"furigana_edit_label")

        self.basic_group_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.furigana_edit_label)

        self.furigana_edit = QLineEdit(self.basic_group)
        self.furigana_edit.setObjectName(u"furigana_edit")

        self.basic_group_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.furigana_edit)

        self.furigana_error = QLabel(self.basic_group)
        self.furigana_error.setObjectName(u"furigana_error")
        self.furigana_error.setText(u"")
        self.furigana_error.setVisible(False)
        self.furigana_error.setWordWrap(True)

        self.basic_group_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.furigana_error)

        self.birth_date_edit_label = QLabel(self.basic_group)
        self.birth_date_edit_label.setObjectName(u"birth_date_edit_label")

        self.basic_group_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.birth_date_edit_label)

        self.birth_date_edit = QLineEdit(self.basic_group)
        self.birth_date_edit.setObjectName(u"birth_date_edit")

        self.basic_group_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.birth_date_edit)

        self.birth_date_error = QLabel(self.basic_group)
        self.birth_date_error.setObjectName(u"birth_date_error")
        self.birth_date_error.setText(u"")
        self.birth_date_error.setVisible(False)
        self.birth_date_error.setWordWrap(True)

        self.basic_group_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.birth_date_error)

        self.gender_combo_label = QLabel(self.basic_group)
        self.gender_combo_label.setObjectName(u"gender_combo_label")

        self.basic_group_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.gender_combo_label)

        self.gender_combo = QComboBox(self.basic_group)
        self.gender_combo.setObjectName(u"gender_combo")
        self.gender_combo.setEditable(True)

        self.basic_group_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.gender_combo)

        self.ladder_stage_combo_label = QLabel(self.basic_group)
        self.ladder_stage_combo_label.setObjectName(u"ladder_stage_combo_label")

        self.basic_group_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.ladder_stage_combo_label)

        self.ladder_stage_combo = QComboBox(self.basic_group)
        self.ladder_stage_combo.setObjectName(u"ladder_stage_combo")

        self.basic_group_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.ladder_stage_combo)

        self.residence_area_combo_label = QLabel(self.basic_group)
        self.residence_area_combo_label.setObjectName(u"residence_area_combo_label")

        self.basic_group_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.residence_area_combo_label)

        self.residence_area_combo = QComboBox(self.basic_group)
        self.residence_area_combo.setObjectName(u"residence_area_combo")

        self.basic_group_layout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.residence_area_combo)

        self.affiliation_edit_label = QLabel(self.basic_group)
        self.affiliation_edit_label.setObjectName(u"affiliation_edit_label")

        self.basic_group_layout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.affiliation_edit_label)

        self.affiliation_edit = QLineEdit(self.basic_group)
        self.affiliation_edit.setObjectName(u"affiliation_edit")

        self.basic_group_layout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.affiliation_edit)

        self.found_via_edit_label = QLabel(self.basic_group)
        self.found_via_edit_label.setObjectName(u"found_via_edit_label")

        self.basic_group_layout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.found_via_edit_label)

        self.found_via_edit = QLineEdit(self.basic_group)
        self.found_via_edit.setObjectName(u"found_via_edit")

        self.basic_group_layout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.found_via_edit)


        self.columns_layout.addWidget(self.basic_group)

        self.contact_group = QGroupBox(PersonEditor)
        self.contact_group.setObjectName(u"contact_group")
        self.contact_group_layout = QFormLayout(self.contact_group)
        self.contact_group_layout.setObjectName(u"contact_group_layout")
        self.contact_group_layout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.email_edit_label = QLabel(self.contact_group)
        self.email_edit_label.setObjectName(u"email_edit_label")

        self.contact_group_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.email_edit_label)

        self.email_edit = QLineEdit(self.contact_group)
        self.email_edit.setObjectName(u"email_edit")

        self.contact_group_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.email_edit)

        self.email_error = QLabel(self.contact_group)
        self.email_error.setObjectName(u"email_error")
        self.email_error.setText(u"")
        self.email_error.setVisible(False)
        self.email_error.setWordWrap(True)

        self.contact_group_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.email_error)

        self.phone_edit_label = QLabel(self.contact_group)
        self.phone_edit_label.setObjectName(u"phone_edit_label")

        self.contact_group_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.phone_edit_label)

        self.phone_edit = QLineEdit(self.contact_group)
        self.phone_edit.setObjectName(u"phone_edit")

        self.contact_group_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.phone_edit)

        self.phone_error = QLabel(self.contact_group)
        self.phone_error.setObjectName(u"phone_error")
        self.phone_error.setText(u"")
        self.phone_error.setVisible(False)
        self.phone_error.setWordWrap(True)

        self.contact_group_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.phone_error)

        self.postal_code_label = QLabel(self.contact_group)
        self.postal_code_label.setObjectName(u"postal_code_label")

        self.contact_group_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.postal_code_label)

        self.postal_layout = QHBoxLayout()
        self.postal_layout.setObjectName(u"postal_layout")
        self.postal_code_edit = QLineEdit(self.contact_group)
        self.postal_code_edit.setObjectName(u"postal_code_edit")
        self.postal_code_edit.setMaximumWidth(140)

        self.postal_layout.addWidget(self.postal_code_edit)

        self.postal_lookup_button = QPushButton(self.contact_group)
        self.postal_lookup_button.setObjectName(u"postal_lookup_button")

        self.postal_layout.addWidget(self.postal_lookup_button)

        self.postal_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.postal_layout.addItem(self.postal_spacer)


        self.contact_group_layout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.postal_layout)

        self.postal_code_error = QLabel(self.contact_group)
        self.postal_code_error.setObjectName(u"postal_code_error")
        self.postal_code_error.setText(u"")
        self.postal_code_error.setVisible(False)
        self.postal_code_error.setWordWrap(True)

        self.contact_group_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.postal_code_error)

        self.prefecture_edit_label = QLabel(self.contact_group)
        self.prefecture_edit_label.setObjectName(u"prefecture_edit_label")

        self.contact_group_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.prefecture_edit_label)

        self.prefecture_edit = QLineEdit(self.contact_group)
        self.prefecture_edit.setObjectName(u"prefecture_edit")

        self.contact_group_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.prefecture_edit)

        self.city_edit_label = QLabel(self.contact_group)
        self.city_edit_label.setObjectName(u"city_edit_label")

        self.contact_group_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.city_edit_label)

        self.city_edit = QLineEdit(self.contact_group)
        self.city_edit.setObjectName(u"city_edit")

        self.contact_group_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.city_edit)

        self.address_line_edit_label = QLabel(self.contact_group)
        self.address_line_edit_label.setObjectName(u"address_line_edit_label")

        self.contact_group_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.address_line_edit_label)

        self.address_line_edit = QLineEdit(self.contact_group)
        self.address_line_edit.setObjectName(u"address_line_edit")

        self.contact_group_layout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.address_line_edit)

        self.address_building_edit_label = QLabel(self.contact_group)
        self.address_building_edit_label.setObjectName(u"address_building_edit_label")

        self.contact_group_layout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.address_building_edit_label)

        self.address_building_edit = QLineEdit(self.contact_group)
        self.address_building_edit.setObjectName(u"address_building_edit")

        self.contact_group_layout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.address_building_edit)


        self.columns_layout.addWidget(self.contact_group)

        self.ties_group = QGroupBox(PersonEditor)
        self.ties_group.setObjectName(u"ties_group")
        self.ties_group_layout = QFormLayout(self.ties_group)
        self.ties_group_layout.setObjectName(u"ties_group_layout")
        self.ties_group_layout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.ties_list_label = QLabel(self.ties_group)
        self.ties_list_label.setObjectName(u"ties_list_label")

        self.ties_group_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.ties_list_label)

        self.ties_list = QListWidget(self.ties_group)
        self.ties_list.setObjectName(u"ties_list")
        self.ties_list.setMaximumHeight(130)

        self.ties_group_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.ties_list)

        self.ties_error = QLabel(self.ties_group)
        self.ties_error.setObjectName(u"ties_error")
        self.ties_error.setText(u"")
        self.ties_error.setVisible(False)
        self.ties_error.setWordWrap(True)

        self.ties_group_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.ties_error)

        self.interests_edit_label = QLabel(self.ties_group)
        self.interests_edit_label.setObjectName(u"interests_edit_label")

        self.ties_group_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.interests_edit_label)

        self.interests_edit = QLineEdit(self.ties_group)
        self.interests_edit.setObjectName(u"interests_edit")

        self.ties_group_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.interests_edit)

        self.skills_edit_label = QLabel(self.ties_group)
        self.skills_edit_label.setObjectName(u"skills_edit_label")

        self.ties_group_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.skills_edit_label)

        self.skills_edit = QLineEdit(self.ties_group)
        self.skills_edit.setObjectName(u"skills_edit")

        self.ties_group_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.skills_edit)

        self.contact_ok_check = QCheckBox(self.ties_group)
        self.contact_ok_check.setObjectName(u"contact_ok_check")

        self.ties_group_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.contact_ok_check)

        self.photo_ok_check = QCheckBox(self.ties_group)
        self.photo_ok_check.setObjectName(u"photo_ok_check")

        self.ties_group_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.photo_ok_check)

        self.consent_date_edit_label = QLabel(self.ties_group)
        self.consent_date_edit_label.setObjectName(u"consent_date_edit_label")

        self.ties_group_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.consent_date_edit_label)

        self.consent_date_edit = QLineEdit(self.ties_group)
        self.consent_date_edit.setObjectName(u"consent_date_edit")

        self.ties_group_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.consent_date_edit)

        self.consent_date_error = QLabel(self.ties_group)
        self.consent_date_error.setObjectName(u"consent_date_error")
        self.consent_date_error.setText(u"")
        self.consent_date_error.setVisible(False)
        self.consent_date_error.setWordWrap(True)

        self.ties_group_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.consent_date_error)


        self.columns_layout.addWidget(self.ties_group)

        self.columns_layout.setStretch(0, 4)
        self.columns_layout.setStretch(1, 5)
        self.columns_layout.setStretch(2, 5)

        self.main_layout.addLayout(self.columns_layout)

        self.notes_group = QGroupBox(PersonEditor)
        self.notes_group.setObjectName(u"notes_group")
        self.notes_layout = QVBoxLayout(self.notes_group)
        self.notes_layout.setObjectName(u"notes_layout")
        self.notes_edit = QPlainTextEdit(self.notes_group)
        self.notes_edit.setObjectName(u"notes_edit")
        self.notes_edit.setMaximumHeight(90)

        self.notes_layout.addWidget(self.notes_edit)


        self.main_layout.addWidget(self.notes_group)

        self.button_box = QDialogButtonBox(PersonEditor)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.main_layout.addWidget(self.button_box)

        self.main_layout.setStretch(0, 1)

        self.retranslateUi(PersonEditor)

        QMetaObject.connectSlotsByName(PersonEditor)
    # setupUi

    def retranslateUi(self, PersonEditor):
        PersonEditor.setWindowTitle(QCoreApplication.translate("PersonEditor", u"Participant", None))
        self.basic_group.setTitle(QCoreApplication.translate("PersonEditor", u"Basic information", None))
        self.name_edit_label.setText(QCoreApplication.translate("PersonEditor", u"Name *", None))
        self.name_edit.setPlaceholderText(QCoreApplication.translate("PersonEditor", u"e.g. Taro Yamada", None))
        self.furigana_edit_label.setText(QCoreApplication.translate("PersonEditor", u"Furigana", None))
        self.furigana_edit.setPlaceholderText(QCoreApplication.translate("PersonEditor", u"Katakana or hiragana", None))
        self.birth_date_edit_label.setText(QCoreApplication.translate("PersonEditor", u"Date of birth", None))
        self.birth_date_edit.setPlaceholderText(QCoreApplication.translate("PersonEditor", u"e.g. 2001/7/7 or H13.7.7", None))
        self.gender_combo_label.setText(QCoreApplication.translate("PersonEditor", u"Gender", None))
        self.ladder_stage_combo_label.setText(QCoreApplication.translate("PersonEditor", u"Stage", None))
        self.residence_area_combo_label.setText(QCoreApplication.translate("PersonEditor", u"Residence area", None))
        self.affiliation_edit_label.setText(QCoreApplication.translate("PersonEditor", u"Affiliation", None))
        self.affiliation_edit.setPlaceholderText(QCoreApplication.translate("PersonEditor", u"University, employer \u2026", None))
        self.found_via_edit_label.setText(QCoreApplication.translate("PersonEditor", u"How they found us", None))
        self.contact_group.setTitle(QCoreApplication.translate("PersonEditor", u"Contact and address", None))
        self.email_edit_label.setText(QCoreApplication.translate("PersonEditor", u"E-mail", None))
        self.email_edit.setPlaceholderText(QCoreApplication.translate("PersonEditor", u"name@example.jp", None))
        self.phone_edit_label.setText(QCoreApplication.translate("PersonEditor", u"Phone", None))
        self.phone_edit.setPlaceholderText(QCoreApplication.translate("PersonEditor", u"e.g. 090-1234-5678", None))
        self.postal_code_label.setText(QCoreApplication.translate("PersonEditor", u"Postal code", None))
        self.postal_code_edit.setPlaceholderText(QCoreApplication.translate("PersonEditor", u"e.g. 949-4392", None))
        self.postal_lookup_button.setText(QCoreApplication.translate("PersonEditor", u"Look up address", None))
        self.prefecture_edit_label.setText(QCoreApplication.translate("PersonEditor", u"Prefecture", None))
        self.city_edit_label.setText(QCoreApplication.translate("PersonEditor", u"City", None))
        self.address_line_edit_label.setText(QCoreApplication.translate("PersonEditor", u"Town and number", None))
        self.address_building_edit_label.setText(QCoreApplication.translate("PersonEditor", u"Building", None))
        self.ties_group.setTitle(QCoreApplication.translate("PersonEditor", u"Ties, interests and consent", None))
        self.ties_list_label.setText(QCoreApplication.translate("PersonEditor", u"Ties", None))
        self.interests_edit_label.setText(QCoreApplication.translate("PersonEditor", u"Interests", None))
        self.interests_edit.setPlaceholderText(QCoreApplication.translate("PersonEditor", u"Separate with \u3001", None))
        self.skills_edit_label.setText(QCoreApplication.translate("PersonEditor", u"Skills", None))
        self.skills_edit.setPlaceholderText(QCoreApplication.translate("PersonEditor", u"Separate with \u3001", None))
        self.contact_ok_check.setText(QCoreApplication.translate("PersonEditor", u"May be contacted", None))
        self.photo_ok_check.setText(QCoreApplication.translate("PersonEditor", u"Photos may be published", None))
        self.consent_date_edit_label.setText(QCoreApplication.translate("PersonEditor", u"Consent date", None))
        self.consent_date_edit.setPlaceholderText(QCoreApplication.translate("PersonEditor", u"Date of consent to personal-data use", None))
        self.notes_group.setTitle(QCoreApplication.translate("PersonEditor", u"Notes", None))
    # retranslateUi

