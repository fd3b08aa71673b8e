"""household summary: last visit, open matters, next deadline per household

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 14:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "household_summary",
        sa.Column("household_id", sa.Uuid(), nullable=False),
        sa.Column("last_visit", sa.Date(), nullable=True),
        sa.Column("open_matters", sa.Integer(), nullable=False),
        sa.Column("next_deadline", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("household_id"),
    )
    with op.batch_alter_table("household_summary", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_household_summary_last_visit"), ["last_visit"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_household_summary_next_deadline"), ["next_deadline"], unique=False
        )
    from village_desk.core import summary

    summary.rebuild(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table("household_summary", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_household_summary_next_deadline"))
        batch_op.drop_index(batch_op.f("ix_household_summary_last_visit"))
    op.drop_table("household_summary")
