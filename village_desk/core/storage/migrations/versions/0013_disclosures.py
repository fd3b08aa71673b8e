"""disclosures: exports showing whole ID numbers and phones, in the journal

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 20:30:00

An export that shows ID numbers and phones in full (``export-ledger
--unmasked``, or 显示完整身份证号和电话 in 数据交换) leaves a ``disclosure``
record: when, what kind of output, the file's name, the period, how many
households and people it covered, and who asked for it. It is a synced
record like the others — journaled, exchanged, guarded by the journal
triggers (0004, 0007, 0009–0012) — so the township sees where full numbers
went. Frozen SQL: this step must not change with the models.
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

TABLES = ("disclosure",)

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
        "disclosure",
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("period", sa.String(length=60), nullable=False),
        sa.Column("households", sa.Integer(), nullable=False),
        sa.Column("people", sa.Integer(), nullable=False),
        sa.Column("by_name", sa.String(length=80), nullable=False),
        *_record_columns(),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_disclosure_village_id", "disclosure", ["village_id"])
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
        op.drop_table(t)
    # the journal of records no longer there goes with them
    op.execute("DELETE FROM change_log WHERE entity = 'disclosure'")
