"""commitments and meetings: public commitments (亮承诺) with their progress
notes; village meetings with their attendees and the points raised

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 05:40:00

``commitment`` holds what a cadre (or a party member) publicly commits to for
a year — content, measures, target, deadline — and its year-end review
(已践诺 / 部分践诺 / 未践诺 with an explanation); ``commitment_note`` the
progress notes on it. ``meeting`` holds a village meeting (民主恳谈会,
院坝说事会, 民主议政日, 村民代表会议: kind, date, place, host, head count,
topics, discussion, decisions), ``meeting_attendee`` the registered villagers
who came and ``meeting_item`` each point raised (solved on the spot, or the
ledger matter it became). All are synced records: journaled, exchanged, and
guarded by the journal triggers like the others (0004, 0007), each with its
village (0008). Frozen SQL: this step must not change with the models.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TABLES = ("commitment", "commitment_note", "meeting", "meeting_attendee", "meeting_item")
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
        "commitment",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("cadre_id", sa.Uuid(), nullable=True),
        sa.Column("person_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("measures", sa.Text(), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("public", sa.Boolean(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("review_date", sa.Date(), nullable=True),
        sa.Column("review_text", sa.Text(), nullable=False),
        sa.Column("reviewer_id", sa.Uuid(), nullable=True),
        *_record_columns(),
        sa.ForeignKeyConstraint(["cadre_id"], ["cadre.id"]),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"]),
        sa.ForeignKeyConstraint(["reviewer_id"], ["cadre.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_commitment_year", "commitment", ["year"])
    op.create_index("ix_commitment_cadre_id", "commitment", ["cadre_id"])
    op.create_index("ix_commitment_person_id", "commitment", ["person_id"])
    op.create_index("ix_commitment_village_id", "commitment", ["village_id"])
    op.create_table(
        "commitment_note",
        sa.Column("commitment_id", sa.Uuid(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(["commitment_id"], ["commitment.id"]),
        sa.ForeignKeyConstraint(["author_id"], ["cadre.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_commitment_note_commitment_id", "commitment_note", ["commitment_id"])
    op.create_index("ix_commitment_note_village_id", "commitment_note", ["village_id"])
    op.create_table(
        "meeting",
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("host_id", sa.Uuid(), nullable=False),
        sa.Column("group_id", sa.Uuid(), nullable=True),
        sa.Column("head_count", sa.Integer(), nullable=False),
        sa.Column("topics", sa.Text(), nullable=False),
        sa.Column("discussion", sa.Text(), nullable=False),
        sa.Column("decisions", sa.Text(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(["host_id"], ["cadre.id"]),
        sa.ForeignKeyConstraint(["group_id"], ["villager_group.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_meeting_date", "meeting", ["date"])
    op.create_index("ix_meeting_host_id", "meeting", ["host_id"])
    op.create_index("ix_meeting_village_id", "meeting", ["village_id"])
    op.create_table(
        "meeting_attendee",
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"]),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_meeting_attendee_meeting_id", "meeting_attendee", ["meeting_id"])
    op.create_index("ix_meeting_attendee_person_id", "meeting_attendee", ["person_id"])
    op.create_index("ix_meeting_attendee_village_id", "meeting_attendee", ["village_id"])
    op.create_table(
        "meeting_item",
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("raised_by_id", sa.Uuid(), nullable=True),
        sa.Column("outcome", sa.String(length=10), nullable=False),
        sa.Column("solution", sa.Text(), nullable=False),
        sa.Column("matter_id", sa.Uuid(), nullable=True),
        *_record_columns(),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"]),
        sa.ForeignKeyConstraint(["raised_by_id"], ["person.id"]),
        sa.ForeignKeyConstraint(["matter_id"], ["matter.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_meeting_item_meeting_id", "meeting_item", ["meeting_id"])
    op.create_index("ix_meeting_item_matter_id", "meeting_item", ["matter_id"])
    op.create_index("ix_meeting_item_village_id", "meeting_item", ["village_id"])
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
        ("meeting_item", ("meeting_id", "matter_id")),
        ("meeting_attendee", ("meeting_id", "person_id")),
        ("meeting", ("date", "host_id")),
    ):
        for name in columns:
            op.drop_index(f"ix_{t}_{name}", table_name=t)
        op.drop_table(t)
    op.drop_index("ix_commitment_note_commitment_id", table_name="commitment_note")
    op.drop_table("commitment_note")
    for name in ("year", "cadre_id", "person_id"):
        op.drop_index(f"ix_commitment_{name}", table_name="commitment")
    op.drop_table("commitment")
    # the journal of records no longer there goes with them
    listed = ", ".join(f"'{t}'" for t in TABLES)
    op.execute(f"DELETE FROM change_log WHERE entity IN ({listed})")
