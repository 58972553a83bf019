"""workers: the processes serving one PostgreSQL database; outbox claims (claimed_by, _until)

Revision ID: 0014_workers
Revises: 0013_exercises
Create Date: 2026-11-27 13:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.models

revision = '0014_workers'
down_revision = '0013_exercises'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'workers',
        sa.Column('id', sa.String(length=64), nullable=False),
        sa.Column('lock_key', sa.Integer(), nullable=False),
        sa.Column('mode', sa.String(length=8), nullable=False),
        sa.Column('started_at', storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_workers')),
    )
    with op.batch_alter_table('outbox') as batch:
        batch.add_column(sa.Column('claimed_by', sa.String(length=64), nullable=True))
        batch.add_column(sa.Column('claimed_until', storage.models.UTCDateTime(timezone=True),
                                   nullable=True))
    op.create_index('ix_outbox_chat_claim', 'outbox', ['chat_id', 'claimed_until'],
                    unique=False)


def downgrade() -> None:
    op.drop_index('ix_outbox_chat_claim', table_name='outbox')
    with op.batch_alter_table('outbox') as batch:
        batch.drop_column('claimed_until')
        batch.drop_column('claimed_by')
    op.drop_table('workers')
