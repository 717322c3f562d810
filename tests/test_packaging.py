"""The installer sources stay valid without building anything (building takes minutes)."""

from __future__ import annotations

import configparser
import re
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


def test_the_guide_is_bundled() -> None:
    source = (PACKAGING / "contrat_desktop.spec").read_text(encoding="utf-8")
    assert '"resources" / "aide"' in source
    assert (ROOT / "resources" / "aide" / "guide.html").is_file()


def test_a_service_build_gets_its_deployment_file(tmp_path: Path) -> None:
    import sys

    from contrat_desktop.deployment import read_deployment

    build = tmp_path / "dist" / "contrat-desktop"
    build.mkdir(parents=True)
    (build / "contrat-desktop").write_text("#!/bin/sh\n")
    logo = tmp_path / "Logo.PNG"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 16)
    share = tmp_path / "partage"
    share.mkdir()
    out = tmp_path / "services" / "contrat-desktop"
    subprocess.run(
        [
            sys.executable,
            str(PACKAGING / "make_service_installer.py"),
            "--service",
            "Service jeunesse",
            "--organisation",
            "Ville de Bondy",
            "--dossier",
            str(share),
            "--logo",
            str(logo),
            "--build",
            str(build),
            "--out",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    assert (out / "contrat-desktop").is_file() and (out / "logo.png").is_file()
    deployment = read_deployment(out / "deploiement.ini")
    assert deployment.service == "Service jeunesse"
    assert deployment.organisation == "Ville de Bondy"
    assert deployment.dossier == share / "service-jeunesse.cdv"
    assert deployment.logo == out / "logo.png"


WINDOWS = PACKAGING / "windows"
WORKFLOW = ROOT / ".github" / "workflows" / "installers.yml"


def _nsis_script() -> str:
    """The NSIS script without its comment lines."""
    text = (WINDOWS / "contrat-desktop.nsi").read_text(encoding="utf-8-sig")
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(";"))


def test_the_windows_installer_is_per_user_64_bit_and_french() -> None:
    script = _nsis_script()
    for line in (
        "Unicode true",
        "Target amd64-unicode",
        "RequestExecutionLevel user",
        'InstallDir "$LOCALAPPDATA\\Programs\\${SLUG}"',
        '!insertmacro MUI_LANGUAGE "French"',
        '!define UNINSTALL_KEY "Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\${SLUG}"',
        '!define EXTENSION ".cdv"',
        'WriteRegStr HKCU "Software\\Classes\\${EXTENSION}" "" "${PROGID}"',
        'CreateShortcut "$SMPROGRAMS\\${APPNAME}.lnk"',
        'CreateShortcut "$DESKTOP\\${APPNAME}.lnk"',
        '"[deploiement]$\\r$\\n"',  # the section contrat_desktop/deployment.py reads
        '"service = ${SERVICE}$\\r$\\n"',
        'File "/oname=deploiement.ini" "${DEPLOYMENT_INI}"',
    ):
        assert line in script, line
    # Everything per user: nothing under HKLM, no elevation.
    assert "HKLM" not in script and "RequestExecutionLevel admin" not in script


def test_the_windows_uninstaller_keeps_the_dossiers() -> None:
    script = _nsis_script()
    uninstall = script[script.index('Section "Uninstall"') :]
    assert 'RMDir /r "$INSTDIR"' not in uninstall  # program files by name only
    assert 'RMDir "$INSTDIR"' in uninstall  # the folder only if left empty
    assert "contrat_desktop" not in uninstall  # the users' data folder is never named
    assert "$LOCALAPPDATA" not in uninstall and "$APPDATA" not in uninstall


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis absent (apt install nsis)")
def test_makensis_compiles_a_64_bit_installer(tmp_path: Path) -> None:
    """Half a second: a stand-in app folder, the real script (verify_under_wine.sh runs it)."""
    app = tmp_path / "contrat-desktop"
    (app / "_internal").mkdir(parents=True)
    for name in ("contrat-desktop.exe", "contrat-desktop-cli.exe", "_internal/base_library.zip"):
        (app / name).write_bytes(b"MZ")
    setup = tmp_path / "installation.exe"
    subprocess.run(
        ["makensis", "-V2", f"-DVERSION={contrat_desktop.__version__}", f"-DAPPDIR={app}",
         f"-DOUTFILE={setup}", "-DSERVICE=Service jeunesse",
         str(WINDOWS / "contrat-desktop.nsi")],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    header = setup.read_bytes()
    pe = int.from_bytes(header[0x3C:0x40], "little")
    assert header[:2] == b"MZ" and header[pe : pe + 4] == b"PE\0\0"
    assert int.from_bytes(header[pe + 4 : pe + 6], "little") == 0x8664  # x64 machine
    assert b'level="asInvoker"' in header  # the manifest asks for no elevation


@pytest.mark.skipif(shutil.which("sh") is None, reason="no POSIX shell")
def test_the_wine_check_script_parses() -> None:
    subprocess.run(["sh", "-n", str(WINDOWS / "verify_under_wine.sh")], check=True)


def test_the_ci_workflow_builds_on_the_three_systems() -> None:
    """Minimal facts read with regular expressions: PyYAML is not a dependency of the app
    (the full validation is check-jsonschema's GitHub schema, see the README)."""
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "\t" not in text
    assert re.search(r"^jobs:$", text, re.MULTILINE)
    matrix = re.search(r"^\s+os: \[(.*)\]$", text, re.MULTILINE)
    assert matrix is not None
    systems = {name.strip() for name in matrix.group(1).split(",")}
    assert {"windows-latest", "macos-latest"} <= systems
    assert any(name.startswith("ubuntu-") for name in systems)
    assert re.search(r"python: \[\"3\.11\", \"3\.12\"\]", text)
    for step in (
        "make test",
        "-m pytest",
        "packaging/contrat_desktop.spec",
        "--version",
        "make deb",
        "packaging/windows/contrat-desktop.nsi",
        "packaging/windows/verify_under_wine.sh",
        "actions/upload-artifact@v4",
    ):
        assert step in text, step


def test_a_service_build_can_be_wrapped_into_its_own_deb() -> None:
    script = (PACKAGING / "build_deb.sh").read_text(encoding="utf-8")
    assert "SERVICE_BUILD" in script and "DEB_SUFFIX" in script  # no rebuild, own file name
    maker = (PACKAGING / "make_service_installer.py").read_text(encoding="utf-8")
    assert '"--deb"' in maker and "SERVICE_BUILD" in maker


def test_every_resource_folder_but_the_screenshots_is_bundled() -> None:
    source = (PACKAGING / "contrat_desktop.spec").read_text(encoding="utf-8")
    folders = [p.name for p in (ROOT / "resources").iterdir() if p.is_dir()]
    assert "rgpd" in folders
    for name in folders:
        if name != "screenshots":  # documentation only
            assert f'"resources" / "{name}"' in source, name


def test_python_docx_finds_its_templates_in_the_built_app() -> None:
    """Its footer template is read as docx/parts/../templates/: without the modules on disk
    the .docx report fails in the installed app (seen in a PyInstaller build)."""
    source = (PACKAGING / "contrat_desktop.spec").read_text(encoding="utf-8")
    assert 'module_collection_mode={"docx": "pyz+py"}' in source
