"""escalations.asked_at: when the student pressed 🆘 on a case opened for another reason

Revision ID: 0010_case_asked
Revises: 0009_practice
Create Date: 2026-11-26 22:15:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.models

revision = '0010_case_asked'
down_revision = '0009_practice'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('escalations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('asked_at', storage.models.UTCDateTime(timezone=True),
                                      nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('escalations', schema=None) as batch_op:
        batch_op.drop_column('asked_at')
