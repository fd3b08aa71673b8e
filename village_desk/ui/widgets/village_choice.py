"""A township office's lists hold all its villages: a 村 filter to show one,
and the village's name on each row. On a village laptop (one village) both
stay out of sight.

:class:`VillageFilter` is the combo with its label; :func:`group_choices`
names villager groups so that two villages' 一组 are told apart.
"""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from village_desk.core import queries
from village_desk.ui.widgets.forms import refill_combo


class VillageFilter(QComboBox):
    """全部村 or one village. ``township`` is whether this database is a
    township office's; on a village copy the combo and its label are hidden
    and :meth:`village_id` is always None."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setAccessibleName(self.tr("Village"))
        self.setMaxVisibleItems(25)
        self.label = QLabel(self.tr("Village"))
        self.township = bool(ctx.read(queries.reference.is_township))
        self.names: dict[uuid.UUID, str] = {}
        self.reload()
        self.setVisible(self.township)
        self.label.setVisible(self.township)

    def reload(self) -> bool:
        """Offer the villages there are now; returns whether the choice stayed."""
        if not self.township:
            return True
        villages = self.ctx.read(queries.reference.village_profiles)
        self.names.clear()  # in place: the list models name rows from it
        self.names.update((v.id, v.village) for v in villages)
        return refill_combo(
            self,
            [(self.tr("All villages"), None)] + [(v.village, str(v.id)) for v in villages],
        )

    def village_id(self) -> uuid.UUID | None:
        data = self.currentData()
        return uuid.UUID(data) if data else None

    def name(self, village_id) -> str:
        return self.names.get(village_id, "") if village_id is not None else ""


def group_choices(groups, village: VillageFilter) -> list[tuple[str, str]]:
    """``(label, id)`` of the groups a list can be filtered by: on a village
    copy all; at a township office those of the chosen village, or all of
    them named with their village (桃花村·一组) when none is chosen."""
    if not village.township:
        return [(g.name, str(g.id)) for g in groups]
    chosen = village.village_id()
    if chosen is not None:
        return [(g.name, str(g.id)) for g in groups if g.village_id == chosen]
    order = {vid: i for i, vid in enumerate(village.names)}
    by_village = sorted(groups, key=lambda g: order.get(g.village_id, len(order)))
    return [(f"{village.name(g.village_id)}·{g.name}", str(g.id)) for g in by_village]
