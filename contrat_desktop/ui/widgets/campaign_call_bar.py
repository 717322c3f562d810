"""The strip above the programmation: the campaign's call for projects in one line (launch,
filing deadline and days left, committees, the year's priorities) and the button to edit it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from contrat_desktop.operations.campaign_call import campaign_call_line, load_campaign
from contrat_desktop.ui.session import DossierSession

PRIORITIES_SHOWN = 220  # characters; the whole text is in the tooltip and the dialog


class CampaignCallBar(QFrame):
    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAccessibleName("Appel à projets de la campagne")
        self.edit_button = QPushButton("Appel à pro&jets…", self)
        self.edit_button.setAccessibleName("Modifier l'appel à projets de la campagne")
        self.edit_button.clicked.connect(self.edit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        session.campaign_changed.connect(lambda _id: self.reload())
        session.changed.connect(lambda entity: entity == "campaign" and self.reload())
        self.reload()

    def reload(self) -> None:
        campaign = load_campaign(self.session.dossier, self.session.campaign_id)
        self.edit_button.setEnabled(campaign is not None)
        if campaign is None:
            self.summary.setText("Aucune campagne : ouvrez-en une (« Nouvelle campagne… »).")
            return
        line = campaign_call_line(self.session.dossier, campaign.id or 0)
        text = f"<b>{escape(line, quote=False)}</b>"
        priorities = " ".join(campaign.priorities.split())
        if priorities:
            cut = len(priorities) > PRIORITIES_SHOWN
            shown = priorities[:PRIORITIES_SHOWN] + ("…" if cut else "")
            text += f"<br/><i>Priorités : {escape(shown, quote=False)}</i>"
        self.summary.setText(text)
        self.summary.setToolTip(campaign.priorities)

    def edit(self) -> None:
        from contrat_desktop.ui.dialogs.campaigns.campaign_call_dialog import CampaignCallDialog

        campaign = load_campaign(self.session.dossier, self.session.campaign_id)
        if campaign is not None:
            CampaignCallDialog(self.session, campaign, self).exec()
