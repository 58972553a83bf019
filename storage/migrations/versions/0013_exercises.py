"""exercises: self-help exercises a student ran; people.selfhelp_share

Revision ID: 0013_exercises
Revises: 0012_safety_plans
Create Date: 2026-11-27 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.models

revision = '0013_exercises'
down_revision = '0012_safety_plans'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'exercises',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=False),
        sa.Column('chat_id', sa.BigInteger(), nullable=False),
        sa.Column('kind', sa.String(length=8), nullable=False),
        sa.Column('rounds', sa.Integer(), nullable=False),
        sa.Column('step', sa.Integer(), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('message_id', sa.BigInteger(), nullable=False),
        sa.Column('started_at', storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column('ended_at', storage.models.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['person_id'], ['people.id'],
                                name=op.f('fk_exercises_person_id_people'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_exercises')),
    )
    op.create_index(op.f('ix_exercises_person_id'), 'exercises', ['person_id'], unique=False)
    op.create_index('ix_exercises_chat_id_status', 'exercises', ['chat_id', 'status'],
                    unique=False)
    with op.batch_alter_table('people') as batch:
        batch.add_column(sa.Column('selfhelp_share', sa.Boolean(), nullable=True))
        batch.add_column(sa.Column('selfhelp_asked_at',
                                   storage.models.UTCDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('people') as batch:
        batch.drop_column('selfhelp_asked_at')
        batch.drop_column('selfhelp_share')
    op.drop_index('ix_exercises_chat_id_status', table_name='exercises')
    op.drop_index(op.f('ix_exercises_person_id'), table_name='exercises')
    op.drop_table('exercises')
