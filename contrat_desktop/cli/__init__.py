"""``contrat-desktop-cli``: headless commands for IT staff, scripts and tests.

The parser and ``main`` live here; each family of commands is a module of this package with
``add_commands(commands)``, which registers its sub-commands and sets ``run`` on each of them.
Every command prints French messages; errors go to stderr with exit code 2. ``--json``
prints machine-readable output.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from contrat_desktop import __version__
from contrat_desktop.cli.arguments import EXIT_ERROR, FrenchParser
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.storage.errors import DossierError

EXIT_BROKEN_PIPE = 141  # as a program stopped by SIGPIPE

# One entry per family: its module (in this package) and the commands it registers. A
# command imports only its own family (a whole-process export does not load the import,
# the draw or the renewal); ``tests/cli/test_cli_startup.py`` checks the names match.
FAMILIES: dict[str, tuple[str, ...]] = {
    "dossier": ("init", "info", "backup", "backups", "restore"),
    "exports": ("export",),
    "exchange": ("import",),
    "meetings": ("meetings", "minutes"),
    "council": ("draw", "council-members", "council-participation", "council-notice"),
    "packages": ("package",),
    "journal": ("journal",),
    "campaigns": ("renew",),
    "reports": ("report",),
    "documents": ("action-sheet", "request-form"),
    "funding": ("reminders", "letters"),
}


def family(name: str) -> ModuleType:
    """The module of the family ``name`` (imported on first use)."""
    return importlib.import_module(f"contrat_desktop.cli.{name}")


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The parser of every command, or only of the family of the command ``argv`` names."""
    parser = FrenchParser(
        prog="contrat-desktop-cli",
        description="Commandes sans interface graphique de contrat_desktop.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"contrat_desktop {__version__}",
        help="afficher la version et quitter",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMANDE", parser_class=FrenchParser)
    commands.required = True
    first = argv[0] if argv else ""
    named = [name for name, names in FAMILIES.items() if first in names]
    for name in named or FAMILIES:
        family(name).add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(arguments).parse_args(arguments)
    try:
        return int(args.run(args))
    except (DossierError, ValidationError) as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # the reader stopped early (« | head »): stop quietly, as tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing more to flush
        return EXIT_BROKEN_PIPE
