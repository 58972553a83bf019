"""student_reports and people.blocked_until: a supporter reports a student; a coordinator blocks

Revision ID: 0011_student_reports
Revises: 0010_case_asked
Create Date: 2026-11-27 07:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.models

revision = '0011_student_reports'
down_revision = '0010_case_asked'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.add_column(sa.Column('blocked_until', storage.models.UTCDateTime(timezone=True),
                                      nullable=True))
    op.create_table(
        'student_reports',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=False),
        sa.Column('session_id', sa.Integer(), nullable=True),
        sa.Column('reporter_id', sa.Integer(), nullable=True),
        sa.Column('reason', sa.String(length=12), nullable=False),
        sa.Column('note_enc', sa.LargeBinary(), nullable=True),
        sa.Column('status', sa.String(length=12), nullable=False),
        sa.Column('decided_by', sa.Integer(), nullable=True),
        sa.Column('decided_at', storage.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column('created_at', storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['person_id'], ['people.id'],
                                name=op.f('fk_student_reports_person_id_people'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['session_id'], ['sessions.id'],
                                name=op.f('fk_student_reports_session_id_sessions'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['reporter_id'], ['members.id'],
                                name=op.f('fk_student_reports_reporter_id_members'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_student_reports')),
    )
    op.create_index('ix_student_reports_status', 'student_reports', ['status', 'created_at'])


def downgrade() -> None:
    op.drop_index('ix_student_reports_status', table_name='student_reports')
    op.drop_table('student_reports')
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_column('blocked_until')
