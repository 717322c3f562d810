"""A request file kept per action: pieces received (with date and file), completeness in the
programmation, the pieces' list edited in the settings; bad input writes nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.attachments import AttachmentKind
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.holders import Holder, HolderKind
from contrat_desktop.domain.programmation import ProgrammationFilter, apply_filter
from contrat_desktop.domain.request_file import PieceKind, RequestPiece
from contrat_desktop.operations.attachments import attach_file
from contrat_desktop.operations.programmation import load_programmation
from contrat_desktop.operations.request_file import (
    load_piece_kinds,
    load_request_file,
    new_piece_kind,
    received_piece,
    write_piece,
    write_piece_kind,
)
from contrat_desktop.storage.database import Dossier

CERFA = [
    "Statuts de l'association",
    "Liste des dirigeants",
    "RIB",
    "Budget prévisionnel de l'association",
    "Budget du projet",
    "Compte rendu de l'action précédente",
    "Rapport d'activité",
    "Attestation sur l'honneur",
]


def fingerprint(dossier: Dossier) -> str:
    dossier.db.conn.commit()
    return hashlib.sha256(dossier.path.read_bytes()).hexdigest()


def receive_all(dossier: Dossier, action_id: int, on: date) -> None:
    file = load_request_file(dossier, action_id)
    for line in file.lines:
        current, wanted = received_piece(file, line.kind, on)
        write_piece(dossier, current, wanted)


def test_cerfa_pieces_seeded(dossier: Dossier) -> None:
    kinds = load_piece_kinds(dossier)
    assert [kind.label for kind in kinds] == CERFA
    assert all(kind.required and kind.active for kind in kinds)


def test_file_of_an_association_and_of_a_service(
    dossier: Dossier, make_action: Callable[..., Action], make_holder: Callable[..., Holder]
) -> None:
    association = make_action()
    file = load_request_file(dossier, association.id or 0)
    assert [line.kind.label for line in file.lines] == [c for c in CERFA if "précédente" not in c]
    assert not file.complete and len(file.missing) == 7
    service = make_holder(legal_name="Service jeunesse", kind=HolderKind.MUNICIPAL_SERVICE)
    renewal = make_action(holder_id=service.id, renewal_of_id=association.id)
    file = load_request_file(dossier, renewal.id or 0)
    assert [line.kind.label for line in file.lines] == [
        "Budget du projet",
        "Compte rendu de l'action précédente",
    ]
    receive_all(dossier, renewal.id or 0, date(2026, 1, 10))
    file = load_request_file(dossier, renewal.id or 0)
    assert file.complete and file.summary().startswith("Dossier complet")


def test_piece_with_its_file(
    dossier: Dossier, make_action: Callable[..., Action], tmp_path: Path
) -> None:
    action = make_action()
    other = make_action(title="Autre action")
    rib = next(k for k in load_piece_kinds(dossier) if k.label == "RIB")
    scan = tmp_path / "rib.pdf"
    scan.write_bytes(b"%PDF-1.4 rib")
    attachment = attach_file(dossier, action.id or 0, scan, AttachmentKind.BANK_DETAILS)
    saved = write_piece(
        dossier, None, RequestPiece(action.id or 0, rib.id or 0, attachment_id=attachment.id)
    )
    assert saved is not None and saved.received_on == date.today()  # a file is a received piece
    line = next(x for x in load_request_file(dossier, action.id or 0).lines if x.kind == rib)
    assert line.file_name == "rib.pdf" and line.received_on == date.today()
    before = fingerprint(dossier)
    elsewhere = RequestPiece(other.id or 0, rib.id or 0, attachment_id=attachment.id)
    with pytest.raises(ValidationError, match="pas une pièce jointe de l'action"):
        write_piece(dossier, None, elsewhere)
    tomorrow = RequestPiece(other.id or 0, rib.id or 0, date.today() + timedelta(days=1))
    with pytest.raises(ValidationError, match="dans le futur"):
        write_piece(dossier, None, tomorrow)
    assert fingerprint(dossier) == before


def test_completeness_column_and_filter(
    dossier: Dossier, make_action: Callable[..., Action], make_campaign
) -> None:  # type: ignore[no-untyped-def]
    complete = make_action(title="Complète")
    make_action(title="Incomplète")
    receive_all(dossier, complete.id or 0, date(2026, 1, 5))
    rows = load_programmation(dossier, make_campaign(2026).id)
    by_title = {row.title: row.missing_pieces for row in rows}
    assert by_title == {"Complète": 0, "Incomplète": 7}
    shown = apply_filter(rows, ProgrammationFilter(complete=True))
    assert [row.title for row in shown] == ["Complète"]
    shown = apply_filter(rows, ProgrammationFilter(complete=False))
    assert [row.title for row in shown] == ["Incomplète"]


def test_settings_list_of_pieces(dossier: Dossier, make_action: Callable[..., Action]) -> None:
    action = make_action()
    added = write_piece_kind(dossier, None, new_piece_kind(dossier, "  Attestation  d'assurance "))
    assert added is not None and added.label == "Attestation d'assurance" and added.position == 8
    assert len(load_request_file(dossier, action.id or 0).missing) == 8
    optional = write_piece_kind(dossier, added, replace(added, required=False))
    assert optional is not None
    assert len(load_request_file(dossier, action.id or 0).missing) == 7
    before = fingerprint(dossier)
    with pytest.raises(ValidationError, match="Le nom de la pièce est obligatoire"):
        write_piece_kind(dossier, None, PieceKind(label="   "))
    with pytest.raises(ValidationError, match="La pièce « RIB » existe déjà"):
        write_piece_kind(dossier, None, PieceKind(label="rib"))
    assert fingerprint(dossier) == before
    receive_all(dossier, action.id or 0, date(2026, 1, 5))
    before = fingerprint(dossier)
    statutes = load_piece_kinds(dossier)[0]
    with pytest.raises(ValidationError, match="Désactivez-la"):
        write_piece_kind(dossier, statutes, None)
    assert fingerprint(dossier) == before
    retired = write_piece_kind(dossier, statutes, replace(statutes, active=False))
    assert retired is not None
    file = load_request_file(dossier, action.id or 0)
    assert statutes.label in [line.kind.label for line in file.lines]  # still shown: recorded
    spare = write_piece_kind(dossier, None, new_piece_kind(dossier, "Plan de communication"))
    assert write_piece_kind(dossier, spare, None) is None  # never recorded: can go


def test_reminder_of_files_incomplete_at_the_deadline(
    dossier: Dossier, repos, make_action: Callable[..., Action], make_campaign
) -> None:  # type: ignore[no-untyped-def]
    from contrat_desktop.domain.workflow import ActionStatus
    from contrat_desktop.operations.reminders import count_by_kind, kind_labels, list_reminders

    campaign = make_campaign(2026)
    repos.campaigns.update(replace(campaign, filing_deadline=date(2026, 1, 15)))
    complete = make_action(title="Complète")
    incomplete = make_action(title="Incomplète")
    make_action(title="Accordée", status=ActionStatus.GRANTED)  # instructed: no longer chased
    receive_all(dossier, complete.id or 0, date(2026, 1, 5))

    def reminders(today: date) -> list:  # type: ignore[type-arg]
        found = list_reminders(dossier, 2026, today=today)
        return [r for r in found if r.kind == "request_file_incomplete"]

    assert reminders(date(2025, 12, 1)) == []  # more than two weeks before: nothing yet
    (soon,) = reminders(date(2026, 1, 10))
    assert soon.action_id == incomplete.id and soon.due_on == date(2026, 1, 15)
    assert "la date limite du 15/01/2026 est dans 5 jour(s)" in soon.text
    assert soon.tab == "dossier" and "RIB" in soon.text
    (late,) = reminders(date(2026, 2, 1))
    assert "« Incomplète » : dossier incomplet, à la date limite du 15/01/2026" in late.text
    assert kind_labels()["request_file_incomplete"] == "Dossier de demande incomplet"
    assert count_by_kind([late])["request_file_incomplete"] == 1
