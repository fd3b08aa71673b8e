"""exchange files: the peers a copy exchanges with, the signing keys it trusts, the packages it wrote and read

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 02:10:00

Both tables are local to one copy (never exchanged, not journaled). Frozen
SQL: this step must not change with the models.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exchange_peer",
        sa.Column("copy_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("devices", sa.Text(), nullable=False),
        sa.Column("received_seq", sa.BigInteger(), nullable=False),
        sa.Column("acked_seq", sa.BigInteger(), nullable=False),
        sa.Column("last_seen", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("copy_id"),
    )
    op.create_table(
        "exchange_key",
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("copy_id", sa.Uuid(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("trusted_on", sa.String(length=40), nullable=False),
        sa.Column("revoked_on", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("public_key"),
    )
    op.create_table(
        "exchange_package",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("peer_copy_id", sa.Uuid(), nullable=True),
        sa.Column("created", sa.String(length=40), nullable=False),
        sa.Column("processed", sa.String(length=40), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("from_seq", sa.BigInteger(), nullable=False),
        sa.Column("to_seq", sa.BigInteger(), nullable=False),
        sa.Column("change_count", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", "direction"),
    )


def downgrade() -> None:
    op.drop_table("exchange_package")
    op.drop_table("exchange_key")
    op.drop_table("exchange_peer")
