"""Exchanging changes between offices by encrypted file (issue 19): the service API.

The window (データの交換) and the CLI (``kankei-desktop exchange``) use only these functions.
``database`` is an open ``store.Database``; ``session`` a ``Database.session()``. Functions taking
``database`` open their own sessions and may run in a worker thread (no Qt here). Every refusal
is a ``KankeiError`` subclass with a Japanese message; nothing is changed when one is raised.
See docs/exchange.md for the rules.

Offices
- ``own_office(session) -> OfficeInfo | None``; ``require_own_office(session)`` (or NotFoundError)
- ``set_up_office(session, name, organisation_id=None)``: once per file
- ``rename_office(session, office_id, name)`` (the id never changes)
- ``add_peer(session, office_id, name)``; ``peers(session) -> list[OfficeInfo]``
- ``make_office_copy(database, target_path, name) -> OfficeInfo``: a copy of this file for a new office
- ``pending_changes(session, peer_id) -> int``: records the peer has not confirmed (-1: nothing in
  common yet, the first package holds every shared row); ``open_conflict_count(session)``

Packages
- ``write_package(database, peer, path, passphrase, progress=None, *, full=False) -> WrittenPackage``
- ``read_header(path) -> dict`` (from/to office, number, counts; readable without the passphrase)
- ``apply_package(database, path, passphrase, progress=None, *, backup=True) -> ApplyResult``:
  added/updated/unchanged/conflicts/erased/merged/photos counts, ``findings`` (list of
  {"rule": capacity|overlap|duplicate|enrollment, "message", "ids"}), ``backup_path``,
  ``already_applied`` + ``message`` (a package applied before: nothing changed);
  ``progress(done, total, message)``; refusals raise ``PackageRefused`` or ``SealedFileError``
- ``history(session) -> list[HistoryEntry]`` (who, when, direction, how many records, findings)

Conflicts
- ``list_conflicts(session, include_resolved=False) -> list[ConflictView]`` (record, field,
  local value + office + time, remote value + office + time)
- ``resolve_conflict(session, conflict_id, choice, value=None)``: choice "local", "remote", "edited"
- ``resolve_all(session, choice, *, table=None, row_id=None)`` (all, or all of one record); ``marked_rows(session)``: records with an open conflict

For the window (each its own unit of work): ``overview(database) -> ExchangeOverview``,
``office_of(database, required=False)``, ``peer_of(database, peer_id)``, ``finding_names(database, findings)``.

Encrypted backups for removable media: ``services.backups.backup_encrypted`` / ``restore_encrypted``.
"""

from kankei_desktop.services.exchange.apply import ApplyResult, PackageRefused, apply_package
from kankei_desktop.services.exchange.conflicts import (
    ConflictView,
    list_conflicts,
    marked_rows,
    resolve_all,
    resolve_conflict,
)
from kankei_desktop.services.exchange.offices import (
    HistoryEntry,
    OfficeInfo,
    add_peer,
    history,
    make_office_copy,
    open_conflict_count,
    own_office,
    peers,
    pending_changes,
    rename_office,
    require_own_office,
    set_up_office,
)
from kankei_desktop.services.exchange.package import SUFFIX, WrittenPackage, write_package
from kankei_desktop.services.exchange.sealed import SealedFileError, read_header
from kankei_desktop.services.exchange.window import ExchangeOverview, finding_names, office_of, overview, peer_of

__all__ = [
    "SUFFIX", "ApplyResult", "ConflictView", "ExchangeOverview", "HistoryEntry", "OfficeInfo", "PackageRefused", "SealedFileError",
    "WrittenPackage", "add_peer", "apply_package", "finding_names", "history", "list_conflicts", "make_office_copy", "marked_rows",
    "office_of", "open_conflict_count", "overview", "own_office", "peer_of", "peers", "pending_changes", "read_header", "rename_office", "require_own_office", "resolve_all",
    "resolve_conflict", "set_up_office", "write_package",
]
