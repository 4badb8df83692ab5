"""Errors a coordinator can read.

Services raise these with a Japanese message that says what is wrong and, where
it helps, what to do. The GUI shows ``message`` at ``field``; the CLI prints it
and exits non-zero. Anything else that escapes is a bug in our code.
"""

from __future__ import annotations


class KankeiError(Exception):
    """Base for every error whose message is meant for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ValidationError(KankeiError):
    """Input refused. ``errors`` maps a field name to its message."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("\n".join(self.errors.values()))


class NotFoundError(KankeiError):
    pass


class ConflictError(KankeiError):
    """The change would break a rule (duplicate, overlap, capacity, stage in use)."""


class StoreError(KankeiError):
    """The database file cannot be used (missing, not SQLite, damaged, newer, locked)."""
