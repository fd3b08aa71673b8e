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
    # Frozen here (not the application's summary.rebuild) so this step keeps
    # working whatever later versions do to the models.
    op.execute(
        """
        INSERT INTO household_summary (household_id, last_visit, open_matters, next_deadline)
        SELECT h.id,
               (SELECT max(e.date) FROM diary_household dh
                  JOIN diary_entry e ON e.id = dh.entry_id
                 WHERE dh.household_id = h.id AND dh.deleted = false AND e.deleted = false),
               (SELECT count(*) FROM matter m
                 WHERE m.household_id = h.id AND m.deleted = false
                   AND m.status IN ('registered', 'in_progress', 'forwarded', 'result_returned')),
               (SELECT min(m.deadline) FROM matter m
                 WHERE m.household_id = h.id AND m.deleted = false
                   AND m.status IN ('registered', 'in_progress', 'forwarded', 'result_returned'))
          FROM household h
        """
    )


def downgrade() -> None:
    with op.batch_alter_table("household_summary", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_household_summary_next_deadline"))
        batch_op.drop_index(batch_op.f("ix_household_summary_last_visit"))
    op.drop_table("household_summary")
