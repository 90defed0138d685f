"""scripts/postgres.sh never throws data away: a stopped cluster starts again with its data, and
a folder that holds something else is refused, left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.pgserver import PostgresServerError, ThrowawayPostgres, free_port

pytestmark = pytest.mark.skipif(
    not list(Path("/usr/lib/postgresql").glob("*/bin")), reason="PostgreSQL is not installed"
)


def test_a_stopped_cluster_starts_again_with_its_data() -> None:
    server = ThrowawayPostgres(free_port(), "studybot-pgscript")
    try:
        url = server.start_fresh()
        engine = create_engine(url)
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE kept (n int)"))
            connection.execute(text("INSERT INTO kept VALUES (7)"))
        engine.dispose()
        server.stop()
        assert server.start() == url
        engine = create_engine(url)
        with engine.connect() as connection:
            assert connection.execute(text("SELECT n FROM kept")).scalar_one() == 7
        engine.dispose()
    finally:
        server.remove()


def test_a_folder_that_is_not_a_cluster_is_refused_and_kept(tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("# mine\n", encoding="utf-8")
    server = ThrowawayPostgres(free_port(), "unused")
    server.data = tmp_path
    server.env = {**server.env, "STUDYBOT_PG_DATA": str(tmp_path)}
    with pytest.raises(PostgresServerError, match="holds no PostgreSQL cluster"):
        server.start()
    assert notes.read_text(encoding="utf-8") == "# mine\n"
