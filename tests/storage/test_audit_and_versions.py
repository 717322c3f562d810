"""Every change audited; an update that lost a race is refused with a French message."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.holders import Holder
from contrat_desktop.storage.audit import history
from contrat_desktop.storage.database import Dossier, open_dossier
from contrat_desktop.storage.errors import ConflictError, DossierError
from contrat_desktop.storage.lock_content import lock_path
from contrat_desktop.storage.repositories import Repositories


def test_create_edit_delete_are_audited(dossier: Dossier, repos: Repositories) -> None:
    holder = repos.holders.add(Holder(legal_name="Association Alpha", city="Villiers"))
    assert holder.id is not None and holder.version == 1
    edited = repos.holders.update(replace(holder, city="Villiers-sur-Marne", acronym="ALPHA"))
    assert edited.version == 2
    repos.holders.delete(edited)

    entries = history(dossier.db, "holder", holder.id)
    assert [e.operation for e in entries] == ["create", "update", "update", "delete"]
    assert all(e.who == "camille" for e in entries)
    created = json.loads(entries[0].new_value or "{}")
    assert created["legal_name"] == "Association Alpha" and entries[0].old_value is None
    changes = {e.field: (e.old_value, e.new_value) for e in entries[1:3]}
    assert changes == {"city": ("Villiers", "Villiers-sur-Marne"), "acronym": ("", "ALPHA")}
    deleted = json.loads(entries[3].old_value or "{}")
    assert deleted["city"] == "Villiers-sur-Marne" and entries[3].new_value is None
    assert repos.holders.find(holder.id) is None


def test_saving_without_change_writes_nothing(dossier: Dossier, repos: Repositories) -> None:
    holder = repos.holders.add(Holder(legal_name="Association Beta"))
    same = repos.holders.update(holder)
    assert same.version == 1
    assert len(history(dossier.db, "holder", holder.id or 0)) == 1


def test_links_and_status_changes_are_audited(
    dossier: Dossier, repos: Repositories, make_action: Callable[..., Action]
) -> None:
    action = make_action()
    node = repos.framework.by_code("AX-JEU")
    assert node is not None and node.id is not None
    action = repos.actions.update(replace(action, axis_ids=(node.id,)))
    assert action.axis_ids == (node.id,)
    from contrat_desktop.domain.workflow import ActionStatus

    action = repos.actions.change_status(action, ActionStatus.FILED, "Dossier reçu par courriel")
    fields = [(e.field, e.new_value) for e in history(dossier.db, "action", action.id or 0)]
    assert ("axis_ids", f"[{node.id}]") in fields
    assert ("status", "depose") in fields
    changes = repos.actions.status_history(action.id or 0)
    assert [(c.source, c.target) for c in changes] == [
        (None, ActionStatus.DRAFT),
        (ActionStatus.DRAFT, ActionStatus.FILED),
    ]
    assert changes[-1].changed_by == "camille"
    assert changes[-1].comment == "Dossier reçu par courriel"


def test_version_conflict_names_the_other_person_and_their_change(dossier_path: Path) -> None:
    with open_dossier(dossier_path, create=True, user="camille", daily_backup=False) as first:
        holder = Repositories(first).holders.add(Holder(legal_name="Association Gamma"))
        # Dominique forces the lock (e.g. Camille's laptop hung) and edits the same holder.
        lock_path(dossier_path).unlink()
        with open_dossier(dossier_path, user="dominique", daily_backup=False) as second:
            theirs = Repositories(second).holders.get(holder.id or 0)
            Repositories(second).holders.update(replace(theirs, contact_phone="01 02 03 04 05"))
        stale_edit = replace(holder, contact_phone="06 00 00 00 00")
        with pytest.raises(ConflictError) as caught:
            Repositories(first).holders.update(stale_edit)
    error = caught.value
    assert error.changed_by == "dominique"
    assert ("contact_phone", "", "01 02 03 04 05") in error.their_changes
    message = str(error)
    assert "dominique" in message and "01 02 03 04 05" in message
    assert "n'ont pas été enregistrés" in message
    with open_dossier(dossier_path, daily_backup=False) as check:
        assert Repositories(check).holders.get(holder.id or 0).contact_phone == "01 02 03 04 05"


def test_update_of_a_deleted_row_is_refused(repos: Repositories) -> None:
    holder = repos.holders.add(Holder(legal_name="Association Delta"))
    repos.holders.delete(holder)
    with pytest.raises(ConflictError, match="supprimé"):
        repos.holders.update(replace(holder, city="Paris"))


def test_constraint_errors_are_french(
    repos: Repositories, make_action: Callable[..., Action]
) -> None:
    action = make_action()
    with pytest.raises(DossierError, match="« reference » existe déjà"):
        repos.actions.add(replace(action, id=None, title="Doublon"))
    holder = repos.holders.get(action.holder_id)
    with pytest.raises(DossierError, match="encore utilisé"):
        repos.holders.delete(holder)


def test_a_links_only_save_still_moves_the_version(
    repos: Repositories, make_action: Callable[..., Action]
) -> None:
    action = make_action()
    axis = repos.framework.by_code("AX-EFH")
    assert axis is not None and axis.id is not None
    alice = repos.actions.update(replace(action, axis_ids=(axis.id,)))
    assert alice.version == action.version + 1
    with pytest.raises(ConflictError):  # Bob saves from the copy he read before
        repos.actions.update(replace(action, title="Titre de Bob"))
    assert repos.actions.get(action.id or 0).axis_ids == (axis.id,)


def test_a_busy_dossier_is_explained_and_nothing_is_written(
    dossier_path: Path, repos: Repositories
) -> None:
    import sqlite3

    from contrat_desktop.storage import database

    holder = repos.holders.add(Holder(legal_name="Association Epsilon"))
    other = sqlite3.connect(dossier_path, timeout=0)
    other.execute("BEGIN EXCLUSIVE")  # another program holds SQLite's own lock
    repos.dossier.db.execute("PRAGMA busy_timeout = 50")  # not the usual 10 s in a test
    try:
        with pytest.raises(DossierError, match="occupé par une autre application"):
            repos.holders.update(replace(holder, city="Paris"))
    finally:
        other.rollback()
        other.close()
        repos.dossier.db.execute(
            f"PRAGMA busy_timeout = {int(database.BUSY_TIMEOUT_SECONDS * 1000)}"
        )
    assert repos.holders.get(holder.id or 0).city == ""
