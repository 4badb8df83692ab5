"""The board: a column per stage, a card per enrollment; drag-and-drop and Ctrl+←/→ move cards."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.services.enrollments import BoardColumn
from kankei_desktop.ui.common import PersonIdRole
from kankei_desktop.ui.common import RowIdRole as EnrollmentIdRole
from kankei_desktop.ui.words import stage_marker

MIME_ENROLLMENTS = "application/x-kankei-enrollment-ids"

# UX.md status colours, always beside the stage name: final green, dropped-out grey.
HEADER_STYLES = {
    "final": "background: #c6f6d5; color: #22543d;",
    "dropout": "background: #e2e8f0; color: #4a5568;",
    "normal": "background: #bee3f8; color: #2a4365;",
}


def encode_ids(ids: list[str]) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME_ENROLLMENTS, QByteArray("\n".join(ids).encode("ascii")))
    return mime


def decode_ids(mime: QMimeData) -> list[str]:
    if not mime.hasFormat(MIME_ENROLLMENTS):
        return []
    return [part for part in bytes(mime.data(MIME_ENROLLMENTS)).decode("ascii").split("\n") if part]


class StageList(QListWidget):
    """The cards of one stage. A drop asks the board to move; the list itself never rearranges."""

    cards_dropped = Signal(list, str)  # enrollment ids, target stage id
    step_requested = Signal(list, int)  # enrollment ids, -1 (previous stage) or +1 (next)

    def __init__(self, stage_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.stage_id = stage_id
        self.setObjectName("stage_list")
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSpacing(3)
        self.setWordWrap(True)
        self.setUniformItemSizes(True)  # thousands of cards: no per-item size pass
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setStyleSheet(
            "QListWidget { background: #f7fafc; }"
            "QListWidget::item { background: white; border: 1px solid #cbd5e0; border-radius: 4px; padding: 4px; }"
            "QListWidget::item:selected { background: #ebf8ff; border: 2px solid #3182ce; color: black; }"
        )

    def selected_enrollment_ids(self) -> list[str]:
        return [item.data(EnrollmentIdRole) for item in self.selectedItems()]

    # -------------------------------------------------------------- drag and drop
    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt override)
        return [MIME_ENROLLMENTS]

    def mimeData(self, items) -> QMimeData:  # noqa: N802
        return encode_ids([item.data(EnrollmentIdRole) for item in items])

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasFormat(MIME_ENROLLMENTS):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasFormat(MIME_ENROLLMENTS) and event.source() is not self:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802
        # No source() check here (dragMoveEvent already refuses a list's own cards, and a drop on
        # the same stage changes nothing in the service).
        ids = decode_ids(event.mimeData())
        if not ids:
            event.ignore()
            return
        # Copy, not move: the source list must not delete rows itself; the board reloads
        # after the drag has finished (hence the timer), from the database.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        QTimer.singleShot(0, lambda: self.cards_dropped.emit(ids, self.stage_id))

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            ids = self.selected_enrollment_ids()
            if ids:
                self.step_requested.emit(ids, -1 if event.key() == Qt.Key.Key_Left else 1)
            event.accept()
            return
        super().keyPressEvent(event)


class BoardView(QScrollArea):
    """Columns side by side; scrolls sideways when a programme has many stages."""

    move_requested = Signal(list, str)  # enrollment ids, target stage id
    open_card = Signal(str, str)  # enrollment id, person id
    selection_changed = Signal()  # cards chosen or unchosen in any column

    COLUMN_WIDTH = 175

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("board")
        self.setAccessibleName(self.tr("Enrollment board"))
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.columns: list[BoardColumn] = []
        self.lists: list[StageList] = []
        self._container = QWidget()
        self._layout = QHBoxLayout(self._container)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.setSpacing(8)
        self.setWidget(self._container)

    def set_columns(self, columns: list[BoardColumn], keep_selected: list[str] | None = None) -> None:
        keep = set(keep_selected or ())
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget()
            if widget:
                # Hidden at once (deleteLater alone leaves it painted until the event loop runs);
                # never setParent(None): a card list of it may be emitting the signal that got us here.
                widget.hide()
                widget.deleteLater()
        self.columns = columns
        self.lists = []
        for column in columns:
            self._layout.addWidget(self._column_widget(column, keep))
        self._layout.addStretch(1)

    def _column_widget(self, column: BoardColumn, keep: set[str]) -> QFrame:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setFixedWidth(self.COLUMN_WIDTH)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(2, 2, 2, 2)
        kind = "final" if column.is_final else "dropout" if column.is_dropout else "normal"
        marker = stage_marker(column.name, column.is_final, column.is_dropout, self.tr(" (final)"),
                              self.tr(" (dropped out)"))
        symbol = "✓ " if column.is_final else "× " if column.is_dropout else ""  # written out, not colour alone
        header = QLabel(f"{symbol}{column.name}{marker}\n{len(column.cards):,}" + self.tr(" persons"))
        header.setObjectName("stage_header")
        header.setAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setStyleSheet(HEADER_STYLES[kind] + "padding: 4px; font-weight: bold; border-radius: 3px;")
        layout.addWidget(header)
        stage_list = StageList(column.stage_id)
        days_text = self.tr("%1 days in stage")
        for card in column.cards:
            days = "" if card.days_in_stage is None else days_text.replace("%1", f"{card.days_in_stage:,}")
            item = QListWidgetItem(f"{card.name}\n{card.furigana}\n{days}".rstrip())
            item.setData(EnrollmentIdRole, card.enrollment_id)
            item.setData(PersonIdRole, card.person_id)
            stage_list.addItem(item)
            if card.enrollment_id in keep:
                item.setSelected(True)
        stage_list.cards_dropped.connect(self.move_requested)
        stage_list.step_requested.connect(self._step)
        stage_list.itemSelectionChanged.connect(self.selection_changed)
        stage_list.itemActivated.connect(
            lambda item: self.open_card.emit(item.data(EnrollmentIdRole), item.data(PersonIdRole)))
        layout.addWidget(stage_list, 1)
        self.lists.append(stage_list)
        return frame

    def _step(self, ids: list[str], direction: int) -> None:
        source = self.sender()
        index = next((i for i, stage_list in enumerate(self.lists) if stage_list is source), None)
        if index is None:
            return
        target = index + direction
        if 0 <= target < len(self.columns):
            self.move_requested.emit(ids, self.columns[target].stage_id)

    def selected_enrollment_ids(self) -> list[str]:
        return [eid for stage_list in self.lists for eid in stage_list.selected_enrollment_ids()]

    def selected_names(self) -> list[str]:
        return [item.text().split("\n", 1)[0] for stage_list in self.lists for item in stage_list.selectedItems()]

    def list_for_stage(self, stage_id: str) -> StageList | None:
        return next((stage_list for stage_list in self.lists if stage_list.stage_id == stage_id), None)

    def focus_card(self, enrollment_id: str) -> None:
        for stage_list in self.lists:
            for row in range(stage_list.count()):
                if stage_list.item(row).data(EnrollmentIdRole) == enrollment_id:
                    stage_list.setCurrentRow(row)
                    stage_list.setFocus()
                    return
