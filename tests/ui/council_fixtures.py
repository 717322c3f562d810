"""Shared helpers of the conseil citoyen UI tests: a council in the demo dossier, members,
candidate lists written as CSV files, and exit dialogs answered without a modal loop."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from contrat_desktop.domain.council import CitizenCouncil, College, Designation, Member, Sex
from contrat_desktop.domain.persons import Person
from contrat_desktop.operations.council import add_member, save_council
from contrat_desktop.ui.dialogs.council.council_exit_dialog import ExitDialog
from contrat_desktop.ui.session import DossierSession

HEADER = "Identifiant;Nom;Prénom;Sexe;Année de naissance;Quartier"


def make_council(session: DossierSession) -> CitizenCouncil:
    code = session.repos.districts.all()[0].code
    return save_council(
        session.dossier,
        CitizenCouncil(
            "Conseil citoyen des Hautes-Noues",
            district_codes=(code,),
            recognition_act_number="2015/1234",
            recognition_act_date=date(2015, 11, 2),
            host_structure="Centre social",
        ),
    )


def make_member(
    session: DossierSession, council: CitizenCouncil, name: str, **changes: Any
) -> Member:
    values: dict[str, Any] = {
        "council_id": council.id,
        "person_id": 0,
        "college": College.RESIDENTS,
        "entry_date": date(2024, 1, 10),
        "sex": Sex.FEMALE,
        "birth_year": 1970,
        "district": council.district_codes[0],
        "designation": Designation.VOLUNTEER,
    }
    values.update(changes)
    return add_member(session.dossier, Person(name), Member(**values))


def write_list(path: Path, rows: list[str]) -> Path:
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def two_lists(tmp_path: Path, district: str) -> list[Path]:
    """Twelve electors and eight tenants; Awa Diallo (1980) is on both; one row unreadable."""
    electors = [
        f"E{n};Électeur{n};Jean{n};{'F' if n % 2 else 'M'};{1950 + 3 * n};{district}"
        for n in range(1, 12)
    ]
    electors.append(f"E12;Diallo;Awa;F;1980;{district}")
    electors.append(f"E13;Sansdate;Léa;F;vers 1990;{district}")  # unreadable year
    tenants = [
        f"L{n};Locataire{n};Marie{n};{'F' if n % 2 else 'M'};{1960 + 2 * n};{district}"
        for n in range(1, 8)
    ]
    tenants.append(f"L8;DIALLO;Awa;F;1980;{district}")
    return [
        write_list(tmp_path / "electeurs.csv", electors),
        write_list(tmp_path / "locataires.csv", tenants),
    ]


@pytest.fixture
def exit_answer(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Answers ``ExitDialog`` with the date and reason put in the returned dict."""
    answer: dict[str, Any] = {"day": date(2025, 6, 1), "reason": "Déménagement", "seen": []}

    def run(dialog: ExitDialog) -> QDialog.DialogCode:
        answer["seen"].append(dialog.windowTitle())
        dialog.day.set_value(answer["day"])
        dialog.reason.setCurrentText(answer["reason"])
        if dialog.problem():
            return QDialog.DialogCode.Rejected
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExitDialog, "exec", run)
    return answer


def council_page(qtbot: Any, session: DossierSession, council: CitizenCouncil) -> Any:
    """The council area showing ``council`` (the demo dossier may hold another one)."""
    from contrat_desktop.ui.pages.council import CouncilPage

    page = CouncilPage(session)
    qtbot.addWidget(page)
    page.select_council(council.id or 0)
    return page
