"""The import contracts of pyproject.toml really fail: each planted import, in a copy of the
package, breaks the contract it should; the copy without a plant keeps them all. And the
window never reaches past the operations through the dossier handle (``.repos``, ``.db``,
``.writer``), which no import contract can see."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "contrat_desktop"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

PLANTS = {
    "Qt in the command line": (
        "cli/planted.py",
        "import PySide6\n",
        "Only ui and app import Qt",
    ),
    "a repository in the window": (
        "ui/pages/planted.py",
        "from contrat_desktop.storage.actions import ActionRepository\n",
        "The window reads and writes through operations",
    ),
    "the window under the operations": (
        "operations/planted.py",
        "import contrat_desktop.ui\n",
        "Layers go one way",
    ),
    "the database in the exchange": (
        "exchange/planted.py",
        "import sqlite3\n",
        "Exchange and reports never touch the database",
    ),
}


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package and its contracts, copied where the plants cannot touch the real one."""
    root = tmp_path_factory.mktemp("contrats")
    shutil.copytree(PACKAGE, root / "contrat_desktop", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    return root


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    # PYTHONPATH puts the copy before the editable install of the real package
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(root / "pyproject.toml")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_copy_keeps_every_contract(copy: Path) -> None:
    result = lint_imports(copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize("plant", list(PLANTS), ids=list(PLANTS))
def test_a_planted_import_breaks_its_contract(copy: Path, plant: str) -> None:
    relative, source, contract = PLANTS[plant]
    planted = copy / "contrat_desktop" / relative
    planted.write_text(source, encoding="utf-8")
    try:
        result = lint_imports(copy)
    finally:
        planted.unlink()
    assert result.returncode != 0, result.stdout
    assert "1 broken" in result.stdout
    broken = result.stdout.split("Broken contracts", 1)[1]
    assert contract in broken
    module = "contrat_desktop." + relative.removesuffix(".py").replace("/", ".")
    assert module in broken


def test_the_window_may_import_the_dossier_handle_and_its_errors(copy: Path) -> None:
    planted = copy / "contrat_desktop" / "ui" / "planted.py"
    planted.write_text(
        "from contrat_desktop.storage.database import Dossier, open_dossier\n"
        "from contrat_desktop.storage.errors import ConflictError, DossierError\n",
        encoding="utf-8",
    )
    try:
        result = lint_imports(copy)
    finally:
        planted.unlink()
    assert result.returncode == 0, result.stdout + result.stderr


REACHING = {"repos", "db", "writer"}  # the repositories, the connection, the row writer


def reaching_attributes(path: Path, root: Path = ROOT) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        f"{path.relative_to(root)}:{node.lineno} .{node.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr in REACHING
    ]


def test_the_window_reads_and_writes_through_operations_only() -> None:
    """No ui module goes past the operations through the dossier it holds."""
    modules = [*sorted((PACKAGE / "ui").rglob("*.py")), PACKAGE / "app.py"]
    found = [hit for module in modules for hit in reaching_attributes(module)]
    assert found == [], "Lisez et écrivez par une fonction de contrat_desktop/operations : " + (
        ", ".join(found)
    )


def test_the_attribute_check_sees_a_reach(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("def f(session):\n    return session.repos.actions.all()\n")
    hits = reaching_attributes(sample, tmp_path)
    assert hits == ["sample.py:2 .repos"]
