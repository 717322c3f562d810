"""Reading a workbook to import as the window does it, off the GUI thread: the cheap
refusals first, then the plan against the dossier on a read-only connection of its own, and
the columns of the target. What it hands back is plain data, safe to pass between threads."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from contrat_desktop.exchange.layout import Layout
from contrat_desktop.exchange.workbook_file import SheetInfo, open_workbook
from contrat_desktop.operations.import_plan import ImportPlan
from contrat_desktop.operations.imports import campaign_years, plan_import, target_layout
from contrat_desktop.storage.database import open_dossier


class Control(Protocol):
    """A cancel checkpoint and a progress reporter (the window's ``TaskControl``)."""

    def check(self) -> None: ...

    def report(self, done: int, total: int) -> None: ...


@dataclass(frozen=True, slots=True)
class ImportReading:
    """What the worker hands back: plain data, safe to pass between threads."""

    sheets: tuple[SheetInfo, ...]
    plan: ImportPlan
    layout: Layout
    campaign_years: tuple[int, ...] = ()  # the dossier's, to offer when the file says none


@dataclass(frozen=True, slots=True)
class ReadRequest:
    path: Path
    sheet: str | None = None
    include_hidden: bool = False
    mapping: dict[int, str] | None = None
    year: int | None = None  # the campaign, when the person had to say it


def read_workbook(
    dossier_path: Path, user: str, request: ReadRequest, control: Control
) -> ImportReading:
    """Refuse or read the file, then plan it against the dossier (opened read-only)."""
    control.check()
    sheets = open_workbook(request.path).sheets  # the cheap refusals come first
    control.check()
    with open_dossier(dossier_path, user=user, read_only=True, daily_backup=False) as dossier:
        plan = plan_import(
            dossier,
            request.path,
            sheet=request.sheet,
            include_hidden=request.include_hidden,
            mapping=request.mapping,
            year=request.year,
            progress=control.report,
        )
        layout = target_layout(dossier, plan.layout)
        years = campaign_years(dossier)
    control.check()
    return ImportReading(sheets, plan, layout, years)
