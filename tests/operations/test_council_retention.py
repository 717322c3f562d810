"""Retention settings: seeded defaults, older dossiers without them, and the list delay."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from contrat_desktop.domain.council import CitizenCouncil
from contrat_desktop.domain.draw import Candidate, CandidateList, DrawRequest
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.privacy import RetentionSettings
from contrat_desktop.operations.council import record_exit, run_draw
from contrat_desktop.operations.council_privacy import (
    load_retention,
    retention_preview,
    save_retention,
)
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories
from tests.operations.conftest import MakeMember


def test_a_new_dossier_is_seeded_with_the_retention_settings(dossier: Dossier) -> None:
    settings = Repositories(dossier).settings
    assert settings.get("council.retention_months") == 24
    assert settings.get("council.candidate_lists_retention_months") == 2
    assert load_retention(dossier) == RetentionSettings(24, 2)


def test_an_older_dossier_without_the_settings_gets_the_defaults(dossier: Dossier) -> None:
    dossier.db.execute("DELETE FROM setting WHERE key LIKE 'council.%retention_months'")
    assert Repositories(dossier).settings.get("council.retention_months") is None
    assert load_retention(dossier) == RetentionSettings(24, 2)
    assert retention_preview(dossier, date(2026, 1, 1)).months == 24


def test_saved_settings_are_used_and_checked(dossier: Dossier) -> None:
    save_retention(dossier, RetentionSettings(36, 0))
    assert load_retention(dossier) == RetentionSettings(36, 0)
    plan = retention_preview(dossier, date(2026, 1, 1))
    assert (plan.months, plan.list_months) == (36, 0)
    with pytest.raises(ValidationError, match="de 1 à 120 mois"):
        save_retention(dossier, RetentionSettings(0, 2))
    assert load_retention(dossier) == RetentionSettings(36, 0)


def test_a_former_member_is_due_24_months_after_leaving(
    dossier: Dossier, make_member: MakeMember
) -> None:
    gone = make_member("Awa Diallo")
    record_exit(dossier, gone.id or 0, date(2016, 3, 15), "Déménagement")
    make_member("Paul Martin")  # still sitting: never due
    assert retention_preview(dossier, date(2018, 3, 14)).persons == ()
    assert retention_preview(dossier, date(2018, 3, 15)).persons == (
        (gone.person_id, "Awa Diallo"),
    )


def test_a_candidate_list_is_purged_two_months_after_the_draw(
    dossier: Dossier, council: CitizenCouncil
) -> None:
    people = tuple(Candidate(str(n), f"Candidat n° {n}") for n in range(5))
    lst = Repositories(dossier).candidate_lists.add(CandidateList("Électeurs", candidates=people))
    request = DrawRequest((lst,), 2, "graine", 2015)
    run_draw(dossier, request, drawn_at=datetime(2015, 1, 15, 18), council_id=council.id)
    assert retention_preview(dossier, date(2015, 3, 14)).lists == ()
    assert retention_preview(dossier, date(2015, 3, 15)).lists == ((lst.id, "Électeurs", 5),)
    assert retention_preview(dossier, date(2015, 1, 15), list_months=0).lists != ()
