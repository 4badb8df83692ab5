"""The programme page's actions on the persons of a programme: choosing, moving, enrolling and
removing them, their roster, and merging duplicates. A mixin of ``ProgrammesPage`` (page.py).

Its ``self.tr()`` strings are translated in the context ``EnrollmentActions`` (tr() looks up every
class of the page's hierarchy).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QInputDialog, QMessageBox

from kankei_desktop.domain.calendar import parse_date
from kankei_desktop.services import backups, enrollments, merge, rosters, segments, work
from kankei_desktop.ui.areas.programmes.card_dialog import CardDialog
from kankei_desktop.ui.areas.programmes.merge_dialog import DuplicatesDialog
from kankei_desktop.ui.areas.programmes.segments_dialog import SegmentsDialog
from kankei_desktop.ui.common import RowIdRole
from kankei_desktop.ui.worker import Task, run_and_wait


class EnrollmentActions:
    """Needs from the page: ``database``, ``programme_id``, ``view_stack``, ``table``, ``table_model``,
    ``board``, ``move_combo``, ``move_date``, ``move_button``, ``unenroll_button``, ``title_label``,
    ``run_undoable``, ``show_error``, ``reload_programme(s)``, ``refresh`` and ``status_message``.
    It goes before ``AreaPage`` in the bases."""

    # ---------------------------------------------------------------- enrollments
    def selected_enrollment_ids(self) -> list[str]:
        if self.view_stack.currentWidget() is self.table:
            return [index.data(RowIdRole) for index in self.table.selectionModel().selectedRows()]
        return self.board.selected_enrollment_ids()

    def selected_names(self) -> str:
        """The chosen persons' names for a confirmation (the first five)."""
        if self.view_stack.currentWidget() is self.table:
            names = [str(index.siblingAtColumn(0).data() or "") for index in self.table.selectionModel().selectedRows()]
        else:
            names = self.board.selected_names()
        return "、".join(names[:5]) + ("…" if len(names) > 5 else "")

    def update_bulk_buttons(self, *_args) -> None:
        chosen = self.programme_id is not None and bool(self.selected_enrollment_ids())
        self.move_button.setEnabled(chosen)
        self.unenroll_button.setEnabled(chosen)

    def confirm(self, text: str) -> bool:
        """Yes/No before a bulk action, naming the persons and the action (tests answer it)."""
        return QMessageBox.question(self, self.tr("Programmes"), text) == QMessageBox.StandardButton.Yes

    def move_cards(self, enrollment_ids: list[str], stage_id: str, on: date | None = None) -> list:
        """Move cards (drag-and-drop, Ctrl+←/→ or the bulk button); undoable. Returns the moves."""
        stage_name = next((c.name for c in self.board.columns if c.stage_id == stage_id), "")
        moves = self.run_undoable(
            self.tr("Move %1 to %2").replace("%1", f"{len(enrollment_ids):,}").replace("%2", stage_name),
            lambda s: enrollments.move_enrollments(s, enrollment_ids, stage_id, on=on),
            lambda s, done: enrollments.undo_moves(s, done),
            lambda s, done: enrollments.redo_moves(s, done),
        )
        if moves:
            self.reload_programme(keep_selected=enrollment_ids)
            target = self.board.list_for_stage(stage_id)
            if target is not None and self.view_stack.currentWidget() is self.board:
                target.setFocus()
        return moves or []

    def open_current_row(self) -> None:
        """Enter in the table: the card of the current row's person."""
        index = self.table.currentIndex()
        if not index.isValid():
            return
        enrollment_id = self.table_model.enrollment_id_at(index.row())
        with work.unit(self.database) as session:
            person_id = rosters.person_id_of_enrollment(session, enrollment_id)
        if person_id:
            self.open_card(enrollment_id, person_id)

    def open_card(self, enrollment_id: str, person_id: str) -> None:
        CardDialog(self.database, enrollment_id, person_id, self).exec()

    def move_selected(self) -> None:
        ids = self.selected_enrollment_ids()
        if not ids:
            self.show_error(self.tr("Select the persons to move first (Ctrl+click or Shift+click for several)."))
            return
        try:
            on = parse_date(self.move_date.text())
        except ValueError as error:
            self.show_error(str(error))
            return
        question = self.tr("Move %1 persons to %2 (%3)?").replace("%1", f"{len(ids):,}").replace(
            "%2", self.move_combo.currentText()).replace("%3", self.selected_names())
        if not self.confirm(question):
            return
        self.move_cards(ids, self.move_combo.currentData(), on)

    def enroll_persons(self, person_ids: list[str], label: str) -> list[str]:
        """Enroll persons at the first stage, undoable; returns the new enrollment ids."""
        programme_id = self.programme_id
        done = self.run_undoable(
            self.tr("Enroll %1").replace("%1", label),
            lambda s: enrollments.enroll_persons(s, programme_id, person_ids),
            lambda s, ids: enrollments.unenroll(s, ids),
            lambda s, ids: enrollments.restore_enrollments(s, ids),
        )
        self.reload_programmes()
        return done or []

    def enroll_segment(self, segment_name: str | None = None) -> list[str]:
        if not self.programme_id:
            return []
        with work.unit(self.database) as session:
            names = [name for _id, name, _criteria in segments.list_segments(session)]
        if not names:
            self.show_error(self.tr("There is no segment yet. Save one with [Segments] first."))
            return []
        if not isinstance(segment_name, str):
            segment_name, ok = QInputDialog.getItem(self, self.tr("Enroll from a segment"),
                                                    self.tr("Enroll everyone in this segment"), names, 0, False)
            if not ok:
                return []
        with work.unit(self.database) as session:
            person_ids = segments.person_ids_for_segment_name(session, segment_name)
        if not person_ids:
            self.show_error(self.tr("Nobody matches segment %1 now.").replace("%1", f"「{segment_name}」"))
            return []
        return self.enroll_persons(person_ids, f"「{segment_name}」")

    def unenroll_selected(self) -> None:
        ids = self.selected_enrollment_ids()
        if not ids:
            self.show_error(self.tr("Select the persons to remove first."))
            return
        question = self.tr("Remove %1 persons from the programme (%2)?").replace("%1", f"{len(ids):,}").replace(
            "%2", self.selected_names())
        if not self.confirm(question):
            return
        self.run_undoable(
            self.tr("Remove %1 from the programme").replace("%1", f"{len(ids):,}"),
            lambda s: enrollments.unenroll(s, ids),
            lambda s, done: enrollments.restore_enrollments(s, done),
            lambda s, done: enrollments.unenroll(s, done),
        )
        self.reload_programmes()

    def edit_segments(self) -> None:
        SegmentsDialog(self.database, self).exec()

    def print_roster(self, path: str | None = None) -> str | None:
        """The programme's persons as an A4 PDF list (氏名, フリガナ, 連絡先, ステージ)."""
        from kankei_desktop.ui.areas.programmes.segments_dialog import save_roster

        if not self.programme_id:
            return None
        programme_id = self.programme_id
        return save_roster(self, self.database, lambda s: rosters.programme_roster(s, programme_id),
                           self.title_label.text(), path, self.show_error, self.status_message.emit)

    def export_persons(self, path: str | None = None) -> str | None:
        from kankei_desktop.ui.areas.programmes.segments_dialog import save_persons

        if not self.programme_id:
            return None
        programme_id = self.programme_id
        return save_persons(self, self.database, lambda s: rosters.programme_person_ids(s, programme_id),
                            self.title_label.text(), path, self.show_error, self.status_message.emit)

    # ---------------------------------------------------------------- duplicates
    def merge_persons(self, survivor_id: str, other_id: str, choices: dict[str, str]):
        # A merge touches many rows of two persons: a checked backup before and after, as for
        # imports. All three run as one worker task with a progress dialog (seconds on a large file).
        database = self.database
        steps = (self.tr("Backing up before the merge…"), self.tr("Merging…"), self.tr("Backing up after the merge…"))

        def merge_with_backups(progress):
            progress(0.0, steps[0])
            backups.auto_backup(database, "before-merge")
            progress(1 / 3, steps[1])
            with work.unit(database) as session:
                result = merge.merge_persons(session, survivor_id, other_id, choices)
            progress(2 / 3, steps[2])
            backups.auto_backup(database, "after-merge")
            return result

        def do(_session):
            return run_and_wait(self, Task(database, merge_with_backups, title=self.tr("Merge persons"), session=False))

        return self.run_undoable(
            self.tr("Merge persons"),
            do,
            lambda s, entry_id: merge.undo_merge(s, entry_id),
            lambda s, _entry_id: merge.merge_persons(s, survivor_id, other_id, choices),
        )

    def review_duplicates(self) -> None:
        DuplicatesDialog(self.database, self.merge_persons, self).exec()
        self.refresh()
