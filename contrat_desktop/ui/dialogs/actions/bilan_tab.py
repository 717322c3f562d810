"""The "Bilan" tab of the action editor: when the bilan is due and whether it is late, what
it says against what was planned (cost, subsidies, beneficiaries, objectives), and the
button that enters or corrects it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.money import format_cents
from contrat_desktop.operations.action_funding import ActionFunding
from contrat_desktop.ui.session import DossierSession

LATE_STYLE = "color: #b71c1c; font-weight: bold;"


class BilanTab(QWidget):
    changed = Signal()  # the bilan was written: the editor reloads the action

    def __init__(
        self, session: DossierSession, ready: Callable[[], bool], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.ready = ready
        self.funding: ActionFunding | None = None
        self.due = QLabel(self)
        self.due.setAccessibleName("Échéance du bilan")
        self.values: dict[str, QLabel] = {}
        self.details = QWidget(self)
        form = QFormLayout(self.details)
        form.setContentsMargins(0, 0, 0, 0)
        for key, label in (
            ("received", "Reçu le"),
            ("dates", "Réalisée"),
            ("cost", "Charges réalisées"),
            ("products", "Produits réalisés"),
            ("funding", "Subventions reçues"),
            ("people", "Bénéficiaires"),
            ("sessions", "Séances réalisées"),
            ("objectives", "Objectifs atteints"),
            ("assessment", "Appréciation"),
            ("gaps", "Écarts expliqués"),
            ("follow_up", "Suites"),
        ):
            value = QLabel(self)
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)  # what holders wrote, as written
            value.setAccessibleName(label)
            self.values[key] = value
            form.addRow(f"{label} :", value)
        self.button = QPushButton("Saisir le bila&n…", self)
        self.button.clicked.connect(self.edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.due)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def show_funding(self, funding: ActionFunding, action: Action) -> None:
        self.funding = funding
        report = funding.bilan
        deadline = f"{funding.bilan_due:%d/%m/%Y}"
        granted = funding.money.granted_cents > 0
        if not granted:
            self.due.setText("Aucun bilan attendu : rien n'a été accordé à cette action.")
            self.due.setStyleSheet("")
        elif report is None or report.received_on is None:
            late = date.today() > funding.bilan_due
            self.due.setText(
                f"Bilan attendu au plus tard le {deadline}"
                + (" : <b>en retard</b>." if late else ".")
            )
            self.due.setStyleSheet(LATE_STYLE if late else "")
        else:
            late = report.received_on > funding.bilan_due
            self.due.setText(
                f"Bilan reçu le {report.received_on:%d/%m/%Y} "
                + (f"(après la date limite du {deadline})." if late else "(dans les délais).")
            )
            self.due.setStyleSheet("")
        self._values(funding, action)
        self.details.setVisible(report is not None)
        self.button.setText("Modifier le bila&n…" if report else "Saisir le bila&n…")
        self.button.setEnabled(granted and not self.session.read_only)

    def _values(self, funding: ActionFunding, action: Action) -> None:
        report = funding.bilan
        shown = dict.fromkeys(self.values, "—")
        if report is not None:
            planned = format_cents(action.total_cost_cents)
            names = {c.line.funder_id: (c.funder_name, c.line.granted_cents) for c in funding.lines}
            people = report.beneficiaries
            expected = action.beneficiaries.total
            shown |= {
                "received": f"{report.received_on:%d/%m/%Y}" if report.received_on else "—",
                "dates": _period(report.realised_start, report.realised_end),
                "cost": (
                    f"{format_cents(report.realised_cost_cents)} (prévu : {planned})"
                    if report.realised_cost_cents is not None
                    else "—"
                ),
                "products": _money(report.realised_funding_cents),
                "funding": "\n".join(
                    f"{names.get(p.funder_id, ('?', 0))[0]} : {format_cents(p.amount_cents)}"
                    f" (accordé {format_cents(names.get(p.funder_id, ('?', 0))[1] or 0)})"
                    for p in report.funding
                )
                or "—",
                "people": (
                    f"{people.total} (attendus : {expected if expected is not None else '—'})"
                    + (f", dont {people.women} femmes" if people.women is not None else "")
                    + (f", {people.men} hommes" if people.men is not None else "")
                    + (
                        f" ; {people.qpv_share_percent} % résidant en QPV"
                        if people.qpv_share_percent is not None
                        else ""
                    )
                    if people.total is not None
                    else "—"
                ),
                "sessions": str(report.sessions_held) if report.sessions_held is not None else "—",
                "objectives": report.objectives_met.label if report.objectives_met else "—",
                "assessment": report.assessment or "—",
                "gaps": report.gap_explanation or "—",
                "follow_up": report.follow_up or "—",
            }
        for key, label in self.values.items():
            label.setText(shown[key])

    def edit(self) -> None:
        from contrat_desktop.ui.dialogs.funding.bilan_dialog import BilanDialog

        if self.funding is None or not self.ready():
            return
        BilanDialog(self.session, self.funding, self).exec()
        self.changed.emit()


def _money(cents: int | None) -> str:
    return format_cents(cents) if cents is not None else "—"


def _period(start: date | None, end: date | None) -> str:
    if start and end:
        return f"du {start:%d/%m/%Y} au {end:%d/%m/%Y}"
    if start:
        return f"à partir du {start:%d/%m/%Y}"
    return f"jusqu'au {end:%d/%m/%Y}" if end else "—"
