"""What every family of commands shares: the French parser, exit codes, argument types."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from typing import Any

EXIT_OK = 0
EXIT_ERROR = 2


class FrenchParser(argparse.ArgumentParser):
    """argparse speaking French: its usage line, help headings and error messages."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        add_help = kwargs.pop("add_help", True)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "arguments"
        self._optionals.title = "options"
        if add_help:
            self.add_argument(
                "-h", "--help", action="help", default=argparse.SUPPRESS,
                help="afficher cette aide et quitter",
            )  # fmt: skip

    def format_usage(self) -> str:
        return _french_usage(super().format_usage())

    def format_help(self) -> str:
        return _french_usage(super().format_help())

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"Erreur : {french_message(message)}\n")


def _french_usage(text: str) -> str:
    return re.sub(r"^usage: ", "Utilisation : ", text)


# argparse's own messages (Python 3.11 to 3.13), each with its French
_MESSAGES = (
    (r"the following arguments are required: (.*)", r"argument(s) obligatoire(s) manquant(s) : \1"),
    (r"unrecognized arguments: (.*)", r"argument(s) non reconnu(s) : \1"),
    (r"one of the arguments (.*) is required", r"l'un des arguments \1 est obligatoire"),
    (r"ambiguous option: (\S+) could match (.*)", r"option ambiguë : \1 peut désigner \2"),
    (r"argument (.+?): (.*)", None),  # the argument named, then its own message
    (r"invalid choice: (.*) \(choose from (.*)\)", r"choix invalide : \1 (choisissez parmi \2)"),
    (r"invalid int value: (.*)", r"nombre entier attendu, pas \1"),
    (r"invalid \w+ value: (.*)", r"valeur invalide : \1"),
    (r"expected one argument", "une valeur est attendue"),
    (r"expected at least one argument", "au moins une valeur est attendue"),
    (r"expected at most one argument", "au plus une valeur est attendue"),
    (r"expected (\d+) arguments?", r"\1 valeur(s) attendue(s)"),
    (r"not allowed with argument (.*)", r"ne peut pas être donné avec \1"),
    (r"ignored explicit argument (.*)", r"valeur non attendue : \1"),
)  # fmt: skip


def french_message(message: str) -> str:
    """An argparse error message in French (a message already French is left as it is)."""
    for pattern, french in _MESSAGES:
        found = re.fullmatch(pattern, message, flags=re.DOTALL)
        if found is None:
            continue
        if french is None:
            return f"argument {found[1]} : {french_message(found[2])}"
        return found.expand(french)
    return message


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
