"""Open data: the subsidies granted, exported in the national SCDL « subventions » schema
(menu Fichier and ``contrat-desktop-cli export scdl``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.open_data import LeftOut, internal, scdl_row, unpublishable
from contrat_desktop.exchange.file_format import file_format
from contrat_desktop.exchange.scdl_csv import write_scdl_csv
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.open_data import granted_lines
from contrat_desktop.storage.statistics import actions_per_year


@dataclass(frozen=True, slots=True)
class ScdlSummary:
    path: Path
    rows: int
    amount_cents: int
    internal: int  # lines a funder grants to its own services, not subsidies
    left_out: tuple[LeftOut, ...]


def check_year(dossier: Dossier, year: int | None) -> None:
    """A year the dossier has a campaign for (or ``None``: all of them)."""
    if year is None:
        return
    years = list(actions_per_year(dossier.db))
    if year not in years:
        known = ", ".join(str(y) for y in years) or "aucune"
        raise ValidationError(
            f"Le dossier n'a pas de campagne {year} (campagnes : {known}).", field="year"
        )


def export_scdl(dossier: Dossier, year: int | None, target: str | Path) -> ScdlSummary:
    """Write the grants of ``year`` (``None``: every year) that can be published; those that
    cannot are listed with their reason. Refused when the file name is not ``.csv``."""
    target = Path(target)
    file_format(target, (".csv",))
    check_year(dossier, year)
    rows, left_out, amount, own = [], [], 0, 0
    for grant in granted_lines(dossier.db, year):
        if internal(grant):
            own += 1
            continue
        reason = unpublishable(grant)
        if reason is not None:
            left_out.append(LeftOut(grant.reference, grant.holder_name, grant.funder_name, reason))
            continue
        rows.append(scdl_row(grant))
        amount += grant.granted_cents
    if not rows:
        scope = f"la campagne {year}" if year else "ce dossier"
        why = (
            f"{len(left_out)} laissée(s) de côté, dont {left_out[0].describe()}"
            if left_out
            else "aucun montant accordé à un porteur"
        )
        raise ValidationError(
            f"Aucune subvention publiable pour {scope} ({why}). Aucun fichier n'a été écrit."
        )
    written = write_scdl_csv(rows, target)
    return ScdlSummary(target, written, amount, own, tuple(left_out))
