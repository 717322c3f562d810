"""PySide6's ``__feature__`` scan of each imported module, made cheaper (issue 11)."""

from __future__ import annotations

import sys

from contrat_desktop.ui.feature_scan import quicker_feature_scan


def test_the_quicker_scan_answers_as_pyside6_for_every_module_loaded() -> None:
    import contrat_desktop.ui.main_window  # noqa: F401  (our modules, loaded)

    assert quicker_feature_scan()
    assert quicker_feature_scan()  # installed once, not wrapped twice
    feature = sys.modules["shibokensupport.feature"]
    scan = feature._mod_uses_pyside
    original = scan.__wrapped__
    assert not getattr(original, "quicker", False)
    modules = [module for name, module in sorted(sys.modules.items()) if module is not None]
    assert [scan(module) for module in modules] == [original(module) for module in modules]
    assert scan(sys.modules["contrat_desktop.ui.main_window"])
    assert not scan(sys.modules["contrat_desktop.domain.money"])
    assert not scan(sys.modules["sys"])  # a built-in module: PySide6's own answer
