"""The main window. For now: the dossier's path, its state and its counts.

The full window (navigation, programmation, holders, funders) comes with the window issue.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop import __version__
from contrat_desktop.operations.dossiers import DossierInfo
from contrat_desktop.storage.statistics import COUNTED_TABLES
from contrat_desktop.ui.preferences import Preferences


class MainWindow(QMainWindow):
    def __init__(self, info: DossierInfo, read_only_reason: str | None, prefs: Preferences) -> None:
        super().__init__()
        self._prefs = prefs
        name = info.path.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
        self.setWindowTitle(f"{name} – contrat_desktop {__version__}")
        central = QWidget(self)
        layout = QVBoxLayout(central)
        if read_only_reason:
            self.banner = QLabel(f"Lecture seule : dossier {read_only_reason}.")
            self.banner.setStyleSheet("background:#fff3cd; color:#664d03; padding:8px;")
            self.banner.setAccessibleName("Bandeau lecture seule")
            layout.addWidget(self.banner)
        form = QFormLayout()
        self.path_label = QLabel(info.path)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path_label.setAccessibleName("Chemin du dossier")
        form.addRow("Dossier :", self.path_label)
        form.addRow("Contrat :", QLabel(info.contract or "(aucun)"))
        form.addRow("Version du schéma :", QLabel(info.schema_version))
        form.addRow("Intégrité :", QLabel(info.integrity))
        layout.addLayout(form)
        self.counts = QTableWidget(len(info.counts), 2, self)
        self.counts.setAccessibleName("Effectifs du dossier")
        self.counts.setHorizontalHeaderLabels(["Élément", "Nombre"])
        self.counts.verticalHeader().setVisible(False)
        self.counts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (table, count) in enumerate(info.counts.items()):
            self.counts.setItem(row, 0, QTableWidgetItem(COUNTED_TABLES[table]))
            item = QTableWidgetItem(f"{count:,}".replace(",", "\u202f"))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.counts.setItem(row, 1, item)
        self.counts.resizeColumnsToContents()
        layout.addWidget(self.counts)
        self.setCentralWidget(central)
        self.statusBar().showMessage(
            "Lecture seule" if read_only_reason else "Dossier ouvert en écriture"
        )
        geometry = prefs.main_window_geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(720, 560)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._prefs.main_window_geometry = self.saveGeometry()
        super().closeEvent(event)
