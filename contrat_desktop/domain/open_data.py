"""The subsidies granted, as the national open-data schema « SCDL Subventions » (v2.0.1)
wants them: one row per grant of one funder to one holder, its exact field names and formats
(ISO dates, amounts with a point, « oui »/« non »), and why a grant cannot be published."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from contrat_desktop.domain.identifiers import same_body
from contrat_desktop.domain.identifiers import siret_problem as _siret_problem

SCDL_VERSION = "2.0.1"
SCDL_FIELDS = (
    "nomAttribuant",
    "idAttribuant",
    "dateConvention",
    "referenceDecision",
    "nomBeneficiaire",
    "idBeneficiaire",
    "objet",
    "montant",
    "nature",
    "conditionsVersement",
    "datesPeriodeVersement",
    "idRAE",
    "notificationUE",
    "pourcentageSubvention",
)
MAX_OBJECT = 256
siret_problem = lru_cache(maxsize=65_536)(_siret_problem)  # a few SIRETs, many grants


@dataclass(frozen=True, slots=True)
class Grant:
    """One granted funding line with what the open data needs of it."""

    reference: str
    title: str
    year: int
    funder_name: str
    funder_siret: str
    holder_name: str
    holder_siret: str
    granted_cents: int
    decision_date: date | None
    decision_reference: str
    act_kind: str | None
    start_date: date | None
    end_date: date | None
    payment_dates: tuple[date, ...]  # payments made (refunds left out), in date order


@dataclass(frozen=True, slots=True)
class LeftOut:
    reference: str
    holder: str
    funder: str
    reason: str

    def describe(self) -> str:
        return f"{self.reference} ({self.holder}, {self.funder}) : {self.reason}"


def unpublishable(grant: Grant) -> str | None:
    """Why the grant cannot be a valid SCDL row (French), or ``None``."""
    if not grant.funder_siret:
        return "le financeur n'a pas de SIRET (à saisir dans sa fiche, rubrique Financeurs)"
    if siret_problem(grant.funder_siret):
        return f"le SIRET du financeur « {grant.funder_siret} » est invalide"
    if not grant.holder_siret:
        return "le porteur n'a pas de SIRET"
    if siret_problem(grant.holder_siret):
        return f"le SIRET du porteur « {grant.holder_siret} » est invalide"
    if grant.decision_date is None:
        return "la date de la décision d'attribution n'est pas renseignée"
    return None


def internal(grant: Grant) -> bool:
    """A funder paying one of its own services (same SIREN): a budget line, not a grant."""
    return same_body(grant.funder_siret, grant.holder_siret)


def scdl_row(grant: Grant) -> dict[str, str]:
    """The SCDL row of a publishable grant (every value as text, as the CSV holds it)."""
    assert grant.decision_date is not None
    dates = grant.payment_dates
    staggered = len(dates) > 1 or (not dates and grant.act_kind == "convention")
    if len(dates) == 1:
        period = dates[0].isoformat()
    elif dates:
        period = f"{dates[0].isoformat()}/{dates[-1].isoformat()}"
    else:  # not paid yet: the action's period, else its year
        start = grant.start_date or date(grant.year, 1, 1)
        end = grant.end_date or date(grant.year, 12, 31)
        period = f"{start.isoformat()}/{max(start, end).isoformat()}"
    euros, cents = divmod(grant.granted_cents, 100)
    title = " ".join(grant.title.split())
    return {
        "nomAttribuant": grant.funder_name,
        "idAttribuant": grant.funder_siret,
        "dateConvention": grant.decision_date.isoformat(),
        "referenceDecision": grant.decision_reference,
        "nomBeneficiaire": grant.holder_name,
        "idBeneficiaire": grant.holder_siret,
        "objet": title if len(title) <= MAX_OBJECT else title[: MAX_OBJECT - 1] + "…",
        "montant": f"{euros}.{cents:02d}",
        "nature": "aide en numéraire",
        "conditionsVersement": "échelonné" if staggered else "unique",
        "datesPeriodeVersement": period,
        "idRAE": "",
        "notificationUE": "non",
        "pourcentageSubvention": "1.00",
    }
