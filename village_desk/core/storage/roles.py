"""Who is at the keyboard: the full role or a read-only inspector.

A township inspector spot-checking diaries on a village laptop unlocks the
program with the inspector password (:mod:`.lock`) and may look, not
change. That is enforced here, below every service, not by greyed-out
buttons: :class:`~.db.Database` carries the role of the session
(``db.role``), and a transaction in the inspector role refuses

* any record it would write (the journal's ``before_flush`` hook and
  :func:`~.journal.bulk_insert`) whose table is not in
  :data:`INSPECTOR_WRITABLE`,
* any other object of the ORM it would add, change or delete (the
  per-computer tables: matter-number counters, exchange peers, …),
* and, just before it commits, any journal row of another table (a merge of
  an exchange file writes its rows with Core statements, past the hook),

and the per-computer settings (``local_setting``, the device's name) are
refused too, except the lock's own count of wrong passwords. Whatever path
a write takes — a page, a dialog, a shortcut, a job — it ends in one of
these, so the inspector cannot change data even where a button was left
enabled.
"""

from __future__ import annotations

from ..domain.errors import ServiceError

FULL = "full"
INSPECTOR = "inspector"

#: The only tables an inspector writes: the township's spot-checks of
#: diaries (their own records). Read at every check, never copied.
INSPECTOR_WRITABLE: frozenset[str] = frozenset({"spot_check", "spot_check_item"})

READ_ONLY_MESSAGE = "只读（检查人员）：检查人员只能查看，不能修改数据。"


class ReadOnlyRole(ServiceError):
    """A write refused because the session is the read-only inspector's."""

    def __init__(self, what: str = ""):
        super().__init__(READ_ONLY_MESSAGE + (f"（{what}）" if what else ""))


def may_write(role: str | None, table: str) -> bool:
    """Whether ``role`` may write a record of ``table``."""
    return role != INSPECTOR or table in INSPECTOR_WRITABLE


def check_tables(role: str | None, tables) -> None:
    """Refuse (``ReadOnlyRole``) when ``role`` may not write one of ``tables``."""
    if role != INSPECTOR:
        return
    refused = sorted(t for t in set(tables) if t not in INSPECTOR_WRITABLE)
    if refused:
        raise ReadOnlyRole("、".join(refused))
