"""Governance bodies (instances): COPIL, comités techniques, comité de recevabilité..."""

from __future__ import annotations

from dataclasses import dataclass

from contrat_desktop.domain.errors import ValidationError


@dataclass(frozen=True, slots=True)
class BodyKind:
    """Reference data (editable): ``copil``, ``comite_technique``..."""

    code: str
    label: str
    steering: bool = False  # a steering body must seat council representatives
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Body:
    kind_code: str
    name: str
    chairs: str = ""
    min_meetings_per_year: int = 1
    quorum_count: int | None = None
    quorum_fraction_percent: int | None = None
    council_required: bool = False
    id: int | None = None
    version: int = 1

    def problems(self) -> list[ValidationError]:
        found = []
        if not self.name.strip():
            found.append(ValidationError("Le nom de l'instance est obligatoire.", field="name"))
        if self.min_meetings_per_year < 0:
            found.append(
                ValidationError(
                    "Le nombre minimal de réunions par an ne peut être négatif.",
                    field="min_meetings_per_year",
                )
            )
        if self.quorum_count is not None and self.quorum_fraction_percent is not None:
            found.append(
                ValidationError(
                    "Le quorum est soit un nombre de membres, soit une part des membres, "
                    "pas les deux.",
                    field="quorum",
                )
            )
        if self.quorum_count is not None and self.quorum_count < 1:
            found.append(
                ValidationError("Le quorum doit compter au moins un membre.", field="quorum")
            )
        fraction = self.quorum_fraction_percent
        if fraction is not None and not 1 <= fraction <= 100:
            found.append(
                ValidationError(
                    "La part des membres requise pour le quorum doit être comprise "
                    "entre 1 et 100 %.",
                    field="quorum",
                )
            )
        return found


def frequency_warning(body: Body, meetings_held: int) -> str | None:
    """A French warning when a body met less often in a year than its minimum."""
    if meetings_held >= body.min_meetings_per_year:
        return None
    return f"{body.name} ({meetings_held} réunion(s) sur {body.min_meetings_per_year} au minimum)"
