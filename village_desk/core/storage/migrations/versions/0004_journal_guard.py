"""journal guard: the database refuses record writes that bypass the journal

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 23:00:00

Triggers on every synced table:

* INSERT: the new row's stamp (``hlc``) must be the stamp of a journaled
  change of that record;
* UPDATE: likewise, and the stamp must change (every journaled change stamps
  the record anew) — so a Core ``update()``, ``bulk_update_mappings`` or raw
  SQL that leaves the stamp alone is refused;
* DELETE: refused (records are tombstoned, never removed).

A merge rewrites records from their history under the open ``local_gate``
(``storage/merge.py``). Frozen SQL: this step must not change with the models.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TABLES = (
    "village_profile",
    "vocab_term",
    "setting",
    "villager_group",
    "cadre",
    "household",
    "person",
    "pairing",
    "diary_entry",
    "diary_household",
    "diary_item",
    "matter",
    "matter_note",
)
MESSAGE = "记录只能通过服务写入（缺少变更日志）"
NO_DELETE = "记录不能物理删除，应标记为已删除"


def _journaled(table: str) -> str:
    return (
        f"EXISTS (SELECT 1 FROM change_log c WHERE c.entity = '{table}' "
        "AND c.record_id = NEW.id AND c.hlc = NEW.hlc)"
    )


GATE_CLOSED = "(SELECT open FROM local_gate WHERE id = 1) = 0"


def upgrade() -> None:
    op.create_table(
        "local_gate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("open", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.execute("INSERT INTO local_gate (id, open) VALUES (1, 0)")
    sqlite = op.get_bind().dialect.name == "sqlite"
    for t in TABLES:
        if sqlite:
            op.execute(
                f"CREATE TRIGGER journal_guard_{t}_insert BEFORE INSERT ON {t} "
                f"WHEN {GATE_CLOSED} AND NOT {_journaled(t)} "
                f"BEGIN SELECT RAISE(ABORT, '{t}: {MESSAGE}'); END"
            )
            op.execute(
                f"CREATE TRIGGER journal_guard_{t}_update BEFORE UPDATE ON {t} "
                f"WHEN {GATE_CLOSED} AND (NEW.hlc = OLD.hlc OR NOT {_journaled(t)}) "
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
                        (TG_OP = 'UPDATE' AND NEW.hlc = OLD.hlc) OR NOT {_journaled(t)}
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
    sqlite = op.get_bind().dialect.name == "sqlite"
    for t in TABLES:
        if sqlite:
            for kind in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS journal_guard_{t}_{kind}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS journal_guard_{t} ON {t}")
            op.execute(f"DROP FUNCTION IF EXISTS journal_guard_{t}()")
    op.drop_table("local_gate")
