"""How a value of a portable record reads in the preview of a package: its field's French
name and the value in French (amounts, dates, statuses, opinions, yes/no)."""

from __future__ import annotations

from datetime import date
from typing import Any

from contrat_desktop.domain.field_labels import FIELD_LABELS
from contrat_desktop.domain.french_dates import short_date
from contrat_desktop.domain.money import format_cents
from contrat_desktop.domain.opinions import Opinion
from contrat_desktop.domain.workflow import ActionStatus

EMPTY = "(vide)"
_KEY_LABELS = {
    "holder": "Porteur",
    "year": "Campagne",
    "framework": "Cadre stratégique",
    "renewal_of": "Reconduction de",
    "districts": "Quartiers",
    "axes": "Axes transversaux",
    "received_on": "Bilan reçu le",
    "realised_cost_cents": "Coût réalisé",
    "realised_funding_cents": "Financement réalisé",
    "gap_explanation": "Écarts expliqués",
    "sessions_held": "Séances tenues",
    "objectives_met": "Objectifs atteints",
    "assessment": "Appréciation qualitative",
    "follow_up": "Suites",
    "multi_year_agreement": "CPO (pluriannuelle)",
    "opinion": "Avis",
    "observations": "Observations",
}


_PIECE_LABELS = {"received_on": "Reçue le", "attachment": "Fichier joint", "note": "Note"}


def field_label(key: str, record: str = "") -> str:
    if record.startswith("request_piece") and key in _PIECE_LABELS:
        return _PIECE_LABELS[key]
    return _KEY_LABELS.get(key) or FIELD_LABELS.get(key) or key.replace("_", " ").capitalize()


def shown(key: str, value: Any, names: dict[str, str] | None = None) -> str:
    """``value`` of ``key`` as the user reads it; ``names`` gives the holders' and the
    attached files' names by their key in the package."""
    if value is None or value == "" or value == []:
        return EMPTY
    if key in ("holder", "attachment"):
        return (names or {}).get(value) or value.split(":", 1)[-1]
    if key == "framework":
        return str(value).split(":", 1)[-1]
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if key.endswith("_cents") and isinstance(value, int):
        return format_cents(value)
    if key == "status":
        return _label(ActionStatus, value)
    if key == "opinion":
        return _label(Opinion, value)
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return short_date(date.fromisoformat(value))
        except ValueError:
            return value
    if key in ("multi_year", "multi_year_agreement", "active"):
        return "oui" if value else "non"
    return str(value)


def _label(enum: Any, value: Any) -> str:
    try:
        return str(enum(value).label)
    except ValueError:
        return str(value)
