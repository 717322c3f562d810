"""The tirage au sort (DOMAIN.md §8.10): reproducible, auditable, under quotas.

Reproducible: the candidates of every list are sorted by a key that depends only on the
lists' content (the list checksum, then the identifier within the list), duplicates across
lists are kept once (the first by that key), then the pool is shuffled by Fisher–Yates driven
by ``random.Random(seed).random()``, whose sequence Python guarantees across versions for a
text seed. Seats are then filled in that order: a candidate is taken unless that would exceed
a maximum or leave a minimum out of reach; if the pass ends short, the search steps back over
the last choices (depth first), so the result is the first solution in the shuffled order.
Everything needed to re-run it is recorded: lists and checksums, seats, quotas, reference
year, seed and ``ALGORITHM_VERSION``.
"""

from __future__ import annotations

import hashlib
import itertools
import random
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from contrat_desktop.domain.council import Sex
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.quotas import Dimension, Profiled, Quota, band

ALGORITHM_VERSION = "contrat_desktop-tirage-1"
ALGORITHM_DESCRIPTION = (
    "Candidats triés par empreinte SHA-256 de leur liste puis identifiant ; doublons (nom "
    "normalisé et année de naissance) gardés une fois ; mélange de Fisher-Yates piloté par "
    "random.Random(graine).random() de Python ; sièges pourvus dans cet ordre sous les quotas "
    "(recherche en profondeur) ; réserve : les suivants dans le même ordre."
)
MAX_STEPS = 2_000_000  # candidates examined, backtracking included


@dataclass(frozen=True, slots=True)
class Candidate:
    key: str  # identifier within its list (row number, roll number...)
    name: str
    sex: Sex | None = None
    birth_year: int | None = None
    district: str = ""
    list_name: str = ""


def canonical_line(candidate: Candidate) -> str:
    sex = candidate.sex.value if candidate.sex else ""
    year = "" if candidate.birth_year is None else str(candidate.birth_year)
    return "\t".join((candidate.key, candidate.name, sex, year, candidate.district)) + "\n"


def list_checksum(candidates: Iterable[Candidate]) -> str:
    """SHA-256 of the list's content, one tab-separated line per candidate, in list order."""
    digest = hashlib.sha256()
    for candidate in candidates:
        digest.update(canonical_line(candidate).encode("utf-8"))
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class CandidateList:
    name: str  # "Liste électorale (extrait)", "Locataires Valophis"...
    source: str = ""  # where it comes from (file name, provider)
    candidates: tuple[Candidate, ...] = ()
    checksum: str = ""  # computed from the candidates when left empty
    file_sha256: str = ""  # of the imported file, if any
    keep: bool = False  # kept on purpose after the draw (otherwise purged by retention)
    purged_on: str = ""
    council_id: int | None = None
    size: int = 0  # candidates count, kept after a purge
    id: int | None = None
    version: int = 1

    def __post_init__(self) -> None:
        if self.candidates:
            named = tuple(
                c if c.list_name == self.name else _renamed(c, self.name) for c in self.candidates
            )
            object.__setattr__(self, "candidates", named)
            object.__setattr__(self, "size", len(named))
        if not self.checksum and self.candidates:
            object.__setattr__(self, "checksum", list_checksum(self.candidates))


def _renamed(candidate: Candidate, list_name: str) -> Candidate:
    return Candidate(
        candidate.key,
        candidate.name,
        candidate.sex,
        candidate.birth_year,
        candidate.district,
        list_name,
    )


@dataclass(frozen=True, slots=True)
class DrawRequest:
    lists: tuple[CandidateList, ...]
    seats: int
    seed: str
    reference_year: int  # ages are taken in this year
    quotas: tuple[Quota, ...] = ()
    reserve_size: int | None = None  # default: as many as seats


@dataclass(frozen=True, slots=True)
class Duplicate:
    name: str
    birth_year: int | None
    occurrences: tuple[Candidate, ...]


@dataclass(frozen=True, slots=True)
class DrawResult:
    selected: tuple[Candidate, ...]
    reserve: tuple[Candidate, ...]
    pool_size: int
    duplicates: tuple[Duplicate, ...]
    algorithm_version: str = ALGORITHM_VERSION
    counts: dict[str, int] = field(default_factory=dict)  # quota label → seats taken


class DrawError(ValidationError):
    """The draw cannot respect the seats and quotas; the message names the quota."""


