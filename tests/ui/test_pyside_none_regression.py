"""PySide6 6.12 on Python 3.11 leaks a reference to None per ``data()`` call through Qt until
Python aborts (ARCHITECTURE.md, platform facts). The pinned versions must survive this."""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from pytestqt.qtbot import QtBot

CALLS = 200_000


class NoneModel(QAbstractTableModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 10

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 3

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        return None


def test_installed_combination_is_a_safe_one() -> None:
    major, minor = (int(part) for part in PySide6.__version__.split(".")[:2])
    if sys.version_info < (3, 12):
        assert (major, minor) < (6, 12), "PySide6 6.12 aborts on Python 3.11"


def test_none_returning_data_through_a_proxy_200000_times(qtbot: QtBot) -> None:
    model = NoneModel()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    index = proxy.index(3, 1)
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        assert proxy.data(index, Qt.ItemDataRole.DisplayRole) is None
    if sys.version_info < (3, 12):  # None is immortal (fixed count) from 3.12 on
        assert abs(sys.getrefcount(None) - before) < 1000, "None's reference count drifts per call"
