"""The contract's territory: shapes of INSEE commune codes and QPV codes, and the rules a
commune and a district (QPV) must follow before they are saved.

QPV codes [law, décrets 2014-1750 and 2023-1314]: the 2015 geography writes ``QP`` + the
department on three characters + three digits (``QP094043``); the 2024 geography writes
``QN`` + the department on three characters + a two-digit number + a letter saying whether the
district is new (``N``), modified (``M``) or identical (``I``) to a 2015 one (``QN09401M``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from contrat_desktop.domain.contract import Commune, District
from contrat_desktop.domain.errors import ValidationError

# Departments 01–19, 21–95, Corsica 2A/2B; overseas 971–978 use three digits of the code.
_DEPARTMENT = r"(?:0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5])"
_INSEE = re.compile(rf"^(?:{_DEPARTMENT}\d{{3}}|97[1-8]\d{{2}})$")
_QPV_2015 = re.compile(rf"^QP(?:0{_DEPARTMENT}|97[1-8])\d{{3}}$")
_QPV_2024 = re.compile(rf"^QN(?:0{_DEPARTMENT}|97[1-8])\d{{2}}[NMI]$")


def normalise_code(code: str) -> str:
    return code.strip().upper().replace(" ", "")


def insee_problem(code: str) -> str | None:
    """A French explanation when ``code`` is not an INSEE commune code, else ``None``."""
    if _INSEE.match(code):
        return None
    return (
        f"Le code INSEE « {code} » n'est pas valide : il compte 5 caractères, le département "
        "(2 chiffres, 2A ou 2B ; 97x outre-mer) puis le numéro de la commune "
        "(ex. 94081 pour Vitry-sur-Seine)."
    )


def commune_department(insee_code: str) -> str:
    """``94081`` → ``094``; ``2A004`` → ``02A``; ``97411`` → ``974`` (the QPV code's form)."""
    if insee_code.startswith("97"):
        return insee_code[:3]
    return "0" + insee_code[:2]


def district_generation(code: str) -> int | None:
    """2015 for a ``QP`` code, 2024 for a ``QN`` code, ``None`` for another shape."""
    if _QPV_2015.match(code):
        return 2015
    if _QPV_2024.match(code):
        return 2024
    return None


def district_department(code: str) -> str:
    return code[2:5]


def district_code_problem(code: str) -> str | None:
    if district_generation(code) is not None:
        return None
    return (
        f"Le code de quartier « {code} » n'est pas valide : un QPV de 2015 s'écrit QP, le "
        "département sur 3 caractères puis 3 chiffres (ex. QP094043) ; un QPV de 2024 s'écrit "
        "QN, le département sur 3 caractères, 2 chiffres puis N, M ou I (ex. QN09401M)."
    )


def commune_problems(commune: Commune, others: Iterable[Commune] = ()) -> list[ValidationError]:
    """Every rule the commune breaks; ``others`` are the contract's communes (the commune
    itself, found by its id, is not compared with itself)."""
    found: list[ValidationError] = []
    if not commune.name.strip():
        found.append(ValidationError("Le nom de la commune est obligatoire.", field="name"))
    problem = insee_problem(commune.insee_code)
    if problem:
        found.append(ValidationError(problem, field="insee_code"))
    for other in others:
        itself = commune.id is not None and other.id == commune.id
        if not itself and other.insee_code == commune.insee_code:
            found.append(
                ValidationError(
                    f"La commune {other.name} a déjà le code INSEE {commune.insee_code}.",
                    field="insee_code",
                )
            )
    return found


def district_problems(district: District, communes: Iterable[Commune]) -> list[ValidationError]:
    """Every rule the district breaks against the contract's ``communes``."""
    found: list[ValidationError] = []
    if not district.name.strip():
        found.append(ValidationError("Le nom du quartier est obligatoire.", field="name"))
    problem = district_code_problem(district.code)
    if problem:
        found.append(ValidationError(problem, field="code"))
    elif district.generation != district_generation(district.code):
        found.append(
            ValidationError(
                f"Le code {district.code} est celui d'un quartier de "
                f"{district_generation(district.code)}, pas de {district.generation}.",
                field="generation",
            )
        )
    if district.population is not None and district.population < 0:
        found.append(ValidationError("La population ne peut être négative.", field="population"))
    known = {c.insee_code: c for c in communes}
    if not district.commune_codes:
        found.append(
            ValidationError(
                f"Rattachez le quartier {district.code} à au moins une commune du contrat.",
                field="commune_codes",
            )
        )
    for code in district.commune_codes:
        commune = known.get(code)
        if commune is None:
            found.append(
                ValidationError(
                    f"La commune de code INSEE {code} n'est pas une commune du contrat.",
                    field="commune_codes",
                )
            )
        elif problem is None and commune_department(code) != district_department(district.code):
            found.append(
                ValidationError(
                    f"Le quartier {district.code} (département "
                    f"{district_department(district.code).lstrip('0')}) ne peut être rattaché à "
                    f"{commune.name} ({code}), commune d'un autre département.",
                    field="commune_codes",
                )
            )
    return found
