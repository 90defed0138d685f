"""A throwaway PostgreSQL server on a port of its own, for runs that stop and restart the
database under the app (tests/jobs/test_pg_outage.py and bench/fanout_real.py).

Started, stopped and started again on the same data by scripts/postgres.sh."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "postgres.sh"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PostgresServerError(RuntimeError):
    """scripts/postgres.sh could not start the server; the message is its stderr."""


class ThrowawayPostgres:
    """A PostgreSQL server on `port`, its data in /tmp under `name`."""

    def __init__(self, port: int, name: str) -> None:
        self.port = port
        self.data = Path(f"/tmp/{name}-{port}")
        self.env = {**os.environ, "STUDYBOT_PG_PORT": str(port), "STUDYBOT_PG_DATA": str(self.data)}

    def start_fresh(self) -> str:
        """An empty cluster, started; returns its SQLAlchemy URL."""
        self.stop()
        shutil.rmtree(self.data, ignore_errors=True)
        return self.start()

    def start(self) -> str:
        """Start the server (a stopped cluster starts again, its data kept); returns its URL."""
        done = subprocess.run(
            ["bash", str(SCRIPT), "start"], env=self.env, capture_output=True, text=True
        )
        if done.returncode != 0:
            raise PostgresServerError(done.stderr.strip())
        return done.stdout.strip()

    def stop(self) -> None:
        subprocess.run(["bash", str(SCRIPT), "stop"], env=self.env, check=True)

    def restart(self) -> None:
        """The stopped server started again on the same data."""
        self.start()

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.data, ignore_errors=True)
