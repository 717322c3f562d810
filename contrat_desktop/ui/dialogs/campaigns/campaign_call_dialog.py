"""The call for projects of a campaign: launch, filing deadline, committee dates, the year's
priorities, and whether the campaign is closed; checked as typed, saved through the undo stack."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.campaign_call import call_problems, cleaned
from contrat_desktop.domain.contract import Campaign
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.french_dates import short_date
from contrat_desktop.operations.campaign_call import load_campaign, write_campaign_call
from contrat_desktop.storage.database import Dossier
from contrat_desktop.ui.dialogs.record_dialog import RecordDialog
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.widgets.date_edit import DateEdit


class CommitteeDates(QWidget):
    """A sorted list of dates: pick one in the calendar, add it; remove the chosen one."""

    def __init__(self, changed: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Dates des comités")
        self.list.setMaximumHeight(110)
        self.day = DateEdit(self)
        self.day.setAccessibleName("Date du comité à ajouter")
        self.add_button = QPushButton("A&jouter la date", self)
        self.remove_button = QPushButton("Retirer la date choisie", self)
        self.add_button.clicked.connect(self.add_chosen)
        self.remove_button.clicked.connect(self.remove_current)
        self._changed = changed
        row = QHBoxLayout()
        row.addWidget(self.day)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)
        self.setFocusProxy(self.day)

    def dates(self) -> tuple[date, ...]:
        return tuple(
            self.list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.list.count())
        )

    def set_dates(self, dates: tuple[date, ...]) -> None:
        self.list.clear()
        for day in sorted(set(dates)):
            item = QListWidgetItem(short_date(day), self.list)
            item.setData(Qt.ItemDataRole.UserRole, day)

    def add_chosen(self) -> None:
        day = self.day.value()
        if day is not None and day not in self.dates():
            self.set_dates((*self.dates(), day))
            self._changed()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self._changed()


class CampaignCallDialog(RecordDialog[Campaign]):
    entity = "campaign"
    noun = "l'appel à projets"

    def __init__(
        self, session: DossierSession, campaign: Campaign, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, campaign, parent)
        self.launch = DateEdit(self)
        self.deadline = DateEdit(self)
        self.committees = CommitteeDates(self._changed, self)
        self.priorities = QPlainTextEdit(self)
        self.priorities.setPlaceholderText(
            "Les priorités de l'année fixées par le comité de pilotage, telles qu'elles "
            "figurent dans l'appel à projets."
        )
        self.closed = QCheckBox("Campagne close : plus aucune reconduction vers elle", self)
        self.add_field("&Lancement :", "launch_date", self.launch, "Lancement de l'appel")
        self.add_field("Date limite de &dépôt :", "filing_deadline", self.deadline, "Date limite")
        self.add_field("&Comités :", "committee_dates", self.committees, "Dates des comités")
        self.add_field("&Priorités de l'année :", "priorities", self.priorities, "Priorités")
        self.add_field("", "closed", self.closed, "Campagne close")
        self.resize(640, 560)
        self.finish()

    def load(self, record: Campaign | None) -> None:
        assert record is not None
        self.launch.set_value(record.launch_date)
        self.deadline.set_value(record.filing_deadline)
        self.committees.set_dates(record.committee_dates)
        last = record.committee_dates[-1] if record.committee_dates else None
        self.committees.day.set_value(last)
        self.priorities.setPlainText(record.priorities)
        self.closed.setChecked(record.closed)

    def wanted(self) -> Campaign:
        assert self.record is not None
        return cleaned(
            replace(
                self.record,
                launch_date=self.launch.value(),
                filing_deadline=self.deadline.value(),
                committee_dates=self.committees.dates(),
                priorities=self.priorities.toPlainText(),
                closed=self.closed.isChecked(),
            )
        )

    def problems(self) -> list[ValidationError]:
        return call_problems(self.wanted())

    def write(self) -> Callable[[Dossier, Campaign | None, Campaign | None], Campaign | None]:
        return write_campaign_call

    def fetch(self, record: Campaign) -> Campaign | None:
        return load_campaign(self.session.dossier, record.id or 0)

    def describe(self, record: Campaign | None) -> str:
        return f"Appel à projets {record.year}" if record else "Appel à projets"


if __name__ == "__main__":  # pragma: no cover - a preview on the demo dossier
    from contrat_desktop.ui.dialogs.preview import preview_on_demo

    def show(session: DossierSession) -> None:
        shown = load_campaign(session.dossier, session.campaign_id)
        assert shown is not None
        CampaignCallDialog(session, shown).exec()

    preview_on_demo(show)
