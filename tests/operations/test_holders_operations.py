"""Holders use cases: totals per holder, actions across years, save/undo through
``write_record`` (audited, version-guarded)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.funders import Funder, FunderKind
from contrat_desktop.domain.funding import FundingLine, Payment, PaymentKind
from contrat_desktop.domain.holder_activity import filter_holders, fold, totals_by_year
from contrat_desktop.domain.holders import Holder, HolderKind
from contrat_desktop.domain.identifiers import make_siret
from contrat_desktop.operations.holders import (
    actions_of_holder,
    clean_holder,
    load_holders,
    same_siret,
    save_holder,
)
from contrat_desktop.storage.audit import history
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.errors import ConflictError
from contrat_desktop.storage.records import RecordWriter
from contrat_desktop.storage.repositories import Repositories


def fund(repos: Repositories, action: Action, funder: Funder, asked: int, granted: int) -> None:
    line = repos.funding_lines.add(
        FundingLine(action.id or 0, funder.id or 0, requested_cents=asked, granted_cents=granted)
    )
    repos.payments.add(Payment(line.id or 0, PaymentKind.ADVANCE, granted // 2, date(2026, 6, 1)))


def test_actions_across_years_with_totals(
    dossier: Dossier,
    repos: Repositories,
    make_holder: Callable[..., Holder],
    make_action: Callable[..., Action],
) -> None:
    state = repos.funders.add(Funder("État BOP 147", FunderKind.STATE))
    town = repos.funders.add(Funder("Ville", FunderKind.COMMUNE))
    holder = make_holder(legal_name="Médiathèque des Noues", acronym="MDN")
    idle = make_holder(legal_name="Association sans action")
    old = make_action(year=2025, holder_id=holder.id)
    new = make_action(year=2026, holder_id=holder.id)
    fund(repos, old, state, 500_000, 400_000)
    fund(repos, old, town, 200_000, 200_000)
    fund(repos, new, state, 300_000, 0)

    summaries = {s.id: s for s in load_holders(dossier)}
    assert (summaries[holder.id or 0].action_count, summaries[holder.id or 0].granted_cents) == (
        2,
        600_000,
    )
    assert (summaries[idle.id or 0].action_count, summaries[idle.id or 0].granted_cents) == (0, 0)

    rows = actions_of_holder(dossier, holder.id or 0)
    assert [(r.year, r.requested_cents, r.granted_cents, r.paid_cents) for r in rows] == [
        (2026, 300_000, 0, 0),
        (2025, 700_000, 600_000, 300_000),
    ]
    per_year = totals_by_year(rows)
    assert [(t.year, t.count, t.granted_cents) for t in per_year] == [
        (2026, 1, 0),
        (2025, 1, 600_000),
        (None, 2, 600_000),
    ]
    assert totals_by_year([]) == [totals_by_year([])[0]] and totals_by_year([])[0].count == 0


def test_filter_ignores_case_and_accents(
    dossier: Dossier, make_holder: Callable[..., Holder]
) -> None:
    make_holder(legal_name="Médiathèque des Noues", acronym="MDN", siret="33101581800056")
    make_holder(legal_name="CCAS de Villiers", kind=HolderKind.CCAS)
    rows = load_holders(dossier)
    assert fold("Médiathèque") == "mediatheque"
    assert [r.holder.acronym for r in filter_holders(rows, "MEDIATHEQUE noues")] == ["MDN"]
    assert [r.holder.acronym for r in filter_holders(rows, "331015")] == ["MDN"]
    assert [r.holder.kind for r in filter_holders(rows, "", HolderKind.CCAS)] == [HolderKind.CCAS]
    assert filter_holders(rows, "introuvable") == []


def test_save_create_update_delete_audited(dossier: Dossier, repos: Repositories) -> None:
    siret = make_siret("12345678", "0001")
    wanted = Holder(
        legal_name="  Régie de quartier ", siret=f" {siret[:9]} {siret[9:]}", rna="w941234567"
    )
    assert clean_holder(wanted).siret == siret
    created = save_holder(dossier, None, wanted)
    assert created is not None and created.id is not None
    assert (created.legal_name, created.siret, created.rna) == (
        "Régie de quartier",
        siret,
        "W941234567",
    )
    edited = save_holder(dossier, created, Holder(legal_name="Régie de quartier", city="Villiers"))
    assert edited is not None and edited.version == 2 and edited.siret == ""
    fields = {e.field for e in history(dossier.db, "holder", created.id) if e.operation == "update"}
    assert {"city", "siret", "rna"} <= fields
    back = save_holder(dossier, edited, created)  # undo of the edit
    assert back is not None and back.city == "" and back.siret == siret
    assert save_holder(dossier, back, None) is None  # undo of the creation
    assert repos.holders.find(created.id) is None


def test_rules_and_duplicates(dossier: Dossier, make_holder: Callable[..., Holder]) -> None:
    first = make_holder(siret="33101581800056")
    with pytest.raises(ValidationError, match="clé de contrôle"):
        save_holder(dossier, None, Holder(legal_name="X", siret="33101581800057"))
    with pytest.raises(ValidationError, match="obligatoire"):
        save_holder(dossier, None, Holder(legal_name=" "))
    with pytest.raises(ValidationError, match="invalide"):
        save_holder(dossier, None, Holder(legal_name="X", contact_email="a@b"))
    twin = Holder(legal_name="Autre nom", siret="33101581800056")
    assert [h.id for h in same_siret(dossier, twin)] == [first.id]
    assert same_siret(dossier, first) == []


def test_someone_elses_change_is_not_overwritten(
    dossier: Dossier, make_holder: Callable[..., Holder]
) -> None:
    holder = make_holder()
    RecordWriter(dossier.db, "dominique").update("holder", holder.id or 0, {"city": "Bry"}, 1)
    with pytest.raises(ConflictError, match="dominique"):
        save_holder(dossier, holder, Holder(legal_name="Nouveau nom"))


def test_older_edit_can_be_undone_after_a_newer_one(
    dossier: Dossier, make_holder: Callable[..., Holder]
) -> None:
    """Only the version moved (our own later edit, undone): the undo is not a conflict."""
    v1 = make_holder()
    v2 = save_holder(dossier, v1, Holder(legal_name=v1.legal_name, city="A"))
    v3 = save_holder(dossier, v2, Holder(legal_name=v1.legal_name, city="B"))
    v4 = save_holder(dossier, v3, v2)  # undo the second edit
    assert v4 is not None and v4.city == "A" and v4.version == 4
    back = save_holder(dossier, v2, v1)  # undo the first edit, from a stale version
    assert back is not None and back.city == ""
