"""The call for projects (appel à projets) of a campaign: its calendar checked, and the
one-line summary the programmation page shows."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from contrat_desktop.domain.contract import Campaign
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.french_dates import short_date


def cleaned(campaign: Campaign) -> Campaign:
    """Committee dates sorted, each once; priorities without trailing blanks."""
    return replace(
        campaign,
        committee_dates=tuple(sorted(set(campaign.committee_dates))),
        priorities=campaign.priorities.strip(),
    )


def call_problems(campaign: Campaign) -> list[ValidationError]:
    """Every rule the calendar breaks (a mistyped year shows as a date far from the campaign)."""
    found: list[ValidationError] = []
    first, last = date(campaign.year - 2, 1, 1), date(campaign.year + 1, 12, 31)
    named = [
        ("launch_date", "Le lancement de l'appel à projets", campaign.launch_date),
        ("filing_deadline", "La date limite de dépôt", campaign.filing_deadline),
        *(("committee_dates", "Le comité du", day) for day in campaign.committee_dates),
    ]
    for field, label, day in named:
        if day is not None and not first <= day <= last:
            what = (
                f"{label} {short_date(day)}"
                if field == "committee_dates"
                else f"{label} ({short_date(day)})"
            )
            found.append(
                ValidationError(
                    f"{what} est trop loin de l'année de la campagne "
                    f"{campaign.year} : vérifiez l'année saisie.",
                    field=field,
                )
            )
    launch, deadline = campaign.launch_date, campaign.filing_deadline
    if launch and deadline and deadline < launch:
        found.append(
            ValidationError(
                f"La date limite de dépôt ({short_date(deadline)}) précède le lancement de "
                f"l'appel à projets ({short_date(launch)}).",
                field="filing_deadline",
            )
        )
    return found


def days_left(campaign: Campaign, today: date) -> int | None:
    """Days until the filing deadline (negative once it has passed)."""
    if campaign.filing_deadline is None:
        return None
    return (campaign.filing_deadline - today).days


def call_summary(campaign: Campaign, today: date) -> str:
    """« Appel à projets 2026 : lancé le 01/10/2025 · dépôt jusqu'au 15/01/2026 (dans 5 jours)
    · comités : 12/03/2026, 30/04/2026 »; what is not set yet says so."""
    parts = [f"Appel à projets {campaign.year}"]
    if campaign.closed:
        parts[0] += " (campagne close)"
    if campaign.launch_date:
        parts.append(f"lancé le {short_date(campaign.launch_date)}")
    left = days_left(campaign, today)
    if campaign.filing_deadline and left is not None:
        when = (
            "aujourd'hui"
            if left == 0
            else f"dans {left} jour{'s' if left > 1 else ''}"
            if left > 0
            else "échue"
        )
        parts.append(f"dépôt jusqu'au {short_date(campaign.filing_deadline)} ({when})")
    if campaign.committee_dates:
        parts.append("comités : " + ", ".join(short_date(d) for d in campaign.committee_dates))
    if len(parts) == 1:
        parts.append("calendrier à renseigner")
    return " · ".join(parts)
