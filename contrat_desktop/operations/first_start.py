"""The first start: make (or adopt) the dossier a service works in, with its document settings.

Used by the first-start wizard and by the deployment file (``contrat_desktop.deployment``):
a dossier that does not exist yet is created (empty, or as the demo) and gets the
organisation, service and logo; an existing one only gets those it does not have yet.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path

from contrat_desktop.operations.dossiers import create_dossier
from contrat_desktop.operations.service_copy import make_service_copy
from contrat_desktop.operations.settings import (
    load_document_settings,
    read_logo,
    save_document_settings,
)
from contrat_desktop.paths import default_dossier_path, ensure_dir
from contrat_desktop.storage.database import Dossier, open_dossier

log = logging.getLogger(__name__)


class Location(Enum):
    NEW = "new"  # a new file chosen by the user
    EXISTING = "existing"  # a dossier file that already exists
    SHARED = "shared"  # a file in a shared folder: opened if a colleague made it, else created
    DEMO = "demo"  # the demo dossier in the user data folder


@dataclass(frozen=True)
class FirstStart:
    location: Location
    path: Path | None = None  # None: the demo dossier in the user data folder
    organisation: str = ""
    service: str = ""
    logo: Path | None = None
    main_dossier: Path | None = None  # a new dossier starts as this one's service copy

    @property
    def dossier_path(self) -> Path:
        return self.path if self.path is not None else default_dossier_path()


def set_up_dossier(choice: FirstStart, *, fill_demo: Callable[[Dossier], None]) -> Path:
    """Create the chosen dossier if needed and record the organisation, service and logo.

    ``fill_demo`` writes the demo when that is the choice (``contrat_desktop.samples``)."""
    path = choice.dossier_path
    created = False
    if not path.exists():
        ensure_dir(path.parent)
        log.info("first start: creating %s (%s)", path, choice.location.value)
        if choice.main_dossier is not None:
            with open_dossier(choice.main_dossier, read_only=True, daily_backup=False) as main:
                make_service_copy(main, choice.service or path.stem, path)
        else:
            create_dossier(path, fill=fill_demo if choice.location is Location.DEMO else None)
        created = True
    fill_document_settings(path, choice, overwrite=created)
    return path


def fill_document_settings(path: Path, choice: FirstStart, *, overwrite: bool) -> None:
    """Write the given organisation, service and logo; keep those already set unless told."""
    if not (choice.organisation.strip() or choice.service.strip() or choice.logo):
        return
    with open_dossier(path, daily_backup=False) as dossier:
        if dossier.read_only:  # a colleague holds it: their settings stay
            log.info("first start: %s is %s, settings left", path, dossier.read_only_reason)
            return
        current = load_document_settings(dossier)
        wanted = current

        def take(present: str, given: str) -> str:
            return given.strip() if given.strip() and (overwrite or not present) else present

        wanted = replace(
            wanted,
            organisation_name=take(current.organisation_name, choice.organisation),
            service_name=take(current.service_name, choice.service),
        )
        if choice.logo is not None and (overwrite or current.logo is None):
            name, content = read_logo(choice.logo)
            wanted = replace(wanted, logo_file_name=name, logo=content)
        if wanted != current:
            save_document_settings(dossier, wanted)
