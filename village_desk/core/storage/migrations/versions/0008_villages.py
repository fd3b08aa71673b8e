"""villages: every synced record belongs to a village (township mode)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 04:40:00

* ``village_id`` on every synced table: the village profile the record
  belongs to (NULL: a township-level record — the township's profile,
  vocabularies and settings, a township cadre). A village profile's own
  ``village_id`` is its id.
* ``village_profile.kind``: ``village`` or ``township`` (a township office's
  database holds one ``township`` profile and the profiles of its villages).
* ``change_log.village_id``: the village of the changed record, so a package
  for one village is selected by an index (local, never exchanged).
* ``exchange_peer.village_id`` / ``kind``: the village a peer's copy holds,
  and whether it is a village copy or a township office.

Existing data: a database with exactly one village profile is that village's
copy, so every record and change gets that village. With several profiles
(packages of several villages merged before township mode) records whose
village cannot be told stay NULL. Written under the journal guard's open
gate: the value is derived alike on every copy, not a journaled change.
Frozen SQL: this step must not change with the models.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
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
    "sync_settlement",
    "return_visit",
)


def upgrade() -> None:
    op.add_column(
        "village_profile",
        sa.Column("kind", sa.String(length=10), nullable=False, server_default="village"),
    )
    for t in TABLES:
        op.add_column(t, sa.Column("village_id", sa.Uuid(), nullable=True))
        op.create_index(f"ix_{t}_village_id", t, ["village_id"])
    op.add_column("change_log", sa.Column("village_id", sa.Uuid(), nullable=True))
    op.create_index("ix_change_log_village", "change_log", ["village_id", "seq"])
    op.add_column("exchange_peer", sa.Column("village_id", sa.Uuid(), nullable=True))
    op.add_column(
        "exchange_peer",
        sa.Column("kind", sa.String(length=10), nullable=False, server_default=""),
    )

    conn = op.get_bind()
    villages = conn.execute(
        sa.text("SELECT id FROM village_profile WHERE deleted = :no")
        .bindparams(no=False)
        .columns(id=sa.Uuid())
    ).all()
    conn.execute(sa.text("UPDATE local_gate SET open = 1 WHERE id = 1"))
    conn.execute(sa.text("UPDATE village_profile SET village_id = id"))
    if len(villages) == 1:
        (village,) = villages[0]
        for t in TABLES[1:]:
            conn.execute(
                sa.text(f"UPDATE {t} SET village_id = :v").bindparams(
                    sa.bindparam("v", value=village, type_=sa.Uuid())
                )
            )
    conn.execute(sa.text("UPDATE local_gate SET open = 0 WHERE id = 1"))
    for t in TABLES:
        conn.execute(
            sa.text(
                f"UPDATE change_log SET village_id = (SELECT r.village_id FROM {t} r "
                f"WHERE r.id = change_log.record_id) WHERE entity = '{t}'"
            )
        )


def downgrade() -> None:
    op.drop_column("exchange_peer", "kind")
    op.drop_column("exchange_peer", "village_id")
    op.drop_index("ix_change_log_village", "change_log")
    op.drop_column("change_log", "village_id")
    for t in TABLES:
        op.drop_index(f"ix_{t}_village_id", t)
        op.drop_column(t, "village_id")
    op.drop_column("village_profile", "kind")
