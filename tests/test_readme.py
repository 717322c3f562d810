"""The README documents every command of the CLI and the two commands up front."""

from __future__ import annotations

import argparse
from pathlib import Path

from contrat_desktop.cli import build_parser

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_cli_command_is_in_the_readme() -> None:
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name in commands.choices:
        assert f"contrat-desktop-cli {name}" in README, name


def test_the_two_commands_come_first() -> None:
    top = README[: README.index("## Ligne de commande")]
    assert "make run" in top and "make test" in top
