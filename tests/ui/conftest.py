"""UI fixtures: a demo dossier opened in a session, and captured message boxes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from contrat_desktop.operations.dossiers import create_dossier
from contrat_desktop.samples import fill_demo
from contrat_desktop.storage.database import open_dossier
from contrat_desktop.storage.repositories import Repositories
from contrat_desktop.ui.dialogs.exchange.import_mapping import MappingDialog, SheetDialog
from contrat_desktop.ui.dialogs.exchange.import_preview import PreviewDialog
from contrat_desktop.ui.session import DossierSession


@pytest.fixture(autouse=True)
def session_repositories(monkeypatch: pytest.MonkeyPatch) -> None:
    """``session.repos`` for the tests, which look into the dossier through its repositories.

    The window itself has none: it reads and writes through ``operations`` only (the import
    contract and ``tests/test_contracts.py`` check that no ui module reaches ``.repos``)."""
    monkeypatch.setattr(
        DossierSession, "repos", property(lambda s: Repositories(s.dossier)), raising=False
    )


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return create_dossier(tmp_path_factory.mktemp("modele") / "demo.cdv", fill=fill_demo)


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


# Excel exchange (test_import_dialog.py, test_export.py) ------------------------------------
EXCHANGE_WAIT_MS = 30_000


@pytest.fixture
def exchange_window(qtbot: Any, session: DossierSession, tmp_path: Path) -> Iterator[Any]:
    """The main window on the demo session (its own preferences file)."""
    from PySide6.QtCore import QSettings

    from contrat_desktop.ui.background import wait_for_background_work
    from contrat_desktop.ui.main_window import MainWindow
    from contrat_desktop.ui.preferences import Preferences

    prefs = Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    window = MainWindow(prefs)
    qtbot.addWidget(window)
    window.set_session(session)
    yield window
    wait_for_background_work()


@pytest.fixture
def answer_save_dialog(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], list[tuple[Any, ...]]]:
    """Make ``QFileDialog.getSaveFileName`` answer a path; returns the calls' arguments."""
    from PySide6.QtWidgets import QFileDialog

    def patch(target: Path) -> list[tuple[Any, ...]]:
        calls: list[tuple[Any, ...]] = []

        def answer(*args: Any, **kwargs: Any) -> tuple[str, str]:
            calls.append(args)
            return str(target), "Classeurs Excel (*.xlsx)"

        monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
        return calls

    return patch


@pytest.fixture(params=[".xlsx"])
def exported_workbook(
    qtbot: Any, exchange_window: Any, answer_save_dialog: Any, tmp_path: Path, request: Any
) -> Path:
    """The current campaign exported through the page's "Exporter (tableur)…" button, as an
    .xlsx (or an .ods where a test asks for it with ``indirect`` parametrisation)."""
    target = tmp_path / "export" / f"programmation{request.param}"
    target.parent.mkdir()
    answer_save_dialog(target)
    page = exchange_window.page("programmation")
    page.export_button.click()
    assert page.export_task is not None
    with qtbot.waitSignal(page.export_task.finished, timeout=EXCHANGE_WAIT_MS):
        pass
    assert target.exists()
    return target


def _exported_column(sheet: Any, header: str, band: str = "") -> int:
    """The column (1-based) of a header in row 4 of an exported sheet, under ``band``."""
    for cell in sheet[4]:
        if cell.value == header and (not band or _band_of(sheet, cell.column) == band):
            return int(cell.column)
    raise KeyError(header)


def _band_of(sheet: Any, column: int) -> str:
    for merged in sheet.merged_cells.ranges:
        if merged.min_row == 3 and merged.min_col <= column <= merged.max_col:
            return str(sheet.cell(row=3, column=merged.min_col).value)
    return str(sheet.cell(row=3, column=column).value or "")


@pytest.fixture
def exported_column() -> Callable[..., int]:
    """``exported_column(sheet, header, band="")``: where a header is in an exported sheet."""
    return _exported_column


@pytest.fixture
def edit_workbook(tmp_path: Path) -> Callable[..., Path]:
    """Edit an exported workbook with openpyxl, the way a préfecture would.

    ``edit_workbook(source, name, {(row, header, band): value})``; openpyxl saves the totals
    formulas without their values, which the importer skips.
    """
    import openpyxl

    def edit(source: Path, name: str, cells: dict[tuple[int, str, str], Any]) -> Path:
        book = openpyxl.load_workbook(source)
        sheet = book["Programmation"]
        for (row, header, band), value in cells.items():
            sheet.cell(row=row, column=_exported_column(sheet, header, band)).value = value
        target = tmp_path / name
        book.save(target)
        return target

    return edit


class ImportDriver:
    """Answers the import dialogs instead of a person (no modal loop in tests)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.sheets: list[SheetDialog] = []
        self.mappings: list[MappingDialog] = []
        self.previews: list[PreviewDialog] = []
        self.on_sheet: Callable[[SheetDialog], None] = lambda _dialog: None
        self.on_mapping: Callable[[MappingDialog], None] = lambda _dialog: None
        self.on_preview: Callable[[PreviewDialog], None] = lambda _dialog: None
        self.apply = True
        self.year: int | None = None  # the campaign to answer when asked (None: cancel)
        self.year_questions: list[str] = []
        accepted, rejected = QDialog.DialogCode.Accepted, QDialog.DialogCode.Rejected

        def year(_parent: Any, _title: str, label: str, *_args: Any) -> tuple[str, bool]:
            self.year_questions.append(label)
            return (str(self.year), True) if self.year is not None else ("", False)

        def sheet(dialog: SheetDialog) -> QDialog.DialogCode:
            self.sheets.append(dialog)
            self.on_sheet(dialog)
            return accepted

        def mapping(dialog: MappingDialog) -> QDialog.DialogCode:
            self.mappings.append(dialog)
            self.on_mapping(dialog)
            return accepted

        def preview(dialog: PreviewDialog) -> QDialog.DialogCode:
            self.previews.append(dialog)
            self.on_preview(dialog)
            clicked = self.apply and dialog.apply_button.isEnabled()
            return accepted if clicked else rejected

        monkeypatch.setattr(SheetDialog, "exec", sheet)
        monkeypatch.setattr(MappingDialog, "exec", mapping)
        monkeypatch.setattr(PreviewDialog, "exec", preview)
        monkeypatch.setattr(QInputDialog, "getItem", year)


@pytest.fixture
def import_driver(monkeypatch: pytest.MonkeyPatch) -> ImportDriver:
    """Answers the import dialogs (sheet, mapping, preview) without a modal loop."""
    return ImportDriver(monkeypatch)
