"""The window's save dialogs: the extension chooses the format among the dialog's filters;
a name without one gets the chosen filter's, another extension is refused by name in French
and nothing is written (QA item 6)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from contrat_desktop.ui.workbook_dialogs import PDF_FILTER, ask_save_path, ask_save_workbook


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    return said


def _answer(monkeypatch: pytest.MonkeyPatch, chosen: Path, chosen_filter: str) -> None:
    def answer(*_args: Any, **_kwargs: Any) -> tuple[str, str]:
        return str(chosen), chosen_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)


@pytest.mark.parametrize(
    ("typed", "chosen_filter", "expected"),
    [
        ("cr.pdf", PDF_FILTER, "cr.pdf"),
        ("cr.PDF", PDF_FILTER, "cr.PDF"),
        ("cr", PDF_FILTER, "cr.pdf"),
        ("réunion du 12.03.2026", PDF_FILTER, "réunion du 12.03.2026.pdf"),
    ],
)
def test_a_name_without_extension_gets_the_filters(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, warnings: list[str], tmp_path: Path,
    typed: str, chosen_filter: str, expected: str,
) -> None:  # fmt: skip
    parent = QWidget()
    qtbot.addWidget(parent)
    _answer(monkeypatch, tmp_path / typed, chosen_filter)
    chosen = ask_save_path(parent, "Compte rendu", tmp_path / "cr.pdf", [PDF_FILTER])
    assert chosen == tmp_path / expected and warnings == []


def test_a_workbook_takes_the_chosen_filters_extension(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, warnings: list[str], tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    _answer(monkeypatch, tmp_path / "liste", "Classeur OpenDocument – LibreOffice (*.ods)")
    assert ask_save_workbook(parent, "Liste", tmp_path / "l.xlsx") == tmp_path / "liste.ods"


@pytest.mark.parametrize("typed", ["cr.docx", "cr.html", "cr.xlsx"])
def test_another_extension_is_refused_by_name(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, warnings: list[str], tmp_path: Path,
    typed: str,
) -> None:  # fmt: skip
    parent = QWidget()
    qtbot.addWidget(parent)
    _answer(monkeypatch, tmp_path / typed, PDF_FILTER)
    assert ask_save_path(parent, "Compte rendu", tmp_path / "cr.pdf", [PDF_FILTER]) is None
    suffix = Path(typed).suffix
    assert warnings == [
        f"« {typed} » : l'extension « {suffix} » ne correspond à aucun format pris en charge ; "
        "choisissez un fichier .pdf. Rien n'a été écrit."
    ]
    assert list(tmp_path.iterdir()) == []
