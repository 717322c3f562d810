"""The draws kept in the dossier for a council: each one's result and ordered reserve, and
its procès-verbal written again at will (off the GUI thread, where the user chooses)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.council import CitizenCouncil
from contrat_desktop.domain.draw_record import DrawRecord
from contrat_desktop.operations.council import write_draw_record
from contrat_desktop.operations.council_records import draws_of_council, load_draw
from contrat_desktop.ui.background import Task, read_in_background
from contrat_desktop.ui.dialogs.actions.action_tabs import fill, read_only_table
from contrat_desktop.ui.dialogs.council.draw_audit import audit_label, audit_text
from contrat_desktop.ui.dialogs.council.draw_result import show_drawn
from contrat_desktop.ui.formats import format_date
from contrat_desktop.ui.models.council_tables import CandidateTableModel
from contrat_desktop.ui.pages.tables import make_table
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.workbook_dialogs import ask_save_path

HEADERS = ["Date", "Lieu", "Sièges", "Réserve", "Candidats", "Graine"]


def save_record_pdf(
    parent: QWidget, session: DossierSession, record: DrawRecord, done: Callable[[str], None]
) -> Task | None:
    """Ask where, then write the draw's procès-verbal off the GUI thread."""
    default = session.dossier.path.parent / f"pv-tirage-{record.drawn_at:%Y-%m-%d}.pdf"
    target = ask_save_path(parent, "Procès-verbal du tirage au sort", default, ["PDF (*.pdf)"])
    if not target:
        return None
    draw_id = record.id or 0
    task = read_in_background(
        session.dossier,
        lambda reader: write_draw_record(reader, load_draw(reader, draw_id), target),
        parent,
    )
    task.succeeded.connect(lambda _t: done(f"Procès-verbal enregistré : {target}"))
    task.failed.connect(
        lambda error: QMessageBox.warning(
            parent, "Procès-verbal non écrit", f"Écriture de « {target} » impossible : {error}"
        )
    )
    return task


class DrawsDialog(QDialog):
    def __init__(
        self, session: DossierSession, council: CitizenCouncil, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(f"Tirages au sort enregistrés – {council.name}")
        self.records = draws_of_council(session.dossier, council.id or 0)
        self.table = read_only_table(HEADERS, "Tirages au sort du conseil")
        fill(
            self.table,
            [
                [
                    format_date(r.drawn_at.date()),
                    r.place,
                    str(r.seats),
                    str(len(r.reserve)),
                    str(r.pool_size),
                    r.seed,
                ]
                for r in self.records
            ],
        )
        self.selected_model = CandidateTableModel(self)
        self.reserve_model = CandidateTableModel(self)
        self.audit = audit_label(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.pdf_button = QPushButton("&Procès-verbal (PDF)…", self)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.task: Task | None = None
        results = QVBoxLayout()  # one above the other: every column read without scrolling
        self.result_tables = []
        for title, model in (
            ("Tiré(e)s au sort", self.selected_model),
            ("Réserve (ordre de remplacement)", self.reserve_model),
        ):
            box = QGroupBox(title, self)
            self.result_tables.append(make_table(model, title, box))
            QVBoxLayout(box).addWidget(self.result_tables[-1])
            results.addWidget(box, 1)
        buttons = QDialogButtonBox(self)
        buttons.addButton("&Fermer", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        if not self.records:
            layout.addWidget(QLabel("Aucun tirage au sort n'est enregistré pour ce conseil.", self))
        self.table.setMaximumHeight(150)
        layout.addWidget(self.table)
        layout.addLayout(results, 1)
        layout.addWidget(self.audit)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._show)
        self.resize(1100, 680)
        if self.records:
            self.table.selectRow(len(self.records) - 1)
        self._show()

    def record(self) -> DrawRecord | None:
        row = self.table.currentRow()
        return self.records[row] if 0 <= row < len(self.records) else None

    def _show(self) -> None:
        record = self.record()
        self.pdf_button.setEnabled(record is not None)
        if record is None:
            return
        show_drawn(
            self.session.dossier,
            record,
            self.selected_model,
            self.reserve_model,
            self.result_tables,
        )
        self.audit.setText(audit_text(record))
        self.status.clear()

    def save_pdf(self) -> Task | None:
        record = self.record()
        if record is None:
            return None
        self.task = save_record_pdf(self, self.session, record, self.status.setText)
        return self.task
