"""Benchmarks of the funding cycle (issue 12) on the synthetic dossier: the reminders list
(« À faire »: across campaigns, one campaign as the page and the status bar count it, and
every sentence written as the CLI does), a bulk payment of 1 000 lines in one transaction (each run
on a fresh copy of the dossier), and 1 000 notification letters in one PDF; medians."""

from __future__ import annotations

import shutil
import statistics
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from contrat_desktop.domain.funding import Payment
from contrat_desktop.operations.due_payments import campaign_years, paying_funders, payments_due
from contrat_desktop.operations.letters import letters_pdf, notification_batch
from contrat_desktop.operations.payments import record_payments
from contrat_desktop.operations.reminders import list_reminders
from contrat_desktop.storage.database import open_dossier
from tests.benchmarks.timing import median_seconds

BULK_LINES = 1_000
LETTERS = 1_000


def _due_lines(path: Path) -> list[Payment]:
    """1 000 payable lines, as « Versements à faire » proposes them (funder by funder and
    year by year: no single one holds 1 000 lines in the synthetic dossier)."""
    found: list[Payment] = []
    with open_dossier(path, read_only=True) as dossier:
        for year in campaign_years(dossier):
            for funder in paying_funders(dossier):
                found += [
                    Payment(d.line_id, d.kind, d.amount_cents, date(year + 1, 9, 1), "EJ bench")
                    for d in payments_due(dossier, funder.id or 0, year)
                ]
                if len(found) >= BULK_LINES:
                    return found[:BULK_LINES]
    raise AssertionError("fewer than 1 000 lines to pay")


def funding_figures(path: Path, folder: Path, repeat: int) -> list[tuple[str, str, str]]:
    with open_dossier(path, read_only=True) as dossier:
        found = list_reminders(dossier)  # warms the page cache, as the window's first read
        reminders_s = median_seconds(lambda: list_reminders(dossier), max(repeat, 5))
        years = campaign_years(dossier)
        latest = max(years)  # the campaign a window opens on
        of_year = list_reminders(dossier, latest)
        year_s = median_seconds(lambda: len(list_reminders(dossier, latest)), max(repeat, 5))
        texts_s = median_seconds(lambda: [r.text for r in list_reminders(dossier)], max(repeat, 5))
        letters = [
            letter for year in years[:3] for letter in notification_batch(dossier, year).letters
        ]  # a campaign has fewer holders than 1 000: the letters of the latest ones
        batch = replace(notification_batch(dossier, years[0]), letters=tuple(letters[:LETTERS]))
        letters_s = median_seconds(lambda: letters_pdf(dossier, batch), repeat)
    payments = _due_lines(path)
    times = []
    for run in range(repeat):
        copy = Path(shutil.copyfile(path, folder / f"versements-{run}.cdv"))
        with open_dossier(copy, daily_backup=False) as dossier:
            start = time.perf_counter()
            recorded = record_payments(dossier, payments, today=date.today())
            times.append(time.perf_counter() - start)
        assert recorded
    bulk_s = statistics.median(times)
    return [
        (
            f"Liste « À faire » ({len(found):_} rappels, toutes campagnes)".replace("_", "\u202f"),
            f"{reminders_s * 1000:.0f} ms",
            "< 150 ms",
        ),
        (
            f"… une campagne ({latest}, {len(of_year):_} rappels) : page et compte de la barre "
            "d'état".replace("_", "\u202f"),
            f"{year_s * 1000:.0f} ms",
            "",
        ),
        (
            "… toutes campagnes, chaque phrase écrite (sortie de la commande)",
            f"{texts_s * 1000:.0f} ms",
            "",
        ),
        (
            f"Versement groupé de {len(payments):_} lignes (une transaction)".replace(
                "_", "\u202f"
            ),
            f"{bulk_s * 1000:.0f} ms",
            "< 1 s",
        ),
        (
            f"{len(batch.letters):_} lettres de notification en un PDF".replace("_", "\u202f"),
            f"{letters_s:.1f} s",
            "< 15 s",
        ),
    ]
