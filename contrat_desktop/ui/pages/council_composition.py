"""The composition of a conseil citoyen at a chosen date (counts by college, sex, age band
and district) with the warnings of the rules set on the Settings page, and its composition
over time (one row per 1 January, plus the chosen date)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.council import (
    College,
    CompositionCounts,
    band_rank,
    composition_over_time,
)
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.operations.council import CouncilOverview, council_overview
from contrat_desktop.operations.council_records import council_members
from contrat_desktop.operations.settings import district_names
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.ui.dialogs.actions.action_tabs import fill
from contrat_desktop.ui.formats import format_date
from contrat_desktop.ui.models.council_tables import CompositionTimeModel
from contrat_desktop.ui.pages.council_layout import compact_table
from contrat_desktop.ui.pages.tables import make_table
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.widgets.date_edit import DateEdit

WARNING_STYLE = (
    "color: #5c4400; background: #fff3cd; padding: 8px; border: 2px solid #e0a800; font-size: 11pt;"
)
OK_STYLE = "color: #1b5e20; background: #e8f5e9; padding: 8px; border: 1px solid #81c784;"


SHORT = {College.LOCAL_ACTORS.label: "Acteurs locaux"}


def _count_rows(
    counts: dict[str, int], total: int, order: Callable[[str], Any] = str
) -> list[list[str]]:
    def share(n: int) -> str:
        return f"{round(n * 100 / total)} %" if total else "—"

    ordered = sorted(counts.items(), key=lambda item: order(item[0]))
    return [[SHORT.get(key, key), str(n), share(n)] for key, n in ordered]


def history_days(members_entries: list[date], day: date) -> list[date]:
    """Every 1 January from the first entry's year to ``day``'s, and ``day`` itself."""
    if not members_entries:
        return [day]
    first = min(members_entries).year
    days = [date(year, 1, 1) for year in range(first, day.year + 1) if date(year, 1, 1) < day]
    return [*days, day]


class CompositionPanel(QWidget):
    settings_requested = Signal()

    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.council_id: int | None = None
        self.overview: CouncilOverview | None = None
        self.day = DateEdit(self)
        self.day.set_value(date.today())
        self.day.setAccessibleName("Date de la composition")
        self.day.dateChanged.connect(lambda _d: self.reload())
        self.total_label = QLabel(self)
        self.warnings = QLabel(self)
        self.warnings.setWordWrap(True)
        self.warnings.setAccessibleName("Avertissements de composition")
        self.settings_button = QPushButton("Régler les &contrôles (Paramètres)…", self)
        self.settings_button.clicked.connect(self.settings_requested)
        self.tables: dict[str, QTableWidget] = {}
        self.time_model = CompositionTimeModel(parent=self)
        self.time_table = make_table(
            self.time_model, "Composition dans le temps", self, sortable=False
        )
        self._lay_out()

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Composition au :", self))
        bar.addWidget(self.day)
        bar.addWidget(self.total_label, 1)
        bar.addWidget(self.settings_button)
        grid = QGridLayout()
        titles = {
            "college": "Par collège",
            "sex": "Par sexe (tous)",
            "residents_sex": "Habitants, par sexe",
            "age": "Par tranche d'âge",
            "district": "Par quartier",
        }
        for n, (key, title) in enumerate(titles.items()):
            box = QGroupBox(title, self)
            table = compact_table(["", "Nb", "%"], title)  # five side by side: short headers
            table.horizontalHeaderItem(1).setToolTip("Nombre de membres")
            table.horizontalHeaderItem(2).setToolTip("Part des membres")
            table.setMinimumHeight(110)
            QVBoxLayout(box).addWidget(table)
            grid.addWidget(box, 0, n)
            self.tables[key] = table
        # a district's name is long (« Les Portes de Paris – Les Hautes-Noues »): its box is
        # given twice the room, and what still does not fit is elided in the middle; the age
        # bands (« 60 ans et plus », « non renseigné ») half as much again as the short ones
        for column, stretch in enumerate((2, 2, 2, 3, 4)):
            grid.setColumnStretch(column, stretch)
        self.tables["district"].setTextElideMode(Qt.TextElideMode.ElideMiddle)
        over_time = QGroupBox("Composition dans le temps (au 1er janvier de chaque année)", self)
        QVBoxLayout(over_time).addWidget(self.time_table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.warnings)
        layout.addLayout(grid, 2)
        layout.addWidget(over_time, 3)

    def set_council(self, council_id: int | None) -> None:
        self.council_id = council_id
        self.reload()

    def reload(self) -> None:
        day = self.day.value() or date.today()
        if self.council_id is None:
            self.overview = None
            self._show_empty()
            return
        try:
            self.overview = council_overview(self.session.dossier, self.council_id, day)
        except (DossierError, ValidationError) as error:
            self._show_empty()
            self.warnings.setText(f"Composition illisible : {error}")
            return
        counts = self.overview.counts
        self.total_label.setText(
            f"<b>{counts.total} membre(s)</b> en fonction le {format_date(day)}"
        )
        self._show_warnings()
        fill(self.tables["college"], _count_rows(counts.by_college, counts.total))
        fill(self.tables["sex"], _count_rows(counts.by_sex, counts.total))
        residents = sum(counts.residents_by_sex.values())
        fill(self.tables["residents_sex"], _count_rows(counts.residents_by_sex, residents))
        fill(self.tables["age"], _count_rows(counts.by_age_band, counts.total, band_rank))
        named = district_names(self.session.dossier)
        by_district = {named.get(code, code): n for code, n in counts.by_district.items()}
        fill(self.tables["district"], _count_rows(by_district, counts.total))
        self._show_history(day)

    def _show_warnings(self) -> None:
        assert self.overview is not None
        found = self.overview.warnings
        if not found:
            self.warnings.setText("Aucun avertissement : la composition respecte les contrôles.")
            self.warnings.setStyleSheet(OK_STYLE)
            return
        items = "".join(f"<li>{w.message}</li>" for w in found)
        self.warnings.setText(
            f"<b>⚠ {len(found)} avertissement(s) sur le conseil et sa composition</b>"
            f"<ul style='margin: 2px'>{items}</ul>"
        )
        self.warnings.setStyleSheet(WARNING_STYLE)

    def _show_history(self, day: date) -> None:
        assert self.council_id is not None
        members = council_members(self.session.dossier, self.council_id)
        counts: list[CompositionCounts] = composition_over_time(
            members, history_days([m.entry_date for m in members], day)
        )
        districts = sorted({d for c in counts for d in c.by_district})
        self.time_model.set_counts(counts, districts, district_names(self.session.dossier))
        header = self.time_table.horizontalHeader()
        for number, column in enumerate(self.time_model.columns):  # each header read whole
            header.resizeSection(number, max(column.width, header.sectionSizeHint(number)))

    def _show_empty(self) -> None:
        self.total_label.setText("")
        self.warnings.setText("Aucun conseil citoyen choisi.")
        self.warnings.setStyleSheet("")
        for table in self.tables.values():
            fill(table, [])
        self.time_model.set_counts([], [])
