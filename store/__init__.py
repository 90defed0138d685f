"""Persistence for studybot: typed SQLAlchemy models, engine/session helpers and migrations.

Nothing in here knows about Slack or about quiz policy; callers pass time in explicitly.
"""
