# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'stay_editor.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_StayEditor(object):
    def setupUi(self, StayEditor):
        if not StayEditor.objectName():
            StayEditor.setObjectName(u"StayEditor")
        StayEditor.setMinimumSize(QSize(640, 0))
        self.main_layout = QVBoxLayout(StayEditor)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.find_label = QLabel(StayEditor)
        self.find_label.setObjectName(u"find_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.find_label)

        self.search_edit = QLineEdit(StayEditor)
        self.search_edit.setObjectName(u"search_edit")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.search_edit)

        self.found_list = QListWidget(StayEditor)
        self.found_list.setObjectName(u"found_list")
        self.found_list.setMaximumSize(QSize(16777215, 110))

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.found_list)

        self.person_buttons = QHBoxLayout()
        self.person_buttons.setObjectName(u"person_buttons")
        self.add_button = QPushButton(StayEditor)
        self.add_button.setObjectName(u"add_button")

        self.person_buttons.addWidget(self.add_button)

        self.remove_button = QPushButton(StayEditor)
        self.remove_button.setObjectName(u"remove_button")

        self.person_buttons.addWidget(self.remove_button)

        self.person_buttons_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.person_buttons.addItem(self.person_buttons_stretch)

        self.person_buttons.setStretch(2, 1)

        self.form_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.person_buttons)

        self.participants_label = QLabel(StayEditor)
        self.participants_label.setObjectName(u"participants_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.participants_label)

        self.chosen_list = QListWidget(StayEditor)
        self.chosen_list.setObjectName(u"chosen_list")
        self.chosen_list.setMaximumSize(QSize(16777215, 90))

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.chosen_list)

        self.host_label = QLabel(StayEditor)
        self.host_label.setObjectName(u"host_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.host_label)

        self.host_combo = QComboBox(StayEditor)
        self.host_combo.setObjectName(u"host_combo")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.host_combo)

        self.lodging_label = QLabel(StayEditor)
        self.lodging_label.setObjectName(u"lodging_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.lodging_label)

        self.lodging_combo = QComboBox(StayEditor)
        self.lodging_combo.setObjectName(u"lodging_combo")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.lodging_combo)

        self.dates_label = QLabel(StayEditor)
        self.dates_label.setObjectName(u"dates_label")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.dates_label)

        self.dates = QHBoxLayout()
        self.dates.setObjectName(u"dates")
        self.start_edit = QDateEdit(StayEditor)
        self.start_edit.setObjectName(u"start_edit")
        self.start_edit.setDisplayFormat(u"yyyy/MM/dd (ddd)")
        self.start_edit.setCalendarPopup(True)

        self.dates.addWidget(self.start_edit)

        self.dates_between = QLabel(StayEditor)
        self.dates_between.setObjectName(u"dates_between")
        self.dates_between.setText(u"\u301c")

        self.dates.addWidget(self.dates_between)

        self.end_edit = QDateEdit(StayEditor)
        self.end_edit.setObjectName(u"end_edit")
        self.end_edit.setDisplayFormat(u"yyyy/MM/dd (ddd)")
        self.end_edit.setCalendarPopup(True)

        self.dates.addWidget(self.end_edit)

        self.dates_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dates.addItem(self.dates_stretch)

        self.dates.setStretch(3, 1)

        self.form_layout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.dates)

        self.kind_label = QLabel(StayEditor)
        self.kind_label.setObjectName(u"kind_label")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.kind_label)

        self.purpose_label = QLabel(StayEditor)
        self.purpose_label.setObjectName(u"purpose_label")

        self.form_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.purpose_label)

        self.purpose_edit = QLineEdit(StayEditor)
        self.purpose_edit.setObjectName(u"purpose_edit")

        self.form_layout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.purpose_edit)

        self.programme_label = QLabel(StayEditor)
        self.programme_label.setObjectName(u"programme_label")

        self.form_layout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.programme_label)

        self.programme_combo = QComboBox(StayEditor)
        self.programme_combo.setObjectName(u"programme_combo")

        self.form_layout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.programme_combo)

        self.status_label = QLabel(StayEditor)
        self.status_label.setObjectName(u"status_label")

        self.form_layout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.status_label)

        self.status_combo = QComboBox(StayEditor)
        self.status_combo.setObjectName(u"status_combo")

        self.form_layout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.status_combo)

        self.notes_label = QLabel(StayEditor)
        self.notes_label.setObjectName(u"notes_label")

        self.form_layout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes_edit = QPlainTextEdit(StayEditor)
        self.notes_edit.setObjectName(u"notes_edit")
        self.notes_edit.setMaximumSize(QSize(16777215, 60))

        self.form_layout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.notes_edit)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(StayEditor)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setVisible(False)
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.main_layout.addWidget(self.error_label)

        self.buttons = QDialogButtonBox(StayEditor)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.find_label.setBuddy(self.search_edit)
        self.participants_label.setBuddy(self.chosen_list)
        self.host_label.setBuddy(self.host_combo)
        self.lodging_label.setBuddy(self.lodging_combo)
        self.purpose_label.setBuddy(self.purpose_edit)
        self.programme_label.setBuddy(self.programme_combo)
        self.status_label.setBuddy(self.status_combo)
        self.notes_label.setBuddy(self.notes_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(StayEditor)

        QMetaObject.connectSlotsByName(StayEditor)
    # setupUi

    def retranslateUi(self, StayEditor):
        self.find_label.setText(QCoreApplication.translate("StayEditor", u"Find", None))
        self.search_edit.setPlaceholderText(QCoreApplication.translate("StayEditor", u"Search participants by name, furigana, phone", None))
        self.add_button.setText(QCoreApplication.translate("StayEditor", u"Add \u2193", None))
        self.remove_button.setText(QCoreApplication.translate("StayEditor", u"Remove", None))
        self.participants_label.setText(QCoreApplication.translate("StayEditor", u"Participants", None))
        self.host_label.setText(QCoreApplication.translate("StayEditor", u"Host", None))
        self.lodging_label.setText(QCoreApplication.translate("StayEditor", u"Lodging", None))
        self.dates_label.setText(QCoreApplication.translate("StayEditor", u"Dates", None))
        self.purpose_label.setText(QCoreApplication.translate("StayEditor", u"Purpose", None))
        self.programme_label.setText(QCoreApplication.translate("StayEditor", u"Programme", None))
        self.status_label.setText(QCoreApplication.translate("StayEditor", u"Status", None))
        self.notes_label.setText(QCoreApplication.translate("StayEditor", u"Notes", None))
        pass
    # retranslateUi

