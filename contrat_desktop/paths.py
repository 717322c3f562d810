"""Every path the application uses, computed in functions (never at import).

``CONTRAT_DESKTOP_DATA`` overrides the user data folder (tests, portable installs).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

APP_NAME = "contrat_desktop"
DOSSIER_SUFFIX = ".cdv"
DATA_ENV = "CONTRAT_DESKTOP_DATA"


def resources_dir() -> Path:
    """``resources/`` beside the package (from source) or inside the frozen bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def user_data_dir() -> Path:
    """Where the default dossier, the log and the state live for this user."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / APP_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_NAME
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_NAME


def default_dossier_path() -> Path:
    return user_data_dir() / f"dossier-demo{DOSSIER_SUFFIX}"


def preferences_file() -> Path:
    """The window state and recent dossiers (an INI file read by ``ui.preferences``)."""
    return user_data_dir() / "preferences.ini"


def dataclass_code_file() -> Path:
    """The dataclasses' methods compiled at the last start (``ui/dataclass_code.py``)."""
    return user_data_dir() / "cache" / "dataclass-code.bin"


def log_file() -> Path:
    return user_data_dir() / "contrat_desktop.log"


def ensure_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


PARTIAL_MARK = ".partiel"
_PARTIAL = re.compile(r"^\..*~(?P<machine>[A-Za-z0-9-]+)~(?P<pid>\d+)\.partiel(\.[^.~]*)*$")


def machine_name() -> str:
    """This machine's network name: what ``socket.gethostname()`` says (``uname`` gives the
    same on POSIX without loading the socket modules, ~10 ms at start-up)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket  # pragma: no cover - Windows

    return socket.gethostname()  # pragma: no cover - Windows


def machine_tag() -> str:
    """This machine's name as it can appear in a file name."""
    return re.sub(r"[^A-Za-z0-9-]+", "-", machine_name()).strip("-") or "poste"


def partial_path(target: Path) -> Path:
    """Where ``target`` is written before being renamed into place: beside it, named after
    this machine and process, so that a leftover (its writer killed) is told from a write
    in progress (``storage/leftovers.py`` removes the leftovers). The suffix stays last:
    some writers choose the format from it."""
    name = f".{target.stem}~{machine_tag()}~{os.getpid()}{PARTIAL_MARK}{target.suffix}"
    return target.with_name(name)


def partial_owner(path: Path) -> tuple[str, int] | None:
    """``(machine, process id)`` of a partial file written by ``partial_path``."""
    match = _PARTIAL.match(path.name)
    return (match["machine"], int(match["pid"])) if match else None
