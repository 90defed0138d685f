"""Every word studybot says in Slack and every Block Kit message it builds, one module per
feature: `answers` (answers from the notes), `quiz` (the daily question, its reveal, reports),
`boards` (leaderboards, stats, the weekly board), `practice` (cards and nudges), `home` (App
Home), `schedule` (a channel's subscription), `general` (help and failures), over `shared` (limits,
escaping, Block Kit pieces, dates, citations).

Builders return `slack_sdk.models.blocks` objects (validated against Slack's limits when sent);
anything a member typed, and anything read from the notes, is escaped before it is shown.
"""
