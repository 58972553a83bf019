"""relay_copies (where a student's message reached staff) and risk_reports (/missed, /falsealarm)

Revision ID: 0006_risk_reports
Revises: 0005_wait_told
Create Date: 2026-11-26 08:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.models

revision = '0006_risk_reports'
down_revision = '0005_wait_told'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('relay_copies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('relay_message_id', sa.Integer(), nullable=False),
    sa.Column('chat_id', sa.BigInteger(), nullable=False),
    sa.Column('telegram_message_id', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['relay_message_id'], ['relay_messages.id'], name=op.f('fk_relay_copies_relay_message_id_relay_messages'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_relay_copies'))
    )
    with op.batch_alter_table('relay_copies', schema=None) as batch_op:
        batch_op.create_index('ix_relay_copies_chat_message', ['chat_id', 'telegram_message_id'], unique=False)
    op.create_table('risk_reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('relay_message_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('created_at', storage.models.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_risk_reports_member_id_members'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['relay_message_id'], ['relay_messages.id'], name=op.f('fk_risk_reports_relay_message_id_relay_messages'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_risk_reports')),
    sa.UniqueConstraint('relay_message_id', 'kind', name='uq_risk_reports_message_kind')
    )


def downgrade() -> None:
    op.drop_table('risk_reports')
    with op.batch_alter_table('relay_copies', schema=None) as batch_op:
        batch_op.drop_index('ix_relay_copies_chat_message')
    op.drop_table('relay_copies')
