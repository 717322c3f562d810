"""The window's areas: which pages there are, in which order, and how each page is built
(when first shown) and wired to the window (opening an action, a funder, a filtered
programmation, one kind of thing to do)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from contrat_desktop.ui.session import DossierSession

if TYPE_CHECKING:  # each page's module is imported when the page is first shown
    from contrat_desktop.ui.pages.holders import HoldersPage
    from contrat_desktop.ui.pages.programmation import ProgrammationPage
    from contrat_desktop.ui.pages.settings import SettingsPage


class WindowPages:
    """Part of ``MainWindow``: its areas' pages."""

    session: DossierSession | None

    def _add_areas(self) -> None:
        self._add_area("dashboard", "Tableau de bord", self._dashboard_page)
        self._add_area("programmation", "Programmation", self._programmation_page)
        self._add_area("reminders", "À faire", self._reminders_page)
        self._add_area("holders", "Porteurs", self._holders_page)
        self._add_area("funders", "Financeurs", self._funders_page)
        self._add_area("years", "Vue pluriannuelle", self._years_page)
        self._add_area("meetings", "Instances et réunions", self._meetings_page)
        self._add_area("council", "Conseil citoyen", self._council_page)
        self._add_area("journal", "Journal des modifications", self._journal_page)
        self._add_area("settings", "Paramètres", self._settings_page)

    def _dashboard_page(self) -> QWidget:
        from contrat_desktop.ui.pages.dashboard import DashboardPage

        assert self.session is not None
        page = DashboardPage(self.session, self)
        page.open_programmation.connect(self.show_programmation)
        page.open_area.connect(self.show_area)
        page.open_reminders.connect(self.show_reminders)
        return page

    def show_reminders(self, kind: str) -> None:
        """« À faire » for the campaign shown, on one kind of thing to do ("" for all)."""
        from contrat_desktop.ui.pages.reminders import RemindersPage

        page = self.page("reminders")
        assert isinstance(page, RemindersPage)
        self.show_area("reminders")
        page.show_kind(kind)

    def _reminders_page(self) -> QWidget:
        from contrat_desktop.ui.pages.reminders import RemindersPage

        assert self.session is not None
        page = RemindersPage(self.session, self)
        page.open_action.connect(self.open_action)
        page.open_funder.connect(self.open_funder)
        return page

    def open_funder(self, funder_id: int) -> None:
        from contrat_desktop.ui.pages.funders import FundersPage

        self.show_area("funders")
        page = self.pages.get("funders")
        if isinstance(page, FundersPage):
            page.select_funder(funder_id)

    def _years_page(self) -> QWidget:
        from contrat_desktop.ui.pages.across_years import AcrossYearsPage

        assert self.session is not None
        return AcrossYearsPage(self.session, self)

    def show_programmation(self, filters: dict[str, object]) -> None:
        """The programmation page, filtered as a figure of the dashboard asks."""
        from contrat_desktop.ui.pages.programmation import ProgrammationPage

        page = self.page("programmation")
        assert isinstance(page, ProgrammationPage)
        self.show_area("programmation")
        page.filter_bar.show_only(**filters)

    def _programmation_page(self) -> ProgrammationPage:
        from contrat_desktop.ui.pages.programmation import ProgrammationPage

        assert self.session is not None
        page = ProgrammationPage(self.session, self)
        page.open_action.connect(self.open_action)
        page.new_action.connect(lambda: self.open_action(None))
        return page

    def _holders_page(self) -> HoldersPage:
        from contrat_desktop.ui.pages.holders import HoldersPage

        assert self.session is not None
        page = HoldersPage(self.session, self)
        page.open_action.connect(self.open_action)
        return page

    def _journal_page(self) -> QWidget:
        from contrat_desktop.ui.pages.journal import JournalPage

        assert self.session is not None
        return JournalPage(self.session, self)

    def _funders_page(self) -> QWidget:
        from contrat_desktop.ui.pages.funders import FundersPage

        assert self.session is not None
        return FundersPage(self.session, self)

    def _meetings_page(self) -> QWidget:
        from contrat_desktop.ui.pages.meetings import MeetingsPage

        assert self.session is not None
        return MeetingsPage(self.session, self)

    def _council_page(self) -> QWidget:
        from contrat_desktop.ui.pages.council import CouncilPage

        assert self.session is not None
        return CouncilPage(self.session, self)

    def _settings_page(self) -> SettingsPage:
        from contrat_desktop.ui.pages.settings import SettingsPage

        assert self.session is not None
        page = SettingsPage(self.session, self)
        page.show_area.connect(self.show_area)
        return page
