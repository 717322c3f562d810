"""The deployment file: ``deploiement.ini`` answers the first start for a service.

IT staff (or a per-service installer, ``packaging/make_service_installer.py``) put it beside
the installed application; from the sources it is also looked for in the user data folder, and
``CONTRAT_DESKTOP_DEPLOYMENT`` names one explicitly (IT scripts, tests). Format, UTF-8::

    [deploiement]
    organisation = Ville de Villiers-sur-Marne
    service = Service jeunesse
    dossier = \\\\serveur\\partage\\jeunesse.cdv   ; a file, or a folder (name from the service)
    logo = logo.png                              ; optional; relative to this file
    demo = non                                   ; oui: the dossier starts as the demo
    principal = \\\\serveur\\partage\\contrat.cdv ; optional: the chef de projet's dossier,
                                                 ; of which the service's starts as a copy

No Qt here: the application and the build script both use this module.
"""

from __future__ import annotations

import configparser
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from contrat_desktop.domain.file_names import slug
from contrat_desktop.domain.os_errors import os_reason
from contrat_desktop.paths import DOSSIER_SUFFIX, user_data_dir

DEPLOYMENT_FILE = "deploiement.ini"
DEPLOYMENT_ENV = "CONTRAT_DESKTOP_DEPLOYMENT"
SECTION = "deploiement"
KEYS = ("organisation", "service", "dossier", "logo", "demo", "principal")
YES = {"oui", "o", "vrai", "true", "yes", "1"}
NO = {"non", "n", "faux", "false", "no", "0", ""}

log = logging.getLogger(__name__)


class DeploymentError(Exception):
    """The deployment file cannot be used; the message (French) says why and where."""


@dataclass(frozen=True)
class Deployment:
    source: Path
    organisation: str = ""
    service: str = ""
    dossier: Path | None = None
    logo: Path | None = None
    demo: bool = False
    main_dossier: Path | None = None  # the service's dossier starts as a copy of this one

    @property
    def answers_first_start(self) -> bool:
        """It says where the dossier lives (a file, or the demo): no wizard then."""
        return self.dossier is not None or self.demo


def candidate_files() -> list[Path]:
    """Where the deployment file is looked for, in order."""
    named = os.environ.get(DEPLOYMENT_ENV)
    if named:
        return [Path(named)]
    places: list[Path] = []
    if getattr(sys, "frozen", False):
        places.append(Path(sys.executable).resolve().parent / DEPLOYMENT_FILE)
    places.append(user_data_dir() / DEPLOYMENT_FILE)
    return places


def find_deployment_file() -> Path | None:
    named = os.environ.get(DEPLOYMENT_ENV)
    if named:
        if not Path(named).is_file():
            raise DeploymentError(
                f"Le fichier de déploiement « {named} » (variable {DEPLOYMENT_ENV}) "
                "est introuvable."
            )
        return Path(named)
    return next((path for path in candidate_files() if path.is_file()), None)


def load_deployment() -> Deployment | None:
    """The deployment file's answers, or ``None`` when there is none."""
    path = find_deployment_file()
    return read_deployment(path) if path is not None else None


def read_deployment(path: Path) -> Deployment:
    parser = configparser.ConfigParser(interpolation=None, inline_comment_prefixes=(";",))
    try:
        with path.open(encoding="utf-8-sig") as stream:  # Notepad may add a BOM
            parser.read_file(stream)
    except UnicodeDecodeError:
        raise DeploymentError(
            f"Le fichier de déploiement « {path} » n'est pas en UTF-8 : enregistrez-le en UTF-8."
        ) from None
    except configparser.Error as error:
        raise DeploymentError(
            f"Le fichier de déploiement « {path} » est mal formé : {error.message}"
        ) from None
    except OSError as error:
        raise DeploymentError(
            f"Impossible de lire le fichier de déploiement « {path} » : {os_reason(error)}."
        ) from None
    if not parser.has_section(SECTION):
        raise DeploymentError(
            f"Le fichier de déploiement « {path} » n'a pas de section [{SECTION}]."
        )
    values = parser[SECTION]
    for key in values:
        if key not in KEYS:
            log.warning("%s: unknown key %r ignored", path, key)
    for section in parser.sections():
        if section != SECTION:
            log.warning("%s: unknown section [%s] ignored", path, section)
    service = values.get("service", "").strip()
    return Deployment(
        source=path,
        organisation=values.get("organisation", "").strip(),
        service=service,
        dossier=_dossier(path, values.get("dossier", ""), service),
        logo=_logo(path, values.get("logo", "")),
        demo=_yes_no(path, values.get("demo", "non")),
        main_dossier=_main_dossier(path, values.get("principal", "")),
    )


