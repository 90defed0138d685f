"""outbox.sent_by and per-channel indexes: the per-channel turn held across processes (the bot
and the scheduler), decided in the claim's transaction from the rows of the channel

`sent_at` now says when the last send of the row ended (by the sender's clock) and `sent_by`
which sender made it. The channel index becomes (channel, sent_at) and (channel,
claimed_until): the claim looks for a recent send or a send in flight in its channel.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 22:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sent_by", sa.String(length=128), nullable=True))
        batch_op.drop_index(batch_op.f("ix_outbox_channel"))
        batch_op.create_index(
            batch_op.f("ix_outbox_channel_sent_at"), ["channel", "sent_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_outbox_channel_claimed_until"),
            ["channel", "claimed_until"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_channel_claimed_until"))
        batch_op.drop_index(batch_op.f("ix_outbox_channel_sent_at"))
        batch_op.create_index(batch_op.f("ix_outbox_channel"), ["channel"], unique=False)
        batch_op.drop_column("sent_by")
