"""A list to choose from by typing any part of a name: « sport » finds « Ville de … – Service
des sports », « ecole » finds « École… » (case and accents ignored, words in any order, as
``domain.holder_activity.fold`` folds them). Entrée takes the first name found."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QCompleter

from contrat_desktop.domain.holder_activity import fold


class _Matching(QSortFilterProxyModel):
    """The combo's items whose folded text holds every folded word typed."""

    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo)
        self.words: list[str] = []
        self.setSourceModel(combo.model())

    def set_typed(self, text: str) -> None:
        self.beginFilterChange()
        self.words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        text = fold(str(self.sourceModel().index(source_row, 0, source_parent).data() or ""))
        return all(word in text for word in self.words)


class _FirstOnEnter(QObject):
    """Entrée in the list of names found, none highlighted: the first one is chosen."""

    def __init__(self, combo: QComboBox, matching: _Matching) -> None:
        super().__init__(combo)
        self.combo, self.matching = combo, matching

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False  # nothing else is touched: the list may be going away
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return False
        popup = watched
        if not isinstance(popup, QAbstractItemView) or popup.currentIndex().isValid():
            return False
        if self.matching.rowCount() == 0:
            return False
        popup.hide()
        self.combo.setCurrentIndex(self.matching.mapToSource(self.matching.index(0, 0)).row())
        return True


def search_anywhere(combo: QComboBox) -> None:
    """Make ``combo`` editable, its typed text finding items anywhere in their names."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    matching = _Matching(combo)
    completer = QCompleter(matching, combo)
    completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
    combo.setCompleter(completer)
    completer.popup().installEventFilter(_FirstOnEnter(combo, matching))

    def typed(text: str) -> None:
        matching.set_typed(text)
        if not text.strip() or matching.rowCount() == 0:
            completer.popup().hide()
            return
        completer.complete()

    combo.lineEdit().textEdited.connect(typed)
