"""What every family of commands shares: the French parser, exit codes, argument types."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

EXIT_OK = 0
EXIT_ERROR = 2


class FrenchParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"Erreur : {message}\n")


def add_db(parser: Any) -> None:
    """The ``--db FICHIER`` option every command that reads a dossier takes."""
    parser.add_argument("--db", required=True, metavar="FICHIER", help="chemin du dossier")


def positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"nombre entier attendu, pas « {text} »") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"nombre strictement positif attendu, pas {value}")
    return value


def year(text: str) -> int:
    """A campaign year, said in French when it is not one."""
    if not (text.strip().isdigit() and len(text.strip()) == 4):
        raise argparse.ArgumentTypeError(f"année sur 4 chiffres attendue, pas « {text} »")
    return int(text)


def day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"date AAAA-MM-JJ attendue, pas « {text} »") from None
