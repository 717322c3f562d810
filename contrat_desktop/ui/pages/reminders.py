"""The "À faire" page: what is due in the campaign shown or across campaigns (late bilans,
payments to make, conventions to sign, overspent envelopes, requests without the previous
bilan, status and money that contradict each other). Each row opens the thing to fix.

« Concerne » (reference and holder) and the long « Détail » sentence share the room the
other columns leave, half each; a long « Concerne » is cut in its middle, keeping
the reference and the end of the name; the tooltips and the line under the table (the chosen
row) give both whole, wrapped; the « Campagne » column is hidden while the page shows one
campaign."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from contrat_desktop.domain.reminders import Opens, Reminder
from contrat_desktop.operations.reminders import REMINDER_KINDS, count_by_kind, list_reminders
from contrat_desktop.operations.settings import rules_notice
from contrat_desktop.ui.background import Task, read_in_background
from contrat_desktop.ui.error_messages import read_failure
from contrat_desktop.ui.formats import format_count
from contrat_desktop.ui.models.reminders_table import ReminderTableModel
from contrat_desktop.ui.pages.tables import make_table
from contrat_desktop.ui.reminders_feed import reminder_feed
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.widgets.column_room import elide_middle, share_width
from contrat_desktop.ui.widgets.notice import Notice

ALL = ""


class RemindersPage(QWidget):
    open_action = Signal(int, str)  # action id, the editor's tab ("versements", "bilan"...)
    open_funder = Signal(int)

    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._all: list[Reminder] = []
        self.task: Task | None = None
        self.loaded = False
        self._stale = True
        self.scope = QComboBox(self)
        self.scope.setAccessibleName("Campagnes concernées")
        self.scope.addItem("Campagne affichée", "campaign")
        self.scope.addItem("Toutes les campagnes", "all")
        self.kind = QComboBox(self)
        self.kind.setAccessibleName("Type de chose à faire")
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName("Nombre de choses à faire")
        self.model = ReminderTableModel(self)
        self.table = make_table(self.model, "Choses à faire", self, on_open=self._open_at)
        keys = [column.key for column in self.model.columns]
        elide_middle(self.table, keys.index("concerns"))
        share_width(self.table, {keys.index("concerns"): 1, keys.index("text"): 1})
        self.open_button = QPushButton("&Ouvrir", self)
        self.open_button.setAccessibleName("Ouvrir ce qui est à corriger (Entrée)")
        self.open_button.clicked.connect(lambda: self._open_at(self.table.currentIndex()))
        self.pay_button = QPushButton("&Versements à faire…", self)
        self.pay_button.setAccessibleName("Payer plusieurs lignes du financeur de cette ligne")
        self.pay_button.clicked.connect(self.open_due_payments)
        self.letters_button = QPushButton("&Lettres de relance…", self)
        self.letters_button.setAccessibleName(
            "Lettres de relance des bilans en retard (la ligne choisie, ou tous)"
        )
        self.letters_button.clicked.connect(self.reminder_letters)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAccessibleName("Détail de la chose à faire choisie")
        self.notice = Notice("Réglage à corriger", self)
        top = QHBoxLayout()
        top.addWidget(QLabel("&Campagnes :", self, buddy=self.scope))
        top.addWidget(self.scope)
        top.addWidget(QLabel("&Type :", self, buddy=self.kind))
        top.addWidget(self.kind)
        top.addStretch(1)
        top.addWidget(self.count_label)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.pay_button, self.letters_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(300)
        self.timer.timeout.connect(self.reload)
        self.scope.currentIndexChanged.connect(lambda _i: self.reload())
        self.kind.currentIndexChanged.connect(lambda _i: self.refilter())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._buttons())
        session.changed.connect(lambda _entity: self._later())
        self.feed = reminder_feed(session)  # the campaign's list, shared with the status bar
        self.feed.updated.connect(self._from_feed)
        self.feed.failed.connect(self._failed)
        self._fill_kinds({})
        self._buttons()

    # data -----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _later(self) -> None:
        """After an edit: the campaign's list comes from the feed (which reads it again
        itself); the list across campaigns is read again here."""
        if self.scope.currentData() == "campaign":
            return
        self._stale = True
        if self.isVisible():
            self.timer.start()

    def year(self) -> int | None:
        return self.session.campaign_year if self.scope.currentData() == "campaign" else None

    def reload(self) -> None:
        """The campaign's reminders as the feed read them (it reads them if it has none),
        or every campaign's, read here off the GUI thread; the table fills when they arrive."""
        self._stale = False
        self._show_notice()
        if self.scope.currentData() == "campaign":
            shown = self.feed.current()
            if shown is not None:
                self.show_reminders(shown)  # a reading due meanwhile updates them again
            else:
                self.count_label.setText("Lecture en cours…")
                self.feed.ask()
            return
        if self.task is not None:
            self.timer.start()
            return
        self.count_label.setText("Lecture en cours…")
        self.task = read_in_background(
            self.session.dossier, lambda reader: list_reminders(reader, None), self
        )
        self.task.succeeded.connect(self._read_all)
        self.task.failed.connect(self._failed)
        self.task.finished.connect(self._finished)

    def _finished(self) -> None:
        self.task = None

    def _failed(self, error: object) -> None:
        self.count_label.setText(read_failure(error))

    def _show_notice(self) -> None:
        notice = rules_notice(self.session.dossier)
        self.notice.show_notice(notice or "", [])

    def _from_feed(self, reminders: list[Reminder]) -> None:
        if self.scope.currentData() != "campaign" or self.feed.current() is None:
            return  # another campaign was chosen meanwhile: its reading follows
        if not self.isVisible():
            self._stale = True  # shown from the feed when the page is
            return
        self._show_notice()
        self.show_reminders(reminders)

    def _read_all(self, reminders: list[Reminder]) -> None:
        if self.scope.currentData() == "all":  # not if the campaign was chosen meanwhile
            self.show_reminders(reminders)

    def show_reminders(self, reminders: list[Reminder]) -> None:
        self._all = reminders
        self.loaded = True
        self._fill_kinds(count_by_kind(reminders))
        self.refilter()

    def _fill_kinds(self, counts: dict[str, int]) -> None:
        chosen = self.kind.currentData() or ALL
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItem(f"Tout ({format_count(sum(counts.values()))})", ALL)
        for kind in REMINDER_KINDS:
            self.kind.addItem(f"{kind.label} ({format_count(counts.get(kind.code, 0))})", kind.code)
        self.kind.setCurrentIndex(max(self.kind.findData(chosen), 0))
        self.kind.blockSignals(False)

    def show_kind(self, kind: str) -> None:
        """The campaign shown, one kind of thing to do ("" for all): the dashboard's links."""
        self.kind.setCurrentIndex(max(self.kind.findData(kind or ALL), 0))
        self.scope.setCurrentIndex(self.scope.findData("campaign"))

    def refilter(self) -> None:
        kind = self.kind.currentData() or ALL
        shown = [r for r in self._all if kind == ALL or r.kind == kind]
        self.model.set_rows(shown)
        where = (
            f"campagne {self.session.campaign_year}"
            if self.scope.currentData() == "campaign"
            else "toutes campagnes"
        )
        total = format_count(len(self._all))
        self.count_label.setText(
            f"{format_count(len(shown))} chose(s) à faire sur {total} ({where})"
        )
        year_column = [column.key for column in self.model.columns].index("year")
        self.table.setColumnHidden(year_column, self.scope.currentData() == "campaign")
        self._buttons()

    # opening ----------------------------------------------------------------------------
    def current(self) -> Reminder | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _buttons(self) -> None:
        reminder = self.current()
        self.detail.setText(
            f"{reminder.kind_label} – {reminder.concerns} : {reminder.text}"
            if reminder is not None
            else "Choisissez une ligne pour lire son détail ; Entrée l'ouvre."
        )
        self.open_button.setEnabled(reminder is not None)
        self.pay_button.setEnabled(
            reminder is not None and reminder.kind == "payment_due" and not self.session.read_only
        )

    def _open_at(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        reminder = self.model.row(index.row())
        if reminder.opens is Opens.FUNDER and reminder.funder_id is not None:
            self.open_funder.emit(reminder.funder_id)
        elif reminder.action_id is not None:
            self.open_action.emit(reminder.action_id, reminder.tab)

    def reminder_letters(self) -> None:
        """Reminder letters for the late bilan chosen, or for every late bilan listed."""
        from contrat_desktop.domain.letters import LetterKind
        from contrat_desktop.ui.dialogs.funding.letters_dialog import LettersDialog

        reminder = self.current()
        chosen = [reminder.action_id] if reminder and reminder.kind == "bilan_late" else None
        ids = chosen or [r.action_id for r in self._all if r.kind == "bilan_late" and r.action_id]
        LettersDialog(self.session, LetterKind.REMINDER, self.year(), ids or None, self).exec()

    def open_due_payments(self) -> None:
        from contrat_desktop.ui.dialogs.funding.due_payments_dialog import DuePaymentsDialog

        reminder = self.current()
        if reminder is None or reminder.funder_id is None:
            return
        DuePaymentsDialog(self.session, reminder.funder_id, reminder.year, self).exec()
