"""Scheduled jobs: daily quiz posts, reveals, weekly boards, practice nudges and index refresh,
run by exactly one scheduler at a time (the holder of the database lease)."""
