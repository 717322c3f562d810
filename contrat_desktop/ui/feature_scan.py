"""PySide6's ``__feature__`` scan, made cheaper at start-up (issue 11).

Once PySide6 is imported, its import hook asks of every module imported after it whether the
module "uses PySide" (for ``from __feature__ import snake_case``, which this application does
not use): PySide6 reads the module's whole source through ``inspect.getsource`` (decoded,
split into lines and kept in ``linecache``) to look for the word ``PySide6``; some 170 modules
are read so before the programmation is shown. ``quicker_feature_scan`` gives the same answer
by looking for the same word in the source file's bytes; a module without a ``.py`` file, or
a PySide6 without this hook, keeps PySide6's own way (``tests/ui/test_feature_scan.py``
checks that both answer the same for every module loaded).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_FEATURE_MODULE = "shibokensupport.feature"  # loaded with PySide6 (6.4 to 6.11 at least)


def quicker_feature_scan() -> bool:
    """Install the quicker scan (once); False when this PySide6 has no such hook."""
    import PySide6.QtCore  # noqa: F401  (loads the hook)

    feature = sys.modules.get(_FEATURE_MODULE)
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original):
        return False
    if getattr(original, "quicker", False):
        return True
    feature._mod_uses_pyside = quicker(original)  # type: ignore[attr-defined]
    return True


def quicker(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    """``original``'s answer, read from the bytes of the module's ``.py`` file when it has one."""

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    uses_pyside.quicker = True  # type: ignore[attr-defined]
    uses_pyside.__wrapped__ = original  # type: ignore[attr-defined]
    return uses_pyside
