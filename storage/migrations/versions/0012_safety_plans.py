"""safety_plans: a student's safety plan, encrypted, and whether a counselor may see it

Revision ID: 0012_safety_plans
Revises: 0011_student_reports
Create Date: 2026-11-27 07:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.models

revision = '0012_safety_plans'
down_revision = '0011_student_reports'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'safety_plans',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=False),
        sa.Column('parts_enc', sa.LargeBinary(), nullable=False),
        sa.Column('share', sa.Boolean(), nullable=False),
        sa.Column('updated_at', storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['person_id'], ['people.id'],
                                name=op.f('fk_safety_plans_person_id_people'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_safety_plans')),
        sa.UniqueConstraint('person_id', name=op.f('uq_safety_plans_person_id')),
    )


def downgrade() -> None:
    op.drop_table('safety_plans')
