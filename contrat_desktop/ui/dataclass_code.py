"""Dataclass methods compiled once, not at every start (issue 11).

Python 3.11 writes each method of a dataclass (``__init__``, ``__repr__``, ``__eq__``,
``__hash__``, ``__setattr__``...) as source text and compiles it with ``exec`` when the class is
made: some 200 compilations, 15 to 20 ms, for the 33 dataclasses of the programmation's start.
``compiled_once(path)`` keeps, while start-up runs, the code compiled from those texts in a file
of the user's data folder (as ``__pycache__`` keeps the modules'); the next start executes the
code compiled from the same text, so the classes are the same. The file is keyed by each text
and names the Python that wrote it (``MAGIC_NUMBER``): missing, unreadable or from another
Python, it is ignored and written again; it holds the texts of the last start only. Outside
``compiled_once`` (and where ``dataclasses`` does not compile through ``exec``), nothing changes.
"""

from __future__ import annotations

import builtins
import contextlib
import dataclasses
import marshal
import os
from collections.abc import Iterator, Mapping
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType
from typing import Any

from contrat_desktop.paths import partial_path

_FILENAME = "<string>"  # what ``exec`` names the code it compiles from a string


class CompiledTexts:
    """The code of the texts ``dataclasses`` compiles, read from ``path`` when there."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.known = read_compiled(path)
        self.used: dict[str, CodeType] = {}
        self.compiled = 0  # texts not found in the file

    def code(self, text: str) -> CodeType:
        found = self.known.get(text)
        if found is None:
            # as ``exec(text)`` from ``dataclasses`` compiles it (no future statement there)
            found = compile(text, _FILENAME, "exec", dont_inherit=True)
            self.compiled += 1
        self.used[text] = found
        return found

    def exec(self, source: Any, globals: Any = None, locals: Any = None, /) -> None:
        if isinstance(source, str):
            source = self.code(source)
        builtins.exec(source, globals, locals)

    def save(self) -> None:
        """Write the texts used, when some were not in the file (a failed write is left)."""
        if not self.compiled:
            return
        partial = partial_path(self.path)
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial.write_bytes(MAGIC_NUMBER + marshal.dumps(self.used))
            os.replace(partial, self.path)
        with contextlib.suppress(OSError):
            partial.unlink()


def read_compiled(path: Path) -> Mapping[str, CodeType]:
    """The texts and their code in ``path``; empty when missing, damaged or of another Python."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    if not data.startswith(MAGIC_NUMBER):
        return {}
    try:
        texts = marshal.loads(data[len(MAGIC_NUMBER) :])
    except (EOFError, ValueError, TypeError):
        return {}
    if not isinstance(texts, dict):
        return {}
    return {
        text: code
        for text, code in texts.items()
        if isinstance(text, str) and isinstance(code, CodeType) and code.co_filename == _FILENAME
    }


@contextlib.contextmanager
def compiled_once(path: Path) -> Iterator[CompiledTexts | None]:
    """While inside, ``dataclasses`` executes the code kept in ``path`` for the texts it
    compiled before; on leaving, ``path`` is written if some were new."""
    if not callable(getattr(dataclasses, "_create_fn", None)) or hasattr(dataclasses, "exec"):
        yield None  # another Python's dataclasses, or already inside
        return
    texts = CompiledTexts(path)
    dataclasses.exec = texts.exec  # type: ignore[attr-defined]
    try:
        yield texts
    finally:
        del dataclasses.exec  # type: ignore[attr-defined]
        texts.save()
