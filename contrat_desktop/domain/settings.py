"""Dossier settings: what documents print, and the rule settings (DOMAIN.md: every
[practice] rule is a setting or a warning, never a hard block)."""

from __future__ import annotations

from dataclasses import dataclass, field

from contrat_desktop.domain.deadline_setting import month_day_problem
from contrat_desktop.domain.errors import ValidationError

PNG_HEADER = b"\x89PNG\r\n\x1a\n"
JPEG_HEADER = b"\xff\xd8\xff"
MAX_LOGO_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Signatory:
    name: str
    role: str


@dataclass(frozen=True, slots=True)
class DocumentSettings:
    organisation_name: str = ""
    service_name: str = ""
    logo_file_name: str = ""
    logo: bytes | None = None  # kept in the dossier so it travels with it
    signatories: tuple[Signatory, ...] = ()


def check_logo(file_name: str, content: bytes) -> None:
    """A logo must be a PNG or JPEG image of at most 2 Mo."""
    if not (content.startswith(PNG_HEADER) or content.startswith(JPEG_HEADER)):
        raise ValidationError(
            f"« {file_name} » n'est pas une image PNG ou JPEG : choisissez un autre fichier.",
            field="logo",
        )
    if len(content) > MAX_LOGO_BYTES:
        raise ValidationError(
            f"Le logo « {file_name} » dépasse 2 Mo : réduisez-le avant de l'utiliser.",
            field="logo",
        )


COUNCIL_RULES: dict[str, tuple[str, dict[str, str]]] = {
    # key: (French label, parameter -> French label)
    "draw_required": ("Habitants tirés au sort (pas uniquement des volontaires)", {}),
    "parity_residents": ("Parité femmes-hommes parmi les habitants", {"tolerance": "Écart toléré"}),
    "residents_share": ("Collège des habitants d'au moins", {"min_percent": "Pourcentage minimum"}),
    "size_range": ("Nombre de membres recommandé", {"min": "Minimum", "max": "Maximum"}),
    "no_officials": (
        "Ni élus, ni représentants de l'État, ni agents de la politique de la ville",
        {},
    ),
    "steering_representatives": ("Représentants du conseil dans chaque instance de pilotage", {}),
}


@dataclass(frozen=True, slots=True)
class RuleSettings:
    convention_threshold_cents: int = 2_300_000
    bilan_deadline_month_day: str = "06-30"
    council: dict[str, dict[str, int | bool]] = field(default_factory=dict)

    def problems(self) -> list[ValidationError]:
        found = []
        if self.convention_threshold_cents <= 0:
            found.append(
                ValidationError("Le seuil de convention doit être positif.", field="threshold")
            )
        deadline = month_day_problem(self.bilan_deadline_month_day)
        if deadline:
            found.append(ValidationError(deadline, field="bilan_deadline"))
        size = self.council.get("size_range", {})
        if size and int(size.get("min", 0)) > int(size.get("max", 0)):
            found.append(
                ValidationError(
                    "Le nombre minimum de membres dépasse le maximum.", field="size_range"
                )
            )
        return found
