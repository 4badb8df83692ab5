"""Undo and redo for the programme area: every change is a service call already made.

The page runs the service first (so a refused change never enters the stack),
then pushes a ``DoneCommand`` holding how to take it back and how to do it again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.services import work
from kankei_desktop.store import Database

#: A service call made with the session of one ``work.unit`` and the command's result.
Operation = Callable[[Any, Any], Any]


class DoneCommand(QUndoCommand):
    def __init__(
        self,
        text: str,
        database: Database,
        result: Any,
        undo: Operation,
        redo: Operation,
        after: Callable[[], None],
        on_error: Callable[[str], None],
    ):
        super().__init__(text)
        self._database = database
        self.result = result  # what the service returned; a redo may replace it (a new audit id)
        self._undo = undo
        self._redo = redo
        self._after = after
        self._on_error = on_error
        self._first = True

    def redo(self) -> None:
        if self._first:  # pushing calls redo(); the change was already made
            self._first = False
            return
        new_result = self._run(self._redo)
        if new_result is not None:
            self.result = new_result

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, operation: Operation) -> Any:
        outcome = None
        try:
            with work.unit(self._database) as session:
                outcome = operation(session, self.result)
        except KankeiError as error:
            # Something changed meanwhile (e.g. the record was deleted): say so, keep the data as it is.
            self.setObsolete(True)
            self._on_error(error.message)
        self._after()
        return outcome
