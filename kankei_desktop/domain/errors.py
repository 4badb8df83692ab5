"""Errors a coordinator can read.

Services raise these with a Japanese message that says what is wrong and, where
it helps, what to do. The GUI shows ``message`` at ``field``; the CLI prints it
and exits non-zero. Anything else that escapes is a bug in our code.
"""

from __future__ import annotations

from collections.abc import Callable

# How the window shows a message: installed by the GUI in English mode (``ui/words.error_text``),
# None everywhere else, so the CLI and the tests read the Japanese the service wrote.
_display: Callable[[str], str] | None = None


def set_message_display(display: Callable[[str], str] | None) -> None:
    global _display
    _display = display


def _shown(text: str) -> str:
    return _display(text) if _display is not None and text else text


class KankeiError(Exception):
    """Base for every error whose message is meant for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self._message = message

    @property
    def message(self) -> str:
        return _shown(self._message)

    @message.setter
    def message(self, value: str) -> None:
        self._message = value


class ValidationError(KankeiError):
    """Input refused. ``errors`` maps a field name to its message."""

    def __init__(self, errors: dict[str, str]):
        self._errors = dict(errors)
        super().__init__("\n".join(self._errors.values()))

    @property
    def errors(self) -> dict[str, str]:
        return {field: _shown(text) for field, text in self._errors.items()}

    @errors.setter
    def errors(self, value: dict[str, str]) -> None:
        self._errors = dict(value)


class NotFoundError(KankeiError):
    pass


class ConflictError(KankeiError):
    """The change would break a rule (duplicate, overlap, capacity, stage in use)."""


class StoreError(KankeiError):
    """The database file cannot be used (missing, not SQLite, damaged, newer, locked)."""
