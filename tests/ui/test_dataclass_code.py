"""The dataclasses' methods compiled at the last start are executed again, not compiled again
(``ui/dataclass_code.py``): the classes are the same, a damaged file is written again, and
nothing changes outside start-up."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from typing import Any

import pytest

from contrat_desktop.ui.dataclass_code import compiled_once, read_compiled

METHODS = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__")


def _point() -> Any:
    return dataclasses.make_dataclass(
        "Point", [("x", int), ("y", int, dataclasses.field(default=0))], frozen=True
    )


def _methods(cls: Any) -> dict[str, Any]:
    return {name: getattr(cls, name).__code__ for name in METHODS}


def test_a_class_made_from_the_kept_code_is_the_one_compiled(tmp_path: Path) -> None:
    kept = tmp_path / "cache" / "dataclass-code.bin"
    compiled = _point()
    with compiled_once(kept) as first:
        made_first = _point()
    assert first is not None and first.compiled > 0 and kept.is_file()
    with compiled_once(kept) as second:
        made_again = _point()
    assert second is not None and second.compiled == 0  # all from the file
    assert _methods(made_again) == _methods(made_first) == _methods(compiled)
    point = made_again(1)
    assert (point, repr(point), hash(point)) == (made_again(1, 0), "Point(x=1, y=0)", hash((1, 0)))
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 2
    assert not hasattr(dataclasses, "exec")  # outside, dataclasses compile as always


@pytest.mark.parametrize(
    "content",
    [b"", b"not marshal at all", MAGIC_NUMBER + b"\xff\x00", b"\x00\x00\r\n" + b"x" * 40],
    ids=["empty", "garbage", "truncated", "another Python"],
)
def test_a_damaged_or_foreign_file_is_ignored_and_written_again(
    tmp_path: Path, content: bytes
) -> None:
    kept = tmp_path / "dataclass-code.bin"
    kept.write_bytes(content)
    assert read_compiled(kept) == {}
    with compiled_once(kept) as texts:
        made = _point()
    assert texts is not None and texts.compiled > 0
    assert made(3, 4) == made(3, 4) and kept.read_bytes().startswith(MAGIC_NUMBER)
    assert len(read_compiled(kept)) == texts.compiled


def test_an_unwritable_folder_leaves_start_up_as_it_was(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with compiled_once(blocker / "cache" / "dataclass-code.bin") as texts:
        made = _point()
    assert texts is not None and made(1) == made(1, 0)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


STARTED = """
import json, sys
from contrat_desktop.app import start
started = start([sys.argv[1], "--rubrique", "programmation"])
started.app.processEvents()
print(json.dumps(started.window.pages["programmation"].model.rowCount()))
started.window.close(); started.close()
"""


def test_the_second_start_compiles_no_dataclass_method(demo_path: Path, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CONTRAT_DESKTOP_DATA": str(tmp_path)}
    kept = tmp_path / "cache" / "dataclass-code.bin"
    rows = []
    for _ in range(2):
        out = subprocess.run(
            [sys.executable, "-c", STARTED, str(demo_path)],
            capture_output=True, text=True, env=env, timeout=120,
        )  # fmt: skip
        assert out.returncode == 0, out.stderr
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        if len(rows) == 1:
            written = kept.stat().st_mtime_ns
    assert rows == [50, 50] and len(read_compiled(kept)) > 100
    assert kept.stat().st_mtime_ns == written  # nothing new to write
