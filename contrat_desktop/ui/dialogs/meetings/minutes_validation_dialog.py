"""Before validating minutes: what will change on each action (amounts old → new, status
moves), what the money contradicts (envelopes overspent, money to actions refused,
abandoned or without opinion: confirmed knowingly), then an explicit confirmation.
Nothing is written until the user confirms."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.field_labels import FIELD_LABELS
from contrat_desktop.domain.minutes_preview import ActionChange
from contrat_desktop.domain.money import format_cents
from contrat_desktop.domain.validation_alerts import ValidationAlert
from contrat_desktop.ui.dialogs.actions.action_tabs import fill, read_only_table
from contrat_desktop.ui.formats import format_date

HEADERS = ["Référence", "Action", "Changement", "Avant", "Après"]
ALERT_STYLE = "color: #b71c1c; background: #fdecea; padding: 6px; border: 1px solid #e57373;"


def _shown(value: int | date | None, field: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, date):
        return format_date(value)
    return format_cents(value) if field.endswith("_cents") else str(value)


def change_rows(changes: list[ActionChange], funders: dict[int, str]) -> list[list[str]]:
    rows: list[list[str]] = []
    for change in changes:
        if change.status_path:
            path = " → ".join(status.label for status in change.status_path)
            before = change.status_before.label if change.status_before else ""
            rows.append([change.reference, change.title, "Statut", before, path])
        for line in change.line_changes:
            what = (
                f"{FIELD_LABELS.get(line.field, line.field)} – {funders.get(line.funder_id, '?')}"
            )
            rows.append(
                [
                    change.reference,
                    change.title,
                    what,
                    _shown(line.old, line.field),
                    _shown(line.new, line.field),
                ]
            )
        if change.warning:
            rows.append([change.reference, change.title, "Attention", "", change.warning])
    return rows


class MinutesValidationDialog(QDialog):
    def __init__(
        self,
        title: str,
        changes: list[ActionChange],
        funders: dict[int, str],
        parent: QWidget | None = None,
        alerts: list[ValidationAlert] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Valider le compte rendu – {title}")
        self.resize(1000, 600)
        touched = [c for c in changes if not c.empty]
        intro = QLabel(
            f"La validation écrit ces décisions dans {len(touched)} action(s), en une seule "
            "fois, et fige le compte rendu. Elle est inscrite au journal ; le compte rendu "
            "pourra être rouvert (acte lui aussi inscrit au journal).",
            self,
        )
        intro.setWordWrap(True)
        self.table = read_only_table(HEADERS, "Changements que la validation va écrire")
        fill(self.table, change_rows(changes, funders))
        buttons = QDialogButtonBox(self)
        self.validate_button = buttons.addButton(
            "&Valider le compte rendu", QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton("&Annuler", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.alerts = QLabel(self)
        self.alerts.setWordWrap(True)
        self.alerts.setStyleSheet(ALERT_STYLE)
        self.alerts.setAccessibleName("Alertes avant validation")
        self.knowingly = QCheckBox(
            "J'ai pris connaissance de ces alertes et je valide en connaissance de cause", self
        )
        self.knowingly.toggled.connect(self.validate_button.setEnabled)
        shown = alerts or []
        self.alerts.setText(
            "<b>Attention, la validation :</b><br>" + "<br>".join(f"• {a.text}" for a in shown)
        )
        for widget in (self.alerts, self.knowingly):
            widget.setVisible(bool(shown))
        self.validate_button.setEnabled(not shown)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.alerts)
        layout.addWidget(self.knowingly)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
