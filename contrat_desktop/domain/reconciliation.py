"""Reconciling the State's yearly exports with the dossier (DOMAIN.md §6): the four
categories a row or an action falls in, the lists the State publishes, and the choice kept
for a row the dossier lacks (create, link to an action, ignore), remembered next year."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Category(StrEnum):
    MATCHED = "rapprochée"
    DIFFERENT = "rapprochée, avec écarts"
    FILE_ONLY = "dans le fichier seulement"
    DOSSIER_ONLY = "dans le dossier seulement"

    @property
    def key(self) -> str:
        """The English name used in ``--json`` output."""
        return self.name.lower()

    @property
    def heading(self) -> str:
        """The category as a list heading (« Rapprochées avec écarts »)."""
        return {
            Category.MATCHED: "Rapprochées",
            Category.DIFFERENT: "Rapprochées avec écarts",
            Category.FILE_ONLY: "Dans le fichier seulement",
            Category.DOSSIER_ONLY: "Dans le dossier seulement",
        }[self]


class Choice(StrEnum):
    """What to do with a row of the file that no action of the dossier matches."""

    CREATE = "creer"
    LINK = "rattacher"
    IGNORE = "ignorer"

    @property
    def label(self) -> str:
        return {
            Choice.CREATE: "créer l'action",
            Choice.LINK: "rattacher à une action",
            Choice.IGNORE: "ignorer",
        }[self]


class StateList(StrEnum):
    """Which of the State's lists a row comes from (the source of a remembered choice)."""

    ADULTES_RELAIS = "adultes-relais"
    FONJEP = "fonjep"
    STATE_EXPORT = "etat"  # Dauphin / GISPRO extraction of the actions
    PROGRAMMATION = "programmation"  # a programmation table (ours, returned or not)

    @property
    def label(self) -> str:
        return {
            StateList.ADULTES_RELAIS: "postes adultes-relais",
            StateList.FONJEP: "postes FONJEP",
            StateList.STATE_EXPORT: "export de l'État (Dauphin / GISPRO)",
            StateList.PROGRAMMATION: "tableau de programmation",
        }[self]

    @property
    def is_post_list(self) -> bool:
        return self in (StateList.ADULTES_RELAIS, StateList.FONJEP)


_ADULTES_RELAIS_POST = re.compile(r"^\d{2}[0-9A-Z]\d{2}R[0-9A-Z]\d{5}$")  # 09410R000204
_FONJEP_POST = re.compile(r"^[A-Z]{1,2}\d{4,5}$")  # D01935


def post_list(post_id: str, scheme: str = "") -> StateList | None:
    """The list a post belongs to, from its scheme (« dispositif ») or its id's shape."""
    plain = scheme.casefold()
    if "adulte" in plain:
        return StateList.ADULTES_RELAIS
    if "fonjep" in plain:
        return StateList.FONJEP
    post = post_id.strip().upper()
    if _ADULTES_RELAIS_POST.match(post):
        return StateList.ADULTES_RELAIS
    if _FONJEP_POST.match(post):
        return StateList.FONJEP
    return None


def post_title(source: StateList, post_id: str) -> str:
    """The title of an action created for a post: « Poste adulte-relais n° 09410R000204 »."""
    kind = "adulte-relais" if source is StateList.ADULTES_RELAIS else "FONJEP"
    return f"Poste {kind} n° {post_id.strip().upper()}"


@dataclass(frozen=True, slots=True)
class RememberedChoice:
    """A choice made for a row of one of the State's lists, kept to be applied again to the
    same row next time (next year's list): keyed by the list and the file's own key for the
    row (its post id, Dauphin file number, or SIRET and title)."""

    source: StateList
    file_key: str
    choice: Choice
    action_id: int | None = None  # the action linked or created
    label: str = ""  # what the row said (holder, title, post), for a person
    year: int | None = None  # the campaign the choice was made in
    decided_at: str = ""
    decided_by: str = ""
    id: int | None = None
    version: int = 1


@dataclass(frozen=True, slots=True)
class LearnedSpelling:
    """A header spelling a person mapped to a column once, kept to recognise it next time."""

    layout: str
    header: str  # normalised (case, accents and punctuation removed)
    column_key: str
    written: str = ""  # the header as written in the file it was learned from
    learned_from: str = ""  # that file's name
    learned_at: str = ""
    id: int | None = None
    version: int = 1
