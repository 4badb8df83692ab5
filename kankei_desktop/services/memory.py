"""Memory behaviour for the few services that build hundreds of thousands of small objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a bulk job builds rows of small objects: the
    collector would walk them again and again (seconds on 100,000 rows) and find nothing,
    since rows of plain values hold no cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # Freeze and unfreeze move what was built meanwhile straight to the oldest generation:
        # the next young collection would otherwise walk all of it once more (about a second),
        # and a later full collection still looks at it.
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()
