"""Fichier › Bilan annuel du contrat… : the qualitative texts of a year, written per section
(introduction, each pillar, participation, partnership) with the bilans' assessments offered
as excerpts to insert and edit; then the report written as a PDF or as an editable .odt or
.docx, for one year or over several (mid-term or final evaluation). Texts are saved in the
dossier when another section or year is chosen, when a file is written and when the dialog
closes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.bilan_texts import BilanText, Excerpt
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.operations.yearly_report import (
    excerpts_for,
    load_texts,
    save_text,
    sections,
    write_yearly_report,
)
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.ui.background import Task, TaskControl
from contrat_desktop.ui.dialogs.documents.written_file import ask_target, write_in_background
from contrat_desktop.ui.session import DossierSession

TITLE = "Bilan annuel du contrat"


class YearlyReportDialog(QDialog):
    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(TITLE)
        self.texts: dict[str, BilanText] = {}
        self.section = ""
        self.file_task: Task | None = None
        years = sorted(session.references.campaigns)
        self.year = QComboBox(self)
        self.year.setAccessibleName("Année du bilan")
        self.first = QComboBox(self)
        self.first.setAccessibleName("Évaluation : première année")
        for combo in (self.year, self.first):
            for year in years:
                combo.addItem(str(year), year)
        current = session.campaign_year
        self.year.setCurrentIndex(max(self.year.findData(current), 0))
        self.first.setCurrentIndex(0)
        self.evaluation = QCheckBox("Évaluation sur plusieurs années, depuis", self)
        self.evaluation.toggled.connect(self.first.setEnabled)
        self.first.setEnabled(False)
        self.shown_year: int | None = None  # the year of the texts shown
        self.sections = QListWidget(self)
        self.sections.setAccessibleName("Parties du bilan à rédiger")
        self.sections.setWordWrap(True)  # long pillar names on two lines, never cut
        self.sections.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.sections.setMinimumWidth(300)
        self.editor = QPlainTextEdit(self)
        self.editor.setAccessibleName("Texte de la partie choisie")
        self.editor.setPlaceholderText("Écrivez ici le bilan qualitatif de cette partie…")
        self.editor.setReadOnly(session.read_only)
        self.excerpts = QListWidget(self)
        self.excerpts.setAccessibleName("Extraits des bilans des actions")
        self.excerpts.setWordWrap(True)
        self.excerpts.itemDoubleClicked.connect(lambda _item: self.insert_excerpt())
        self.insert_button = QPushButton("◂ &Insérer l'extrait", self)
        self.insert_button.clicked.connect(self.insert_excerpt)
        self.insert_button.setEnabled(not session.read_only)
        self.save_button = QPushButton("&Enregistrer le texte", self)
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(not session.read_only)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self.pdf_button = QPushButton("Écrire le &PDF…", self)
        self.pdf_button.clicked.connect(lambda: self.write(".pdf"))
        self.odt_button = QPushButton("Écrire le document &modifiable (.odt)…", self)
        self.odt_button.clicked.connect(lambda: self.write(".odt"))
        self.docx_button = QPushButton("Écrire pour &Word (.docx)…", self)
        self.docx_button.clicked.connect(lambda: self.write(".docx"))
        close = QPushButton("Fermer", self)
        close.clicked.connect(self.close)

        top = QHBoxLayout()
        label = QLabel("&Année :", self)
        label.setBuddy(self.year)
        for widget in (label, self.year, self.evaluation, self.first):
            top.addWidget(widget)
        top.addStretch(1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(
            QLabel("Extraits des bilans reçus (double-clic pour insérer)", right)
        )
        right_layout.addWidget(self.excerpts, 1)
        right_layout.addWidget(self.insert_button)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.sections)
        splitter.addWidget(self.editor)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([320, 480, 340])
        buttons = QHBoxLayout()
        for button in (self.save_button, self.pdf_button, self.odt_button, self.docx_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.resize(1180, 660)
        self.year.currentIndexChanged.connect(lambda _i: self._year_changed())
        self.sections.currentRowChanged.connect(lambda _row: self._section_changed())
        self._year_changed()

    # texts ---------------------------------------------------------------------
    def current_year(self) -> int:
        return int(self.year.currentData())

    def _year_changed(self) -> None:
        if self.section:
            self.save()  # in the year it was written for
        year = self.current_year()
        self.shown_year = year
        self.texts = load_texts(self.session.dossier, year)
        self._fill_sections(year)
        self._show_section()

    def _fill_sections(self, year: int) -> None:
        """The parts of ``year``'s report: its framework's pillars (the 2015 pillars, or
        the State's 2024 themes from 2024), the section shown kept if it is one of them."""
        self.sections.blockSignals(True)
        self.sections.clear()
        for key, title in sections(self.session.references, year):
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(title)
            self.sections.addItem(item)
            if key == self.section:
                self.sections.setCurrentItem(item)
        if self.sections.currentRow() < 0:
            self.sections.setCurrentRow(0)
        self.sections.blockSignals(False)

    def _section_changed(self) -> None:
        self.save()
        self._show_section()

    def _show_section(self) -> None:
        item = self.sections.currentItem()
        self.section = item.data(Qt.ItemDataRole.UserRole) if item else ""
        text = self.texts.get(self.section)
        self.editor.setPlainText(text.body if text else "")
        self.editor.document().setModified(False)
        self.excerpts.clear()
        found = (
            excerpts_for(
                self.session.dossier, self.session.references, self.current_year(), self.section
            )
            if self.section
            else []
        )
        for excerpt in found:
            entry = QListWidgetItem(f"{excerpt.reference} – {excerpt.holder}\n{excerpt.assessment}")
            entry.setData(Qt.ItemDataRole.UserRole, excerpt)
            self.excerpts.addItem(entry)
        if not found:
            self.excerpts.addItem("Aucun bilan reçu ne porte d'appréciation pour cette partie.")

    def insert_excerpt(self) -> None:
        item = self.excerpts.currentItem()
        excerpt = item.data(Qt.ItemDataRole.UserRole) if item else None
        if not isinstance(excerpt, Excerpt) or self.session.read_only:
            return
        cursor = self.editor.textCursor()
        prefix = "\n\n" if self.editor.toPlainText().strip() else ""
        cursor.movePosition(cursor.MoveOperation.End)
        cursor.insertText(prefix + excerpt.quoted())
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    def save(self) -> bool:
        """Save the shown text if it changed; False when the save was refused."""
        if self.session.read_only or not self.section:
            return True
        if not self.editor.document().isModified():
            return True
        body = self.editor.toPlainText()
        try:
            saved = save_text(
                self.session.dossier,
                self.texts.get(self.section),
                self.shown_year or self.current_year(),
                self.section,
                body,
            )
        except (DossierError, ValidationError) as error:
            QMessageBox.warning(self, TITLE, str(error))
            return False
        self.texts[self.section] = saved
        self.editor.document().setModified(False)
        self.session.notify("bilan_text")
        return True

    # files ---------------------------------------------------------------------
    def write(self, suffix: str) -> None:
        if not self.save():
            return
        last = self.current_year()
        first = int(self.first.currentData()) if self.evaluation.isChecked() else last
        if first > last:
            QMessageBox.warning(
                self, TITLE, f"La période est à l'envers : {first} vient après {last}."
            )
            return
        span = str(last) if first == last else f"{first}-{last}"
        name = "bilan" if first == last else "evaluation"
        suggested = self.session.dossier.path.parent / f"{name}-{span}{suffix}"
        filters = {
            ".pdf": "Documents PDF (*.pdf)",
            ".odt": "Documents OpenDocument (*.odt)",
            ".docx": "Documents Word (*.docx)",
        }[suffix]
        target = ask_target(self, TITLE, suggested, filters)
        if target is None:
            return

        def work(reader: Dossier, _control: TaskControl) -> int:
            return write_yearly_report(reader, first, last, target)

        self.file_task = write_in_background(
            self, self.session.dossier, TITLE, work, lambda size: f"Bilan écrit : {target}"
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.save():
            event.ignore()
            return
        super().closeEvent(event)
