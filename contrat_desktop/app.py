"""GUI bootstrap: arguments, logging, paths, the dossier, the exception hook, the main window.

``contrat-desktop`` opens the dossier given on the command line, else the last one opened,
else (first start) the one a deployment file names, else the one the first-start wizard
sets up, else (no wizard: offscreen, tests) a demo dossier created in the user data folder.
``--version`` answers without a display: Qt is imported only after the arguments are parsed.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from contrat_desktop import __version__
from contrat_desktop.operations import collector
from contrat_desktop.paths import (
    dataclass_code_file,
    default_dossier_path,
    ensure_dir,
    log_file,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from contrat_desktop.deployment import Deployment
    from contrat_desktop.storage.database import Dossier
    from contrat_desktop.ui.controller import DossierController
    from contrat_desktop.ui.main_window import MainWindow

log = logging.getLogger("contrat_desktop")
NO_WIZARD_ENV = "CONTRAT_DESKTOP_NO_WIZARD"
# ``--rubrique``: the area the window opens on (only its page is built at start-up)
START_AREAS = {
    "tableau-de-bord": "dashboard",
    "programmation": "programmation",
    "a-faire": "reminders",
    "porteurs": "holders",
    "financeurs": "funders",
    "pluriannuel": "years",
    "reunions": "meetings",
    "conseil-citoyen": "council",
    "journal": "journal",
    "parametres": "settings",
}


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    # the command line's French parser: usage, help and errors in French, as the window speaks
    from contrat_desktop.cli.arguments import FrenchParser

    parser = FrenchParser(
        prog="contrat-desktop", description="Pilotage du Contrat de ville (application de bureau)."
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"contrat_desktop {__version__}",
        help="afficher la version et quitter",
    )
    parser.add_argument("dossier", nargs="?", help="dossier à ouvrir (.cdv)")
    parser.add_argument(
        "--lecture-seule", action="store_true", dest="read_only", help="ouvrir sans modifier"
    )
    parser.add_argument(
        "--rubrique",
        type=start_area,
        default="tableau-de-bord",  # a text default goes through ``type`` too
        dest="area",
        metavar="RUBRIQUE",
        help=f"rubrique affichée à l'ouverture : {', '.join(START_AREAS)} (par défaut : "
        "tableau-de-bord)",
    )
    # For the start-up benchmark: quit as soon as the populated window has been painted.
    parser.add_argument("--quit-when-shown", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def start_area(text: str) -> str:
    """The window's area named by ``--rubrique``, said in French when there is none."""
    if text not in START_AREAS:
        raise argparse.ArgumentTypeError(
            f"rubrique inconnue « {text} » (rubriques : {', '.join(START_AREAS)})"
        )
    return START_AREAS[text]


def setup_logging() -> Path:
    # here, not at the top: imported once PySide6's scan of each module is the quicker one
    import logging.handlers

    path = log_file()
    ensure_dir(path.parent)
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def choose_dossier(
    argument: str | None,
    last: Path | None,
    ask: Callable[[Deployment | None], Path | None] | None = None,
) -> Path:
    """The dossier to open: the argument, else the last one, else the first start's.

    On first start, a deployment file that says where the dossier lives answers (the dossier
    is made if absent, with its organisation, service and logo); else ``ask`` (the wizard)
    when given; else the demo, made if absent. Raises ``FirstStartCancelled`` when the user
    quits the wizard and ``DeploymentError`` when the deployment file cannot be used.
    """
    if argument:
        return Path(argument)
    if last is not None and last.exists():
        return last
    from contrat_desktop.deployment import load_deployment

    deployment = load_deployment()
    if deployment is not None and deployment.answers_first_start:
        return deployed_dossier(deployment)
    if ask is not None:
        chosen = ask(deployment)
        if chosen is None:
            raise FirstStartCancelled
        return chosen
    default = default_dossier_path()
    if not default.exists():
        from contrat_desktop.operations.dossiers import create_dossier
        from contrat_desktop.samples import fill_demo

        ensure_dir(default.parent)
        log.info("first start: creating the demo dossier %s", default)
        create_dossier(default, fill=fill_demo)
    return default


