"""The meeting editor's agenda tab: ordered items (title, presenter, duration) with their
expected start times and the meeting's expected end; notes and decision of each item."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.french_dates import clock
from contrat_desktop.domain.meetings import AgendaItem, agenda_schedule, expected_end
from contrat_desktop.ui.widgets.table_editing import editable_table, set_table_editable

HEADERS = ["N°", "Heure prévue", "Point", "Présenté par", "Durée (min)"]
TITLE, PRESENTER, DURATION = 2, 3, 4
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
READ_ONLY = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled


class MeetingAgendaTab(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[AgendaItem] = []
        self.starts_at = datetime(2000, 1, 1)
        self.planned_minutes = 0
        self.editable = True
        self.table = editable_table(HEADERS, "Ordre du jour", self)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for column, width in enumerate((40, 100, 380, 220, 100)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._item_changed)
        self.table.currentCellChanged.connect(lambda *_: self._show_texts())
        self.add_button = QPushButton("&Ajouter un point", self)
        self.add_button.clicked.connect(lambda: self.add_item())
        self.remove_button = QPushButton("&Supprimer le point", self)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button = QPushButton("▲ &Monter", self)
        self.up_button.setToolTip("Monter le point (Alt+Haut)")
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton("▼ &Descendre", self)
        self.down_button.setToolTip("Descendre le point (Alt+Bas)")
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.table.installEventFilter(self)  # Alt+Up / Alt+Down move the current item
        self.end_label = QLabel(self)
        self.end_label.setAccessibleName("Fin prévue de la réunion")
        self.notes = QPlainTextEdit(self)
        self.notes.setPlaceholderText("Présentation, échanges, remarques sur ce point…")
        self.notes.setAccessibleName("Notes du point")
        self.decision = QPlainTextEdit(self)
        self.decision.setPlaceholderText("Ce qui a été décidé sur ce point, le cas échéant")
        self.decision.setAccessibleName("Décision sur le point")
        self.decision.setMaximumHeight(80)
        self.notes.textChanged.connect(self._texts_changed)
        self.decision.textChanged.connect(self._texts_changed)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.end_label)
        texts = QFormLayout()
        texts.addRow("&Notes du point :", self.notes)
        texts.addRow("Dé&cision :", self.decision)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 2)
        layout.addLayout(texts, 1)
        self._loading = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            moves = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}
            if event.modifiers() & Qt.KeyboardModifier.AltModifier and event.key() in moves:
                self.move_current(moves[Qt.Key(event.key())])
                return True
        return super().eventFilter(watched, event)

    # content -------------------------------------------------------------------------
    def load(self, items: tuple[AgendaItem, ...]) -> None:
        self.items = sorted(items, key=lambda i: i.position)
        self._show()

    def set_timing(self, starts_at: datetime, planned_minutes: int) -> None:
        self.starts_at = starts_at
        self.planned_minutes = planned_minutes
        self._show_times()

    def collect(self) -> tuple[AgendaItem, ...]:
        return tuple(
            replace(item, position=number) for number, item in enumerate(self.items, start=1)
        )

    def errors(self) -> list[str]:
        return [
            f"Ordre du jour, point {number} : l'intitulé est obligatoire."
            for number, item in enumerate(self.items, start=1)
            if not item.title.strip()
        ]

    def _show(self, current: int | None = None) -> None:
        self._loading = True
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            cells = (str(row + 1), "", item.title, item.presenter, str(item.duration_minutes))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column < TITLE:
                    cell.setFlags(READ_ONLY)
                if column == DURATION:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, cell)
        self._loading = False
        self._show_times()
        if current is not None and 0 <= current < len(self.items):
            self.table.setCurrentCell(current, TITLE)
        self._show_texts()

    def _show_times(self) -> None:
        self._loading = True
        for row, (_item, at) in enumerate(agenda_schedule(self.starts_at, self.collect())):
            cell = self.table.item(row, 1)
            if cell is not None:
                cell.setText(clock(at))
        self._loading = False
        end = expected_end(self.starts_at, self.items)
        total = sum(i.duration_minutes for i in self.items)
        text = f"Fin prévue : <b>{clock(end)}</b> ({total} min de points"
        if self.planned_minutes and total > self.planned_minutes:
            text += f", plus que les {self.planned_minutes} min prévues"
            self.end_label.setStyleSheet("color: #b71c1c;")
        else:
            self.end_label.setStyleSheet("")
        self.end_label.setText(text + ")")

    def _show_texts(self) -> None:
        row = self.table.currentRow()
        item = self.items[row] if 0 <= row < len(self.items) else None
        self._loading = True
        self.notes.setPlainText(item.notes if item else "")
        self.decision.setPlainText(item.decision if item else "")
        self._loading = False
        for edit in (self.notes, self.decision):
            edit.setReadOnly(item is None or not self.editable)

    def _item_changed(self, cell: QTableWidgetItem) -> None:
        if self._loading:
            return
        row, text = cell.row(), cell.text().strip()
        item = self.items[row]
        if cell.column() == TITLE:
            self.items[row] = replace(item, title=text)
        elif cell.column() == PRESENTER:
            self.items[row] = replace(item, presenter=text)
        elif cell.column() == DURATION:
            minutes = int(text) if text.isdigit() and int(text) > 0 else item.duration_minutes
            self.items[row] = replace(item, duration_minutes=minutes)
            self._loading = True
            cell.setText(str(minutes))  # what is not a positive number of minutes is undone
            self._loading = False
            self._show_times()
        self.changed.emit()

    def _texts_changed(self) -> None:
        row = self.table.currentRow()
        if self._loading or not 0 <= row < len(self.items):
            return
        self.items[row] = replace(
            self.items[row],
            notes=self.notes.toPlainText(),
            decision=self.decision.toPlainText(),
        )
        self.changed.emit()

    # editing -------------------------------------------------------------------------
    def add_item(self, title: str = "", presenter: str = "", minutes: int = 15) -> None:
        meeting_id = self.items[0].meeting_id if self.items else 0
        self.items.append(AgendaItem(meeting_id, 0, title, presenter, minutes))
        self._show(len(self.items) - 1)
        if not title:
            self.table.editItem(self.table.item(len(self.items) - 1, TITLE))
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.items):
            del self.items[row]
            self._show(min(row, len(self.items) - 1))
            self.changed.emit()

    def move_current(self, offset: int) -> None:
        row = self.table.currentRow()
        target = row + offset
        if not self.editable or not 0 <= row < len(self.items) or not 0 <= target < len(self.items):
            return
        self.items.insert(target, self.items.pop(row))
        self._show(target)
        self.changed.emit()

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        set_table_editable(self.table, editable)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setEnabled(editable)
        self._show_texts()
