"""The contract's territory edited in the settings: its communes (name, INSEE code) and its
districts (QPV: code, name, population, communes), checked before anything is written.

Writes take the ``(dossier, current, wanted)`` shape of the undoable record commands.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from contrat_desktop.domain.contract import Commune, District
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.territory import (
    commune_problems,
    district_generation,
    district_problems,
    normalise_code,
)
from contrat_desktop.operations.records import write_record
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.storage.repositories import Repositories


@dataclass(frozen=True, slots=True)
class Territory:
    communes: tuple[Commune, ...]
    districts: tuple[District, ...]
    actions_by_district: dict[int, int]  # district id → actions targeting it (all years)

    def districts_of(self, insee_code: str) -> list[District]:
        return [d for d in self.districts if insee_code in d.commune_codes]

    def commune_names(self, district: District) -> str:
        names = {c.insee_code: c.name for c in self.communes}
        return ", ".join(names.get(code, code) for code in district.commune_codes)


def load_territory(dossier: Dossier) -> Territory:
    repos = Repositories(dossier)
    contract = repos.contracts.main()
    communes = repos.communes.for_contract(contract.id) if contract and contract.id else []
    return Territory(tuple(communes), tuple(repos.districts.all()), repos.districts.action_counts())


def find_commune(dossier: Dossier, commune_id: int) -> Commune | None:
    return Repositories(dossier).communes.find(commune_id)


def find_district(dossier: Dossier, district_id: int) -> District | None:
    return Repositories(dossier).districts.find(district_id)


def district_communes(dossier: Dossier) -> dict[int, tuple[str, ...]]:
    """District id → the INSEE codes of its communes (filters and exports by commune)."""
    return {d.id: d.commune_codes for d in Repositories(dossier).districts.all() if d.id}


def territory_cells(
    district_ids: tuple[int, ...], districts: dict[int, District], communes: dict[str, str]
) -> dict[str, str | None]:
    """The « QPV » and « Communes » cells of a workbook row: district codes, commune names."""
    names = dict.fromkeys(
        communes.get(code, code) for i in district_ids for code in districts[i].commune_codes
    )
    return {
        "districts": ", ".join(districts[i].code for i in district_ids) or None,
        "communes": ", ".join(names) or None,
    }


def _first(problems: list[ValidationError]) -> None:
    if problems:
        raise problems[0]


def write_commune(
    dossier: Dossier, current: Commune | None, wanted: Commune | None
) -> Commune | None:
    """Add, edit or remove a commune of the contract.

    A new INSEE code is carried to the districts of the commune in the same transaction. A
    commune is not removed while districts are attached to it (and so while actions target
    them): the message says which.
    """
    repos = Repositories(dossier)
    territory = load_territory(dossier)
    if wanted is None:
        if current is not None:
            _check_removable(repos, territory, current)
        return write_record(repos.communes, current, None)
    contract = repos.contracts.main()
    if contract is None or contract.id is None:
        raise DossierError("Ce dossier n'a pas encore de contrat : créez-le d'abord.")
    wanted = replace(
        wanted,
        insee_code=normalise_code(wanted.insee_code),
        name=" ".join(wanted.name.split()),
        contract_id=contract.id,
    )
    others = [c for c in territory.communes if current is None or c.id != current.id]
    _first(commune_problems(wanted, others))
    with dossier.db.atomic():
        saved = write_record(repos.communes, current, wanted)
        if current is not None and current.insee_code != wanted.insee_code:
            for district in territory.districts_of(current.insee_code):
                codes = tuple(
                    wanted.insee_code if code == current.insee_code else code
                    for code in district.commune_codes
                )
                repos.districts.update(replace(district, commune_codes=codes))
    return saved


def _check_removable(repos: Repositories, territory: Territory, commune: Commune) -> None:
    attached = territory.districts_of(commune.insee_code)
    actions = repos.districts.actions_targeting([d.id for d in attached if d.id])
    codes = ", ".join(d.code for d in attached)
    if actions:
        raise ValidationError(
            f"La commune {commune.name} ne peut être retirée du contrat : {actions} action(s) "
            f"visent encore ses quartiers ({codes}). Retirez ces quartiers des actions, ou "
            "rattachez-les à une autre commune, puis recommencez.",
            field="insee_code",
        )
    if attached:
        raise ValidationError(
            f"La commune {commune.name} ne peut être retirée du contrat : les quartiers {codes} "
            "lui sont rattachés. Supprimez-les ou rattachez-les à une autre commune d'abord.",
            field="insee_code",
        )


def write_district(
    dossier: Dossier, current: District | None, wanted: District | None
) -> District | None:
    """Add, edit or remove a district (QPV); its code's shape gives its geography."""
    repos = Repositories(dossier)
    if wanted is None:
        if current is not None and current.id is not None:
            used = repos.districts.action_counts().get(current.id, 0)
            if used:
                raise ValidationError(
                    f"Le quartier {current.code} ne peut être supprimé : {used} action(s) le "
                    "visent. Retirez-le de ces actions d'abord.",
                    field="code",
                )
        return write_record(repos.districts, current, None)
    code = normalise_code(wanted.code)
    contract = repos.contracts.main()
    wanted = replace(
        wanted,
        code=code,
        name=" ".join(wanted.name.split()),
        generation=district_generation(code) or wanted.generation,
        commune_codes=tuple(dict.fromkeys(wanted.commune_codes)),
        contract_id=wanted.contract_id or (contract.id if contract else None),
    )
    territory = load_territory(dossier)
    _first(district_problems(wanted, territory.communes))
    for other in territory.districts:
        if other.code == code and (current is None or other.id != current.id):
            raise ValidationError(f"Le quartier {code} existe déjà ({other.name}).", field="code")
    return write_record(repos.districts, current, wanted)
