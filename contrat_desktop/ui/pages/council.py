"""The conseil citoyen area: the council(s) of the dossier and their recognition, the
members (with their history), the composition panel with the rules' warnings, the draw,
and the RGPD actions (retention, processing notice)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.council import CitizenCouncil
from contrat_desktop.operations.council_records import load_councils
from contrat_desktop.operations.settings import load_districts
from contrat_desktop.ui.dialogs.council.council_dialog import CouncilDialog
from contrat_desktop.ui.formats import format_date
from contrat_desktop.ui.pages.council_composition import CompositionPanel
from contrat_desktop.ui.pages.council_members import MembersPanel
from contrat_desktop.ui.session import DossierSession

ENTITIES = {
    "council", "council_member", "council_draw", "settings", "district", "person", "meeting",
}  # fmt: skip


def describe(council: CitizenCouncil, districts: dict[str, str], today: date) -> str:
    renewal = format_date(council.renewal_due_on) or "—"
    if council.renewal_due_on and council.renewal_due_on < today:
        renewal += " <span style='color: #b71c1c'><b>(échu)</b></span>"
    covered = ", ".join(districts.get(code, code) for code in council.district_codes) or "—"
    act = council.recognition_act_number or "non renseigné"
    if council.recognition_act_date:
        act += f" du {format_date(council.recognition_act_date)}"
    parts = [
        f"<b>Quartiers :</b> {covered}",
        f"<b>Arrêté préfectoral :</b> {act}",
        f"<b>Structure porteuse :</b> {council.host_structure or '—'}",
        f"<b>Installé le :</b> {format_date(council.installed_on) or '—'}",
        f"<b>Renouvellement :</b> {renewal}",
    ]
    return " · ".join(parts)


class CouncilPage(QWidget):
    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.councils: list[CitizenCouncil] = []
        self.draw_dialog: QWidget | None = None
        self.export_task: object = None
        self.council_combo = QComboBox(self)
        self.council_combo.setAccessibleName("Conseil citoyen affiché")
        self.council_combo.setMinimumWidth(320)
        self.new_button = QPushButton("&Nouveau conseil…", self)
        self.edit_button = QPushButton("&Fiche du conseil…", self)
        self.draw_button = QPushButton("&Tirage au sort…", self)
        self.draws_button = QPushButton("Tira&ges enregistrés…", self)
        self.draws_button.setToolTip("Résultat, réserve et procès-verbal des tirages passés")
        self.retention_button = QPushButton("&Conservation des données…", self)
        self.retention_button.setToolTip(
            "RGPD : voir puis appliquer l'anonymisation des anciens membres et la "
            "suppression des listes de tirage au-delà de la durée de conservation"
        )
        self.notice_button = QPushButton("Mention &RGPD…", self)
        self.exports_button = QPushButton("Liste pour la &préfecture…", self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Fiche du conseil citoyen")
        self.members = MembersPanel(session, self)
        self.composition = CompositionPanel(session, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.members, "&Membres")
        self.tabs.addTab(self.composition, "C&omposition et contrôles")
        self._lay_out()
        self.council_combo.currentIndexChanged.connect(lambda _n: self._show_council())
        self.new_button.clicked.connect(lambda: self.open_council(None))
        self.edit_button.clicked.connect(lambda: self.open_council(self.council_id()))
        self.draw_button.clicked.connect(lambda: self.open_draw())
        self.draws_button.clicked.connect(lambda: self.open_draws())
        self.retention_button.clicked.connect(lambda: self.open_retention())
        self.composition.settings_requested.connect(self._show_settings)
        self._wire_later_features()
        session.changed.connect(self._on_changed)
        session.read_only_changed.connect(lambda _ro: self._update_buttons())
        self.reload()

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel("&Conseil :", self, buddy=self.council_combo))
        bar.addWidget(self.council_combo)
        for button in (self.edit_button, self.new_button, self.draw_button, self.draws_button):
            bar.addWidget(button)
        bar.addStretch(1)
        data = QHBoxLayout()  # a second row: the page fits a 1280-pixel-wide window
        data.addWidget(QLabel("Préfecture et données personnelles :", self))
        for button in (self.exports_button, self.notice_button, self.retention_button):
            data.addWidget(button)
        data.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(data)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)

    def _wire_later_features(self) -> None:
        self.notice_button.setToolTip("Texte d'information RGPD du traitement, à lire ou publier")
        self.notice_button.clicked.connect(lambda: self.open_notice())
        self.exports_button.setToolTip(
            "Liste des membres en fonction à la date de la composition (tableur ou PDF)"
        )
        self.exports_button.clicked.connect(lambda: self.export_members())

    # data ---------------------------------------------------------------------
    def _on_changed(self, entity: str) -> None:
        if entity in ENTITIES:
            self.reload()

    def reload(self) -> None:
        current = self.council_id()
        self.councils = load_councils(self.session.dossier)
        self.council_combo.blockSignals(True)
        self.council_combo.clear()
        for council in self.councils:
            self.council_combo.addItem(council.name, council.id)
        index = self.council_combo.findData(current) if current is not None else 0
        self.council_combo.setCurrentIndex(max(index, 0) if self.councils else -1)
        self.council_combo.blockSignals(False)
        self._show_council()

    def council_id(self) -> int | None:
        data = self.council_combo.currentData()
        return int(data) if data is not None else None

    def council(self) -> CitizenCouncil | None:
        wanted = self.council_id()
        return next((c for c in self.councils if c.id == wanted), None)

    def select_council(self, council_id: int) -> None:
        self.council_combo.setCurrentIndex(self.council_combo.findData(council_id))

    def _show_council(self) -> None:
        council = self.council()
        if council is None:
            self.summary.setText(
                "Aucun conseil citoyen dans ce dossier : créez-le avec « Nouveau conseil… » "
                "(nom, quartiers couverts, arrêté préfectoral de reconnaissance)."
            )
        else:
            districts = {d.code: d.name for d in load_districts(self.session.dossier)}
            self.summary.setText(describe(council, districts, date.today()))
        self.members.set_council(council.id if council else None)
        self.composition.set_council(council.id if council else None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        writable = not self.session.read_only
        chosen = self.council_id() is not None
        self.new_button.setEnabled(writable)
        self.edit_button.setEnabled(chosen)
        self.draw_button.setEnabled(writable and chosen)
        self.draws_button.setEnabled(chosen)
        self.retention_button.setEnabled(True)  # the preview reads; applying is refused
        self.exports_button.setEnabled(chosen)

    # actions ------------------------------------------------------------------
    def open_council(self, council_id: int | None) -> CouncilDialog:
        dialog = CouncilDialog(self.session, council_id, self)
        dialog.exec()
        if dialog.record is not None and dialog.record.id is not None:
            self.reload()
            self.select_council(dialog.record.id)
        return dialog

    def open_draw(self) -> QWidget | None:
        from contrat_desktop.ui.dialogs.council.draw_dialog import DrawDialog

        council = self.council()
        if council is None:
            return None
        dialog = DrawDialog(self.session, council, self)
        self.draw_dialog = dialog
        dialog.exec()
        return dialog

    def open_draws(self) -> QWidget | None:
        from contrat_desktop.ui.dialogs.council.draws_dialog import DrawsDialog

        council = self.council()
        if council is None:
            return None
        dialog = DrawsDialog(self.session, council, self)
        dialog.exec()
        return dialog

    def open_retention(self) -> QWidget:
        from contrat_desktop.ui.dialogs.privacy.privacy_retention import RetentionDialog

        dialog = RetentionDialog(self.session, self)
        dialog.exec()
        return dialog

    def open_notice(self) -> QWidget:
        from contrat_desktop.ui.dialogs.privacy.privacy_notice import PrivacyNoticeDialog

        dialog = PrivacyNoticeDialog(self.session, self)
        dialog.exec()
        return dialog

    def export_members(self) -> object:
        from contrat_desktop.ui.dialogs.council.council_export import export_members_from

        council = self.council()
        if council is None:
            return None
        day = self.composition.day.value() or date.today()
        self.export_task = export_members_from(
            self, self.session, council.id or 0, council.name, day
        )
        return self.export_task

    def _show_settings(self) -> None:
        window = self.window()
        if hasattr(window, "show_area"):
            window.show_area("settings")