def _expand(base: Path, value: str) -> Path:
    expanded = Path(os.path.expanduser(os.path.expandvars(value.strip().strip('"'))))
    return expanded if expanded.is_absolute() else base.parent / expanded


def _dossier(source: Path, value: str, service: str) -> Path | None:
    if not value.strip():
        return None
    path = _expand(source, value)
    if path.is_dir():  # a (shared) folder: the file is named after the service
        return path / dossier_file_name(service)
    if path.suffix.lower() != DOSSIER_SUFFIX:
        path = path.with_name(path.name + DOSSIER_SUFFIX)
    if not path.parent.is_dir():
        raise DeploymentError(
            f"Le dossier « {path.parent} » indiqué dans le fichier de déploiement « {source} » "
            "n'existe pas ou n'est pas accessible. Vérifiez que le partage réseau est connecté, "
            "ou demandez au service informatique de corriger la clé « dossier »."
        )
    return path


def _main_dossier(source: Path, value: str) -> Path | None:
    if not value.strip():
        return None
    path = _expand(source, value)
    if not path.is_file():
        raise DeploymentError(
            f"Le dossier principal « {path} » indiqué dans le fichier de déploiement « {source} » "
            "(clé « principal ») est introuvable. Vérifiez que le partage réseau est connecté."
        )
    return path


def _logo(source: Path, value: str) -> Path | None:
    if not value.strip():
        return None
    path = _expand(source, value)
    if not path.is_file():
        raise DeploymentError(
            f"Le logo « {path} » indiqué dans le fichier de déploiement « {source} » "
            "est introuvable."
        )
    return path


def _yes_no(source: Path, value: str) -> bool:
    word = value.strip().lower()
    if word in YES:
        return True
    if word in NO:
        return False
    raise DeploymentError(
        f"Dans le fichier de déploiement « {source} », demo doit valoir « oui » ou « non » "
        f"(et non « {value} »)."
    )


def dossier_file_name(service: str) -> str:
    """``Service jeunesse`` → ``service-jeunesse.cdv`` (plain ASCII, safe on any share)."""
    return f"{slug(service, 'contrat')}{DOSSIER_SUFFIX}"


def format_deployment(
    *,
    organisation: str = "",
    service: str = "",
    dossier: str = "",
    logo: str = "",
    demo: bool = False,
    principal: str = "",
) -> str:
    """The text of a ``deploiement.ini`` (written by the per-service build)."""

    def line(key: str, value: str) -> str:
        return f"{key} = {value}" if value else f"; {key} ="

    return "\n".join(
        [
            "; Configuration du premier lancement de contrat_desktop pour un service.",
            "; Clés : organisation, service, dossier (fichier .cdv ou dossier partagé),",
            "; logo (image PNG ou JPEG, chemin relatif à ce fichier), demo (oui/non),",
            "; principal (le dossier du chef de projet : celui du service en part comme copie).",
            f"[{SECTION}]",
            line("organisation", organisation),
            line("service", service),
            line("dossier", dossier),
            line("logo", logo),
            f"demo = {'oui' if demo else 'non'}",
            line("principal", principal),
            "",
        ]
    )
