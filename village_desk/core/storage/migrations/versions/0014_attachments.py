"""attachments: evidence photos and scans; 办结签收 on a matter

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 21:40:00

An ``attachment`` record points a photo or scan (stored by its SHA-256 in
the data folder's ``attachments``) at a diary entry, matter, meeting,
commitment, dispute or activity. A matter gains the tick of 办结签收: who
signed (``signoff_by``) and when (``signoff_date``). The table is a synced
record like the others — journaled, exchanged, guarded by the journal
triggers (0004, 0007, 0009–0013). Frozen SQL: this step must not change with
the models.
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

TABLES = ("attachment",)

MESSAGE = "记录只能通过服务写入（缺少变更日志）"
NO_DELETE = "记录不能物理删除，应标记为已删除"
GATE_CLOSED = "(SELECT open FROM local_gate WHERE id = 1) = 0"


def _journaled(t: str) -> str:
    return (
        f"EXISTS (SELECT 1 FROM change_log c WHERE c.entity = '{t}' "
        "AND c.record_id = NEW.id AND c.hlc = NEW.hlc)"
    )


def _record_columns() -> list:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("village_id", sa.Uuid(), nullable=True),
    ]


def _guard(t: str) -> None:
    journaled = _journaled(t)
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            f"CREATE TRIGGER journal_guard_{t}_insert BEFORE INSERT ON {t} "
            f"WHEN {GATE_CLOSED} AND NOT {journaled} "
            f"BEGIN SELECT RAISE(ABORT, '{t}: {MESSAGE}'); END"
        )
        op.execute(
            f"CREATE TRIGGER journal_guard_{t}_update BEFORE UPDATE ON {t} "
            f"WHEN {GATE_CLOSED} AND (NEW.hlc = OLD.hlc OR NOT {journaled}) "
            f"BEGIN SELECT RAISE(ABORT, '{t}: {MESSAGE}'); END"
        )
        op.execute(
            f"CREATE TRIGGER journal_guard_{t}_delete BEFORE DELETE ON {t} "
            f"BEGIN SELECT RAISE(ABORT, '{t}: {NO_DELETE}'); END"
        )
    else:
        op.execute(
            f"""
            CREATE FUNCTION journal_guard_{t}() RETURNS trigger AS $$
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    RAISE EXCEPTION '{t}: {NO_DELETE}';
                END IF;
                IF {GATE_CLOSED} AND (
                    (TG_OP = 'UPDATE' AND NEW.hlc = OLD.hlc) OR NOT {journaled}
                ) THEN
                    RAISE EXCEPTION '{t}: {MESSAGE}';
                END IF;
                RETURN NEW;
            END;
            $$ LANGUAGE plpgsql
            """
        )
        op.execute(
            f"CREATE TRIGGER journal_guard_{t} BEFORE INSERT OR UPDATE OR DELETE ON {t} "
            f"FOR EACH ROW EXECUTE FUNCTION journal_guard_{t}()"
        )


def upgrade() -> None:
    op.create_table(
        "attachment",
        sa.Column("owner_entity", sa.String(length=40), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("caption", sa.String(length=200), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("mime", sa.String(length=40), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("original_name", sa.String(length=255), nullable=False),
        sa.Column("taken", sa.String(length=19), nullable=False),
        sa.Column("added_on", sa.Date(), nullable=False),
        *_record_columns(),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_attachment_village_id", "attachment", ["village_id"])
    op.create_index("ix_attachment_owner_id", "attachment", ["owner_id"])
    op.create_index("ix_attachment_sha256", "attachment", ["sha256"])
    for t in TABLES:
        _guard(t)
    op.add_column(
        "matter",
        sa.Column("signoff_by", sa.String(length=60), nullable=False, server_default=""),
    )
    op.add_column("matter", sa.Column("signoff_date", sa.Date(), nullable=True))
    _signoffs_from_the_journal()


def _signoffs_from_the_journal() -> None:
    """A database brought back down below 0014 and up again lost its
    matters' 办结签收 but its journal kept them: the last value journaled
    for each field is put back (nothing to do on a database that never had
    0014)."""
    conn = op.get_bind()
    found = conn.execute(
        sa.text(
            "SELECT count(*) FROM change_log WHERE entity = 'matter' "
            "AND changes LIKE '%\"signoff_%'"
        )
    ).scalar()
    if not found:
        return
    sqlite = conn.dialect.name == "sqlite"
    conn.execute(sa.text("UPDATE local_gate SET open = 1 WHERE id = 1"))
    for field, empty in (("signoff_by", "''"), ("signoff_date", "NULL")):
        value = (
            f"json_extract(c.changes, '$.{field}[1]')"
            if sqlite
            else f"(c.changes::json -> '{field}' ->> 1)"
        )
        present = (
            f"json_extract(c.changes, '$.{field}') IS NOT NULL"
            if sqlite
            else f"(c.changes::json -> '{field}') IS NOT NULL"
        )
        cast = "" if sqlite or field == "signoff_by" else "::date"
        conn.execute(
            sa.text(
                f"UPDATE matter SET {field} = COALESCE((SELECT {value}{cast} FROM change_log c "
                f"WHERE c.entity = 'matter' AND c.record_id = matter.id AND {present} "
                f"ORDER BY c.hlc DESC LIMIT 1), {empty})"
            )
        )
    conn.execute(sa.text("UPDATE local_gate SET open = 0 WHERE id = 1"))


def downgrade() -> None:
    op.drop_column("matter", "signoff_date")
    op.drop_column("matter", "signoff_by")
    for t in TABLES:
        if op.get_bind().dialect.name == "sqlite":
            for kind in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS journal_guard_{t}_{kind}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS journal_guard_{t} ON {t}")
            op.execute(f"DROP FUNCTION IF EXISTS journal_guard_{t}()")
        op.drop_index("ix_attachment_sha256", table_name=t)
        op.drop_index("ix_attachment_owner_id", table_name=t)
        op.drop_index(f"ix_{t}_village_id", table_name=t)
        op.drop_table(t)
    # the journal of records no longer there goes with them
    op.execute("DELETE FROM change_log WHERE entity = 'attachment'")
