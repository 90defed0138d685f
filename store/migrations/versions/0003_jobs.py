"""jobs: scheduler lease, schedule changes, job claims, practice nudge opt-in

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21 07:40:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import store.types

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "scheduler_leases",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("holder", sa.String(length=128), nullable=False),
        sa.Column("acquired_at", store.types.UTCDateTime(), nullable=False),
        sa.Column("expires_at", store.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_scheduler_leases")),
    )
    op.create_table(
        "schedule_changes",
        sa.Column("channel_id", sa.String(length=32), nullable=False),
        sa.Column("requested_at", store.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("channel_id", name=op.f("pk_schedule_changes")),
    )
    op.create_table(
        "job_claims",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("holder", sa.String(length=128), nullable=False),
        sa.Column("claimed_at", store.types.UTCDateTime(), nullable=False),
        sa.Column("done_at", store.types.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_job_claims")),
    )
    op.create_table(
        "practice_nudges",
        sa.Column("member_id", sa.String(length=32), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("updated_at", store.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_practice_nudges_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("member_id", name=op.f("pk_practice_nudges")),
    )


def downgrade() -> None:
    op.drop_table("practice_nudges")
    op.drop_table("job_claims")
    op.drop_table("schedule_changes")
    op.drop_table("scheduler_leases")
