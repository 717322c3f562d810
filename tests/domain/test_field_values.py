"""Stored values as people read them in the journal: French labels of fields and codes,
French dates, euros, names behind ids and codes (QA: raw codes, JSON and ISO dates)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from contrat_desktop.domain.field_labels import FIELD_LABELS, field_label
from contrat_desktop.domain.field_values import display_value, readable_snapshot, snapshot_text
from contrat_desktop.domain.money import format_cents

NAMES = {
    "funder": {1: "État", 2: "Ville"},
    "body_kind": {"copil": "Comité de pilotage (COPIL)"},
    "district_code": {"QP094043": "Les Hautes-Noues"},
}


def test_codes_are_shown_by_their_french_labels() -> None:
    assert display_value("minutes_status", "brouillon", {}, "meeting") == "Brouillon"
    assert display_value("minutes_status", "valide", {}, "meeting") == "Validé"
    assert display_value("opinion", "favorable_sous_reserve", {}) == "Favorable sous réserve"
    assert display_value("presence", "absent", {}) == "Absent(e)"
    assert display_value("presence", "represente", {}) == "Représenté(e)"
    assert display_value("kind", "service_municipal", {}, "holder") == "Service municipal"
    assert display_value("kind", "organisme_social", {}, "funder") == "Organisme social (CAF...)"
    assert display_value("kind", "solde", {}, "payment") == "Solde"
    assert display_value("college", "acteurs_locaux", {}) == "Associations et acteurs locaux"
    assert display_value("designation", "designe_association", {}) == (
        "Désigné(e) par une association"
    )
    assert display_value("role", "principal", {}, "setting") == "Dossier principal"
    assert display_value("kind_code", "copil", NAMES, "body") == "Comité de pilotage (COPIL)"


def test_dates_amounts_lists_and_links() -> None:
    assert display_value("starts_at", "2016-03-20T14:00:00", {}) == "20/03/2016 14:00"
    assert display_value("filing_deadline", "2016-01-31", {}) == "31/01/2016"
    assert display_value("committee_dates", '["2016-03-20", "2016-04-28"]', {}) == (
        "20/03/2016, 28/04/2016"
    )
    assert display_value("amounts", '{"1": 390000, "2": 5000}', NAMES) == (
        f"État : {format_cents(390000)} ; Ville : {format_cents(5000)}"
    )
    assert display_value("district_codes", '["QP094043"]', NAMES) == "Les Hautes-Noues"
    assert display_value("decision_reference", "2015-01-0055", {}) == "2015-01-0055"
    assert display_value("active", "1", {}) == "Oui"
    signatories = '[{"name": "Le maire", "role": "Co-président"}]'
    assert display_value("signatories", signatories, {}, "setting") == "Le maire (Co-président)"
    assert display_value("organisation_name", '"Ville de Test"', {}, "setting") == "Ville de Test"


def test_fields_are_labelled_in_french_by_table() -> None:
    assert field_label("contact_email", "holder") == "Courriel du contact"
    assert field_label("address", "holder") == "Adresse"
    assert field_label("kind", "holder") == "Type de porteur"
    assert field_label("kind", "payment") == "Type de versement"
    assert field_label("starts_at", "meeting") == "Date et heure"
    assert field_label("filing_deadline", "campaign") == "Date limite de dépôt"
    assert field_label("minutes_status", "meeting") == "Compte rendu"
    assert field_label("council.rule.parity_residents", "setting").startswith(
        "Règle du conseil citoyen : Parité"
    )


def test_a_created_record_is_summed_up_in_french() -> None:
    holder = {
        "id": 3, "legal_name": "Centre social", "kind": "service_municipal",
        "address": "1 rue Haute", "contact_email": "a@b.fr", "sha256": "ab12",
    }  # fmt: skip
    text = snapshot_text(holder, {}, "holder")
    assert text == (
        "Raison sociale : Centre social ; Type de porteur : Service municipal ; "
        "Adresse : 1 rue Haute ; Courriel du contact : a@b.fr"
    )
    council = '{"college": "habitants", "council_id": 1, "entry_date": "2016-01-05"}'
    assert readable_snapshot(council, "council_member") == (
        "Collège : Habitants ; Date d'entrée : 05/01/2016"
    )


@given(field=st.sampled_from(sorted(FIELD_LABELS)), value=st.text(max_size=40))
def test_any_stored_text_is_shown_without_failing(field: str, value: str) -> None:
    shown = display_value(field, value, NAMES)
    assert isinstance(shown, str)
