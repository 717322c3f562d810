"""The installer sources stay valid without building anything (building takes minutes)."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

import contrat_desktop

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"


def test_the_spec_compiles_and_takes_the_version_from_the_package() -> None:
    source = (PACKAGING / "contrat_desktop.spec").read_text(encoding="utf-8")
    compile(source, "contrat_desktop.spec", "exec")
    assert "from contrat_desktop import __version__" in source
    assert "console=False" in source and "console=True" in source
    assert '"resources" / "reference"' in source


def test_the_bundled_resources_exist() -> None:
    assert (ROOT / "resources" / "reference" / "framework.json").is_file()
    assert (ROOT / "resources" / "icons" / "contrat-desktop.svg").is_file()
    for script in ("entry_gui.py", "entry_cli.py", "render_icon.py", "measure_startup.py"):
        path = PACKAGING / script
        compile(path.read_text(encoding="utf-8"), str(path), "exec")


@pytest.mark.skipif(shutil.which("sh") is None, reason="no POSIX shell")
def test_the_shell_scripts_parse() -> None:
    for script in ("build_deb.sh", "verify_deb_chroot.sh"):
        subprocess.run(["sh", "-n", str(PACKAGING / script)], check=True)


def test_the_menu_entry_is_french_and_in_office() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "linux" / "contrat-desktop.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Name"] == "Contrat de ville"
    assert desktop["Categories"] == "Office;"
    assert desktop["Exec"].startswith("contrat-desktop ")
    assert desktop["Icon"] == "contrat-desktop"


def test_the_package_never_deletes_user_data() -> None:
    script = (PACKAGING / "build_deb.sh").read_text(encoding="utf-8")
    assert "postrm" not in script and "prerm" not in script
    assert contrat_desktop.__version__
