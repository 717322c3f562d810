"""The dialogs' previews (``python -m contrat_desktop.ui.dialogs.<concern>.<dialog>``): a
dialog shown on a fresh demo dossier, in an application of its own."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from contrat_desktop.ui.session import DossierSession


def preview_session() -> DossierSession:  # pragma: no cover - for the dialogs' previews
    """A session on a fresh demo dossier, in a temporary folder."""
    import tempfile
    from pathlib import Path

    from contrat_desktop.operations.dossiers import create_dossier
    from contrat_desktop.samples import fill_demo
    from contrat_desktop.storage.database import open_dossier

    path = create_dossier(Path(tempfile.mkdtemp()) / "apercu.cdv", fill=fill_demo)
    return DossierSession(open_dossier(path))


def preview_on_demo(show: Callable[[DossierSession], Any]) -> None:  # pragma: no cover
    """Run ``show(session)`` (which opens the dialog) on a fresh demo dossier."""
    import sys

    from PySide6.QtWidgets import QApplication

    application = QApplication.instance() or QApplication(sys.argv)
    session = preview_session()
    try:
        show(session)
    finally:
        session.close()
    del application
