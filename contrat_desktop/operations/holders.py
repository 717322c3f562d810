"""Use cases of the holders page: list with totals, one holder's actions, save (audited)."""

from __future__ import annotations

from dataclasses import fields, replace

from contrat_desktop.domain.holder_activity import HolderAction, HolderSummary
from contrat_desktop.domain.holders import Holder, holder_problems
from contrat_desktop.operations.records import write_record
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.holder_activity import holder_actions, holder_summaries
from contrat_desktop.storage.repositories import Repositories


def load_holders(dossier: Dossier) -> list[HolderSummary]:
    return holder_summaries(Repositories(dossier).holders)


def load_holder(dossier: Dossier, holder_id: int) -> Holder:
    return Repositories(dossier).holders.get(holder_id)


def find_holder(dossier: Dossier, holder_id: int) -> Holder | None:
    return Repositories(dossier).holders.find(holder_id)


def actions_of_holder(dossier: Dossier, holder_id: int) -> list[HolderAction]:
    return holder_actions(dossier.db, holder_id)


def clean_holder(holder: Holder) -> Holder:
    """Trim every text; SIRET without spaces, RNA upper-cased (as people paste them)."""
    texts = {
        f.name: getattr(holder, f.name).strip()
        for f in fields(holder)
        if isinstance(getattr(holder, f.name), str) and f.name != "kind"
    }
    texts["siret"] = "".join(texts["siret"].split())
    texts["rna"] = "".join(texts["rna"].split()).upper()
    return replace(holder, **texts)


def same_siret(dossier: Dossier, holder: Holder) -> list[Holder]:
    """Other holders with the same SIRET (a warning, never a block: one SIRET, two names)."""
    if not holder.siret:
        return []
    found = Repositories(dossier).holders.by_siret(holder.siret)
    return [other for other in found if other.id != holder.id]


def save_holder(dossier: Dossier, current: Holder | None, wanted: Holder | None) -> Holder | None:
    """Create, update or delete a holder (see ``write_record``); refused if it breaks a rule."""
    if wanted is not None:
        wanted = clean_holder(wanted)
        problems = holder_problems(wanted)
        if problems:
            raise problems[0]
    return write_record(Repositories(dossier).holders, current, wanted)