@lru_cache(maxsize=131_072)
def normalised_name(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    letters = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return " ".join(sorted(letters.split()))  # "Dupont Marie" == "MARIE DUPONT"


def identity(candidate: Candidate) -> tuple[str, int | None]:
    return normalised_name(candidate.name), candidate.birth_year


def _sort_key(candidate: Candidate, checksum: str) -> tuple[str, str, str]:
    return checksum, candidate.key, candidate.name


def _ordered(lists: Sequence[CandidateList]) -> list[Candidate]:
    keyed = [(_sort_key(c, lst.checksum), c) for lst in lists for c in lst.candidates]
    keyed.sort(key=lambda pair: pair[0])
    return [c for _, c in keyed]


def find_duplicates(lists: Sequence[CandidateList]) -> list[Duplicate]:
    """People on several lines (same normalised name and birth year), in a stable order."""
    groups: dict[tuple[str, int | None], list[Candidate]] = defaultdict(list)
    for candidate in _ordered(lists):
        groups[identity(candidate)].append(candidate)
    return [
        Duplicate(found[0].name, found[0].birth_year, tuple(found))
        for found in groups.values()
        if len(found) > 1
    ]


def candidate_pool(lists: Sequence[CandidateList]) -> list[Candidate]:
    """Every person once (the first by the stable key), in the stable order."""
    seen: set[tuple[str, int | None]] = set()
    pool = []
    for candidate in _ordered(lists):
        person = identity(candidate)
        if person not in seen:
            seen.add(person)
            pool.append(candidate)
    return pool


def check_feasibility(request: DrawRequest, pool: list[Candidate] | None = None) -> list[str]:
    """French reasons the draw cannot succeed, each naming the quota at fault (empty: go)."""
    pool = candidate_pool(request.lists) if pool is None else pool
    problems = []
    if request.seats <= 0:
        problems.append("Le nombre de sièges doit être positif.")
    if len(pool) < request.seats:
        problems.append(
            f"{len(pool)} candidat(e)s pour {request.seats} sièges : pas assez de candidats."
        )
    by_dimension: dict[Dimension, list[Quota]] = defaultdict(list)
    for quota in request.quotas:
        by_dimension[quota.dimension].append(quota)
        available = sum(1 for c in pool if quota.matches(c, request.reference_year))
        if quota.maximum is not None and quota.minimum > quota.maximum:
            problems.append(f"Quota {quota.label} : le minimum dépasse le maximum.")
        if quota.minimum > request.seats:
            problems.append(f"Quota {quota.label} impossible : {request.seats} sièges seulement.")
        if available < quota.minimum:
            problems.append(
                f"Quota {quota.label} impossible : seulement {available} candidat(e)s "
                "dans les listes."
            )
    for dimension, quotas in by_dimension.items():
        _check_overlap(dimension, quotas, problems)
        wanted = sum(q.minimum for q in quotas)
        if wanted > request.seats:
            listed = ", ".join(q.label for q in quotas)
            problems.append(
                f"Les minimums des quotas {listed} ({wanted} au total) dépassent les "
                f"{request.seats} sièges."
            )
        fillable = sum(_fillable(c, quotas, request.reference_year) for c in pool)
        capacity = fillable + sum(
            min(q.maximum, sum(1 for c in pool if q.matches(c, request.reference_year)))
            for q in quotas
            if q.maximum is not None
        )
        if capacity < request.seats:
            listed = ", ".join(q.label for q in quotas if q.maximum is not None)
            problems.append(
                f"Les maximums des quotas {listed} ne laissent que {capacity} sièges "
                f"pourvus sur {request.seats}."
            )
    return problems


def _fillable(candidate: Candidate, quotas: list[Quota], year: int) -> int:
    """1 when no capped quota of this dimension holds the candidate."""
    return int(not any(q.maximum is not None and q.matches(candidate, year) for q in quotas))


def _check_overlap(dimension: Dimension, quotas: list[Quota], problems: list[str]) -> None:
    if dimension is not Dimension.AGE:
        values = Counter(q.value for q in quotas)
        problems += [f"Quota sur « {v} » donné deux fois." for v, n in values.items() if n > 1]
        return
    ordered = sorted(quotas, key=lambda q: band(q.value).low)
    for quota, other in itertools.pairwise(ordered):
        high = band(quota.value).high
        if high is None or high >= band(other.value).low:
            problems.append(
                f"Les tranches d'âge des quotas {quota.label} et {other.label} se chevauchent."
            )


def shuffled(items: Sequence[Candidate], seed: str) -> list[Candidate]:
    """Fisher–Yates on ``random.Random(seed).random()`` (stable across Python versions)."""
    rng = random.Random(seed)
    order = list(items)
    for i in range(len(order) - 1, 0, -1):
        j = int(rng.random() * (i + 1))
        order[i], order[j] = order[j], order[i]
    return order


def draw(request: DrawRequest) -> DrawResult:
    """Draw ``request.seats`` people under the quotas; ``DrawError`` names what cannot be met."""
    pool = candidate_pool(request.lists)
    problems = check_feasibility(request, pool)
    if problems:
        raise DrawError(" ".join(problems))
    order = shuffled(pool, str(request.seed))
    chosen = _search(order, request.seats, request.quotas, request.reference_year)
    taken = set(chosen)
    selected = tuple(order[i] for i in chosen)
    size = request.seats if request.reserve_size is None else request.reserve_size
    reserve = tuple(c for i, c in enumerate(order) if i not in taken)[:size]
    counts = {
        q.label: sum(1 for c in selected if q.matches(c, request.reference_year))
        for q in request.quotas
    }
    return DrawResult(
        selected, reserve, len(pool), tuple(find_duplicates(request.lists)), counts=counts
    )


def _search(order: list[Candidate], seats: int, quotas: Sequence[Quota], year: int) -> list[int]:
    """Positions of the first solution in ``order`` (depth first, taking before skipping)."""
    n, q = len(order), len(quotas)
    holds = [tuple(k for k in range(q) if quotas[k].matches(c, year)) for c in order]
    later = [[0] * (n + 1) for _ in range(q)]  # later[k][i]: candidates at i.. in quota k
    for i in range(n - 1, -1, -1):
        for k in range(q):
            later[k][i] = later[k][i + 1] + (k in holds[i])
    dimensions = [
        [k for k in range(q) if quotas[k].dimension is d] for d in {x.dimension for x in quotas}
    ]
    minimum = [x.minimum for x in quotas]
    maximum = [seats if x.maximum is None else x.maximum for x in quotas]
    counts, chosen = [0] * q, list[int]()
    blame: Counter[int] = Counter()
    steps, i = 0, 0

    def reachable(after: int, left: int) -> int | None:
        """None if every minimum stays reachable from ``after`` with ``left`` seats;
        otherwise the quota out of reach."""
        for group in dimensions:
            total = 0
            for k in group:
                missing = minimum[k] - counts[k]
                if missing > 0:
                    if missing > later[k][after]:
                        return k
                    total += missing
            if total > left:
                return group[0]
        return None

    while len(chosen) < seats:
        steps += 1
        dead = i >= n or n - i < seats - len(chosen)
        if not dead:
            if all(counts[k] < maximum[k] for k in holds[i]):
                for k in holds[i]:
                    counts[k] += 1
                culprit = reachable(i + 1, seats - len(chosen) - 1)
                if culprit is None:
                    chosen.append(i)
                    i += 1
                    continue
                for k in holds[i]:
                    counts[k] -= 1
            culprit = reachable(i + 1, seats - len(chosen))
            if culprit is None:
                i += 1
                continue
            blame[culprit] += 1
        if not chosen or steps >= MAX_STEPS:
            worst = blame.most_common(1)[0][0] if blame else 0
            named = quotas[worst].label if quotas else "aucun"
            raise DrawError(
                f"Les quotas ne peuvent pas être respectés ensemble (en cause notamment : "
                f"quota {named}) : assouplissez-les ou ajoutez des candidats."
            )
        last = chosen.pop()
        for k in holds[last]:
            counts[k] -= 1
        i = last + 1
    return chosen


def replacement(
    members: Sequence[Profiled],
    leaving: Profiled,
    reserve: Sequence[Candidate],
    quotas: Sequence[Quota],
    year: int,
    *,
    used: Iterable[Candidate] = (),
) -> Candidate | None:
    """The first reserve candidate (not ``used`` yet) who, replacing ``leaving`` among
    ``members``, keeps every quota the council kept with ``leaving`` (a quota already short
    because of an earlier vacancy may stay short, never get shorter); None when nobody on
    the reserve does."""
    staying = [m for m in members if m is not leaving]
    before = [*staying, leaving]
    taken = {identity(c) for c in used}
    taken |= {identity(m) for m in staying if isinstance(m, Candidate)}
    for candidate in reserve:
        if identity(candidate) in taken:
            continue
        after = [*staying, candidate]
        if all(_kept(quota, before, after, year) for quota in quotas):
            return candidate
    return None


def _kept(quota: Quota, before: Sequence[Profiled], after: Sequence[Profiled], year: int) -> bool:
    had = sum(1 for p in before if quota.matches(p, year))
    has = sum(1 for p in after if quota.matches(p, year))
    if quota.maximum is not None and has > max(quota.maximum, had):
        return False
    return has >= min(quota.minimum, had)
