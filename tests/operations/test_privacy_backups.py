"""Erasing a person from the dossier's backups too: the copies holding the person are
listed first, then rewritten without them or deleted, and the ones still holding them are
named; checked on the raw bytes of the backup files."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from contrat_desktop.domain.council import Sex
from contrat_desktop.domain.draw import Candidate, CandidateList
from contrat_desktop.operations.privacy_backups import (
    BackupChoice,
    erase_person,
    erasure_preview,
)
from contrat_desktop.storage.backup import BackupFile, list_backups
from contrat_desktop.storage.database import Dossier, open_dossier
from contrat_desktop.storage.repositories import Repositories
from tests.operations.conftest import MakeMember
from tests.storage.dossier_files import damage

NAME, EMAIL, PHONE = "Zébulonne Quatremare", "zebulonne.q@exemple.fr", "06 12 34 56 78"
LISTED = "QUATREMARE Zébulonne"  # her line on a voters' list
SECRETS = (NAME, EMAIL, PHONE, LISTED, "Quatremare")


def _traces(path: Path) -> list[str]:
    raw = path.read_bytes()
    return [
        f"{secret} ({encoding})"
        for secret in SECRETS
        for encoding in ("utf-8", "utf-16-le", "utf-16-be")
        if secret.encode(encoding) in raw
    ]


@pytest.fixture
def erased_with_backups(
    dossier: Dossier, make_member: MakeMember
) -> tuple[Dossier, int, list[BackupFile]]:
    """Backups before she existed, while she sat, and seconds before the erasure."""
    dossier.db.execute("PRAGMA secure_delete = OFF")  # as on Windows
    make_member("Paul Martin", sex=Sex.MALE)
    before_her = dossier.backup("manuelle")
    her = make_member(NAME)
    repos = Repositories(dossier)
    repos.persons.update(replace(repos.persons.get(her.person_id), email=EMAIL, phone=PHONE))
    voters = (
        Candidate("1", LISTED, Sex.FEMALE, 1980),
        Candidate("2", "DURAND Léa", Sex.FEMALE, 1990),
    )
    repos.candidate_lists.add(CandidateList("Électeurs", candidates=voters))
    dossier.backup("avant-import")
    dossier.backup("manuelle")  # seconds before the erasure
    assert _traces(before_her.path) == []
    return dossier, her.person_id, list_backups(dossier.path)


def test_the_backups_holding_her_are_listed_first(
    erased_with_backups: tuple[Dossier, int, list[BackupFile]],
) -> None:
    dossier, person_id, backups = erased_with_backups
    target, holding = erasure_preview(dossier, person_id)
    assert target.name == NAME and LISTED in target.forms
    assert len(backups) == 3
    assert [b.path for b in holding] == [b.path for b in backups if _traces(b.path)]
    assert len(holding) == 2


def test_rewriting_the_backups_leaves_no_trace_and_keeps_the_rest(
    erased_with_backups: tuple[Dossier, int, list[BackupFile]],
) -> None:
    dossier, person_id, backups = erased_with_backups
    steps: list[tuple[int, int]] = []
    erasure = erase_person(
        dossier,
        person_id,
        date(2026, 1, 1),
        BackupChoice.REWRITE,
        lambda d, t: steps.append((d, t)),
    )
    assert erasure.still_holding == () and erasure.deleted == ()
    assert len(erasure.rewritten) == 2 and steps[-1] == (2, 2)
    assert [b.path for b in list_backups(dossier.path)] == [b.path for b in backups]
    for backup in backups:
        assert _traces(backup.path) == [], backup.path.name
        assert b"Paul Martin" in backup.path.read_bytes()  # the others stay
        with open_dossier(backup.path, read_only=True, full_check=True) as opened:
            names = [p.name for p in Repositories(opened).persons.all()]
            assert NAME not in names and "Paul Martin" in names
    dossier.close()
    assert _traces(dossier.path) == []
    leftovers = [p.name for p in backups[0].path.parent.iterdir() if ".partiel" in p.name]
    assert leftovers == []


def test_deleting_them_or_keeping_them_is_said_exactly(
    erased_with_backups: tuple[Dossier, int, list[BackupFile]],
) -> None:
    dossier, person_id, backups = erased_with_backups
    holding = [b.path for b in backups if _traces(b.path)]
    erasure = erase_person(dossier, person_id, date(2026, 1, 1), BackupChoice.DELETE)
    assert sorted(erasure.deleted) == sorted(holding) and erasure.still_holding == ()
    assert [b.path for b in list_backups(dossier.path)] == [
        b.path for b in backups if b.path not in holding
    ]


def test_kept_or_unreadable_backups_are_named_as_still_holding_her(
    erased_with_backups: tuple[Dossier, int, list[BackupFile]],
) -> None:
    dossier, person_id, backups = erased_with_backups
    holding = [b.path for b in backups if _traces(b.path)]
    damage(holding[0])  # a backup that cannot be rewritten (its name still in its bytes)
    assert _traces(holding[0])
    erasure = erase_person(dossier, person_id, date(2026, 1, 1), BackupChoice.REWRITE)
    assert erasure.rewritten == (holding[1],)
    assert [b.path for b in erasure.still_holding] == [holding[0]]
