"""What the データの交換 page reads, each call in its own unit of work (the page holds no session)."""

from __future__ import annotations

from dataclasses import dataclass

from kankei_desktop.services import work
from kankei_desktop.services.exchange.conflicts import ConflictView, list_conflicts
from kankei_desktop.services.exchange.offices import (
    HistoryEntry,
    OfficeInfo,
    history,
    open_conflict_count,
    own_office,
    peers,
    pending_changes,
    require_own_office,
)
from kankei_desktop.services.exchange.rules import finding_persons


@dataclass
class ExchangeOverview:
    own: OfficeInfo | None
    peers: list[OfficeInfo]
    pending: dict[str, int]  # peer id → records to send (-1: everything, the first file)
    open_conflicts: int
    history: list[HistoryEntry]
    conflicts: list[ConflictView]


def overview(database) -> ExchangeOverview:
    """Everything the page shows, read together."""
    with work.unit(database) as session:
        others = peers(session)
        return ExchangeOverview(own_office(session), others,
                                {peer.id: pending_changes(session, peer.id) for peer in others},
                                open_conflict_count(session), history(session), list_conflicts(session))


def office_of(database, *, required: bool = False) -> OfficeInfo | None:
    """This file's office (``required``: or NotFoundError, as ``require_own_office``)."""
    with work.unit(database) as session:
        return require_own_office(session) if required else own_office(session)


def peer_of(database, peer_id: str) -> OfficeInfo | None:
    with work.unit(database) as session:
        return next((peer for peer in peers(session) if peer.id == peer_id), None)


def finding_names(database, findings: list[dict]) -> list[list[str]]:
    """For each finding of an applied package, the names of the persons it is about."""
    with work.unit(database) as session:
        return [finding_persons(session, finding) for finding in findings]
