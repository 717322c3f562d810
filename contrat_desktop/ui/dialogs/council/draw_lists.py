"""The candidate lists of a draw: files read off the GUI thread, each shown with its source,
size and checksums; rows left out shown with their row, column and reason; people found on
several lines (in one list or across lists) shown once with every line."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.draw import CandidateList, find_duplicates
from contrat_desktop.exchange.candidate_lists import CandidateReading
from contrat_desktop.ui.background import Task, TaskControl, run_in_background
from contrat_desktop.ui.dialogs.actions.action_tabs import fill
from contrat_desktop.ui.pages.council_layout import compact_table

LIST_HEADERS = ["Liste", "Fichier source", "Candidats", "Lignes écartées", "Empreinte SHA-256"]
ISSUE_HEADERS = ["Liste", "Ligne", "Colonne", "Valeur lue", "Problème"]
DUPLICATE_HEADERS = ["Personne", "Née en", "Inscrite sur", "Gardée au tirage sous"]
FILE_FILTER = "Listes (*.csv *.xlsx *.xlsm *.ods *.txt);;Tous les fichiers (*)"


def read_lists(paths: list[Path], control: TaskControl) -> list[tuple[Path, object]]:
    """Runs off the GUI thread: each file's reading, or the exception that refused it."""
    from contrat_desktop.exchange.candidate_lists import read_candidate_list

    found: list[tuple[Path, object]] = []
    for done, path in enumerate(paths):
        control.report(done, len(paths))
        try:
            found.append((path, read_candidate_list(path)))
        except Exception as error:
            found.append((path, error))
    return found


class ListsPanel(QWidget):
    lists_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.readings: list[tuple[Path, CandidateReading]] = []
        self.task: Task | None = None
        self.add_button = QPushButton("&Ajouter des listes (CSV, Excel, LibreOffice)…", self)
        self.remove_button = QPushButton("&Retirer la liste choisie", self)
        self.status = QLabel(self)
        self.lists = compact_table(LIST_HEADERS, "Listes de candidats", stretch=1)
        self.issues = compact_table(ISSUE_HEADERS, "Lignes écartées des listes", stretch=4)
        self.duplicates = compact_table(
            DUPLICATE_HEADERS, "Personnes inscrites plusieurs fois", stretch=2
        )
        self.issues_box = QGroupBox("Lignes écartées (non lues)", self)
        QVBoxLayout(self.issues_box).addWidget(self.issues)
        self.duplicates_box = QGroupBox("Doublons entre les listes", self)
        QVBoxLayout(self.duplicates_box).addWidget(self.duplicates)
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addWidget(self.remove_button)
        bar.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.lists, 2)
        layout.addWidget(self.issues_box, 3)
        layout.addWidget(self.duplicates_box, 3)
        self.add_button.clicked.connect(lambda: self.choose_files())
        self.remove_button.clicked.connect(self.remove_current)
        self.refresh()

    def candidate_lists(self) -> tuple[CandidateList, ...]:
        return tuple(reading.candidates for _path, reading in self.readings)

    # reading ------------------------------------------------------------------
    def choose_files(self) -> Task | None:
        chosen, _ = QFileDialog.getOpenFileNames(
            self, "Listes de candidats au tirage au sort", "", FILE_FILTER
        )
        return self.add_files([Path(p) for p in chosen]) if chosen else None

    def add_files(self, paths: list[Path]) -> Task:
        self.add_button.setEnabled(False)
        self.status.setText(f"Lecture de {len(paths)} fichier(s)…")
        self.task = run_in_background(lambda control: read_lists(paths, control), self)
        self.task.succeeded.connect(self._read)
        self.task.failed.connect(
            lambda error: QMessageBox.warning(self, "Listes non lues", str(error))
        )
        self.task.finished.connect(lambda: self.add_button.setEnabled(True))
        return self.task

    def _read(self, found: list[tuple[Path, object]]) -> None:
        refused = []
        for path, outcome in found:
            if isinstance(outcome, CandidateReading):
                self._keep(path, outcome)
            else:
                refused.append(f"« {path.name} » : {outcome}")
        self.refresh()
        if refused:
            QMessageBox.warning(
                self, "Liste refusée", "Fichier(s) non retenu(s) :\n" + "\n".join(refused)
            )

    def _keep(self, path: Path, reading: CandidateReading) -> None:
        taken = {r.candidates.name for _p, r in self.readings}
        name = reading.candidates.name
        if name in taken:  # two files with the same name: tell them apart
            from dataclasses import replace

            name = f"{name} ({path.parent.name})"
            reading = replace(reading, candidates=replace(reading.candidates, name=name))
        self.readings = [(p, r) for p, r in self.readings if p != path]
        self.readings.append((path, reading))

    def remove_current(self) -> None:
        row = self.lists.currentRow()
        if 0 <= row < len(self.readings):
            del self.readings[row]
            self.refresh()

    # showing ------------------------------------------------------------------
    def refresh(self) -> None:
        lists = self.candidate_lists()
        fill(
            self.lists,
            [
                [
                    r.candidates.name,
                    str(path),
                    str(r.candidates.size),
                    str(len(r.issues)),
                    r.candidates.checksum,
                ]
                for path, r in self.readings
            ],
        )
        for row, (path, r) in enumerate(self.readings):
            self.lists.item(row, 4).setToolTip(
                f"Empreinte du contenu : {r.candidates.checksum}\n"
                f"Empreinte du fichier « {path.name} » : {r.candidates.file_sha256}"
            )
        fill(
            self.issues,
            [
                [r.candidates.name, str(i.row), i.column, i.value, i.message]
                for _path, r in self.readings
                for i in r.issues
            ],
        )
        duplicates = find_duplicates(lists)
        fill(
            self.duplicates,
            [
                [
                    d.name,
                    str(d.birth_year or "?"),
                    " ; ".join(f"{c.list_name} (n° {c.key})" for c in d.occurrences),
                    f"{d.occurrences[0].list_name} (n° {d.occurrences[0].key})",
                ]
                for d in duplicates
            ],
        )
        issues = sum(len(r.issues) for _p, r in self.readings)
        self.issues_box.setTitle(f"Lignes écartées (non lues) : {issues}")
        self.duplicates_box.setTitle(f"Doublons entre les listes : {len(duplicates)}")
        people = sum(lst.size for lst in lists) - sum(len(d.occurrences) - 1 for d in duplicates)
        self.status.setText(
            f"{len(lists)} liste(s), {people} personne(s) distincte(s)" if lists else
            "Aucune liste : ajoutez les fichiers de candidats (une liste par fichier)."
        )  # fmt: skip
        self.remove_button.setEnabled(bool(lists))
        self.lists_changed.emit()
