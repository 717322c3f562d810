"""The council's records as the editors write them (council, mandate with its person) and the
draw as the draw dialog runs it: audited, all or nothing, refused with a French message."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from contrat_desktop.domain.council import CitizenCouncil, Sex
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.quotas import Dimension, Quota
from contrat_desktop.exchange.candidate_lists import read_candidate_list
from contrat_desktop.operations.audit_trail import record_history
from contrat_desktop.operations.council_draw import DrawSetting, draw_from_files, perform_draw
from contrat_desktop.operations.council_records import (
    MemberFile,
    draws_of_council,
    find_council,
    find_member_file,
    load_councils,
    load_draw,
    load_member_file,
    mandates_of_person,
    members_and_names,
    person_name,
    write_council,
    write_mandate,
    write_member_file,
)
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.errors import ConflictError, DossierError
from tests.operations.conftest import MakeMember

HEADER = "Identifiant;Nom;Prénom;Sexe;Année de naissance;Quartier\n"


def test_write_council_creates_updates_and_undoes(dossier: Dossier) -> None:
    created = write_council(dossier, None, CitizenCouncil("Conseil du Centre", ("QP1",)))
    assert created is not None and created.id is not None
    renamed = write_council(dossier, created, replace(created, name="Conseil du centre-ville"))
    assert renamed is not None and renamed.version == created.version + 1
    assert [c.name for c in load_councils(dossier)] == ["Conseil du centre-ville"]
    assert write_council(dossier, renamed, None) is None  # the undo of the creation
    assert find_council(dossier, created.id) is None
    operations = [e.operation for e in record_history(dossier, "council", created.id)]
    assert operations == ["create", "update", "delete"]


def test_write_council_refuses_a_council_without_name(dossier: Dossier) -> None:
    with pytest.raises(Exception, match="nom"):
        write_council(dossier, None, CitizenCouncil("  ", ("QP1",)))
    assert load_councils(dossier) == []


def test_member_file_is_written_whole_or_not_at_all(
    dossier: Dossier, council: CitizenCouncil, make_member: MakeMember
) -> None:
    member = make_member("Awa Diallo")
    before = load_member_file(dossier, member.id or 0)
    wanted = MemberFile(
        replace(before.person, email="awa@exemple.fr"), replace(before.member, birth_year=1981)
    )
    saved = write_member_file(dossier, before, wanted)
    assert saved is not None
    assert find_member_file(dossier, member.id or 0) == saved
    assert saved.person.email == "awa@exemple.fr" and saved.member.birth_year == 1981
    # someone else's change meanwhile: refused, and neither the person nor the mandate moves
    stale = replace(wanted, person=replace(wanted.person, phone="01 02 03 04 05"))
    with pytest.raises(ConflictError):
        write_member_file(dossier, before, stale)
    assert find_member_file(dossier, member.id or 0) == saved
    with pytest.raises(DossierError, match="jamais supprimé"):
        write_member_file(dossier, saved, None)


def test_member_file_creation_makes_the_person_and_the_mandate(
    dossier: Dossier, council: CitizenCouncil, make_member: MakeMember
) -> None:
    model = load_member_file(dossier, make_member("Modèle").id or 0)
    wanted = MemberFile(
        replace(model.person, id=None, name="Léa Roux", version=1),
        replace(model.member, id=None, person_id=0, sex=Sex.FEMALE, version=1),
    )
    created = write_member_file(dossier, None, wanted)
    assert created is not None and created.member.person_id == created.person.id
    assert created.person.council_member
    members, names = members_and_names(dossier, council.id or 0)
    assert sorted(names[m.person_id] for m in members) == ["Léa Roux", "Modèle"]
    assert person_name(dossier, created.person.id or 0) == "Léa Roux"
    assert mandates_of_person(dossier, created.person.id or 0) == [created.member]


def test_write_mandate_records_an_exit_and_its_undo(
    dossier: Dossier, council: CitizenCouncil, make_member: MakeMember
) -> None:
    member = make_member("Awa Diallo")
    left = write_mandate(
        dossier, member, replace(member, exit_date=date(2020, 1, 1), exit_reason="Départ")
    )
    assert left is not None and left.exit_date == date(2020, 1, 1)
    back = write_mandate(dossier, left, member)
    assert back is not None and back.exit_date is None


def write_list(path: Path, count: int) -> Path:
    rows = [f"E{n};Nom{n};Prénom{n};{'F' if n % 2 else 'M'};{1950 + n};QP1" for n in range(count)]
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return path


SETTING = DrawSetting(
    seats=4,
    seed="graine-2025",
    reference_year=2025,
    quotas=(Quota(Dimension.SEX, "F", 2, 2), Quota(Dimension.SEX, "M", 2, 2)),
    reserve_size=2,
    place="Mairie",
    witnesses=("Jeanne Martin",),
)


def test_perform_draw_keeps_the_lists_and_the_record(
    dossier: Dossier, council: CitizenCouncil, tmp_path: Path
) -> None:
    path = write_list(tmp_path / "electeurs.csv", 12)
    record = perform_draw(
        dossier,
        [(path, read_candidate_list(path))],
        SETTING,
        council.id or 0,
        datetime(2025, 3, 1, 10, 0),
    )
    assert len(record.selected) == 4 and len(record.reserve) == 2
    assert record.place == "Mairie" and record.witnesses == ("Jeanne Martin",)
    assert draws_of_council(dossier, council.id or 0) == [record]
    assert load_draw(dossier, record.id or 0) == record


def test_perform_draw_refuses_a_list_changed_since_it_was_read(
    dossier: Dossier, council: CitizenCouncil, tmp_path: Path
) -> None:
    first = write_list(tmp_path / "a.csv", 12)
    second = write_list(tmp_path / "b.csv", 6)
    readings = [(first, read_candidate_list(first)), (second, read_candidate_list(second))]
    write_list(second, 7)  # changed after it was shown
    with pytest.raises(DossierError, match="a changé depuis sa lecture"):
        perform_draw(dossier, readings, SETTING, council.id or 0, datetime(2025, 3, 1))
    # all or nothing: the first list is not kept either
    assert dossier.db.execute("SELECT count(*) FROM candidate_list").fetchone()[0] == 0
    assert draws_of_council(dossier, council.id or 0) == []


def test_draw_from_files_keeps_lists_record_and_writes_the_record_pdf(
    dossier: Dossier, council: CitizenCouncil, tmp_path: Path
) -> None:
    path = write_list(tmp_path / "electeurs.csv", 12)
    with path.open("a", encoding="utf-8") as more:
        more.write("E99;Sansdate;Léa;F;vers 1990;QP1\n")  # left out, said to on_read
    seen: list[tuple[str, int]] = []
    output = tmp_path / "pv.pdf"
    record = draw_from_files(
        dossier,
        [path],
        SETTING,
        None,  # the dossier's only council
        datetime(2025, 3, 1, 10, 0),
        output,
        on_read=lambda kept, reading: seen.append((kept.name, len(reading.issues))),
    )
    assert record.council_id == council.id and len(record.selected) == 4
    assert seen == [("electeurs", 1)]
    assert draws_of_council(dossier, council.id or 0) == [record]
    text = "".join(page.extract_text() for page in PdfReader(output).pages)
    assert "graine-2025" in text


def test_draw_from_files_keeps_nothing_when_the_record_cannot_be_written(
    dossier: Dossier, council: CitizenCouncil, tmp_path: Path
) -> None:
    path = write_list(tmp_path / "electeurs.csv", 12)
    taken = tmp_path / "pv.pdf"
    taken.mkdir()  # a folder where the record should go: the write itself fails
    with pytest.raises(OSError):
        draw_from_files(dossier, [path], SETTING, council.id, datetime(2025, 3, 1), taken)
    with pytest.raises(ValidationError, match="n'existe pas"):
        nowhere = tmp_path / "absent" / "pv.pdf"
        draw_from_files(dossier, [path], SETTING, council.id, datetime(2025, 3, 1), nowhere)
    assert dossier.db.execute("SELECT count(*) FROM candidate_list").fetchone()[0] == 0
    assert draws_of_council(dossier, council.id or 0) == []
