"""The convention rule (décret 2001-495, DOMAIN.md §1 and §5): above 23 000 € granted by one
funder to one holder in a year, the grant needs a convention, not an arrêté. The threshold
is a dossier setting; the check is a warning shown wherever a line is edited and a
reminder while the convention is not signed."""

from __future__ import annotations

from dataclasses import dataclass

from contrat_desktop.domain.funders import FunderKind
from contrat_desktop.domain.funding import CONVENTION_THRESHOLD_CENTS, ActKind, convention_required
from contrat_desktop.domain.holders import HolderKind
from contrat_desktop.domain.identifiers import same_body
from contrat_desktop.domain.money import format_cents


def own_service(funder_siret: str, funder_kind: str, holder_siret: str, holder_kind: str) -> bool:
    """A funder paying one of its own services (the Ville and its service jeunesse): a
    budget line, neither a subsidy nor a convention. The same SIREN, as the SCDL export
    reasons; or, when the service has no SIRET, a municipal service funded by a commune."""
    if same_body(funder_siret, holder_siret):
        return True
    return (
        not holder_siret
        and holder_kind == HolderKind.MUNICIPAL_SERVICE.value
        and funder_kind == FunderKind.COMMUNE.value
    )


@dataclass(frozen=True, slots=True)
class ConventionCheck:
    funder_name: str
    year: int
    holder_total_cents: int  # granted by this funder to this holder in the year
    threshold_cents: int = CONVENTION_THRESHOLD_CENTS
    act_kind: ActKind | None = None
    signed: bool = False
    own_service: bool = False  # the funder pays its own service: no convention

    @property
    def required(self) -> bool:
        if self.own_service:
            return False
        return convention_required(self.holder_total_cents, self.threshold_cents)

    @property
    def satisfied(self) -> bool:
        """Not required, or a convention (or CPO) is recorded and signed."""
        if not self.required:
            return True
        return self.act_kind is not None and self.act_kind.is_agreement and self.signed

    def message(self) -> str:
        """What the user reads next to the line ("" when there is nothing to say)."""
        if not self.required:
            return ""
        total = format_cents(self.holder_total_cents)
        reason = (
            f"{total} accordés par {self.funder_name} à ce porteur en {self.year}, au-delà de "
            f"{format_cents(self.threshold_cents)}"
        )
        if self.act_kind is None or not self.act_kind.is_agreement:
            found = (
                f"l'acte saisi est un {self.act_kind.label.lower()}"
                if self.act_kind
                else ("aucun acte n'est saisi")
            )
            return f"Convention requise ({reason}) : {found}."
        if not self.signed:
            return f"Convention requise ({reason}) : sa date de signature n'est pas saisie."
        return f"Convention requise ({reason}) : signée."
