"""Completeness of a request file: which pieces apply, which are missing."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from contrat_desktop.domain.holders import HolderKind
from contrat_desktop.domain.request_file import (
    PieceKind,
    completeness_label,
    expected_pieces,
    kind_problems,
    missing_pieces,
)

KINDS = [
    PieceKind("Statuts de l'association", services_exempt=True, position=0, id=1),
    PieceKind("RIB", services_exempt=True, position=1, id=2),
    PieceKind("Budget du projet", position=2, id=3),
    PieceKind("Compte rendu de l'action précédente", renewals_only=True, position=3, id=4),
    PieceKind("Lettre de soutien", required=False, position=4, id=5),
    PieceKind("Ancienne pièce", active=False, position=5, id=6),
]


def labels(kinds: list[PieceKind]) -> list[str]:
    return [kind.label for kind in kinds]


def test_which_pieces_apply() -> None:
    association = expected_pieces(KINDS, HolderKind.ASSOCIATION, is_renewal=False)
    assert labels(association) == [
        "Statuts de l'association", "RIB", "Budget du projet", "Lettre de soutien",
    ]  # fmt: skip
    service = expected_pieces(KINDS, HolderKind.MUNICIPAL_SERVICE, is_renewal=True)
    assert labels(service) == [
        "Budget du projet", "Compte rendu de l'action précédente", "Lettre de soutien",
    ]  # fmt: skip
    # the town's CCAS has no association statutes either; an EPT or a public body has its own
    assert expected_pieces(KINDS, HolderKind.CCAS, is_renewal=True) == service
    public_body = expected_pieces(KINDS, HolderKind.PUBLIC_BODY, is_renewal=False)
    assert labels(public_body) == labels(association)


def test_missing_and_label() -> None:
    missing = missing_pieces(KINDS, {1, 3}, HolderKind.ASSOCIATION, is_renewal=True)
    assert labels(missing) == ["RIB", "Compte rendu de l'action précédente"]
    assert completeness_label(len(missing)) == "2 manquantes"
    assert completeness_label(1) == "1 manquante"
    assert missing_pieces(KINDS, {3}, HolderKind.MUNICIPAL_SERVICE, is_renewal=False) == []
    assert completeness_label(0) == "Complet"


@given(
    st.sets(st.integers(1, 6)),
    st.sampled_from(list(HolderKind)),
    st.booleans(),
    st.integers(1, 6),
)
def test_receiving_a_piece_never_makes_a_file_less_complete(
    received: set[int], kind: HolderKind, renewal: bool, more: int
) -> None:
    before = missing_pieces(KINDS, received, kind, renewal)
    after = missing_pieces(KINDS, received | {more}, kind, renewal)
    assert set(labels(after)) <= set(labels(before))
    everything = {k.id for k in KINDS if k.id}
    assert missing_pieces(KINDS, everything, kind, renewal) == []
    # complete exactly when every required piece that applies is received
    required = {k.id for k in expected_pieces(KINDS, kind, renewal) if k.required}
    assert (before == []) == (required <= received)


def test_piece_names_are_checked() -> None:
    assert labels_of_problems(PieceKind("  ")) == ["Le nom de la pièce est obligatoire."]
    assert labels_of_problems(PieceKind(" rib ")) == ["La pièce « RIB » existe déjà."]
    assert labels_of_problems(PieceKind("RIB", id=2)) == []


def labels_of_problems(kind: PieceKind) -> list[str]:
    return [problem.message for problem in kind_problems(kind, KINDS)]
