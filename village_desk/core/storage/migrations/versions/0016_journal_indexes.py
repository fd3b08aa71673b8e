"""journal indexes: only what is looked up

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 03:30:00

Every journaled write adds a row to ``change_log``, and every index on it is
one more B-tree to write. Three of its indexes served no lookup: by stamp
(``ix_change_log_hlc``), by device (``ix_change_log_device_id``: a package
leaves out a peer's own devices while reading by sequence number) and by
transaction (``ix_change_log_tx_id``). The two lookups the program makes
are among deletions only — the transaction that last deleted a record, and
what that transaction deleted (undo) — so two partial indexes over the
deletion rows replace them: a journal with half a million rows held 80 MB of
those three indexes, the deletion indexes hold a few pages.
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

DELETIONS = "op = 'delete'"


def upgrade() -> None:
    op.drop_index("ix_change_log_hlc", table_name="change_log")
    op.drop_index("ix_change_log_device_id", table_name="change_log")
    op.drop_index("ix_change_log_tx_id", table_name="change_log")
    where = {"sqlite_where": sa.text(DELETIONS), "postgresql_where": sa.text(DELETIONS)}
    op.create_index("ix_change_log_deleted_record", "change_log", ["record_id", "hlc"], **where)
    op.create_index("ix_change_log_deleted_tx", "change_log", ["tx_id"], **where)


def downgrade() -> None:
    op.drop_index("ix_change_log_deleted_tx", table_name="change_log")
    op.drop_index("ix_change_log_deleted_record", table_name="change_log")
    op.create_index("ix_change_log_tx_id", "change_log", ["tx_id"])
    op.create_index("ix_change_log_device_id", "change_log", ["device_id"])
    op.create_index("ix_change_log_hlc", "change_log", ["hlc"])
