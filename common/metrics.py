"""Prometheus metrics of a studybot process, served on /metrics in HTTP mode."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram

REGISTRY = CollectorRegistry(auto_describe=True)

ASKS = Counter(
    "studybot_asks_total", "Questions answered from the notes.", ["surface"], registry=REGISTRY
)
ANSWER_SECONDS = Histogram(
    "studybot_answer_seconds",
    "Time to answer a question from the notes.",
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0),
    registry=REGISTRY,
)
QUIZ_POSTS = Counter("studybot_quiz_posts_total", "Daily questions posted.", registry=REGISTRY)
ANSWERS_GRADED = Counter(
    "studybot_answers_graded_total", "Quiz answers graded.", ["kind"], registry=REGISTRY
)
JOB_RUNS = Counter("studybot_job_runs_total", "Scheduled job runs.", ["job"], registry=REGISTRY)
JOB_FAILURES = Counter(
    "studybot_job_failures_total", "Scheduled job runs that failed.", ["job"], registry=REGISTRY
)
SLACK_RATE_LIMITED = Counter(
    "studybot_slack_rate_limited_total",
    "Slack Web API calls answered 429 (retried after Retry-After).",
    ["method"],
    registry=REGISTRY,
)
SLACK_REJECTED = Counter(
    "studybot_slack_requests_rejected_total",
    "Requests to /slack/events refused before reaching the app (401 unsigned, 400 malformed, 413).",
    ["status"],
    registry=REGISTRY,
)
LISTENER_TURNED_AWAY = Counter(
    "studybot_requests_turned_away_total",
    "Slack requests answered busy because the listener queue was full, by kind.",
    ["kind"],
    registry=REGISTRY,
)
ANSWERS_DROPPED = Counter(
    "studybot_answers_dropped_total",
    "Questions not answered because the answer queue was full.",
    registry=REGISTRY,
)
OUTBOX_UNDELIVERED = Counter(
    "studybot_outbox_undelivered_total",
    "Messages to Slack given up on at their deadline.",
    ["purpose"],
    registry=REGISTRY,
)
