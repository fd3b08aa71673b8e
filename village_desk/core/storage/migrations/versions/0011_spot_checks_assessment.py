"""spot checks and the yearly assessment: the township's spot-checks of
diaries (抽查民情日记) with a finding per sampled entry; a cadre's entered
三评 scores of a year (自评, 点评, 群众测评)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 14:20:00

``spot_check`` is one draw: who inspected, on which day, the scope (a
village and/or a cadre, a period), how many entries were asked for, the
random seed that makes the draw reproducible, and a note;
``spot_check_item`` each sampled diary entry in the order drawn, with the
inspector's finding (真实 / 不够具体 / 未回访 / 不实; empty until checked)
and a note. ``assessment`` holds what is entered for a cadre's year, one
row per evaluation (``part``): the self-evaluation (自评: score, text),
the leader's comment (点评: score, who, comment) and the villagers'
evaluation (群众测评: the counts of 满意 / 基本满意 / 不满意, the day) —
so two laptops entering different evaluations never overwrite each other;
figures computed from the ledgers are never stored. All are synced records: journaled, exchanged, and guarded by
the journal triggers like the others (0004, 0007, 0009), each with its
village (0008). Frozen SQL: this step must not change with the models.
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

TABLES = ("spot_check", "spot_check_item", "assessment")
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
        "spot_check",
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("inspector", sa.String(length=40), nullable=False),
        sa.Column("scope_village_id", sa.Uuid(), nullable=True),
        sa.Column("cadre_id", sa.Uuid(), nullable=True),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("sample_size", sa.Integer(), nullable=False),
        sa.Column("population", sa.Integer(), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(["scope_village_id"], ["village_profile.id"]),
        sa.ForeignKeyConstraint(["cadre_id"], ["cadre.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_spot_check_date", "spot_check", ["date"])
    op.create_index("ix_spot_check_cadre_id", "spot_check", ["cadre_id"])
    op.create_index("ix_spot_check_village_id", "spot_check", ["village_id"])
    op.create_table(
        "spot_check_item",
        sa.Column("check_id", sa.Uuid(), nullable=False),
        sa.Column("entry_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("finding", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(["check_id"], ["spot_check.id"]),
        sa.ForeignKeyConstraint(["entry_id"], ["diary_entry.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_spot_check_item_check_id", "spot_check_item", ["check_id"])
    op.create_index("ix_spot_check_item_entry_id", "spot_check_item", ["entry_id"])
    op.create_index("ix_spot_check_item_village_id", "spot_check_item", ["village_id"])
    op.create_table(
        "assessment",
        sa.Column("cadre_id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("part", sa.String(length=10), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("assessor", sa.String(length=40), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("satisfied", sa.Integer(), nullable=True),
        sa.Column("basic", sa.Integer(), nullable=True),
        sa.Column("unsatisfied", sa.Integer(), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        *_record_columns(),
        sa.ForeignKeyConstraint(["cadre_id"], ["cadre.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_assessment_cadre_id", "assessment", ["cadre_id"])
    op.create_index("ix_assessment_year", "assessment", ["year"])
    op.create_index("ix_assessment_village_id", "assessment", ["village_id"])
    for t in TABLES:
        _guard(t)


def downgrade() -> None:
    for t in reversed(TABLES):
        if op.get_bind().dialect.name == "sqlite":
            for kind in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS journal_guard_{t}_{kind}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS journal_guard_{t} ON {t}")
            op.execute(f"DROP FUNCTION IF EXISTS journal_guard_{t}()")
        op.drop_index(f"ix_{t}_village_id", table_name=t)
    for t, columns in (
        ("assessment", ("cadre_id", "year")),
        ("spot_check_item", ("check_id", "entry_id")),
        ("spot_check", ("date", "cadre_id")),
    ):
        for name in columns:
            op.drop_index(f"ix_{t}_{name}", table_name=t)
        op.drop_table(t)
    # the journal of records no longer there goes with them
    listed = ", ".join(f"'{t}'" for t in TABLES)
    op.execute(f"DELETE FROM change_log WHERE entity IN ({listed})")
