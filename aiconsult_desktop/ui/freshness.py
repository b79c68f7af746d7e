"""When a page is read again: only if data of a kind it shows was written since it was
filled, or the day changed, or other people write the base too (a shared server).

Showing the dashboard again after a look at the settings costs nothing; after a question
was saved, it reads its figures again. Which kinds were written comes from the store's
write log (store/changes.py); which kinds a page shows from its `shows` attribute, the one
way a page says it: every sidebar page declares its own (tests/test_page_kinds.py checks
that it reads no other kind), and a page without one reads again after any change, slow
rather than stale. A restore, a replaced base and a write to a table no kind names count
as every kind; on a shared server every page reads again each time it is shown.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from aiconsult_desktop.domain.data_kinds import ALL_KINDS, DataKind

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from aiconsult_desktop.services.opening import Store


def shows(page: QWidget) -> frozenset[DataKind]:
    """The kinds of data `page` shows (every kind unless it says otherwise)."""
    found: frozenset[DataKind] = getattr(page, "shows", ALL_KINDS)
    return found


class Freshness:
    """The write-log tick and the day each page was last filled at."""

    def __init__(self) -> None:
        self._filled: dict[int, tuple[int, date]] = {}

    def is_stale(self, index: int, page: QWidget, store: Store) -> bool:
        filled = self._filled.get(index)
        if filled is None or store.path is None:  # never filled, or others write too
            return True
        tick, day = filled
        return day != date.today() or bool(shows(page) & store.writes.kinds_since(tick))

    def fill(self, index: int, page: QWidget, store: Store) -> None:
        """Refresh `page` and remember when (writes made while it reads count as later)."""
        tick = store.writes.tick()
        page.refresh()  # type: ignore[attr-defined]
        self._filled[index] = (tick, date.today())
