"""The Dockerfile repeats what `make` does (no Docker engine runs here to prove it by
building): the same torch pin first, the same project install, the index built into the
image, a non-root user, a health check on /healthz; compose.yaml runs the scaled setup."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import yaml

ROOT = Path(__file__).parents[1]


def makefile_var(name: str) -> str:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    match = re.search(rf"^{name}\s*:=\s*(.+)$", text, re.MULTILINE)
    assert match, f"{name} is not set in the Makefile"
    return match.group(1).strip()


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    text = re.sub(r"\\\n\s*", " ", text)
    found = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            found.append((keyword.upper(), rest.strip()))
    return found


def run_index(predicate) -> int:  # type: ignore[no-untyped-def]
    for index, (keyword, rest) in enumerate(instructions()):
        if keyword == "RUN" and predicate(rest):
            return index
    raise AssertionError("no such RUN step in the Dockerfile")


def test_base_image() -> None:
    assert instructions()[0] == ("FROM", "python:3.11-slim")


def test_same_torch_pin_installed_before_the_project() -> None:
    pin = makefile_var("TORCH_PIN")
    install = makefile_var("INSTALL_PROJECT")
    torch_step = run_index(lambda rest: pin in shlex.split(rest) and "pip" in rest)
    project_step = run_index(lambda rest: install in rest)
    assert torch_step < project_step
    assert shlex.split(install)[:2] == ["pip", "install"]


def test_index_is_built_after_the_install_as_make_run_does() -> None:
    index_step = run_index(lambda rest: "studybot index" in rest)
    assert index_step > run_index(lambda rest: makefile_var("INSTALL_PROJECT") in rest)
    assert "$(BIN)/studybot index" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_runs_as_a_non_root_user_with_a_health_check() -> None:
    steps = instructions()
    users = [rest for keyword, rest in steps if keyword == "USER"]
    assert users and users[-1] not in {"root", "0"}
    last_user = max(i for i, (keyword, _) in enumerate(steps) if keyword == "USER")
    assert last_user > run_index(lambda rest: "studybot index" in rest)
    [health] = [rest for keyword, rest in steps if keyword == "HEALTHCHECK"]
    assert "/healthz" in health
    [cmd] = [rest for keyword, rest in steps if keyword == "CMD"]
    assert json.loads(cmd)[:2] == ["studybot", "run"]


def test_compose_runs_postgres_two_bot_replicas_and_one_scheduler() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    services = compose["services"]
    assert services["postgres"]["image"].startswith("postgres")
    bot, scheduler = services["bot"], services["scheduler"]
    assert bot["command"][:3] == ["studybot", "serve", "--http"]
    assert bot["deploy"]["replicas"] == 2
    assert scheduler["command"] == ["studybot", "jobs"]
    for service in (bot, scheduler):
        assert service["environment"]["DATABASE_URL"].startswith("postgresql+psycopg://")
        assert service["depends_on"]["postgres"]["condition"] == "service_healthy"
