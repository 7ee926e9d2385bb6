"""stored phrase embeddings for matching

Revision ID: 3c51f0d2b9e4
Revises: a7830be1afc9
Create Date: 2026-11-28 18:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '3c51f0d2b9e4'
down_revision = 'a7830be1afc9'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('phrase_vectors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('model', sa.String(length=200), nullable=False),
    sa.Column('text_hash', sa.String(length=64), nullable=False),
    sa.Column('vector', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_phrase_vectors')),
    sa.UniqueConstraint('model', 'text_hash', name=op.f('uq_phrase_vectors_model'))
    )


def downgrade():
    op.drop_table('phrase_vectors')
