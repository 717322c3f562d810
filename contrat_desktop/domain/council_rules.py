"""Composition checks of the conseil citoyen (DOMAIN.md §8), as French warnings, never blocks.

Each rule of ``COUNCIL_RULES`` is switched on or off and tuned by ``RuleSettings.council``
(``{"parity_residents": {"enabled": True, "tolerance": 1}, ...}``); a rule or parameter the
dossier does not hold takes the default below (the values seeded in a new dossier).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from contrat_desktop.domain.council import (
    CitizenCouncil,
    College,
    Designation,
    Member,
    Sex,
    active_members,
)

RuleValues = Mapping[str, Mapping[str, int | bool]]
RENEWAL_NOTICE_DAYS = 90  # the renewal is announced this long before it falls due

DEFAULTS: dict[str, dict[str, int]] = {
    "parity_residents": {"tolerance": 1},
    "residents_share": {"min_percent": 50},
    "size_range": {"min": 15, "max": 50},
}


@dataclass(frozen=True, slots=True)
class CouncilWarning:
    rule: str  # a key of COUNCIL_RULES, or "term" (the council's own dates, always checked)
    message: str


def enabled(rules: RuleValues, key: str) -> bool:
    return bool(rules.get(key, {}).get("enabled", True))


def parameter(rules: RuleValues, key: str, name: str) -> int:
    return int(rules.get(key, {}).get(name, DEFAULTS[key][name]))


def composition_warnings(
    members: Iterable[Member],
    rules: RuleValues,
    day: date,
    *,
    names: Mapping[int, str] | None = None,
    steering_bodies_without_representative: Sequence[str] = (),
) -> list[CouncilWarning]:
    """The warnings for the members sitting on ``day``, rule by rule, in a stable order."""
    present = active_members(members, day)
    residents = [m for m in present if m.college is College.RESIDENTS]
    names = names or {}
    checks: dict[str, Callable[[], list[str]]] = {
        "draw_required": lambda: _draw_required(residents),
        "parity_residents": lambda: _parity(
            residents, parameter(rules, "parity_residents", "tolerance")
        ),
        "residents_share": lambda: _residents_share(
            len(residents), len(present), parameter(rules, "residents_share", "min_percent")
        ),
        "size_range": lambda: _size(
            len(present),
            parameter(rules, "size_range", "min"),
            parameter(rules, "size_range", "max"),
        ),
        "no_officials": lambda: _officials(present, names),
        "steering_representatives": lambda: _representatives(
            present, steering_bodies_without_representative
        ),
    }
    found = []
    for key, check in checks.items():
        if enabled(rules, key):
            found += [CouncilWarning(key, message) for message in check()]
    return found


def _draw_required(residents: list[Member]) -> list[str]:
    if residents and not any(m.designation is Designation.DRAW for m in residents):
        return [
            "Aucun habitant n'a été tiré au sort : le collège des habitants ne compte que des "
            "volontaires (la loi de 2014 demande un tirage au sort)."
        ]
    return []


def _parity(residents: list[Member], tolerance: int) -> list[str]:
    women = sum(1 for m in residents if m.sex is Sex.FEMALE)
    men = sum(1 for m in residents if m.sex is Sex.MALE)
    found = []
    if abs(women - men) > tolerance:
        found.append(
            f"Parité non respectée parmi les habitants : {women} femme(s) et {men} homme(s) "
            f"(écart toléré : {tolerance})."
        )
    unknown = len(residents) - women - men
    if unknown:
        found.append(
            f"Sexe non renseigné pour {unknown} habitant(s) : la parité n'est pas vérifiable."
        )
    return found


def _residents_share(residents: int, total: int, min_percent: int) -> list[str]:
    if total and residents * 100 < min_percent * total:
        share = round(residents * 100 / total)
        return [
            f"Le collège des habitants ne représente que {share} % des membres "
            f"({residents} sur {total}) : au moins {min_percent} % attendus."
        ]
    return []


def _size(total: int, minimum: int, maximum: int) -> list[str]:
    if total < minimum or total > maximum:
        return [f"Le conseil compte {total} membre(s) : de {minimum} à {maximum} recommandés."]
    return []


def _officials(present: list[Member], names: Mapping[int, str]) -> list[str]:
    officials = [m for m in present if m.official]
    if not officials:
        return []
    who = ", ".join(names.get(m.person_id, f"personne n° {m.person_id}") for m in officials)
    return [
        "Un conseil citoyen ne compte ni élus, ni représentants de l'État, ni agents de la "
        f"politique de la ville : {who}."
    ]


def _representatives(present: list[Member], bodies_without: Sequence[str]) -> list[str]:
    found = []
    if present and not any(m.steering_representative for m in present):
        found.append("Aucun représentant du conseil n'est désigné pour les instances de pilotage.")
    found += [
        f"L'instance de pilotage « {name} » ne compte aucun représentant du conseil citoyen."
        for name in bodies_without
    ]
    return found


def term_warning(council: CitizenCouncil, day: date) -> CouncilWarning | None:
    """The council's term seen on ``day``: over once its renewal date has passed (whatever
    the rules switched on), or ending within ``RENEWAL_NOTICE_DAYS``."""
    due = council.renewal_due_on
    if due is None:
        return None
    left = (due - day).days
    if left < 0:
        late = _elapsed(due, day)
        return CouncilWarning(
            "term",
            f"Le mandat du conseil est échu : son renouvellement était prévu le {due:%d/%m/%Y} "
            f"(il y a {late}). Renouvelez-le (tirage au sort, nouvel arrêté) ou corrigez la "
            "date dans la fiche du conseil.",
        )
    if left <= RENEWAL_NOTICE_DAYS:
        return CouncilWarning(
            "term",
            f"Le renouvellement du conseil est prévu le {due:%d/%m/%Y} (dans {left} jour(s)) : "
            "préparez le tirage au sort.",
        )
    return None


def _elapsed(start: date, end: date) -> str:
    """« 8 ans », « 1 an et 3 mois », « 5 mois », « 12 jours »: the time from start to end."""
    months = (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)
    years, months = divmod(months, 12)
    parts = [f"{years} an{'s' if years > 1 else ''}"] if years else []
    if months:
        parts.append(f"{months} mois")
    return " et ".join(parts) if parts else f"{(end - start).days} jour(s)"
