"""Packages ("envois") between the dossiers of one contract: the main dossier of the chef de
projet and the service copies made from it (a municipal service, a holder).

A service writes an *envoi* (its actions, their funding plans and bilans as it edited them);
the main dossier applies it after a preview, field by field, and writes a *retour* with its
decisions (status, opinion, amounts proposed and granted), which the service applies in turn.
A field is in conflict when both sides changed it since they last exchanged it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

PACKAGE_SUFFIX = ".cdvenvoi"
FORMAT_NAME = "contrat_desktop.envoi"
FORMAT_VERSION = 1


class DossierRole(StrEnum):
    MAIN = "principal"
    SERVICE = "service"

    @property
    def label(self) -> str:
        return {"principal": "dossier principal", "service": "copie de service"}[self.value]


class PackageKind(StrEnum):
    SENDING = "envoi"  # from a service copy to the main dossier
    REPLY = "retour"  # from the main dossier back to its service copies

    @property
    def label(self) -> str:
        return {"envoi": "Envoi", "retour": "Retour"}[self.value]


@dataclass(frozen=True, slots=True)
class DossierIdentity:
    contract_uid: str
    dossier_uid: str
    role: DossierRole = DossierRole.MAIN
    service_name: str = ""
    origin_uid: str = ""  # for a service copy: the main dossier it was made from
    made_at: str = ""

    @property
    def sends(self) -> PackageKind:
        """What this dossier writes: a service sends, the main dossier replies."""
        return PackageKind.SENDING if self.role is DossierRole.SERVICE else PackageKind.REPLY


class Verdict(StrEnum):
    NEW = "nouvelle"
    CHANGED = "modifiée"
    CONFLICT = "en conflit"
    UNCHANGED = "inchangée"
    ABSENT = "absente du dossier"  # a reply about an action this copy does not hold

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Choice(StrEnum):
    """What to do with one action of a package."""

    MERGE = "fusionner"  # take the package's changes, keep the dossier's value on conflicts
    TAKE = "prendre"  # take every value of the package, conflicts included
    SKIP = "ignorer"

    @property
    def label(self) -> str:
        return {
            "fusionner": "Appliquer (garder mes valeurs en conflit)",
            "prendre": "Appliquer (prendre les valeurs de l'envoi)",
            "ignorer": "Ignorer",
        }[self.value]


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One value the package would change: where (record and column), from what, to what."""

    record: str  # "action", "funding_line:<funder name>", "report"
    column: str
    label: str
    old: str
    new: str
    conflict: bool = False
    local_edit: str = ""  # who changed it here, and when, for a conflict


@dataclass(frozen=True, slots=True)
class PlannedAction:
    uid: str
    reference: str
    title: str
    verdict: Verdict
    changes: tuple[FieldChange, ...] = ()
    notes: tuple[str, ...] = ()  # warnings: unknown district, new holder, new reference...
    choice: Choice = Choice.MERGE

    @property
    def conflicts(self) -> int:
        return sum(1 for change in self.changes if change.conflict)

    def taken(self, choice: Choice | None = None) -> tuple[FieldChange, ...]:
        """The changes written under ``choice`` (the action's own by default)."""
        chosen = choice or self.choice
        if chosen is Choice.SKIP:
            return ()
        if chosen is Choice.TAKE:
            return self.changes
        return tuple(change for change in self.changes if not change.conflict)


@dataclass(frozen=True, slots=True)
class PackageHeader:
    """The manifest of a package: what it is, who wrote it, when, from which dossier."""

    package_uid: str
    kind: PackageKind
    contract_uid: str
    contract_name: str
    from_dossier_uid: str
    from_role: DossierRole
    from_service: str
    from_file: str
    written_at: str
    written_by: str
    app_version: str
    schema: str
    year: int
    actions: int
    content_sha256: str = ""
    format: str = FORMAT_NAME
    format_version: int = FORMAT_VERSION

    @property
    def sender(self) -> str:
        """« Service jeunesse (copie de service, jeunesse.cdv) »."""
        who = self.from_service or self.contract_name or "dossier"
        return f"{who} ({self.from_role.label}, {self.from_file})"


@dataclass(slots=True)
class PackagePlan:
    header: PackageHeader
    file_name: str
    sha256: str
    actions: list[PlannedAction] = field(default_factory=list)
    already_applied_at: str = ""  # this very package was applied here before

    def count(self, verdict: Verdict) -> int:
        return sum(1 for action in self.actions if action.verdict is verdict)

    def choose_all(self, choice: Choice) -> None:
        self.actions = [_with_choice(action, choice) for action in self.actions]

    def choose(self, uid: str, choice: Choice) -> None:
        self.actions = [
            _with_choice(action, choice) if action.uid == uid else action for action in self.actions
        ]

    @property
    def conflicts(self) -> int:
        return sum(action.conflicts for action in self.actions)

    def summary(self) -> dict[str, int]:
        return {
            "nouvelles": self.count(Verdict.NEW),
            "modifiees": self.count(Verdict.CHANGED),
            "en_conflit": self.count(Verdict.CONFLICT),
            "inchangees": self.count(Verdict.UNCHANGED),
            "absentes": self.count(Verdict.ABSENT),
            "champs_en_conflit": self.conflicts,
        }


def _with_choice(action: PlannedAction, choice: Choice) -> PlannedAction:
    from dataclasses import replace

    return replace(action, choice=choice)
