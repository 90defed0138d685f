"""channels.paused_reason and paused_at: a subscription Slack refuses for good is paused

When Slack refuses a channel's broadcast for good (the bot removed, the channel archived or
deleted, the workspace gone), the channel stops getting the daily question and records why
and when, instead of failing again every day with nobody told. Subscribing again resumes it.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 09:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import store.types

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("channels", schema=None) as batch_op:
        batch_op.add_column(sa.Column("paused_reason", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("paused_at", store.types.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("channels", schema=None) as batch_op:
        batch_op.drop_column("paused_at")
        batch_op.drop_column("paused_reason")
