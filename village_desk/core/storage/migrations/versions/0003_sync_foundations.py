"""sync foundations: replica and clock state, change sequence, deterministic
reference ids, no unique constraints two offline copies could break together

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 22:00:00

* ``local_replica`` (which copy this database file is, and its device),
  ``local_clock`` (highest stamp issued or seen; next change sequence number),
  ``local_setting`` (per-computer settings: the print font), ``sync_pending``,
  ``sync_quarantine`` and ``sync_conflict`` (see ``storage/merge.py``).
* ``change_log.seq``: a local, gap-free, commit-ordered sequence — the
  "changes since" watermark of exchange files. Existing rows are numbered in
  stamp order.
* Seeded reference records (village profile, vocabulary terms, settings) get
  ids derived from the village and their kind/code/key, so two laptops of one
  village set up separately agree on them; their journal rows follow.
* ``vocab_term (kind, code)``, ``setting.key`` and ``matter.number`` stop being
  unique in the database: two valid copies may each hold one and break it
  together when merged; the post-merge rules report such clashes instead.
* Stamps grow to carry the whole device id (``String(64)``; only PostgreSQL
  enforces lengths).

Frozen SQL and helpers: this step must not change when the models do.
"""

import re
import uuid

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

NAMESPACE = uuid.UUID("6f1c2d8e-8a4b-5d6e-9f10-7c2b3a4d5e6f")
RECORD_TABLES = (
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


def _village_key(county: str, township: str, village: str, division_code: str) -> str:
    code = (division_code or "").strip()
    if code:
        return "code:" + code
    parts = [re.sub(r"\s+", "", p or "") for p in (county, township, village)]
    return "name:" + "|".join(parts)


def village_id(county, township, village, division_code) -> uuid.UUID:
    return uuid.uuid5(
        NAMESPACE, "village:" + _village_key(county, township, village, division_code)
    )


U = sa.Uuid()


def _sql(text: str, **types):
    """A text clause with typed UUID parameters and results."""
    clause = sa.text(text)
    binds = [sa.bindparam(name, type_=U) for name in types.pop("binds", ())]
    if binds:
        clause = clause.bindparams(*binds)
    return clause.columns(**types) if types else clause


def _rekey(conn, table: str, old: uuid.UUID, new: uuid.UUID) -> None:
    if old == new:
        return
    conn.execute(
        _sql(f"UPDATE {table} SET id = :new WHERE id = :old", binds=("new", "old")),
        {"new": new, "old": old},
    )
    conn.execute(
        _sql(
            "UPDATE change_log SET record_id = :new WHERE entity = :e AND record_id = :old",
            binds=("new", "old"),
        ),
        {"new": new, "old": old, "e": table},
    )


def upgrade() -> None:
    conn = op.get_bind()

    op.create_table(
        "local_replica",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("replica_id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("installation_id", sa.Uuid(), nullable=True),
        sa.Column("created", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "local_clock",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("max_stamp", sa.String(length=64), nullable=False),
        sa.Column("next_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "local_setting",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "sync_pending",
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("waiting_for", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "record_id"),
    )
    op.create_table(
        "sync_quarantine",
        sa.Column("change_id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("received", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("change_id"),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("winner_hlc", sa.String(length=64), nullable=False),
        sa.Column("winner_value", sa.Text(), nullable=False),
        sa.Column("loser_hlc", sa.String(length=64), nullable=False),
        sa.Column("loser_device", sa.Uuid(), nullable=True),
        sa.Column("loser_value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.create_index("ix_sync_conflict_record", ["entity", "record_id"], unique=False)

    # ---- the replica and its clock, from what the database already holds
    device = conn.execute(_sql("SELECT id FROM local_device", id=U)).first()
    max_stamp = conn.execute(sa.text("SELECT max(hlc) FROM change_log")).scalar() or ""
    conn.execute(
        _sql(
            "INSERT INTO local_replica (id, replica_id, device_id, created) VALUES (1, :r, :d, :c)",
            binds=("r", "d"),
        ),
        {"r": uuid.uuid4(), "d": device[0] if device else None, "c": ""},
    )

    # ---- change_log.seq, numbered in stamp order
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seq", sa.BigInteger(), nullable=True))
    ids = [r[0] for r in conn.execute(_sql("SELECT id FROM change_log ORDER BY hlc, id", id=U))]
    if ids:
        conn.execute(
            _sql("UPDATE change_log SET seq = :seq WHERE id = :id", binds=("id",)),
            [{"seq": n, "id": cid} for n, cid in enumerate(ids, 1)],
        )
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.alter_column("seq", existing_type=sa.BigInteger(), nullable=False)
        batch_op.create_index("ux_change_log_seq", ["seq"], unique=True)
    conn.execute(
        sa.text("INSERT INTO local_clock (id, max_stamp, next_seq) VALUES (1, :m, :n)"),
        {"m": max_stamp, "n": len(ids) + 1},
    )

    # ---- the print font is this computer's, not the village's
    font = conn.execute(
        sa.text("SELECT id, value FROM setting WHERE key = 'print_font_path'")
    ).first()
    if font is not None:
        conn.execute(
            sa.text("INSERT INTO local_setting (key, value) VALUES ('print_font_path', :v)"),
            {"v": font[1]},
        )

    # ---- deterministic ids for seeded reference records
    profile = conn.execute(
        _sql(
            "SELECT id, county, township, village, division_code FROM village_profile "
            "WHERE deleted = :no ORDER BY hlc LIMIT 1",
            id=U,
        ),
        {"no": False},
    ).first()
    if profile is not None:
        vid = village_id(profile[1], profile[2], profile[3], profile[4])
        _rekey(conn, "village_profile", profile[0], vid)
        for rid, kind, code in conn.execute(
            _sql("SELECT id, kind, code FROM vocab_term", id=U)
        ).fetchall():
            _rekey(conn, "vocab_term", rid, uuid.uuid5(vid, f"vocab:{kind}:{code}"))
        for rid, key in conn.execute(_sql("SELECT id, key FROM setting", id=U)).fetchall():
            _rekey(conn, "setting", rid, uuid.uuid5(vid, f"setting:{key}"))

    # ---- unique constraints merged copies could break together
    with op.batch_alter_table("vocab_term", schema=None) as batch_op:
        batch_op.drop_index("ux_vocab_kind_code")
        batch_op.create_index("ix_vocab_kind_code", ["kind", "code"], unique=False)
    if conn.dialect.name == "sqlite":
        # The unique constraints were declared inline (unnamed): name them to drop them.
        naming = {"uq": "uq_%(table_name)s_%(column_0_name)s"}
        with op.batch_alter_table("setting", naming_convention=naming) as batch_op:
            batch_op.drop_constraint("uq_setting_key", type_="unique")
            batch_op.create_index("ix_setting_key", ["key"], unique=False)
        with op.batch_alter_table("matter", naming_convention=naming) as batch_op:
            batch_op.drop_constraint("uq_matter_number", type_="unique")
            batch_op.create_index("ix_matter_number", ["number"], unique=False)
    else:
        for table, column in (("setting", "key"), ("matter", "number")):
            for constraint in sa.inspect(conn).get_unique_constraints(table):
                if constraint["column_names"] == [column]:
                    op.drop_constraint(constraint["name"], table, type_="unique")
            op.create_index(f"ix_{table}_{column}", table, [column], unique=False)

    # ---- stamps carry the whole device id
    if conn.dialect.name != "sqlite":
        for table in (*RECORD_TABLES, "change_log"):
            op.alter_column(
                table, "hlc", type_=sa.String(length=64), existing_type=sa.String(length=40)
            )


def downgrade() -> None:
    """Back to 0002's tables (the app never does this; tests build older
    databases with it). Re-keyed reference ids stay as they are."""
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        with op.batch_alter_table("matter") as batch_op:
            batch_op.drop_index("ix_matter_number")
            batch_op.create_unique_constraint("uq_matter_number", ["number"])
        with op.batch_alter_table("setting") as batch_op:
            batch_op.drop_index("ix_setting_key")
            batch_op.create_unique_constraint("uq_setting_key", ["key"])
    else:
        op.drop_index("ix_matter_number", "matter")
        op.create_unique_constraint("matter_number_key", "matter", ["number"])
        op.drop_index("ix_setting_key", "setting")
        op.create_unique_constraint("setting_key_key", "setting", ["key"])
    with op.batch_alter_table("vocab_term") as batch_op:
        batch_op.drop_index("ix_vocab_kind_code")
        batch_op.create_index("ux_vocab_kind_code", ["kind", "code"], unique=True)
    with op.batch_alter_table("change_log") as batch_op:
        batch_op.drop_index("ux_change_log_seq")
        batch_op.drop_column("seq")
    with op.batch_alter_table("sync_conflict") as batch_op:
        batch_op.drop_index("ix_sync_conflict_record")
    for table in (
        "sync_conflict",
        "sync_quarantine",
        "sync_pending",
        "local_setting",
        "local_clock",
        "local_replica",
    ):
        op.drop_table(table)
