"""Council, members, lists, draw and reserve on a real dossier; RGPD erasure, export, retention."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from contrat_desktop.domain.council import CitizenCouncil, College, Designation, Member, Sex
from contrat_desktop.domain.draw import DrawRequest
from contrat_desktop.domain.persons import Person
from contrat_desktop.domain.quotas import Dimension, Quota, quota_problems
from contrat_desktop.operations.council import (
    add_member,
    council_overview,
    import_candidate_list,
    record_exit,
    replace_from_reserve,
    run_draw,
    save_council,
)
from contrat_desktop.operations.council_privacy import (
    anonymise_person,
    apply_retention,
    export_person,
    retention_preview,
)
from contrat_desktop.storage.audit import history
from contrat_desktop.storage.database import Dossier, open_dossier
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.storage.migrations import applied_names
from contrat_desktop.storage.repositories import Repositories

SECRET_NAME = "Zébulonne Quatremare"
SECRET_EMAIL = "zebulonne.quatremare@exemple.fr"
SECRET_PHONE = "06 12 34 56 78"
QUOTAS = (Quota(Dimension.SEX, "F", 3, 3), Quota(Dimension.SEX, "M", 3, 3))


def write_csv(path: Path, rows: list[str]) -> Path:
    path.write_text("Identifiant;Nom;Prénom;Sexe;Année de naissance;Quartier\n" + "\n".join(rows))
    return path


@pytest.fixture
def council(dossier: Dossier) -> CitizenCouncil:
    # Debian's SQLite zeroes deleted content by default, python.org's Windows build does not:
    # test as on Windows, so erasure must not rely on it.
    dossier.db.execute("PRAGMA secure_delete = OFF")
    return save_council(
        dossier,
        CitizenCouncil(
            "Conseil citoyen des Hautes-Noues",
            district_codes=("QP094017",),
            recognition_act_number="2015/1234",
            recognition_act_date=date(2015, 11, 2),
            host_structure="Centre social",
        ),
    )


def test_migration_0005_is_applied(dossier: Dossier) -> None:
    assert "0005_council" in applied_names(dossier.db)


def member(council: CitizenCouncil, sex: Sex, **changes: object) -> Member:
    values: dict[str, object] = {
        "council_id": council.id,
        "person_id": 0,
        "college": College.RESIDENTS,
        "entry_date": date(2025, 1, 10),
        "sex": sex,
        "birth_year": 1957,
        "district": "QP094017",
        "designation": Designation.DRAW,
        "draw_list": "Électeurs",
        "consent_date": date(2025, 1, 10),
        "consent_purpose": "Participation au conseil citoyen",
    }
    return Member(**{**values, **changes})  # type: ignore[arg-type]


def test_members_history_and_overview(dossier: Dossier, council: CitizenCouncil) -> None:
    assert council.id is not None
    first = add_member(dossier, Person("Awa Diallo"), member(council, Sex.FEMALE))
    add_member(dossier, Person("Paul Martin"), member(council, Sex.MALE, official=True))
    gone = record_exit(dossier, first.id or 0, date(2025, 6, 1), "Déménagement")
    assert gone.exit_date == date(2025, 6, 1) and gone.entry_date == date(2025, 1, 10)
    with pytest.raises(DossierError, match="jamais supprimé"):
        Repositories(dossier).council_members.delete(gone)
    assert [e.field for e in history(dossier.db, "council_member", gone.id or 0)][-2:] == [
        "exit_date",
        "exit_reason",
    ]
    overview = council_overview(dossier, council.id, date(2025, 7, 1))
    assert overview.counts.total == 1
    rules = [w.rule for w in overview.warnings]
    assert "no_officials" in rules and "size_range" in rules
    assert "Paul Martin" in next(w.message for w in overview.warnings if w.rule == "no_officials")


def test_list_import_draw_record_and_reserve(
    dossier: Dossier, council: CitizenCouncil, tmp_path: Path
) -> None:
    rows = [f"{n};Nom{n};Prénom{n};{'F' if n % 2 else 'M'};{1950 + n};QP094017" for n in range(30)]
    rows.append("99;;;F;1980;QP094017")  # no name: reported, left out
    stored, reading = import_candidate_list(dossier, write_csv(tmp_path / "electeurs.csv", rows))
    assert stored.size == 30 and len(reading.issues) == 1 and len(stored.file_sha256) == 64
    assert Repositories(dossier).candidate_lists.get(stored.id or 0).candidates == stored.candidates
    request = DrawRequest((stored,), 6, "graine-2025", 2025, QUOTAS, reserve_size=10)
    record = run_draw(dossier, request, drawn_at=datetime(2025, 1, 9, 18), council_id=council.id)
    again = Repositories(dossier).draws.get(record.id or 0)
    assert again == record and len(again.reserve) == 10
    members = [
        add_member(
            dossier,
            Person(c.name),
            member(council, c.sex or Sex.FEMALE, birth_year=c.birth_year, draw_id=record.id),
        )
        for c in record.selected
    ]
    leaving = members[0]
    seated = replace_from_reserve(
        dossier, record.id or 0, leaving.id or 0, date(2025, 9, 1), "Démission"
    )
    assert seated is not None and seated.sex is leaving.sex and seated.draw_id == record.id
    current = [
        m for m in Repositories(dossier).council_members.all() if m.active_on(date(2025, 9, 2))
    ]
    assert len(current) == 6 and not quota_problems(current, QUOTAS, 2025)


def test_anonymisation_leaves_no_trace_in_the_file(
    dossier: Dossier, dossier_path: Path, council: CitizenCouncil, tmp_path: Path
) -> None:
    person = Person(SECRET_NAME, email=SECRET_EMAIL, phone=SECRET_PHONE)
    created = add_member(dossier, person, member(council, Sex.FEMALE))
    repos = Repositories(dossier)
    stored = repos.persons.get(created.person_id)
    repos.persons.update(Person(**{**_fields(stored), "role": "Habitante"}))  # more audit rows
    rows = ["1;Quatremare;Zébulonne;F;1957;QP094017", "2;Autre;Personne;M;1970;QP094017"]
    lst, _ = import_candidate_list(dossier, write_csv(tmp_path / "liste.csv", rows))
    request = DrawRequest((lst,), 1, "s", 2025, (Quota(Dimension.SEX, "F", 1, 1),))
    run_draw(dossier, request, drawn_at=datetime(2025, 1, 9, 18), council_id=council.id)
    before = dossier_path.read_bytes()
    assert SECRET_NAME.encode() in before
    anonymise_person(dossier, created.person_id, date(2026, 1, 1))
    dossier.close()
    raw = dossier_path.read_bytes()
    for secret in (SECRET_NAME, "Quatremare", SECRET_EMAIL, SECRET_PHONE):
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            assert secret.encode(encoding) not in raw, (secret, encoding)
    with open_dossier(dossier_path, daily_backup=False) as reopened:
        repos = Repositories(reopened)
        again = repos.council_members.for_person(created.person_id)[0]
        assert again.birth_year is None and again.anonymised_on == date(2026, 1, 1)
        assert again.sex is Sex.FEMALE  # counts kept
        assert repos.persons.get(created.person_id).name.startswith("Personne anonymisée")


def _fields(person: Person) -> dict[str, object]:
    return {k: getattr(person, k) for k in Person.__slots__}  # type: ignore[attr-defined]


def test_export_of_one_person(dossier: Dossier, council: CitizenCouncil, tmp_path: Path) -> None:
    created = add_member(
        dossier, Person(SECRET_NAME, email=SECRET_EMAIL), member(council, Sex.FEMALE)
    )
    target = tmp_path / "personne.xlsx"
    export_person(dossier, created.person_id, target)
    book = CalamineWorkbook.from_path(str(target))
    assert book.sheet_names == [
        "Personne", "Mandats", "Présences", "Listes de candidats", "Tirages", "Journal"
    ]  # fmt: skip
    person = book.get_sheet_by_name("Personne").to_python()
    assert person[1][0] == SECRET_NAME and person[1][3] == SECRET_EMAIL
    mandates = book.get_sheet_by_name("Mandats").to_python()
    assert mandates[1][2] == 1957 and mandates[1][11] == "Participation au conseil citoyen"
    journal = book.get_sheet_by_name("Journal").to_python()
    assert len(journal) >= 3
    created_row = next(r for r in journal[1:] if r[2] == "Personne – Création")
    assert f"Nom : {SECRET_NAME}" in created_row[5]  # a snapshot read as « Champ : valeur »
    assert any(r[2] == "Membre du conseil citoyen – Création" for r in journal[1:])
    assert not any("{" in str(cell) for r in journal for cell in r)  # no raw JSON


def test_retention_preview_then_apply(
    dossier: Dossier, dossier_path: Path, council: CitizenCouncil, tmp_path: Path
) -> None:
    old = add_member(
        dossier, Person("Ancien Membre"), member(council, Sex.MALE, entry_date=date(2020, 1, 1))
    )
    record_exit(dossier, old.id or 0, date(2024, 1, 31), "Fin de mandat")
    recent = add_member(dossier, Person("Sortie Récente"), member(council, Sex.FEMALE))
    record_exit(dossier, recent.id or 0, date(2025, 12, 1), "Déménagement")
    rows = ["1;Un;A;F;1960;QP094017", "2;Purgeable;Bartholomée;M;1961;QP094017"]
    drawn, _ = import_candidate_list(dossier, write_csv(tmp_path / "a.csv", rows), name="Tirée")
    kept, _ = import_candidate_list(dossier, write_csv(tmp_path / "b.csv", rows[:1]), keep=True)
    women = (Quota(Dimension.SEX, "F", 1, 1),)  # the man is neither drawn nor in reserve
    request = DrawRequest((drawn, kept), 1, "x", 2025, women, reserve_size=0)
    run_draw(dossier, request, drawn_at=datetime(2025, 1, 1))
    plan = retention_preview(dossier, date(2026, 3, 1), months=12)
    assert plan.persons == ((old.person_id, "Ancien Membre"),)
    assert plan.lists == ((drawn.id, "Tirée", 2),)
    apply_retention(dossier, plan, date(2026, 3, 1))
    repos = Repositories(dossier)
    assert repos.candidate_lists.get(drawn.id or 0).candidates == ()
    assert repos.candidate_lists.get(drawn.id or 0).size == 2
    assert len(repos.candidate_lists.get(kept.id or 0).candidates) == 1
    assert repos.persons.get(old.person_id).name.startswith("Personne anonymisée")
    assert retention_preview(dossier, date(2026, 3, 1), months=12).empty
    assert "Bartholomée".encode() not in dossier_path.read_bytes()  # freed pages wiped too


def test_anonymisation_rewrites_the_validated_minutes_that_name_the_person(
    tmp_path: Path,
) -> None:
    import io

    from pypdf import PdfReader

    from contrat_desktop.operations.dossiers import create_dossier
    from contrat_desktop.operations.meeting_documents import minutes_bytes
    from contrat_desktop.samples import fill_demo

    path = create_dossier(tmp_path / "demo.cdv", fill=fill_demo)
    with open_dossier(path, daily_backup=False) as demo:
        repos = Repositories(demo)
        person = next(p for p in repos.persons.all() if p.name == "Aïcha Traoré")
        copil = next(m for m in repos.meetings.all() if repos.minutes_documents.latest(m.id or 0))
        before = repos.minutes_documents.latest(copil.id or 0)
        assert before is not None

        def text() -> str:
            content = minutes_bytes(demo, copil.id or 0)  # checked against its checksum
            return "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)

        assert "Aïcha Traoré" in text()
        anonymise_person(demo, person.id or 0, date(2026, 11, 22))
        after = repos.minutes_documents.latest(copil.id or 0)
        assert after is not None and after.sha256 != before.sha256
        assert "Traoré" not in text() and "Personne anonymisée" in text()
        assert "Hélène Garnier" in text()  # the others stay
        notes = demo.db.execute(
            "SELECT count(*) FROM audit WHERE entity = 'minutes_document' "
            "AND operation = 'anonymisation'"
        ).fetchone()[0]
        assert notes >= 1


def test_erasure_touches_that_person_only(
    dossier: Dossier, dossier_path: Path, council: CitizenCouncil, tmp_path: Path
) -> None:
    ba = add_member(dossier, Person("Ali Ba"), member(council, Sex.MALE, birth_year=1980))
    bakri = add_member(dossier, Person("Ali Bakri"), member(council, Sex.MALE, birth_year=1981))
    repos = Repositories(dossier)
    homonym = repos.persons.add(Person("Ali Ba", organisation="Mission locale"))  # someone else
    rows = ["BV-777;Ba;Ali;M;1980;QP094017", "BV-778;Ba;Ali;M;1951;QP094017"]
    import_candidate_list(dossier, write_csv(tmp_path / "liste.csv", rows))
    anonymise_person(dossier, ba.person_id, date(2026, 1, 1))
    assert repos.persons.get(bakri.person_id).name == "Ali Bakri"
    assert repos.persons.get(homonym.id or 0).name == "Ali Ba"
    lines = {c.key: c for lst in repos.candidate_lists.all() for c in lst.candidates}
    assert "BV-777" not in lines  # the list identifier went with the name
    assert not lines["BV-778"].name.startswith("Personne anonymisée")  # born 1951: not him
    kept = repos.council_members.for_person(ba.person_id)[0]
    assert kept.district == "QP094017" and kept.birth_year is None  # counts by district stay
    dossier.close()
    assert b"BV-777" not in dossier_path.read_bytes()


def test_retention_erases_the_names_of_a_draw_once_the_council_term_is_over(
    tmp_path: Path,
) -> None:
    from contrat_desktop.operations.dossiers import create_dossier
    from contrat_desktop.samples import fill_demo

    path = create_dossier(tmp_path / "demo.cdv", fill=fill_demo)
    with open_dossier(path, daily_backup=False) as demo:
        repos = Repositories(demo)
        record = repos.draws.all()[0]
        council = repos.councils.get(record.council_id or 0)
        assert council.renewal_due_on is not None
        reserve_name = record.reserve[0].name
        the_day_before = council.renewal_due_on.replace(day=council.renewal_due_on.day - 1)
        assert not retention_preview(demo, the_day_before, 1200).draws
        plan = retention_preview(demo, council.renewal_due_on, 1200)  # lists: the 2 months
        assert [draw_id for draw_id, _ in plan.draws] == [record.id]
        assert plan.lists  # long purged by then
        apply_retention(demo, plan, council.renewal_due_on)
        purged = repos.draws.get(record.id or 0)
        assert purged.reserve[0].name == "Personne de la réserve n° 1"
        assert [c.sex for c in purged.reserve] == [c.sex for c in record.reserve]
        assert all(c.birth_year is None and not c.key for c in purged.selected)
        assert not retention_preview(demo, council.renewal_due_on, 1200).draws
    raw = path.read_bytes()
    assert reserve_name.encode() not in raw


def test_seating_a_draw_keeps_the_mandate_of_someone_already_sitting(
    dossier: Dossier, council: CitizenCouncil, tmp_path: Path
) -> None:
    from contrat_desktop.operations.council import seat_drawn

    sitting = add_member(
        dossier,
        Person("Ali Ba"),
        member(council, Sex.MALE, birth_year=1980, designation=Designation.VOLUNTEER),
    )
    rows = ["1;Ba;Ali;M;1980;QP094017", "2;Roux;Léa;F;1990;QP094017"]
    lst, _ = import_candidate_list(dossier, write_csv(tmp_path / "liste.csv", rows))
    request = DrawRequest((lst,), 2, "graine", 2025, ())
    record = run_draw(dossier, request, drawn_at=datetime(2025, 9, 1, 18), council_id=council.id)
    seated = seat_drawn(dossier, record, council.id or 0, date(2025, 9, 2))
    assert len(seated) == 1  # Léa Roux only: Ali Ba keeps his mandate
    repos = Repositories(dossier)
    assert [p.name for p in repos.persons.all()].count("Ali Ba") == 1
    assert repos.council_members.get(sitting.id or 0).exit_date is None
