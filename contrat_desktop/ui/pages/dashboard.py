"""« Tableau de bord », the page the window opens on: the chosen campaign at a glance.

Actions by status; requested, proposed, granted and paid per funder against its envelope;
the split by pillar and theme, by district, by holder kind, first requests and renewals;
the things to do (« À faire ») per kind; the next meetings and the conseil citoyen's
composition warnings. Each figure opens the programmation filtered on it, each kind of thing
to do the « À faire » page on that kind.

The figures are read after the window's first paint (start-up shows the window first), in
two grouped queries; the charts (QtCharts) are made just after the figures are painted,
once, and then updated in place; the things to do are counted off the GUI thread. The page
follows the campaign selector and is read again after any saved change (when next shown,
if hidden).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

from PySide6.QtCore import Qt, Signal
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
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.operations.dashboard import Dashboard, load_dashboard
from contrat_desktop.ui.after_paint import after_next_paint
from contrat_desktop.ui.formats import format_count
from contrat_desktop.ui.pages.dashboard_cards import FigureCard
from contrat_desktop.ui.pages.dashboard_reminders import RemindersCard
from contrat_desktop.ui.session import DossierSession

CHART_DELAY_MS = 30  # after the figures' paint: QtCharts is not on the start-up path
THOUSANDS = "milliers d'euros"


def _k(cents: int) -> float:
    return cents / 100_000


class DashboardPage(QScrollArea):
    open_programmation = Signal(dict)  # filter name → value (FilterBar.show_only)
    open_area = Signal(str)  # "meetings", "council"
    open_reminders = Signal(str)  # a kind of thing to do ("" for all)
    loaded = Signal()  # the figures of the campaign are shown

    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.data: Dashboard | None = None
        self._charts_due = False
        self._stale = True  # nothing read yet: read after the first paint
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
            chart="bars",
            unit="actions",
            chart_beside=True,
            rows_shown=len(ActionStatus),  # every status, as the chart beside shows them
        )
        self.funders = FigureCard(
            "Financeurs : demandé, proposé, accordé, versé, face aux enveloppes",
            ("Financeur", "Demandé", "Proposé", "Accordé", "Versé", "Enveloppe", "Reste"),
            self._opener("funder"),
            body,
            chart="bars",
            unit=THOUSANDS,
            vertical=True,
        )
        shares = ("Actions", "Accordé")
        self.pillars = FigureCard(
            "Par pilier", ("Pilier", *shares), self._opener("framework"), body, chart="pie"
        )
        # a table only: the pillars' ring already shows the split
        self.themes = FigureCard(
            "Par thématique", ("Thématique", *shares), self._opener("framework", "themes"), body
        )
        self.districts = FigureCard(
            "Par quartier (QPV)",
            ("Quartier", *shares),
            self._opener("district"),
            body,
            chart="bars",
            unit=THOUSANDS,
        )
        self.holder_kinds = FigureCard(
            "Par type de porteur",
            ("Type de porteur", *shares),
            self._opener("holder_kind"),
            body,
            chart="pie",
        )
        self.renewals = FigureCard(
            "Premières demandes et reconduites",
            ("Demande", *shares),
            self._opener("renewal"),
            body,
            chart="pie",
        )
        self.reminders = RemindersCard(session, body)
        self.reminders.open_reminders.connect(self.open_reminders)
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
        side.addWidget(self.reminders)
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

        session.campaign_changed.connect(lambda _id: self._on_changed("campaign"))
        session.changed.connect(self._on_changed)
        self.title.setText("<h2>Tableau de bord</h2>")
        after_next_paint(body, self._read_if_stale)  # read after the first paint

    def _read_if_stale(self) -> None:
        if self._stale:
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
        if self.isVisible() and self.data is not None:
            self.refresh()
        else:
            self._stale = True  # read when next shown (or after the first paint)

    def refresh(self) -> None:
        session = self.session
        self._stale = False
        self.reminders.reload_later()
        if not session.campaign_id:
            self.data = None
            self.title.setText("<h2>Tableau de bord</h2>")
            self.totals.setText(
                "Ce dossier n'a encore aucune campagne : ouvrez-en une "
                "(« Nouvelle campagne… » en haut de la fenêtre)."
            )
            for card in self.cards:
                card.fill([])
                card.set_chart([], [])
            self.loaded.emit()
            return
        self.data = load_dashboard(session.dossier, session.campaign_id, session.references)
        body = self.widget()
        body.setUpdatesEnabled(False)  # one layout and paint for all the cards
        try:
            self._show(self.data)
            if self.isVisible() and self.status.plot is not None:
                self.draw_charts()  # updated in place
            elif self.isVisible():
                self._draw_charts_soon()
        finally:
            body.setUpdatesEnabled(True)
        self.loaded.emit()

    def _show(self, data: Dashboard) -> None:
        figures = data.figures
        self.title.setText(f"<h2>Tableau de bord – campagne {figures.year}</h2>")
        if not figures.count:
            self.totals.setText(
                "<b>Aucune action pour cette campagne.</b> Les demandes saisies ou importées "
                "(Programmation) s'ajouteront ici."
            )
        else:
            self.totals.setText(
                f"<b>{format_count(figures.count)} action(s)</b> · demandé "
                f"{format_cents(figures.requested_cents)} · proposé "
                f"{format_cents(figures.proposed_cents)} · accordé "
                f"{format_cents(figures.granted_cents)} · versé {format_cents(figures.paid_cents)}"
            )
        self.status.fill([[s.label, format_count(s.count)] for s in figures.by_status])
        funders = figures.by_funder
        self.funders.fill(
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
            card.fill(
                [[p.label, format_count(p.count), format_cents(p.granted_cents)] for p in parts]
            )
        self._set_charts(figures)
        self._show_lists(data)

    def _set_charts(self, figures: CampaignFigures) -> None:
        def pie(card: FigureCard, parts: Sequence[Slice]) -> None:
            by_amount = any(p.granted_cents for p in parts)
            values = [_k(p.granted_cents) if by_amount else p.count for p in parts]
            card.set_chart([p.label for p in parts], values)

        status = figures.by_status
        self.status.set_chart([s.label for s in status], [("Actions", [s.count for s in status])])
        funders = figures.by_funder
        self.funders.set_chart(
            [f.name for f in funders],
            [
                ("Accordé", [_k(f.granted_cents) for f in funders]),
                ("Versé", [_k(f.paid_cents) for f in funders]),
                ("Enveloppe", [_k(f.envelope_cents or 0) for f in funders]),
            ],
        )
        pie(self.pillars, figures.by_pillar)
        districts = figures.by_district
        self.districts.set_chart(
            [d.label for d in districts], [("Accordé", [_k(d.granted_cents) for d in districts])]
        )
        pie(self.holder_kinds, figures.by_holder_kind)
        pie(self.renewals, figures.by_renewal)

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
        if self._stale and self.data is not None:
            self.refresh()
        elif self.data is not None and self.status.plot is None:
            self._draw_charts_soon()

    def _draw_charts_soon(self) -> None:
        """Once the figures are painted: QtCharts loads and the charts are drawn just after
        (never between the figures read and their paint)."""
        if not self._charts_due:
            self._charts_due = True
            after_next_paint(self.widget(), self.draw_charts, CHART_DELAY_MS)

    def draw_charts(self) -> None:
        self._charts_due = False
        for card in self.cards:
            card.draw_chart()
