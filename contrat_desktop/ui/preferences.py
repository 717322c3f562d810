"""Typed wrapper over QSettings: the one place window state and recent dossiers are kept.

Stored as an INI file in the user data folder (so ``CONTRAT_DESKTOP_DATA`` isolates tests and
portable installs). No string keys anywhere else.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from contrat_desktop.paths import ensure_dir, preferences_file

MAX_RECENT = 8


class Preferences:
    def __init__(self, settings: QSettings | None = None) -> None:
        if settings is None:
            path = preferences_file()
            ensure_dir(path.parent)
            settings = QSettings(str(path), QSettings.Format.IniFormat)
        self._settings = settings

    # dossiers ---------------------------------------------------------------
    @property
    def recent_dossiers(self) -> list[Path]:
        value = self._settings.value("dossiers/recent", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [Path(item) for item in items if item]

    def remember_dossier(self, path: Path) -> None:
        resolved = path.resolve()
        known = self.recent_dossiers
        wanted = [resolved, *(p for p in known if p != resolved)][:MAX_RECENT]
        if wanted != known:  # the same dossier opened again: nothing to write
            self._settings.setValue("dossiers/recent", [str(p) for p in wanted])
        # written by Qt once the event loop runs (after the window's first paint), not on
        # the start-up's path: QSettings syncs a changed file on its own

    @property
    def last_dossier(self) -> Path | None:
        recent = self.recent_dossiers
        return recent[0] if recent else None

    # window -------------------------------------------------------------------
    @property
    def main_window_geometry(self) -> QByteArray | None:
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @main_window_geometry.setter
    def main_window_geometry(self, value: QByteArray) -> None:
        self._set("window/geometry", value)

    def splitter_state(self, name: str) -> QByteArray | None:
        value = self._settings.value(f"splitters/{name}")
        return value if isinstance(value, QByteArray) else None

    def set_splitter_state(self, name: str, state: QByteArray) -> None:
        self._set(f"splitters/{name}", state)

    def table_state(self, name: str, declared: str = "") -> QByteArray | None:
        """A table header's columns: order, widths, hidden ones; ``None`` when they were
        saved for other declared columns (a newer version widened one, added one...): the
        new defaults then show instead of widths that no longer fit the texts."""
        if self._settings.value(f"tables/{name}.declared", "") != declared:
            return None
        value = self._settings.value(f"tables/{name}")
        return value if isinstance(value, QByteArray) else None

    def set_table_state(self, name: str, state: QByteArray, declared: str = "") -> None:
        self._set(f"tables/{name}", state)
        if self._settings.value(f"tables/{name}.declared", "") != declared:
            self._settings.setValue(f"tables/{name}.declared", declared)

    def _set(self, key: str, value: QByteArray) -> None:
        """Set ``key`` unless it holds ``value`` already: QSettings would write (and flush to
        disk) the whole file again for an unchanged layout, some 15 ms at each close."""
        if self._settings.value(key) != value:
            self._settings.setValue(key, value)

    def save(self) -> None:
        """Write what was set to the file now (the window's layout, once, at its close)."""
        self._settings.sync()
