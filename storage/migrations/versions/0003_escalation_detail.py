"""Escalations keep who raised them and why in words: the referral reason (encrypted).

Revision ID: 0003_escalation_detail
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_escalation_detail"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("escalations") as batch:
        batch.add_column(sa.Column("detail_enc", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("escalations") as batch:
        batch.drop_column("detail_enc")
