"""UI fixtures: a demo dossier opened in a session, and captured message boxes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from contrat_desktop.operations.dossiers import create_dossier
from contrat_desktop.storage.database import open_dossier
from contrat_desktop.ui.session import DossierSession


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return create_dossier(tmp_path_factory.mktemp("modele") / "demo.cdv", demo=True)


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo.cdv"
    target.write_bytes(demo_template.read_bytes())
    return target


@pytest.fixture
def session(demo_path: Path, qapp: Any) -> Iterator[DossierSession]:
    opened = DossierSession(open_dossier(demo_path, user="camille", daily_backup=False))
    yield opened
    opened.close()


class Boxes:
    """Records message boxes instead of showing them; answers questions as told."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.answer = QMessageBox.StandardButton.Yes
        self.text_answer: tuple[str, bool] = ("", True)

    def record(self, kind: str) -> Any:
        def show(_parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            self.shown.append((kind, title, text))
            return self.answer if kind == "question" else QMessageBox.StandardButton.Ok

        return show


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    """Always on: a real modal box would block an offscreen test forever."""
    recorder = Boxes()
    for kind in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, recorder.record(kind))
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: recorder.text_answer)
    return recorder
