"""disputes: 矛盾纠纷排查调处 — a dispute with its parties and mediation sessions

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 14:20:00

A dispute (矛盾纠纷) is a ledger matter of a special kind, so ``dispute`` is
linked one-to-one to a ``matter`` row (``matter_id``) rather than copying its
columns: the matter carries what every matter has — number, date received,
responsible cadre, deadline, status through 办结/回访/销号 — and the dispute
appears in the 民情台账 with that life cycle, counted in its figures. What
only a dispute has stays here: its type (邻里, 婚姻家庭, 土地…), what it is
about, and its outcome (调解成功 with the agreement's text, 转司法所, 转信访,
未成功) with the date. ``dispute_party`` holds each party — a registered
person, a household, or the name of an outsider — with their side (申请方 /
被申请方); ``mediation_session`` each mediation: date, place, the mediating
cadres (ids) and any other mediators by name, whether it reached agreement,
and what was said. Parties and sessions belong to their dispute's village,
the dispute to its matter's (``storage/villages.py``). All are synced records:
journaled, exchanged and guarded by the journal triggers like the others
(0004, 0007, 0009). Frozen SQL: this step must not change with the models.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

TABLES = ("dispute", "dispute_party", "mediation_session")

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
        "dispute",
        sa.Column("matter_id", sa.Uuid(), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("outcome_date", sa.Date(), nullable=True),
        sa.Column("agreement_text", sa.Text(), nullable=False),
        sa.Column("outcome_note", sa.Text(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(["matter_id"], ["matter.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_dispute_matter_id", "dispute", ["matter_id"])
    op.create_index("ix_dispute_outcome", "dispute", ["outcome"])
    op.create_index("ix_dispute_village_id", "dispute", ["village_id"])
    op.create_table(
        "dispute_party",
        sa.Column("dispute_id", sa.Uuid(), nullable=False),
        sa.Column("side", sa.String(length=20), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=True),
        sa.Column("household_id", sa.Uuid(), nullable=True),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(["dispute_id"], ["dispute.id"]),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"]),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_dispute_party_dispute_id", "dispute_party", ["dispute_id"])
    op.create_index("ix_dispute_party_person_id", "dispute_party", ["person_id"])
    op.create_index("ix_dispute_party_household_id", "dispute_party", ["household_id"])
    op.create_index("ix_dispute_party_village_id", "dispute_party", ["village_id"])
    op.create_table(
        "mediation_session",
        sa.Column("dispute_id", sa.Uuid(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("mediator_ids", sa.Text(), nullable=False),
        sa.Column("other_mediators", sa.String(length=200), nullable=False),
        sa.Column("agreed", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(["dispute_id"], ["dispute.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_mediation_session_dispute_id", "mediation_session", ["dispute_id"])
    op.create_index("ix_mediation_session_date", "mediation_session", ["date"])
    op.create_index("ix_mediation_session_village_id", "mediation_session", ["village_id"])
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
        ("mediation_session", ("dispute_id", "date")),
        ("dispute_party", ("dispute_id", "person_id", "household_id")),
        ("dispute", ("matter_id", "outcome")),
    ):
        for name in columns:
            op.drop_index(f"ix_{t}_{name}", table_name=t)
        op.drop_table(t)
    # the journal of records no longer there goes with them
    listed = ", ".join(f"'{t}'" for t in TABLES)
    op.execute(f"DELETE FROM change_log WHERE entity IN ({listed})")
