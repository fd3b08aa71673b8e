"""activities: 宣讲活动、联动服务、实事工程 for the “六个一” of stationed cadres

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 19:00:00

Of the “六个一” (seed 003), a policy talk, a joint service and a practical
project are kept in no other record: ``activity`` holds them — kind, date,
place, what it was, the cadres who did it (``|id|id|``, merged as a set),
who took part and how many. It belongs to the village it took place in
(``village_id`` set by the service or the journal) and is a synced record,
journaled and guarded by the journal triggers like the others (0004, 0007,
0009–0011). Frozen SQL: this step must not change with the models.
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

TABLES = ("activity",)

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
        "activity",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("cadre_ids", sa.Text(), nullable=False),
        sa.Column("participants", sa.Text(), nullable=False),
        sa.Column("head_count", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        *_record_columns(),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_activity_date", "activity", ["date"])
    op.create_index("ix_activity_village_id", "activity", ["village_id"])
    for t in TABLES:
        _guard(t)


def downgrade() -> None:
    for t in TABLES:
        if op.get_bind().dialect.name == "sqlite":
            for kind in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS journal_guard_{t}_{kind}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS journal_guard_{t} ON {t}")
            op.execute(f"DROP FUNCTION IF EXISTS journal_guard_{t}()")
        op.drop_index(f"ix_{t}_village_id", table_name=t)
        op.drop_index(f"ix_{t}_date", table_name=t)
        op.drop_table(t)
    # the journal of records no longer there goes with them
    op.execute("DELETE FROM change_log WHERE entity = 'activity'")