def deployed_dossier(deployment: Deployment) -> Path:
    """The deployment file's dossier, made if absent with its organisation, service and logo."""
    from contrat_desktop.deployment import DeploymentError
    from contrat_desktop.domain.errors import ValidationError
    from contrat_desktop.operations.first_start import FirstStart, Location, set_up_dossier
    from contrat_desktop.samples import fill_demo
    from contrat_desktop.storage.errors import DossierError

    log.info("first start: deployment file %s", deployment.source)
    choice = FirstStart(
        Location.DEMO if deployment.demo else Location.SHARED,
        deployment.dossier,
        deployment.organisation,
        deployment.service,
        deployment.logo,
        deployment.main_dossier,
    )
    try:
        return set_up_dossier(choice, fill_demo=fill_demo)
    except (DossierError, ValidationError) as error:
        raise DeploymentError(
            f"Le dossier prévu par le fichier de déploiement « {deployment.source} » "
            f"n'a pas pu être préparé : {error}"
        ) from error


class FirstStartCancelled(Exception):
    """The user quit the first-start wizard: the application stops."""


def wizard_wanted() -> bool:
    """The first-start wizard needs a person: not offscreen, not when told (tests, scripts)."""
    if os.environ.get(NO_WIZARD_ENV):
        return False
    return os.environ.get("QT_QPA_PLATFORM", "") not in {"offscreen", "minimal"}


def ask_with_wizard(deployment: Deployment | None) -> Path | None:
    """The first-start wizard, asked again until its dossier is ready; None: the user quit."""
    from PySide6.QtWidgets import QMessageBox

    from contrat_desktop.domain.errors import ValidationError
    from contrat_desktop.operations.first_start import set_up_dossier
    from contrat_desktop.samples import fill_demo
    from contrat_desktop.storage.errors import DossierError
    from contrat_desktop.ui.application import french_application
    from contrat_desktop.ui.dialogs.dossier.first_start_wizard import ask_first_start

    _app = french_application()
    while True:
        choice = ask_first_start(deployment)
        if choice is None:
            return None
        try:
            return set_up_dossier(choice, fill_demo=fill_demo)
        except (DossierError, ValidationError) as error:
            QMessageBox.warning(None, "Dossier impossible à préparer", str(error))


class Started:
    """The application, its window and what opens dossiers in it."""

    def __init__(self, app: QApplication, window: MainWindow, controller: DossierController):
        self.app = app
        self.window = window
        self.controller = controller

    @property
    def dossier(self) -> Dossier:
        assert self.window.session is not None
        return self.window.session.dossier

    def close(self) -> None:
        """Once the event loop has returned for good: let the background work end, then
        close the dossier (its lock is released). Not on ``aboutToQuit``: the loop may be
        entered again (a dialog's own loop, a script running the window in steps) and the
        window would then read a closed database."""
        from contrat_desktop.ui.background import wait_for_background_work

        wait_for_background_work()
        if self.window.session is not None:
            self.window.session.close()


