"""The Dockerfile repeats what `make` does (no Docker engine runs here to prove it by
building): the same torch pin first, the same project install, the index built into the
image, a non-root user, a health check on /healthz; compose.yaml runs the scaled setup."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).parents[1]


def make_setup() -> list[str]:
    """The commands of `make`'s venv step (from `make -n`, so variables are expanded as make
    expands them), with the virtualenv's bin folder dropped: the image has one Python."""
    planned = subprocess.run(
        ["make", "-n", "--always-make", ".venv/.installed"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    return [line.replace(".venv/bin/", "") for line in planned]


def install_commands() -> list[str]:
    """The install commands of `make`'s venv step."""
    commands = make_setup()
    return [c for c in commands if "install" in c and not c.startswith(("test ", "touch "))]


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


def test_the_image_runs_the_same_install_commands_in_the_same_order() -> None:
    make_commands = install_commands()
    assert len(make_commands) == 2, make_commands
    torch, project = make_commands
    assert shlex.split(torch)[:2] == ["sh", "scripts/install_torch.sh"]
    assert shlex.split(torch)[-1] == "python"
    assert shlex.split(project)[:4] == ["pip", "install", "-e", ".[dev]"]
    docker_runs = [rest for keyword, rest in instructions() if keyword == "RUN"]
    assert [r for r in docker_runs if "install" in r] == make_commands
    copied = [rest for keyword, rest in instructions() if keyword == "COPY"]
    assert "scripts/install_torch.sh ./scripts/" in copied


def test_torch_comes_from_the_cpu_index_and_the_fallback_only_takes_a_cpu_build() -> None:
    script = (ROOT / "scripts" / "install_torch.sh").read_text(encoding="utf-8")
    installs = [
        line.strip() for line in script.splitlines() if "$PIP install" in line and "#" not in line
    ]
    assert len(installs) == 2, installs
    primary, fallback = installs
    assert '--index-url "$CPU_INDEX" "torch==$VERSION"' in primary
    assert 'CPU_INDEX="https://download.pytorch.org/whl/cpu"' in script
    # A local version label only CPU builds carry: PyPI's CUDA build can never match it.
    assert fallback.endswith('"torch==$VERSION+cpu"; then')
    assert "torch.version.cuda is not None" in script and "nvidia-" in script


def test_the_install_script_accepts_this_machines_cpu_torch_and_says_where_it_came_from() -> None:
    """Runs the real script against the test environment (torch already installed): it must
    finish, report its source, and its checks must pass on the CPU build."""
    finished = subprocess.run(
        ["sh", "scripts/install_torch.sh", "2.13.0", sys.executable],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert finished.returncode == 0, finished.stderr
    assert "torch 2.13.0, the CPU build, is installed" in finished.stderr


def test_the_install_script_refuses_a_version_with_no_cpu_build_rather_than_pulling_cuda(
    tmp_path: Path,
) -> None:
    """Asked for a release that has no CPU wheel anywhere pip can reach (no index, an empty wheel
    folder), the script fails with its hint and leaves the installed torch alone."""
    env = {**os.environ, "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(tmp_path)}
    env.pop("PIP_CONSTRAINT", None)
    finished = subprocess.run(
        ["sh", "scripts/install_torch.sh", "9.9.9", sys.executable],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert finished.returncode == 1
    assert "no CPU build of torch 9.9.9 found" in finished.stderr
    assert "9.9.9+cpu" in finished.stderr


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


def test_the_image_exports_the_model_after_the_install_as_make_does() -> None:
    [export] = [line for line in make_setup() if "onnx_export" in line]
    runs = [rest for keyword, rest in instructions() if keyword == "RUN"]
    assert export in runs
    assert runs.index(export) > runs.index(install_commands()[-1])
    assert runs.index(export) < next(i for i, r in enumerate(runs) if "studybot index" in r)


def test_the_image_copies_every_package_the_project_installs() -> None:
    """A package left out of the image fails only at run time, with an ImportError."""
    include = re.search(r"include = \[([^\]]*)\]", (ROOT / "pyproject.toml").read_text())
    assert include is not None
    packages = {name.strip(' "*') for name in include.group(1).split(",")}
    copied = {args.split()[0] for op, args in instructions() if op == "COPY"}
    assert packages <= copied, f"not copied into the image: {sorted(packages - copied)}"
    assert "corpus" in copied  # with corpus/.vectors, so the image's index build reuses them
