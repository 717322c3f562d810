"""The dossier most command tests start from."""

from __future__ import annotations

from pathlib import Path

import pytest

from contrat_desktop.cli import main


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.cdv"
    assert main(["init", str(path), "--demo"]) == 0
    return path
