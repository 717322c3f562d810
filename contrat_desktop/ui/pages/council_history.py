"""A council member's history: every mandate of the person (entries and exits, never
overwritten) and the recorded changes of those mandates (the audit trail)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from contrat_desktop.domain.field_labels import field_label
from contrat_desktop.domain.field_values import display_value
from contrat_desktop.domain.journal import ACT_LABELS
from contrat_desktop.operations.audit_trail import record_history
from contrat_desktop.operations.council_records import load_councils, mandates_of_person
from contrat_desktop.ui.dialogs.actions.action_tabs import fill
from contrat_desktop.ui.formats import format_date, format_datetime
from contrat_desktop.ui.pages.council_layout import compact_table
from contrat_desktop.ui.session import DossierSession

MANDATE_HEADERS = ["Conseil", "Entrée", "Sortie", "Motif de sortie", "Désignation"]
COUNCIL_WIDTH = 150  # pixels at most for the council's name in the mandates
CHANGE_HEADERS = ["Le", "Par", "Champ", "Avant", "Après"]

TABLE = "council_member"
# the journal's names of what was done, the creation of a mandate said as an entry
OPERATIONS = {**ACT_LABELS, "create": "Entrée (mandat créé)"}


def _value(field: str, text: str | None) -> str:
    return display_value(field, text, {}, TABLE) or "—"


class MemberHistory(QWidget):
    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.title = QLabel(self)
        self.mandates = compact_table(MANDATE_HEADERS, "Mandats de la personne", stretch=3)
        # the council's name gives way (elided, whole in its tooltip) so that the designation
        # reads without a sideways scroll at 1 280 px
        self.mandates.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.changes = compact_table(CHANGE_HEADERS, "Modifications enregistrées", stretch=4)
        tables = QHBoxLayout()
        tables.addWidget(self.mandates, 1)
        tables.addWidget(self.changes, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(tables, 1)
        self.show_person(None, "")

    def show_person(self, person_id: int | None, name: str) -> None:
        if person_id is None:
            self.title.setText("Choisissez un membre pour voir son historique.")
            fill(self.mandates, [])
            fill(self.changes, [])
            return
        self.title.setText(f"<b>Historique de {name}</b> : mandats et modifications")
        mandates = mandates_of_person(self.session.dossier, person_id)
        councils = {c.id: c.name for c in load_councils(self.session.dossier)}
        fill(
            self.mandates,
            [
                [
                    councils.get(m.council_id, "?"),
                    format_date(m.entry_date),
                    format_date(m.exit_date) or "en fonction",
                    m.exit_reason,
                    m.designation.label,
                ]
                for m in mandates
            ],
        )
        self.mandates.setColumnWidth(0, min(self.mandates.columnWidth(0), COUNCIL_WIDTH))
        changes = [
            [
                format_datetime(entry.at),
                entry.who,
                field_label(entry.field, TABLE)
                if entry.field
                else OPERATIONS.get(entry.operation, entry.operation),
                _value(entry.field, entry.old_value) if entry.field else "—",
                _value(entry.field, entry.new_value) if entry.field else "—",
            ]
            for m in mandates
            for entry in record_history(self.session.dossier, "council_member", m.id or 0)
            if entry.operation != "create" or entry.field is None
        ]
        changes.sort(key=lambda row: row[0][6:10] + row[0][3:5] + row[0][:2] + row[0][11:])
        fill(self.changes, changes)
