"""help_requests.screening: the intake's ASQ screening answers, for the supporter's briefing

Revision ID: 0007_request_screening
Revises: 0006_risk_reports
Create Date: 2026-11-26 08:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007_request_screening'
down_revision = '0006_risk_reports'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('help_requests', schema=None) as batch_op:
        batch_op.add_column(sa.Column('screening', sa.String(length=120), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('help_requests', schema=None) as batch_op:
        batch_op.drop_column('screening')
