"""The learning half of studybot: question bank, daily quiz, grading, scores and practice.

Knows nothing of Slack; every function that schedules, grades or ranks takes `now`.
"""