def start(argv: Sequence[str] | None = None) -> Started:
    """Build the application and its window (shown), without entering the event loop."""
    args = parse_args(argv)
    with collector_paused():  # as for the window's modules below (not around the wizard)
        from contrat_desktop.ui.feature_scan import quicker_feature_scan

        quicker_feature_scan()  # before the dossier's and the window's modules are imported
        from contrat_desktop.ui.dataclass_code import compiled_once

    # the dataclasses' methods compiled at the last start are not compiled again
    with compiled_once(dataclass_code_file()):
        with collector_paused():
            from contrat_desktop.storage.database import EarlyIntegrityCheck, open_dossier
            from contrat_desktop.ui.preferences import Preferences

            prefs = Preferences()
        path = choose_dossier(
            args.dossier, prefs.last_dossier, ask_with_wizard if wizard_wanted() else None
        )
        with collector_paused():
            # the integrity check runs while Qt and the window's modules load
            early = EarlyIntegrityCheck(path) if path.exists() else None

            from contrat_desktop.ui.application import french_application
            from contrat_desktop.ui.controller import DossierController
            from contrat_desktop.ui.main_window import MainWindow
            from contrat_desktop.ui.session import DossierSession

            log_path = setup_logging()
            app = french_application()
            app.setApplicationName("contrat_desktop")
            app.setApplicationVersion(__version__)
            install_exception_hook(log_path)
            dossier = open_dossier(path, read_only=args.read_only, early_check=early)
            prefs.remember_dossier(path)
            log.info("opened %s (%s)", path, dossier.read_only_reason or "read-write")
            window = MainWindow(prefs)
            controller = DossierController(window, prefs)
            window.set_session(DossierSession(dossier), args.area)
            quit_on_termination(app)
            window.show()
    return Started(app, window, controller)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Build the window without Python's cyclic garbage collector, then set what was built
    aside from its later passes.

    Start-up makes some 80 000 objects (modules, classes, widgets' wrappers, the first
    page's rows) that live as long as the window; the collector walked them again and again
    while they were made, and once more at exit: a quarter of the start-up's processor time
    (issue 11). Refcounting still frees what is dropped; the few hundred objects in cycles
    left then stay until the process ends (``gc.freeze``). ``gc.unfreeze`` (another dossier
    opened) gives them back to the collector.
    """
    with collector.collector_paused():
        try:
            yield
        finally:
            gc.freeze()


def quit_on_termination(app: QApplication) -> None:
    """On SIGTERM/SIGINT (logout, ``kill``, Ctrl+C), quit cleanly (``main`` then closes the
    dossier, releasing its lock).

    Python handles signals between bytecodes only: a light timer lets it run in Qt's loop.
    """
    import signal

    from PySide6.QtCore import QTimer

    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, lambda *_args: app.quit())
    timer = QTimer(app)
    timer.setInterval(500)
    timer.timeout.connect(lambda: None)
    timer.start()


def install_exception_hook(log_path: Path) -> None:
    def hook(
        kind: type[BaseException], error: BaseException, traceback: TracebackType | None
    ) -> None:
        log.critical("unexpected error", exc_info=(kind, error, traceback))
        from contrat_desktop.ui.error_messages import show_error

        show_error(error, log_path)

    sys.excepthook = hook


def start_or_recover(argv: Sequence[str] | None = None) -> Started | None:
    """``start``, and when the dossier cannot be opened, offer another one or a backup.

    Returns ``None`` when the user chose to quit.
    """
    from contrat_desktop.deployment import DeploymentError
    from contrat_desktop.storage.errors import DossierError

    args = list(argv if argv is not None else sys.argv[1:])
    while True:
        try:
            return start(args)
        except FirstStartCancelled:
            log.info("first start: the user quit the wizard")
            return None
        except DeploymentError as error:
            from PySide6.QtWidgets import QMessageBox

            from contrat_desktop.ui.application import french_application

            _app = french_application()
            log.error("deployment file: %s", error)
            QMessageBox.critical(None, "Fichier de déploiement", str(error))
            return None
        except DossierError as error:
            from contrat_desktop.ui.application import french_application
            from contrat_desktop.ui.preferences import Preferences
            from contrat_desktop.ui.recovery import ask_for_another

            _app = french_application()
            log.error("cannot open dossier: %s", error)
            parsed = parse_args(args)
            failed = choose_dossier(parsed.dossier, Preferences().last_dossier)
            retry = ask_for_another(failed, error)
            if retry is None:
                return None
            args = [*(a for a in args if a != parsed.dossier), str(retry)]


def main(argv: Sequence[str] | None = None) -> int:
    started = start_or_recover(argv)
    if started is None:
        return 2
    if parse_args(argv).quit_when_shown:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, started.app.quit)
    code = started.app.exec()
    started.close()
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
