"""The dossier most command tests start from: the demo, made once by ``init --demo`` for
the whole run, each test getting its own copy; and a runner that captures what a command
says."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from contrat_desktop.cli import main

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture(scope="session")
def cli_demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-modele") / "demo.cdv"
    assert main(["init", str(path), "--demo"]) == 0
    return path


@pytest.fixture
def demo(cli_demo_template: Path, tmp_path: Path) -> Path:
    return Path(shutil.copyfile(cli_demo_template, tmp_path / "demo.cdv"))


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Run:
    """``cli("renew", "--db", ...)`` → (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run
