"""Ask the campaign of a workbook that does not say it (no year column, no « exercice 2023 »
in a title): its new actions go nowhere until the person says where."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from contrat_desktop.exchange.campaign_year import FIRST_YEAR, LAST_YEAR
from contrat_desktop.operations.import_plan import ImportPlan, RowKind

TITLE = "Campagne du classeur"


def ask_campaign_year(parent: QWidget | None, plan: ImportPlan, years: Sequence[int]) -> int | None:
    """The year the person chooses or types; ``None`` if they cancel (the new rows are then
    shown as not creatable)."""
    this_year = date.today().year
    offered = sorted({*years, this_year, this_year + 1}, reverse=True)
    new = len(plan.of_kind(RowKind.NEW)) + len(plan.of_kind(RowKind.AMBIGUOUS))
    text, chosen = QInputDialog.getItem(
        parent,
        TITLE,
        f"Le classeur « {plan.file_name} » n'indique pas l'année de sa campagne (ni colonne "
        "« Exercice » ou « Année », ni titre comme « exercice 2023 »).\n"
        f"À quelle campagne appartiennent ses {new} ligne(s) sans action dans le dossier ?\n"
        "(Annuler : elles ne pourront pas être créées.)",
        [str(year) for year in offered],
        offered.index(max(years, default=this_year)),  # the dossier's latest, chosen first
        True,
    )
    if not chosen:
        return None
    year = text.strip()
    if not year.isdigit() or not FIRST_YEAR <= int(year) <= LAST_YEAR:
        QMessageBox.warning(
            parent,
            TITLE,
            f"« {text} » n'est pas une année de campagne (attendu entre {FIRST_YEAR} et "
            f"{LAST_YEAR}) : les lignes nouvelles ne pourront pas être créées.",
        )
        return None
    return int(year)
