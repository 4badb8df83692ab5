# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'host_editor.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_HostEditor(object):
    def setupUi(self, HostEditor):
        if not HostEditor.objectName():
            HostEditor.setObjectName(u"HostEditor")
        HostEditor.setMinimumSize(QSize(520, 0))
        self.main_layout = QVBoxLayout(HostEditor)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.name_label = QLabel(HostEditor)
        self.name_label.setObjectName(u"name_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(HostEditor)
        self.name_edit.setObjectName(u"name_edit")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.kind_label = QLabel(HostEditor)
        self.kind_label.setObjectName(u"kind_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind_combo = QComboBox(HostEditor)
        self.kind_combo.setObjectName(u"kind_combo")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kind_combo)

        self.contact_label = QLabel(HostEditor)
        self.contact_label.setObjectName(u"contact_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.contact_label)

        self.contact_edit = QLineEdit(HostEditor)
        self.contact_edit.setObjectName(u"contact_edit")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.contact_edit)

        self.phone_label = QLabel(HostEditor)
        self.phone_label.setObjectName(u"phone_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.phone_label)

        self.phone_edit = QLineEdit(HostEditor)
        self.phone_edit.setObjectName(u"phone_edit")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.phone_edit)

        self.email_label = QLabel(HostEditor)
        self.email_label.setObjectName(u"email_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.email_label)

        self.email_edit = QLineEdit(HostEditor)
        self.email_edit.setObjectName(u"email_edit")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.email_edit)

        self.postal_label = QLabel(HostEditor)
        self.postal_label.setObjectName(u"postal_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.postal_label)

        self.postal_layout = QHBoxLayout()
        self.postal_layout.setObjectName(u"postal_layout")
        self.postal_edit = QLineEdit(HostEditor)
        self.postal_edit.setObjectName(u"postal_edit")
        self.postal_edit.setPlaceholderText(u"949-4392")

        self.postal_layout.addWidget(self.postal_edit)

        self.lookup_button = QPushButton(HostEditor)
        self.lookup_button.setObjectName(u"lookup_button")

        self.postal_layout.addWidget(self.lookup_button)


        self.form_layout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.postal_layout)

        self.prefecture_label = QLabel(HostEditor)
        self.prefecture_label.setObjectName(u"prefecture_label")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.prefecture_label)

        self.prefecture_edit = QLineEdit(HostEditor)
        self.prefecture_edit.setObjectName(u"prefecture_edit")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.prefecture_edit)

        self.city_label = QLabel(HostEditor)
        self.city_label.setObjectName(u"city_label")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.city_label)

        self.city_edit = QLineEdit(HostEditor)
        self.city_edit.setObjectName(u"city_edit")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.city_edit)

        self.address_label = QLabel(HostEditor)
        self.address_label.setObjectName(u"address_label")

        self.form_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.address_label)

        self.address_edit = QLineEdit(HostEditor)
        self.address_edit.setObjectName(u"address_edit")

        self.form_layout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.address_edit)

        self.building_label = QLabel(HostEditor)
        self.building_label.setObjectName(u"building_label")

        self.form_layout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.building_label)

        self.building_edit = QLineEdit(HostEditor)
        self.building_edit.setObjectName(u"building_edit")

        self.form_layout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.building_edit)

        self.capacity_label = QLabel(HostEditor)
        self.capacity_label.setObjectName(u"capacity_label")

        self.form_layout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.capacity_label)

        self.capacity_layout = QHBoxLayout()
        self.capacity_layout.setObjectName(u"capacity_layout")
        self.lodging_check = QCheckBox(HostEditor)
        self.lodging_check.setObjectName(u"lodging_check")

        self.capacity_layout.addWidget(self.lodging_check)

        self.capacity_spin = QSpinBox(HostEditor)
        self.capacity_spin.setObjectName(u"capacity_spin")
        self.capacity_spin.setEnabled(False)
        self.capacity_spin.setMinimum(1)
        self.capacity_spin.setMaximum(1000)

        self.capacity_layout.addWidget(self.capacity_spin)

        self.capacity_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.capacity_layout.addItem(self.capacity_stretch)

        self.capacity_layout.setStretch(2, 1)

        self.form_layout.setLayout(10, QFormLayout.ItemRole.FieldRole, self.capacity_layout)

        self.side_job_check = QCheckBox(HostEditor)
        self.side_job_check.setObjectName(u"side_job_check")

        self.form_layout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.side_job_check)

        self.small_business_check = QCheckBox(HostEditor)
        self.small_business_check.setObjectName(u"small_business_check")

        self.form_layout.setWidget(12, QFormLayout.ItemRole.FieldRole, self.small_business_check)

        self.notes_label = QLabel(HostEditor)
        self.notes_label.setObjectName(u"notes_label")

        self.form_layout.setWidget(13, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes_edit = QPlainTextEdit(HostEditor)
        self.notes_edit.setObjectName(u"notes_edit")
        self.notes_edit.setMaximumSize(QSize(16777215, 70))

        self.form_layout.setWidget(13, QFormLayout.ItemRole.FieldRole, self.notes_edit)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(HostEditor)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setVisible(False)
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.buttons = QDialogButtonBox(HostEditor)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name_edit)
        self.kind_label.setBuddy(self.kind_combo)
        self.contact_label.setBuddy(self.contact_edit)
        self.phone_label.setBuddy(self.phone_edit)
        self.email_label.setBuddy(self.email_edit)
        self.prefecture_label.setBuddy(self.prefecture_edit)
        self.city_label.setBuddy(self.city_edit)
        self.address_label.setBuddy(self.address_edit)
        self.building_label.setBuddy(self.building_edit)
        self.notes_label.setBuddy(self.notes_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(HostEditor)

        QMetaObject.connectSlotsByName(HostEditor)
    # setupUi

    def retranslateUi(self, HostEditor):
        self.name_label.setText(QCoreApplication.translate("HostEditor", u"Name", None))
        self.kind_label.setText(QCoreApplication.translate("HostEditor", u"Kind", None))
        self.contact_label.setText(QCoreApplication.translate("HostEditor", u"Contact person", None))
        self.phone_label.setText(QCoreApplication.translate("HostEditor", u"Phone", None))
        self.email_label.setText(QCoreApplication.translate("HostEditor", u"E-mail", None))
        self.postal_label.setText(QCoreApplication.translate("HostEditor", u"Postal code", None))
        self.lookup_button.setText(QCoreApplication.translate("HostEditor", u"Look up address", None))
        self.prefecture_label.setText(QCoreApplication.translate("HostEditor", u"Prefecture", None))
        self.city_label.setText(QCoreApplication.translate("HostEditor", u"City", None))
        self.address_label.setText(QCoreApplication.translate("HostEditor", u"Address", None))
        self.building_label.setText(QCoreApplication.translate("HostEditor", u"Building", None))
        self.capacity_label.setText(QCoreApplication.translate("HostEditor", u"Capacity", None))
        self.lodging_check.setText(QCoreApplication.translate("HostEditor", u"Guests sleep here (lodging)", None))
        self.capacity_spin.setSuffix(QCoreApplication.translate("HostEditor", u" persons / night", None))
        self.side_job_check.setText(QCoreApplication.translate("HostEditor", u"Hosts side-job / second-job talent", None))
        self.small_business_check.setText(QCoreApplication.translate("HostEditor", u"Small or medium-sized business", None))
        self.notes_label.setText(QCoreApplication.translate("HostEditor", u"Notes", None))
        pass
    # retranslateUi

