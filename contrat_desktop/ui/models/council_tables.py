"""The tables of the conseil citoyen area: members (one row per mandate, with the person's
name), the composition over time (one row per date), and drawn candidates (selected or
reserve, in their order)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from contrat_desktop.domain.council import (
    AGE_BANDS,
    UNKNOWN,
    AgeBand,
    College,
    CompositionCounts,
    Member,
    Sex,
    age_band_label,
)
from contrat_desktop.domain.draw import Candidate
from contrat_desktop.domain.holder_activity import fold
from contrat_desktop.ui.formats import format_date
from contrat_desktop.ui.models.columns import Column, RowTableModel


@dataclass(frozen=True, slots=True)
class MemberRow:
    """One mandate as the table shows it."""

    member: Member
    name: str
    day: date  # the date ages are taken at
    participation: str = ""  # « 75 % (3/4) » of the meetings convened to while a member
    district: str = ""  # the district's name (the member holds its code)


def _yes(value: bool) -> str:
    return "Oui" if value else "Non"


def _designated_by(row: MemberRow) -> str:
    """The list a resident was drawn from, or the association that designated them."""
    return row.member.draw_list or row.member.organisation


def _exit(row: MemberRow) -> str:
    member = row.member
    if member.exit_date is None:
        return ""
    return f"{format_date(member.exit_date)} – {member.exit_reason}"


def _consent(row: MemberRow) -> str:
    member = row.member
    if member.anonymised_on:
        return f"Anonymisé(e) le {format_date(member.anonymised_on)}"
    if member.consent_date is None:
        return "Non recueilli"
    return format_date(member.consent_date)


SHORT_COLLEGES = {College.RESIDENTS: "Habitants", College.LOCAL_ACTORS: "Acteurs locaux"}
NOT_GIVEN = "—"


def _age(row: MemberRow) -> str:
    label = age_band_label(row.member.birth_year, row.day.year)
    return NOT_GIVEN if label == UNKNOWN else label


MEMBER_COLUMNS: list[Column[MemberRow]] = [
    Column("name", "Nom", lambda r: r.name, lambda r: fold(r.name), width=170),
    Column("college", "Collège", lambda r: SHORT_COLLEGES[r.member.college], width=115),
    Column("sex", "Sexe", lambda r: r.member.sex.label if r.member.sex else NOT_GIVEN, width=65),
    Column("age", "Âge", _age, lambda r: r.member.birth_year or 0, width=115),
    Column(
        "district", "Quartier", lambda r: r.district or r.member.district or NOT_GIVEN, width=240
    ),
    Column("designation", "Désignation", lambda r: r.member.designation.label, width=205),
    Column("designated_by", "Liste ou association", _designated_by, width=260),
    Column(
        "entry",
        "Entrée",
        lambda r: format_date(r.member.entry_date),
        lambda r: r.member.entry_date,
        width=85,
    ),
    Column("exit", "Sortie (motif)", _exit, lambda r: r.member.exit_date or date.max, width=150),
    Column("steering", "Au pilotage", lambda r: _yes(r.member.steering_representative), width=85),
    Column("consent", "Consentement", _consent, width=100),
    Column("participation", "Participation", lambda r: r.participation, width=130),
]


class MemberTableModel(RowTableModel[MemberRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(MEMBER_COLUMNS, parent)

    def row_of(self, member_id: int) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.member.id == member_id), None)


def _count(mapping: dict[str, int], key: str) -> int:
    return mapping.get(key, 0)


def _time_column(key: str, header: str, value: Any, width: int = 85) -> Column[Any]:
    return Column(key, header, lambda c: str(value(c)), value, numeric=True, width=width)


def composition_columns(
    districts: list[str], names: Mapping[str, str] | None = None
) -> list[Column[CompositionCounts]]:
    """Date, total, each college, sex among residents, age bands, then ``districts`` (codes,
    headed by their ``names``)."""
    names = names or {}
    columns: list[Column[CompositionCounts]] = [
        Column("day", "Date", lambda c: format_date(c.day), lambda c: c.day, width=90),
        _time_column("total", "Total", lambda c: c.total, 60),
        _time_column(
            "residents",
            "Habitants",
            lambda c: _count(c.by_college, College.RESIDENTS.label),
        ),
        _time_column(
            "actors",
            "Acteurs locaux",
            lambda c: _count(c.by_college, College.LOCAL_ACTORS.label),
            110,
        ),
        _time_column(
            "women", "Habitants F", lambda c: _count(c.residents_by_sex, Sex.FEMALE.label), 95
        ),
        _time_column(
            "men", "Habitants H", lambda c: _count(c.residents_by_sex, Sex.MALE.label), 95
        ),
    ]
    for band in AGE_BANDS:
        columns.append(
            _time_column(
                f"age {band.label}",
                band.display,
                lambda c, b=band.display: _count(c.by_age_band, b),
                110,
            )
        )
    for code in districts:
        columns.append(
            _time_column(
                f"district {code}",
                "Quartier non renseigné" if code == UNKNOWN else names.get(code, code),
                lambda c, d=code: _count(c.by_district, d),
                160 if code == UNKNOWN or code in names else 95,
            )
        )
    return columns


class CompositionTimeModel(RowTableModel[CompositionCounts]):
    """The council at several dates: one row per date, counts in columns."""

    def __init__(self, districts: list[str] | None = None, parent: Any = None) -> None:
        super().__init__(composition_columns(districts or []), parent)

    def set_counts(
        self,
        counts: list[CompositionCounts],
        districts: list[str],
        names: Mapping[str, str] | None = None,
    ) -> None:
        self.beginResetModel()
        self.columns = composition_columns(districts, names)
        self._rows = list(counts)
        self._sort = None
        self.endResetModel()


def _sex(candidate: Candidate) -> str:
    return candidate.sex.label if candidate.sex else UNKNOWN


def candidate_columns(
    year: int, names: Mapping[str, str] | None = None, quota_bands: Sequence[AgeBand] = ()
) -> list[Column[tuple[int, Candidate]]]:
    """The drawn people: their district by its ``names`` (the QPV code in the tooltip), their
    age in the draw's ``year`` and the band of the age quota that counted them, if any."""
    names = names or {}

    def age(row: tuple[int, Candidate]) -> str:
        born = row[1].birth_year
        if born is None:
            return UNKNOWN
        counted = next((band for band in quota_bands if band.holds(year - born)), None)
        quota = f" (quota {counted.display})" if counted else ""
        return f"{year - born} ans{quota}"

    def district(row: tuple[int, Candidate]) -> str:
        code = row[1].district
        return names.get(code, code) if code else UNKNOWN

    def district_tip(row: tuple[int, Candidate]) -> str:
        code = row[1].district
        return f"{names[code]} (code {code})" if code in names else code or UNKNOWN

    return [
        Column("rank", "Rang", lambda r: str(r[0]), lambda r: r[0], numeric=True, width=55),
        Column("name", "Nom", lambda r: r[1].name, lambda r: fold(r[1].name), width=200),
        Column("sex", "Sexe", lambda r: _sex(r[1]), width=70),
        Column(
            "birth",
            "Né(e) en",
            lambda r: str(r[1].birth_year or ""),
            lambda r: r[1].birth_year or 0,
            width=75,
        ),
        Column("age", f"Âge en {year}", age, lambda r: -(r[1].birth_year or 0), width=100),
        Column("district", "Quartier", district, tooltip=district_tip, width=95),
        Column("list", "Liste", lambda r: r[1].list_name, width=170),
    ]


class CandidateTableModel(RowTableModel[tuple[int, Candidate]]):
    """Drawn people with their rank (1 = first drawn, or first on the reserve)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(candidate_columns(date.today().year), parent)

    def set_candidates(
        self,
        candidates: tuple[Candidate, ...] | list[Candidate],
        year: int,
        names: Mapping[str, str] | None = None,
        quota_bands: Sequence[AgeBand] = (),
    ) -> None:
        self.beginResetModel()
        self.columns = candidate_columns(year, names, quota_bands)
        self._rows = [(n, c) for n, c in enumerate(candidates, start=1)]
        self._sort = None
        self.endResetModel()
