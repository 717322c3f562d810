"""Benchmark of the reconciliation of a State export: a 5 000-row Dauphin-style extraction
(file number, holder, SIRET, title, amount engaged, EJ, contract code, year) of the latest
campaign of the 50 000-action synthetic dossier, previewed (read, matched, reconciled:
target < 2 s) then applied. A third of the rows of State-funded actions differ (amount
engaged, EJ), one row in ten is unknown to the dossier, one action in ten of the campaign is
missing from it (a few synthetic file numbers repeat: those rows are in error)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from contrat_desktop.domain.funders import FunderKind
from contrat_desktop.operations.imports import apply_import, plan_import
from contrat_desktop.storage.database import open_dossier
from contrat_desktop.storage.repositories import Repositories
from tests.benchmarks.timing import median_seconds
from tests.operations.reconcile_fixtures import DAUPHIN_HEADER as HEADER

ROWS = 5_000


def reconcile_figures(dossier: Path, folder: Path, repeat: int) -> list[tuple[str, str, str]]:
    export = folder / "extraction-etat.xlsx"
    with open_dossier(dossier, daily_backup=False) as opened:
        year = _write_export(opened, export)
        preview = median_seconds(lambda: plan_import(opened, export), repeat)
        plan = plan_import(opened, export)
    found = plan.reconciliation
    assert found is not None
    counts = found.counts(plan)
    copy = folder / "rapprochement-application.cdv"
    shutil.copyfile(dossier, copy)
    with open_dossier(copy, daily_backup=False) as opened:
        applied = median_seconds(
            lambda: apply_import(opened, plan_import(opened, export), skip_invalid_rows=True), 1
        )
    return [
        (
            f"Rapprochement d'un export de l'État de {ROWS:_} lignes ({year}, dossier "
            f"de 50 000 actions : {counts['matched']} rapprochées, {counts['different']} avec "
            f"écarts, {counts['file_only']} fichier seul, {counts['dossier_only']} dossier "
            "seul)".replace("_", "\u202f"),
            f"{preview:.2f} s",
            "< 2 s",
        ),
        ("Aperçu puis application de ses écarts (EJ, montants engagés)", f"{applied:.2f} s", ""),
    ]


def _write_export(dossier: Any, path: Path) -> int:
    import xlsxwriter

    repos = Repositories(dossier)
    year = max(repos.campaigns.years())
    campaign = repos.campaigns.by_year(year)
    contract = repos.contracts.main()
    state = next(f.id for f in repos.funders.all() if f.kind is FunderKind.STATE)
    assert campaign is not None and campaign.id is not None and contract is not None
    holders = {h.id: h for h in repos.holders.all()}
    granted = {
        line.action_id: line.granted_cents or line.requested_cents
        for line in repos.funding_lines.for_campaign(campaign.id)
        if line.funder_id == state
    }
    actions = repos.actions.for_campaign(campaign.id)
    kept = [a for n, a in enumerate(actions) if n % 10 != 9][: ROWS * 9 // 10]
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Extraction")
    sheet.write_row(0, 0, HEADER)
    for n, action in enumerate(kept):
        holder = holders[action.holder_id]
        cents = granted.get(action.id or 0)  # blank where the State does not fund it
        if cents is not None and n % 3 == 0:
            cents += 100_000  # engaged more than granted
        sheet.write_row(
            n + 1,
            0,
            [
                action.dauphin_number,
                holder.legal_name,
                holder.siret,
                action.title,
                cents / 100 if cents is not None else "",
                f"21{n:08d}" if cents is not None and n % 3 == 0 else "",
                contract.code,
                year,
            ],
        )
    for n in range(len(kept), ROWS):
        sheet.write_row(
            n + 1,
            0,
            [f"{year % 100:02d}9{n:05d}", f"Association nouvelle {n}", "", f"Action {n}", 1500,
             "", contract.code, year],
        )  # fmt: skip
    book.close()
    return year
