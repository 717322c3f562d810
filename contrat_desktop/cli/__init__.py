"""``contrat-desktop-cli``: headless commands for IT staff, scripts and tests.

The parser and ``main`` live here; each family of commands is a module of this package with
``add_commands(commands)``, which registers its sub-commands and sets ``run`` on each of them.
Every command prints French messages; errors go to stderr with exit code 2. ``--json``
prints machine-readable output.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from contrat_desktop import __version__
from contrat_desktop.cli import (
    campaigns,
    council,
    documents,
    dossier,
    exchange,
    funding,
    journal,
    meetings,
    packages,
    reports,
)
from contrat_desktop.cli.arguments import EXIT_ERROR, FrenchParser
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.storage.errors import DossierError

# One line per family: its module registers its commands.
FAMILIES = (
    dossier,
    exchange,
    meetings,
    council,
    packages,
    journal,
    campaigns,
    reports,
    documents,
    funding,
)


def build_parser() -> argparse.ArgumentParser:
    parser = FrenchParser(
        prog="contrat-desktop-cli",
        description="Commandes sans interface graphique de contrat_desktop.",
    )
    parser.add_argument("--version", action="version", version=f"contrat_desktop {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMANDE", parser_class=FrenchParser)
    commands.required = True
    for family in FAMILIES:
        family.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except (DossierError, ValidationError) as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return EXIT_ERROR
