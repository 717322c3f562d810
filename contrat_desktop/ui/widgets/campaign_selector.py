"""The campaign (budget year) shown in the window, and opening a new one."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QInputDialog, QLabel, QMessageBox, QToolBar, QWidget

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.ui.session import DossierSession


class CampaignSelector(QToolBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Campagne", parent)
        self.setObjectName("campaignToolbar")
        self.setMovable(False)
        self.session: DossierSession | None = None
        self.combo = QComboBox(self)
        self.combo.setAccessibleName("Campagne affichée")
        self.combo.setMinimumContentsLength(12)
        self.combo.currentIndexChanged.connect(self._chosen)
        label = QLabel("  &Campagne : ", self)
        label.setBuddy(self.combo)
        self.addWidget(label)
        self.addWidget(self.combo)
        self.new_campaign_action = self.addAction("Nouvelle campagne…", self.new_campaign)
        self.new_campaign_action.setToolTip("Ouvrir la campagne (l'appel à projets) d'une année")
        self.renew_action = self.addAction("Reconduire…", self.renew)
        self.renew_action.setToolTip(
            "Ouvrir la campagne suivante en y reconduisant des actions de la campagne affichée"
        )

    def set_session(self, session: DossierSession) -> None:
        self.session = session
        self.fill()

    def fill(self) -> None:
        """The campaigns of the dossier, the session's one selected."""
        if self.session is None:
            return
        self.combo.blockSignals(True)
        self.combo.clear()
        for year, campaign_id in sorted(self.session.references.campaigns.items()):
            self.combo.addItem(f"Campagne {year}", campaign_id)
        self.combo.setCurrentIndex(self.combo.findData(self.session.campaign_id))
        self.combo.blockSignals(False)
        self.new_campaign_action.setEnabled(not self.session.read_only)
        self.renew_action.setEnabled(not self.session.read_only and self.combo.count() > 0)

    def new_campaign(self) -> None:
        from contrat_desktop.operations.campaigns import create_campaign

        if self.session is None:
            return
        years = list(self.session.references.campaigns)
        suggested = max(years) + 1 if years else date.today().year
        year, accepted = QInputDialog.getInt(
            self, "Nouvelle campagne", "Année de la campagne :", suggested, 2000, 2100
        )
        if not accepted:
            return
        try:
            campaign = create_campaign(self.session.dossier, year)
        except (ValidationError, DossierError) as error:
            QMessageBox.warning(self, "Nouvelle campagne", str(error))
            return
        self.session.notify("campaign")
        self.combo.setCurrentIndex(self.combo.findData(campaign.id))

    def renew(self) -> None:
        from contrat_desktop.ui.dialogs.campaigns.renewal_dialog import RenewalDialog

        if self.session is not None:
            RenewalDialog(self.session, self).exec()

    def _chosen(self, index: int) -> None:
        if self.session is not None and index >= 0:
            self.session.set_campaign(self.combo.itemData(index))
