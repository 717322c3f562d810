"""Read-only tabs of the action editor: follow-up (statuses), history (audit), attachments."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.attachments import Attachment, AttachmentKind
from contrat_desktop.domain.audit import AuditEntry
from contrat_desktop.domain.field_labels import field_label
from contrat_desktop.domain.field_values import display_value, snapshot_text
from contrat_desktop.domain.file_sizes import format_size
from contrat_desktop.domain.journal import ACT_LABELS, RECORD_LABELS
from contrat_desktop.domain.os_errors import os_reason
from contrat_desktop.domain.workflow import ActionStatus, StatusChange
from contrat_desktop.operations.attachments import (
    attach_file,
    extract_for_viewing,
    list_attachments,
    remove_attachment,
)
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.ui.formats import format_datetime

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def read_only_table(headers: Sequence[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setAccessibleName(name)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fill(table: QTableWidget, rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> None:
    """The rows' texts in ``table``; the columns in ``right`` (amounts) aligned right."""
    table.setRowCount(len(rows))
    for number, values in enumerate(rows):
        for column, text in enumerate(values):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if column in right:
                item.setTextAlignment(RIGHT)
            table.setItem(number, column, item)
    table.resizeColumnsToContents()


def status_rows(changes: list[StatusChange]) -> list[list[str]]:
    def label(status: ActionStatus | None) -> str:
        return status.label if status else "—"

    return [
        [format_datetime(c.changed_at), label(c.source), label(c.target), c.changed_by, c.comment]
        for c in reversed(changes)
    ]


def audit_rows(entries: list[AuditEntry], names: dict[str, dict[int, str]]) -> list[list[str]]:
    rows = []
    for entry in reversed(entries):
        what = RECORD_LABELS.get(entry.entity, entry.entity)
        operation = ACT_LABELS.get(entry.operation, entry.operation)
        field = field_label(entry.field, entry.entity) if entry.field else ""
        old = display_value(entry.field or "", entry.old_value, names, entry.entity)
        new = display_value(entry.field or "", entry.new_value, names, entry.entity)
        if entry.operation in {"create", "delete"}:
            snapshot = json.loads(entry.new_value or entry.old_value or "{}")
            summary = _summary(entry.entity, snapshot, names)
            old, new = ("", summary) if entry.operation == "create" else (summary, "")
        rows.append(
            [format_datetime(entry.at), entry.who, f"{operation} ({what})", field, old, new]
        )
    return rows


# A bilan's main fields, in the order its tab shows them.
BILAN_FIELDS = (
    "received_on",
    "realised_cost_cents",
    "realised_funding_cents",
    "beneficiaries_total",
    "sessions_held",
    "objectives_met",
)


def _summary(entity: str, snapshot: dict[str, str | None], names: dict[str, dict[int, str]]) -> str:
    """One line for a created or deleted record: its title, file, funder and amount, the
    payment (kind, amount, date: « Avance de 1 200,00 € le 15/03/2016 »), the bilan's main
    fields (« Reçu le : 19/05/2016 ; Coût réalisé : 5 676,72 € ; … »), or else its fields."""
    if entity == "report":
        main = {key: snapshot[key] for key in BILAN_FIELDS if key in snapshot}
        return snapshot_text(main, names, entity, empty=("0",))
    if snapshot.get("paid_on"):
        kind = display_value("kind", snapshot.get("kind"), names)
        amount = display_value("amount_cents", snapshot.get("amount_cents"), names)
        day = display_value("paid_on", snapshot.get("paid_on"), names)
        reference = snapshot.get("accounting_reference")
        return f"{kind} de {amount} le {day}" + (f" (réf. {reference})" if reference else "")
    if snapshot.get("funder_id"):
        funder = display_value("funder_id", snapshot["funder_id"], names)
        requested = display_value("requested_cents", snapshot.get("requested_cents"), names)
        return f"{funder} : {requested} demandés"
    return (
        snapshot.get("title")
        or snapshot.get("file_name")
        or snapshot_text(snapshot, names, entity, empty=("0",))
    )


class AttachmentsTab(QWidget):
    changed = Signal()  # a file was attached or removed

    def __init__(self, dossier: Dossier, action_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dossier = dossier
        self.action_id = action_id
        self.table = read_only_table(
            ["Fichier", "Type", "Ajouté le", "Par", "Taille"], "Pièces jointes de l'action"
        )
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.add_button = QPushButton("&Joindre un fichier…", self)
        self.open_button = QPushButton("&Ouvrir", self)
        self.remove_button = QPushButton("&Supprimer", self)
        self.add_button.clicked.connect(self.add)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.attachments: list[Attachment] = []
        self.opener: Callable[[Path], object] = lambda p: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(p))
        )
        self.add_button.setEnabled(not dossier.read_only)
        self.remove_button.setEnabled(not dossier.read_only)
        self.reload()

    def reload(self) -> None:
        self.attachments = list_attachments(self.dossier, self.action_id)
        fill(
            self.table,
            [
                [
                    a.file_name,
                    a.kind.label,
                    format_datetime(a.added_on),
                    a.added_by,
                    format_size(a.size_bytes),
                ]
                for a in self.attachments
            ],
        )

    def add(self, path: Path | None = None, kind: AttachmentKind | None = None) -> None:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self, "Joindre un fichier", str(Path.home()))
            if not chosen:
                return
            path = Path(chosen)
        if kind is None:
            labels = [k.label for k in AttachmentKind]
            label, accepted = QInputDialog.getItem(
                self, "Type de pièce", "Type de la pièce jointe :", labels, 0, False
            )
            if not accepted:
                return
            kind = list(AttachmentKind)[labels.index(label)]
        try:
            attach_file(self.dossier, self.action_id, path, kind)
        except DossierError as error:
            QMessageBox.warning(self, "Pièce jointe refusée", str(error))
            return
        self.reload()
        self.changed.emit()

    def _selected(self) -> Attachment | None:
        rows = self.table.selectionModel().selectedRows()
        return self.attachments[rows[0].row()] if rows else None

    def open_selected(self) -> None:
        attachment = self._selected()
        if attachment is None:
            return
        try:
            self.opener(extract_for_viewing(self.dossier, attachment))
        except (OSError, DossierError) as error:
            reason = os_reason(error) if isinstance(error, OSError) else str(error)
            QMessageBox.warning(
                self, "Ouverture impossible", f"« {attachment.file_name} » : {reason}"
            )

    def remove_selected(self) -> None:
        attachment = self._selected()
        if attachment is None:
            return
        answer = QMessageBox.question(
            self, "Supprimer", f"Supprimer la pièce jointe « {attachment.file_name} » ?"
        )
        if answer == QMessageBox.StandardButton.Yes:
            remove_attachment(self.dossier, attachment)
            self.reload()
            self.changed.emit()
