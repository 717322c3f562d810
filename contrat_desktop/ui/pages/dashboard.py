"""« Tableau de bord », the page the window opens on: the chosen campaign at a glance.

Actions by status; requested, proposed, granted and paid per funder against its envelope;
the split by pillar and theme, by district, by holder kind, first requests and renewals;
the next meetings and the conseil citoyen's composition warnings. Each figure opens the
programmation filtered on it. The tables come at once; the charts (QtCharts) are drawn just
after the page is first shown, so start-up never loads QtCharts. The page follows the
campaign selector and is read again after any saved change.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.dashboard import CampaignFigures, Slice
from contrat_desktop.domain.money import format_cents
from contrat_desktop.operations.dashboard import Dashboard, load_dashboard
from contrat_desktop.ui.formats import format_count
from contrat_desktop.ui.pages.dashboard_cards import FigureCard
from contrat_desktop.ui.session import DossierSession

CHART_DELAY_MS = 30  # after the first paint: QtCharts is not on the start-up path
THOUSANDS = "milliers d'euros"


def _k(cents: int) -> float:
    return cents / 100_000


class DashboardPage(QScrollArea):
    open_programmation = Signal(dict)  # filter name → value (FilterBar.show_only)
    open_area = Signal(str)  # "meetings", "council"

    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.data: Dashboard | None = None
        self._charts_due = False
        self._stale = False
        self.setWidgetResizable(True)
        self.setAccessibleName("Tableau de bord")
        body = QWidget(self)
        self.setWidget(body)
        self.title = QLabel(body)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.totals = QLabel(body)
        self.totals.setWordWrap(True)
        self.all_button = QPushButton("Voir toute la &programmation", body)
        self.all_button.clicked.connect(lambda: self.open_programmation.emit({}))
        self.status = FigureCard(
            "Actions par statut",
            ("Statut", "Actions"),
            self._opener("status"),
            body,
            chart_beside=True,
        )
        self.funders = FigureCard(
            "Financeurs : demandé, proposé, accordé, versé, face aux enveloppes",
            ("Financeur", "Demandé", "Proposé", "Accordé", "Versé", "Enveloppe", "Reste"),
            self._opener("funder"),
            body,
        )
        shares = ("Actions", "Accordé")
        self.pillars = FigureCard(
            "Par pilier", ("Pilier", *shares), self._opener("framework"), body
        )
        self.themes = FigureCard(
            "Par thématique", ("Thématique", *shares), self._opener("framework", "themes"), body
        )
        self.districts = FigureCard(
            "Par quartier (QPV)", ("Quartier", *shares), self._opener("district"), body
        )
        self.holder_kinds = FigureCard(
            "Par type de porteur", ("Type de porteur", *shares), self._opener("holder_kind"), body
        )
        self.renewals = FigureCard(
            "Premières demandes et reconduites", ("Demande", *shares), self._opener("renewal"), body
        )
        self.meetings = self._list_box("Prochaines réunions", "Voir les &réunions", "meetings")
        self.council = self._list_box("Conseil citoyen", "Ouvrir le &conseil citoyen", "council")
        self.cards = [
            self.status,
            self.funders,
            self.pillars,
            self.themes,
            self.districts,
            self.holder_kinds,
            self.renewals,
        ]

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.all_button)
        grid = QGridLayout()
        grid.addWidget(self.status, 0, 0, 1, 2)
        grid.addWidget(self.funders, 1, 0, 1, 2)
        grid.addWidget(self.pillars, 2, 0)
        grid.addWidget(self.themes, 2, 1)
        grid.addWidget(self.districts, 3, 0)
        grid.addWidget(self.holder_kinds, 3, 1)
        grid.addWidget(self.renewals, 4, 0)
        side = QVBoxLayout()
        side.addWidget(self.meetings[0])
        side.addWidget(self.council[0])
        grid.addLayout(side, 4, 1)
        for column in (0, 1):
            grid.setColumnStretch(column, 1)
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addWidget(self.totals)
        layout.addLayout(grid)
        layout.addStretch(1)

        session.campaign_changed.connect(lambda _id: self.refresh())
        session.changed.connect(self._on_changed)
        self.refresh()

    # building ---------------------------------------------------------------------
    def _list_box(self, title: str, button_text: str, area: str) -> tuple[QGroupBox, QLabel]:
        box = QGroupBox(title, self.widget())
        label = QLabel(box)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        button = QPushButton(button_text, box)
        button.clicked.connect(lambda: self.open_area.emit(area))
        layout = QVBoxLayout(box)
        layout.addWidget(label)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        return box, label

    def _opener(self, name: str, source: str = "") -> Callable[[int], None]:
        def open_row(row: int) -> None:
            if self.data is None:
                return
            parts = self._parts(source or name)
            if 0 <= row < len(parts):
                key = parts[row]
                self.open_programmation.emit({} if key is None else {name: key})

        return open_row

    def _parts(self, name: str) -> list[Hashable]:
        """The filter value behind each row of a card, in its rows' order."""
        assert self.data is not None
        figures = self.data.figures
        keyed: dict[str, Sequence[Slice]] = {
            "status": figures.by_status,
            "framework": figures.by_pillar,
            "themes": figures.by_theme,
            "district": figures.by_district,
            "holder_kind": figures.by_holder_kind,
            "renewal": figures.by_renewal,
        }
        if name == "funder":
            return [f.funder_id for f in figures.by_funder]
        return [getattr(part.key, "value", part.key) for part in keyed[name]]

    # data ---------------------------------------------------------------------------
    def _on_changed(self, _entity: str) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True  # read again when next shown

    def refresh(self) -> None:
        session = self.session
        self._stale = False
        if not session.campaign_id:
            self.data = None
            self.title.setText("<h2>Tableau de bord</h2>")
            self.totals.setText(
                "Ce dossier n'a encore aucune campagne : ouvrez-en une "
                "(« Nouvelle campagne… » en haut de la fenêtre)."
            )
            for card in self.cards:
                card.table.fill([])
                card.set_chart(None)
            return
        self.data = load_dashboard(session.dossier, session.campaign_id, session.references)
        body = self.widget()
        body.setUpdatesEnabled(False)  # one layout and paint for all the cards
        try:
            self._show(self.data)
            if self.isVisible():
                self.draw_charts()
        finally:
            body.setUpdatesEnabled(True)

    def _show(self, data: Dashboard) -> None:
        figures = data.figures
        self.title.setText(f"<h2>Tableau de bord – campagne {figures.year}</h2>")
        self.totals.setText(
            f"<b>{format_count(figures.count)} action(s)</b> · demandé "
            f"{format_cents(figures.requested_cents)} · proposé "
            f"{format_cents(figures.proposed_cents)} · accordé "
            f"{format_cents(figures.granted_cents)} · versé {format_cents(figures.paid_cents)}"
        )
        self.status.table.fill([[s.label, format_count(s.count)] for s in figures.by_status])
        funders = figures.by_funder
        self.funders.table.fill(
            [
                [
                    f.name,
                    *(
                        format_cents(v)
                        for v in (
                            f.requested_cents,
                            f.proposed_cents,
                            f.granted_cents,
                            f.paid_cents,
                        )
                    ),
                    "—" if f.envelope_cents is None else format_cents(f.envelope_cents),
                    "—" if f.left_cents is None else format_cents(f.left_cents),
                ]
                for f in funders
            ],
            warn=[
                n for n, f in enumerate(funders) if f.left_cents is not None and f.left_cents < 0
            ],
        )
        for card, parts in (
            (self.pillars, figures.by_pillar),
            (self.themes, figures.by_theme),
            (self.districts, figures.by_district),
            (self.holder_kinds, figures.by_holder_kind),
            (self.renewals, figures.by_renewal),
        ):
            card.table.fill(
                [[p.label, format_count(p.count), format_cents(p.granted_cents)] for p in parts]
            )
        self._set_charts(figures)
        self._show_lists(data)

    def _set_charts(self, figures: CampaignFigures) -> None:
        from contrat_desktop.ui.widgets import charts

        def bars(
            labels: list[str], series: list[tuple[str, list[float]]], unit: str, **how: Any
        ) -> Any:
            return lambda click, parent: charts.bar_chart(
                labels, series, click, unit=unit, parent=parent, **how
            )

        def pie(parts: Sequence[Slice]) -> Any:
            by_amount = any(p.granted_cents for p in parts)
            values = [_k(p.granted_cents) if by_amount else p.count for p in parts]
            labels = [p.label for p in parts]
            return lambda click, parent: charts.pie_chart(labels, values, click, parent=parent)

        status = figures.by_status
        self.status.set_chart(
            bars([s.label for s in status], [("Actions", [s.count for s in status])], "actions")
        )
        funders = figures.by_funder
        self.funders.set_chart(
            bars(
                [f.name for f in funders],
                [
                    ("Accordé", [_k(f.granted_cents) for f in funders]),
                    ("Versé", [_k(f.paid_cents) for f in funders]),
                    ("Enveloppe", [_k(f.envelope_cents or 0) for f in funders]),
                ],
                THOUSANDS,
                vertical=True,
            )
        )
        self.pillars.set_chart(pie(figures.by_pillar))
        self.themes.set_chart(None)  # a table only: the pillars' ring already shows the split
        self.districts.set_chart(
            bars(
                [d.label for d in figures.by_district],
                [("Accordé", [_k(d.granted_cents) for d in figures.by_district])],
                THOUSANDS,
            )
        )
        self.holder_kinds.set_chart(pie(figures.by_holder_kind))
        self.renewals.set_chart(pie(figures.by_renewal))

    def _show_lists(self, data: Dashboard) -> None:
        label = self.meetings[1]
        if data.next_meetings:
            lines = [
                f"<b>{m.starts_at:%d/%m/%Y %H:%M}</b> – {m.body}"
                + (f" ({m.place})" if m.place else "")
                for m in data.next_meetings
            ]
            label.setText("<br>".join(lines))
        else:
            label.setText("Aucune réunion prévue à partir d'aujourd'hui.")
        warnings = data.council_warnings
        self.council[1].setText(
            "<br>".join(f"<span style='color:#9c2a00'>⚠ {w}</span>" for w in warnings)
            if warnings
            else "Aucun avertissement sur la composition du conseil citoyen."
        )

    # charts after the first paint --------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
        elif not self._charts_due and self.data is not None and self.status.chart is None:
            self._charts_due = True
            QTimer.singleShot(CHART_DELAY_MS, self.draw_charts)

    def draw_charts(self) -> None:
        self._charts_due = False
        for card in self.cards:
            card.draw_chart()
