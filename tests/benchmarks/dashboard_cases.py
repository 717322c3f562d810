"""Benchmarks of the bilans issue (dashboard, views across campaigns, yearly report, open
data, journal), on the 50 000-action synthetic dossier; the journal on 1 000 000 audit rows."""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

AUTHORS = ("camille", "dominique", "sacha", "import-prefecture", "lea")
KINDS = ("action", "funding_line", "payment", "holder", "meeting", "report", "envelope")
FIELDS = ("title", "status", "granted_cents", "requested_cents", "city", "place")


def add_audit_rows(path: Path, total: int, seed: int = 3) -> None:
    """Grow the dossier's audit trail to ``total`` rows spread over ten years."""
    import sqlite3

    rng = random.Random(seed)
    conn = sqlite3.connect(path)
    present = conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    start = datetime(2015, 1, 5, 9)
    step = timedelta(days=3650) / max(total, 1)
    rows = []
    for number in range(total - present):
        at = (start + step * number).isoformat(timespec="seconds")
        field = rng.choice(FIELDS)
        rows.append(
            (
                at,
                rng.choice(AUTHORS),
                rng.choice(KINDS),
                rng.randrange(1, 50_000),
                "update",
                field,
                f"ancienne valeur {rng.randrange(1000)}",
                f"nouvelle valeur {number}",
            )
        )
    with conn:
        conn.executemany(
            "INSERT INTO audit (at, who, entity, entity_id, operation, field, old_value,"
            " new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    conn.close()


def _ms(times: list[float]) -> str:
    return f"{statistics.median(times) * 1000:.0f} ms"


def _timed(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def journal_figures(dossier: Path, rows: int = 1_000_000) -> list[tuple[str, str, str]]:
    from datetime import date

    from PySide6.QtWidgets import QApplication

    from contrat_desktop.storage.database import open_dossier
    from contrat_desktop.ui.background import wait_for_background_work
    from contrat_desktop.ui.pages.journal import JournalPage
    from contrat_desktop.ui.session import DossierSession

    add_audit_rows(dossier, rows)
    app = QApplication.instance() or QApplication([])
    session = DossierSession(open_dossier(dossier, daily_backup=False))
    pages: list[JournalPage] = []

    def open_page() -> None:
        page = JournalPage(session)
        page.resize(1280, 700)
        page.show()
        app.processEvents()
        pages.append(page)

    opening = _timed(open_page, 5)
    page = pages[-1]
    wait_for_background_work()
    app.processEvents()
    filters: list[float] = []
    searches: list[float] = []

    def apply(change: Callable[[], None], into: list[float]) -> None:
        start = time.perf_counter()
        change()
        page.reload()
        app.processEvents()
        into.append(time.perf_counter() - start)
        wait_for_background_work()
        app.processEvents()

    for who in ("sacha", "lea", None):
        apply(lambda w=who: page.who.setCurrentIndex(max(page.who.findData(w), 0)), filters)
    for kind in ("payment", "holder", None):
        apply(lambda k=kind: page.kind.setCurrentIndex(max(page.kind.findData(k), 0)), filters)
    apply(lambda: page.set_period(date(2019, 3, 1), date(2019, 3, 31)), filters)
    apply(lambda: page.set_period(date(2030, 1, 1), None), filters)  # matches nothing
    apply(lambda: page.set_period(None, None), filters)
    for text in ("valeur 99999", "aucun texte pareil", ""):
        apply(lambda t=text: page.search.setText(t), searches)
    for opened in pages:
        opened.close()
    session.close()
    return [
        (
            f"Page Journal, {rows:_} lignes : ouverture".replace("_", "\u202f"),
            _ms(opening),
            "< 500 ms",
        ),
        ("Page Journal : filtre (période, auteur, type ; médiane)", _ms(filters), "< 200 ms"),
        (
            "Page Journal : recherche de texte (médiane ; pire)",
            f"{_ms(searches)} ; {max(searches) * 1000:.0f} ms",
            "",
        ),
    ]


def bilan_figures(dossier: Path, folder: Path) -> list[tuple[str, str, str]]:
    """Dashboard after a campaign change, multi-year table, yearly report, open data."""
    from PySide6.QtWidgets import QApplication

    from contrat_desktop.domain.across_years import Dimension
    from contrat_desktop.operations.open_data import export_scdl
    from contrat_desktop.operations.yearly_report import write_yearly_report
    from contrat_desktop.storage.database import open_dossier
    from contrat_desktop.ui.background import wait_for_background_work
    from contrat_desktop.ui.pages.across_years import AcrossYearsPage
    from contrat_desktop.ui.pages.dashboard import DashboardPage
    from contrat_desktop.ui.session import DossierSession

    app = QApplication.instance() or QApplication([])
    session = DossierSession(open_dossier(dossier, daily_backup=False))
    campaigns = sorted(session.references.campaigns.items())
    page = DashboardPage(session)
    page.resize(1280, 800)
    page.show()
    while page.data is None:  # read after the first paint
        app.processEvents()
    page.draw_charts()  # QtCharts imported once, outside the measure
    changes, counted = [], []
    for year, campaign_id in campaigns[-6:] * 2:
        wait_for_background_work()
        app.processEvents()
        start = time.perf_counter()
        session.set_campaign(campaign_id)  # the page reads and updates its charts
        app.processEvents()
        changes.append(time.perf_counter() - start)
        while page.reminders.year != year or page.reminders.counts is None:
            app.processEvents()  # the things to do, counted off the GUI thread
        counted.append(time.perf_counter() - start)
    shown = page.data.figures.count if page.data else 0
    years = AcrossYearsPage(session)
    years.resize(1280, 800)
    years.show()
    app.processEvents()
    tables = []
    for dimension in [*Dimension, *Dimension]:
        start = time.perf_counter()
        years.dimension.setCurrentIndex(years.dimension.findData(dimension.value))
        app.processEvents()
        tables.append(time.perf_counter() - start)
    worst = max(tables)
    page.close()
    years.close()
    session.close()
    last = campaigns[-1][0]
    with open_dossier(dossier, read_only=True) as reader:
        report = _timed(lambda: write_yearly_report(reader, last, last, folder / "b.pdf"), 3)
        evaluation = _timed(
            lambda: write_yearly_report(reader, campaigns[0][0], last, folder / "e.pdf"), 1
        )
        odt = _timed(lambda: write_yearly_report(reader, last, last, folder / "b.odt"), 3)
        docx = _timed(lambda: write_yearly_report(reader, last, last, folder / "b.docx"), 3)
        summary: list[object] = []
        scdl = _timed(lambda: summary.append(export_scdl(reader, None, folder / "s.csv")), 3)
    rows = getattr(summary[-1], "rows", 0)
    return [
        (
            f"Tableau de bord après un changement de campagne ({shown} actions)",
            _ms(changes),
            "< 300 ms",
        ),
        (
            "… puis « À faire » compté en arrière-plan (délai de 300 ms compris)",
            _ms(counted),
            "",
        ),
        (
            "Vue pluriannuelle, 10 campagnes (médiane ; pire : porteurs)",
            f"{_ms(tables)} ; {worst * 1000:.0f} ms",
            "< 500 ms",
        ),
        (f"Bilan annuel {last} en PDF", _ms(report), "< 5 s"),
        (f"Évaluation {campaigns[0][0]}–{last} en PDF", _ms(evaluation), ""),
        (f"Bilan annuel {last} en .odt", _ms(odt), ""),
        (f"Bilan annuel {last} en .docx", _ms(docx), ""),
        (
            f"Données ouvertes SCDL, toutes les subventions ({rows:_} lignes)".replace(
                "_", "\u202f"
            ),
            _ms(scdl),
            "< 2 s",
        ),
    ]
