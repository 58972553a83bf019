"""people.practice_with: a scripted practice student (the sandbox's training) and its trainee

Revision ID: 0009_practice
Revises: 0008_case_messages
Create Date: 2026-11-26 19:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009_practice'
down_revision = '0008_case_messages'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.add_column(sa.Column('practice_with', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_column('practice_with')
