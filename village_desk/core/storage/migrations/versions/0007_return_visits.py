"""return visits: every 回访 of a matter as its own record, exchanged

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 02:20:00

``return_visit`` holds each return visit of a matter (date, who answered,
how, satisfaction), so a 不满意 visit followed by 重新办理 and a 满意 one are
both kept and counted. It is a synced record (journaled, exchanged, guarded
like the others by the journal triggers of 0004). Visits recorded before this
step stay in the matters' progress notes. Frozen SQL: this step must not
change with the models.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TABLE = "return_visit"
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
        sa.Column("matter_id", sa.Uuid(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("satisfaction", sa.String(length=20), nullable=False),
        sa.Column("mode", sa.String(length=20), nullable=False),
        sa.Column("respondent", sa.String(length=60), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["matter_id"], ["matter.id"]),
        sa.ForeignKeyConstraint(["author_id"], ["cadre.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_return_visit_matter_id", TABLE, ["matter_id"])
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
    op.drop_index("ix_return_visit_matter_id", table_name=t)
    op.drop_table(t)
    # the journal of records no longer there goes with them
    op.execute(f"DELETE FROM change_log WHERE entity = '{t}'")
