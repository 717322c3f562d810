"""Fichier › Envois: the entries follow the open dossier (a service copy writes envois, the
main dossier writes retours and makes service copies). The flows are imported when used, and
the dossier's identity is read when the « Fichier » menu opens, not at start-up (its modules
cost the start-up some 20 ms)."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QWidget

from contrat_desktop.ui.background import Task
from contrat_desktop.ui.session import DossierSession


class PackageMenu(QMenu):
    def __init__(self, parent: QWidget) -> None:
        super().__init__("En&vois entre services", parent)
        self.session: DossierSession | None = None
        self._stale = True
        self.task: Task | None = None
        self.write_action = self.addAction("Écrire un &envoi…", self._write)
        self.open_action = self.addAction("&Ouvrir un envoi ou un retour…", self._open)
        self.addSeparator()
        self.copy_action = self.addAction("Créer une &copie pour un service…", self._copy)
        self.aboutToShow.connect(self.refresh)
        self.show_session(None)
        self.refresh()

    def show_session(self, session: DossierSession | None) -> None:
        """The entries follow ``session`` from the next ``refresh`` (the « Fichier » menu
        opening: see ``refresh_before``)."""
        self.session = session
        self._stale = True

    def refresh_before(self, menu: QMenu) -> None:
        """Bring the entries up to date each time ``menu`` (the one holding this) opens."""
        menu.aboutToShow.connect(self.refresh)

    def refresh(self) -> None:
        if not self._stale:
            return
        self._stale = False
        session = self.session
        main = session is not None and _is_main(session)
        self.write_action.setText("Écrire le &retour (décisions)…" if main else "Écrire un &envoi…")
        self.write_action.setEnabled(session is not None)
        self.open_action.setEnabled(session is not None and not session.read_only)
        self.copy_action.setEnabled(main)
        self.copy_action.setVisible(main or session is None)

    def _write(self) -> None:
        from contrat_desktop.ui.dialogs.exchange.package_flow import write_package_from

        if self.session is not None:
            self.task = write_package_from(self.parentWidget(), self.session)

    def _open(self) -> None:
        from contrat_desktop.ui.dialogs.exchange.package_flow import open_package_from

        if self.session is not None:
            self.task = open_package_from(self.parentWidget(), self.session)

    def _copy(self) -> None:
        from contrat_desktop.ui.dialogs.exchange.package_flow import make_service_copy_from

        if self.session is not None:
            make_service_copy_from(self.parentWidget(), self.session)


def _is_main(session: DossierSession) -> bool:
    from contrat_desktop.domain.packages import DossierRole
    from contrat_desktop.operations.service_copy import identity_of

    return identity_of(session.dossier).role is DossierRole.MAIN
