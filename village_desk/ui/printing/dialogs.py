"""What to print: small dialogs (which cards, which month, which diary) and
the calls that start a printout with its preview (see ``preview.py``).

Each takes the :class:`~village_desk.ui.context.AppContext` (``ctx``), whose
executor generates the PDF off the GUI thread. (A ``Database`` is still
accepted in its place: the context is then that of the page the printout
starts on, see :func:`~.preview.app_context`.)

The core ``print_*`` functions are imported only when a printout starts, so
reportlab stays out of start-up.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QDate, QSettings
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import queries
from village_desk.core.jobs import Job
from village_desk.core.storage.db import Database
from village_desk.ui.context import AppContext
from village_desk.ui.printing.preview import PrintRun, app_context, generate_and_preview
from village_desk.ui.widgets.forms import HINT_STYLE, error_label, set_combo_data
from village_desk.ui.widgets.sizing import fit_lines

SCOPE_SELECTED, SCOPE_GROUP, SCOPE_CATEGORY, SCOPE_ALL = "selected", "group", "category", "all"
SCOPE_LIST = "list"  # every household the list shows with its current filters


CARD_FORMAT_KEY = "printing/card_format"


def remembered_card_format() -> tuple[str, str]:
    """The layout and size last chosen for contact cards (this computer)."""
    value = QSettings().value(CARD_FORMAT_KEY)
    if isinstance(value, str) and "|" in value:
        layout, size = value.split("|", 1)
        if layout in ("a4-10", "single") and size in ("90x54", "85.6x54"):
            return layout, size
    return "a4-10", "90x54"


def remember_card_format(layout: str, size: str) -> None:
    QSettings().setValue(CARD_FORMAT_KEY, f"{layout}|{size}")


def month_choices(combo: QComboBox, months: int = 24) -> None:
    today = dt.date.today()
    y, m = today.year, today.month
    for _ in range(months):
        combo.addItem(f"{y}-{m:02d}", (y, m))
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)


# ---------------------------------------------------------------- starting printouts


def print_cards(
    parent: QWidget,
    ctx: AppContext | Database,
    *,
    household_ids: Sequence[uuid.UUID] = (),
    group: str | None = None,
    category: str | None = None,
    all_households: bool = False,
    list_filter=None,
    layout: str = "a4-10",
    size: str = "90x54",
    title: str = "",
) -> PrintRun:
    """Contact cards for some households, a group (name), a category (code) or all."""
    ctx = app_context(parent, ctx)

    def generate(path: str, job: Job) -> None:
        from village_desk.core.printing import CardSelection
        from village_desk.core.printing import print_cards as core_print_cards

        selection = CardSelection(
            households=tuple(str(h) for h in household_ids),
            group=group,
            category=category,
            all=all_households,
            list_filter=list_filter,
        )
        core_print_cards(ctx.db, path, selection, layout=layout, size=size, job=job)

    title = title or QCoreApplication.translate("Printing", "Contact cards")
    return generate_and_preview(ctx, parent, title, f"{title}.pdf", generate)


def print_notice(parent: QWidget, ctx: AppContext | Database, year: int, month: int) -> PrintRun:
    ctx = app_context(parent, ctx)

    def generate(path: str, job: Job) -> None:
        from village_desk.core.printing import print_notice as core_print_notice

        core_print_notice(ctx.db, path, year, month, job=job)

    title = QCoreApplication.translate("Printing", "Public notice {year}-{month}").format(
        year=year, month=f"{month:02d}"
    )
    return generate_and_preview(ctx, parent, title, f"{title}.pdf", generate)


def print_ledger_sheet(
    parent: QWidget, ctx: AppContext | Database, year: int, month: int
) -> PrintRun:
    ctx = app_context(parent, ctx)

    def generate(path: str, job: Job) -> None:
        from village_desk.core.printing import print_ledger_sheet as core_print_sheet

        core_print_sheet(ctx.db, path, year, month, job=job)

    title = QCoreApplication.translate("Printing", "Month-end ledger {year}-{month}").format(
        year=year, month=f"{month:02d}"
    )
    return generate_and_preview(ctx, parent, title, f"{title}.pdf", generate)


def print_diary(
    parent: QWidget,
    ctx: AppContext | Database,
    cadre_name: str,
    start: dt.date,
    end: dt.date,
    cadre_id: uuid.UUID | None = None,
) -> PrintRun:
    ctx = app_context(parent, ctx)

    def generate(path: str, job: Job) -> None:
        from village_desk.core.printing import print_diary as core_print_diary

        cadre = cadre_id or cadre_name  # the id tells apart cadres who share a name
        core_print_diary(ctx.db, path, cadre, start, end, job=job)

    title = QCoreApplication.translate("Printing", "Visit diary of {name} {start} to {end}").format(
        name=cadre_name, start=start.isoformat(), end=end.isoformat()
    )
    return generate_and_preview(ctx, parent, title, f"{title}.pdf", generate)


def print_referral(
    parent: QWidget, ctx: AppContext | Database, number: str, request: str = ""
) -> PrintRun:
    ctx = app_context(parent, ctx)

    def generate(path: str, job: Job) -> None:
        from village_desk.core.printing import print_referral as core_print_referral

        core_print_referral(ctx.db, path, number, request, job=job)

    title = QCoreApplication.translate("Printing", "Referral {number}").format(number=number)
    return generate_and_preview(ctx, parent, title, f"{title}.pdf", generate)


# ---------------------------------------------------------------- dialogs


class CardPrintDialog(QDialog):
    """Which households get a card (selection, the filter's group or
    category, or all), in which layout and size."""

    def __init__(
        self,
        ctx: AppContext | Database,
        *,
        selected_ids: Sequence[uuid.UUID] = (),
        group: tuple[str, str] | None = None,  # (name, label)
        category: tuple[str, str] | None = None,  # (code, label)
        total: int | None = None,  # households in the village
        list_filter=None,  # the list's HouseholdFilter, when any filter is set
        listed: int | None = None,  # households the filtered list shows
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.list_filter = list_filter
        self.ctx = ctx
        self.selected_ids = list(selected_ids)
        self.group = group
        self.category = category
        self.setWindowTitle(self.tr("Print contact cards"))
        self.setMinimumWidth(420)
        self.scope_buttons = QButtonGroup(self)
        self.scope_radios: dict[str, QRadioButton] = {}
        scope_box = QVBoxLayout()
        options = [
            (
                SCOPE_SELECTED,
                self.tr("The selected households ({n})").format(n=len(self.selected_ids)),
                bool(self.selected_ids),
            ),
            (
                SCOPE_LIST,
                self.tr("All households in the filtered list ({n})").format(n=listed or 0),
                list_filter is not None and bool(listed),
            ),
            (
                SCOPE_GROUP,
                self.tr("Group of the current filter: {name}").format(name=group[1])
                if group
                else self.tr("Group of the current filter (none chosen)"),
                group is not None,
            ),
            (
                SCOPE_CATEGORY,
                self.tr("Category of the current filter: {name}").format(name=category[1])
                if category
                else self.tr("Category of the current filter (none chosen)"),
                category is not None,
            ),
            (
                SCOPE_ALL,
                self.tr("All households of the village ({n})").format(n=total)
                if total is not None
                else self.tr("All households of the village"),
                True,
            ),
        ]
        for code, text, enabled in options:
            radio = QRadioButton(text)
            radio.setEnabled(enabled)
            self.scope_buttons.addButton(radio)
            self.scope_radios[code] = radio
            scope_box.addWidget(radio)
            # An unfiltered list is the whole village: no "filtered list (0)" beside it.
            if code == SCOPE_LIST and list_filter is None:
                radio.hide()
        first = next(code for code, _t, enabled in options if enabled)
        self.scope_radios[first].setChecked(True)

        self.layout_combo = QComboBox()
        self.layout_combo.addItem(
            self.tr("A4, 10 cards a page (crop marks, duplex backs)"), "a4-10"
        )
        self.layout_combo.addItem(self.tr("One card a page (card printer)"), "single")
        self.size_combo = QComboBox()
        self.size_combo.addItem(self.tr("90 × 54 mm (business card)"), "90x54")
        self.size_combo.addItem(self.tr("85.6 × 54 mm (bank card)"), "85.6x54")
        layout_code, size_code = remembered_card_format()
        set_combo_data(self.layout_combo, layout_code)
        set_combo_data(self.size_combo, size_code)
        hint = QLabel(
            self.tr(
                "For two-sided cards print duplex, flipping on the long edge; "
                "the backs are laid out mirrored so they line up."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("Layout"), self.layout_combo)
        form.addRow(self.tr("Card size"), self.size_combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Preview…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Print cards for")))
        layout.addLayout(scope_box)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def scope(self) -> str:
        return next(code for code, r in self.scope_radios.items() if r.isChecked())

    def set_scope(self, scope: str) -> None:
        self.scope_radios[scope].setChecked(True)

    def start(self, parent: QWidget) -> PrintRun:
        scope = self.scope()
        layout, size = self.layout_combo.currentData(), self.size_combo.currentData()
        remember_card_format(layout, size)
        kwargs: dict = {"layout": layout, "size": size}
        if scope == SCOPE_SELECTED:
            kwargs["household_ids"] = self.selected_ids
        elif scope == SCOPE_LIST and self.list_filter is not None:
            kwargs["list_filter"] = self.list_filter
        elif scope == SCOPE_GROUP and self.group:
            kwargs["group"] = self.group[0]
            kwargs["title"] = self.tr("Contact cards {name}").format(name=self.group[1])
        elif scope == SCOPE_CATEGORY and self.category:
            kwargs["category"] = self.category[0]
            kwargs["title"] = self.tr("Contact cards {name}").format(name=self.category[1])
        else:
            kwargs["all_households"] = True
        return print_cards(parent, self.ctx, **kwargs)


class LedgerPrintDialog(QDialog):
    """The month for the 公示 sheet or the month-end ledger sheet."""

    NOTICE, SHEET = "notice", "sheet"

    def __init__(
        self, ctx: AppContext | Database, kind: str, month=None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.setWindowTitle(
            self.tr("Print public notice")
            if kind == self.NOTICE
            else self.tr("Print month-end ledger")
        )
        self.setMinimumWidth(380)
        self.month_combo = QComboBox()
        month_choices(self.month_combo)
        if month:
            set_combo_data(self.month_combo, tuple(month))
        note = QLabel(
            self.tr("Matters marked for public notice; applicants' names and numbers are masked.")
            if kind == self.NOTICE
            else self.tr("Every matter of the month with its progress, on landscape pages.")
        )
        note.setWordWrap(True)
        note.setStyleSheet(HINT_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("Month"), self.month_combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Preview…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def month(self) -> tuple[int, int]:
        return tuple(self.month_combo.currentData())

    def start(self, parent: QWidget) -> PrintRun:
        year, month = self.month()
        if self.kind == self.NOTICE:
            return print_notice(parent, self.ctx, year, month)
        return print_ledger_sheet(parent, self.ctx, year, month)


class DiaryPrintDialog(QDialog):
    """One cadre's entries over a period, for the township's spot-check binder."""

    def __init__(self, ctx: AppContext | Database, cadre_id=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Print visit diary"))
        self.cadre_combo = QComboBox()
        for c in ctx.read(queries.reference.cadres, include_inactive=True):
            self.cadre_combo.addItem(c.name, str(c.id))
        if cadre_id:
            set_combo_data(self.cadre_combo, str(cadre_id))
        today = QDate.currentDate()
        self.from_edit = QDateEdit(QDate(today.year(), today.month(), 1))
        self.to_edit = QDateEdit(today)
        for edit in (self.from_edit, self.to_edit):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Cadre"), self.cadre_combo)
        form.addRow(self.tr("From"), self.from_edit)
        form.addRow(self.tr("To"), self.to_edit)
        form.addRow("", self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Preview…"))
        self.ok_button.setEnabled(self.cadre_combo.count() > 0)
        buttons.accepted.connect(self.check_and_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.from_edit.dateChanged.connect(self.error.hide)
        self.to_edit.dateChanged.connect(self.error.hide)

    def period(self) -> tuple[dt.date, dt.date]:
        a, b = self.from_edit.date(), self.to_edit.date()
        return dt.date(a.year(), a.month(), a.day()), dt.date(b.year(), b.month(), b.day())

    def check_and_accept(self) -> None:
        start, end = self.period()
        if end < start:
            self.error.setText(self.tr("The end date is before the start date."))
            self.error.show()
            self.to_edit.setFocus()
            return
        self.accept()

    def start(self, parent: QWidget) -> PrintRun:
        start, end = self.period()
        return print_diary(
            parent,
            self.ctx,
            self.cadre_combo.currentText(),
            start,
            end,
            uuid.UUID(self.cadre_combo.currentData()),
        )


class ReferralDialog(QDialog):
    """What the village asks of the township or county (提请解决事项), optional."""

    def __init__(self, ctx: AppContext | Database, number: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.number = number
        self.setWindowTitle(self.tr("Print referral form for {number}").format(number=number))
        self.setMinimumWidth(460)
        self.request_edit = QPlainTextEdit()
        fit_lines(self.request_edit, 5)
        self.request_edit.setPlaceholderText(
            self.tr(
                "What the township or county is asked to do (may be left empty and written by hand)"
            )
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Preview…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Requested of the higher level")))
        layout.addWidget(self.request_edit)
        layout.addWidget(buttons)

    def start(self, parent: QWidget) -> PrintRun:
        return print_referral(parent, self.ctx, self.number, self.request_edit.toPlainText())
