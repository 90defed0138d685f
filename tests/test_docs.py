"""The README documents every setting and the two commands a newcomer needs."""

from pathlib import Path

from common.config import Settings, setting_env_names

README = (Path(__file__).parent.parent / "README.md").read_text()


def test_readme_documents_every_setting() -> None:
    missing = [name for name in setting_env_names() if f"`{name}`" not in README]
    assert missing == []


def test_every_setting_has_help_text() -> None:
    assert all(help_text for help_text in setting_env_names().values())


def test_readme_shows_the_two_commands() -> None:
    assert "make run" in README and "make test" in README


def test_settings_read_paths_and_lists_from_the_environment(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("STUDYBOT_CORPUS", "notes,more:other")
    monkeypatch.setenv("STUDYBOT_DATA_DIR", "/tmp/sb")
    settings = Settings()
    assert [str(p) for p in settings.corpus] == ["notes", "more", "other"]
    assert settings.effective_database_url == "sqlite:////tmp/sb/studybot.db"
