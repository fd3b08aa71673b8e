"""conflict settlements: a person's decision on a merge conflict, exchanged

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 01:00:00

``sync_settlement`` is a synced record (journaled, exchanged, guarded like the
others by the journal triggers of 0004). Frozen SQL: this step must not change
with the models.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TABLE = "sync_settlement"
MESSAGE = "记录只能通过服务写入（缺少变更日志）"
NO_DELETE = "记录不能物理删除，应标记为已删除"
JOURNALED = (
    f"EXISTS (SELECT 1 FROM change_log c WHERE c.entity = '{TABLE}' "
    "AND c.record_id = NEW.id AND c.hlc = NEW.hlc)"
)
GATE_CLOSED = "(SELECT open FROM local_gate WHERE id = 1) = 0"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("choice", sa.String(length=10), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("settled_by", sa.Uuid(), nullable=True),
        sa.Column("settled_on", sa.Date(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["settled_by"], ["cadre.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    t = TABLE
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            f"CREATE TRIGGER journal_guard_{t}_insert BEFORE INSERT ON {t} "
            f"WHEN {GATE_CLOSED} AND NOT {JOURNALED} "
            f"BEGIN SELECT RAISE(ABORT, '{t}: {MESSAGE}'); END"
        )
        op.execute(
            f"CREATE TRIGGER journal_guard_{t}_update BEFORE UPDATE ON {t} "
            f"WHEN {GATE_CLOSED} AND (NEW.hlc = OLD.hlc OR NOT {JOURNALED}) "
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
                    (TG_OP = 'UPDATE' AND NEW.hlc = OLD.hlc) OR NOT {JOURNALED}
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


def downgrade() -> None:
    t = TABLE
    if op.get_bind().dialect.name == "sqlite":
        for kind in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS journal_guard_{t}_{kind}")
    else:
        op.execute(f"DROP TRIGGER IF EXISTS journal_guard_{t} ON {t}")
        op.execute(f"DROP FUNCTION IF EXISTS journal_guard_{t}()")
    op.drop_table(t)
