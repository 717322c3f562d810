"""Small drivers for the use cases the command line does not offer, called through the
operations layer exactly as the window calls them; the kill loops run and kill them.

    driver.py bulk-status DOSSIER YEAR STATUS     every action of campaign YEAR to STATUS
    driver.py validate-minutes DOSSIER MEETING    preview, then validate, the minutes
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def bulk_status(dossier_path: str, year: int, status: str) -> int:
    from contrat_desktop.domain.workflow import ActionStatus
    from contrat_desktop.operations.programmation import change_statuses
    from contrat_desktop.storage.database import open_dossier

    with open_dossier(dossier_path, daily_backup=False) as dossier:
        ids = [
            row[0]
            for row in dossier.db.execute(
                "SELECT a.id FROM action a JOIN campaign c ON c.id = a.campaign_id "
                "WHERE c.year = ? ORDER BY a.id",
                [year],
            )
        ]
        result = change_statuses(dossier, ids, ActionStatus(status), "Changement groupé")
    print(f"{len(result.changed)} changées, {len(result.refused)} refusées")
    return 0


def validate(dossier_path: str, meeting_id: int) -> int:
    from contrat_desktop.operations.minutes_validation import preview_validation, validate_minutes
    from contrat_desktop.storage.database import open_dossier

    with open_dossier(dossier_path, daily_backup=False) as dossier:
        plan = preview_validation(dossier, meeting_id)
        stored = validate_minutes(dossier, meeting_id, plan)
    print(f"Compte rendu validé ({len(plan)} actions, {stored.sha256[:12]})")
    return 0


def main(argv: Sequence[str]) -> int:
    command, dossier, *rest = argv
    if command == "bulk-status":
        return bulk_status(dossier, int(rest[0]), rest[1])
    if command == "validate-minutes":
        return validate(dossier, int(rest[0]))
    raise SystemExit(f"commande inconnue : {command}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))
