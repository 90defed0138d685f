"""slack_conversations: the workspace each channel or member we talk to belongs to, so that a
message the scheduler queues (no Slack request behind it) is sent with that workspace's token

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 19:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import store.types

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "slack_conversations",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("seen_at", store.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_slack_conversations")),
    )


def downgrade() -> None:
    op.drop_table("slack_conversations")
