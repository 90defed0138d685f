"""Every /study subcommand a member may run is named where members look for it: the manifest's
usage hint (Slack shows it while typing), `/study help` and the README."""

from __future__ import annotations

import json
from pathlib import Path

from bot.slack.listeners.commands import SUBCOMMANDS
from bot.slack.render import general

ROOT = Path(__file__).resolve().parents[2]
ADMIN_ONLY = {name for name, handler in SUBCOMMANDS.items() if hasattr(handler, "__wrapped__")}


def test_member_subcommands_are_in_the_usage_hint_help_and_readme() -> None:
    manifest = json.loads((ROOT / "manifest.json").read_text(encoding="utf-8"))
    [command] = manifest["features"]["slash_commands"]
    hint = command["usage_hint"].replace("|", " ").split()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert {"subscribe", "unsubscribe", "settings"} == ADMIN_ONLY
    for name in set(SUBCOMMANDS) - ADMIN_ONLY:
        assert name in hint, name
        assert f"`/study {name}" in general.HELP or name == "help", name
        assert f" {name} " in readme or f"| {name} |" in readme or f"{name}`" in readme, name
