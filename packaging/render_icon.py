"""Render resources/icons/contrat-desktop.svg to PNG sizes (hicolor theme) and a Windows .ico.

Run by the build scripts with the build venv's Python (it has PySide6 and its SVG plugin):
    python packaging/render_icon.py OUT_DIR
writes OUT_DIR/<size>/contrat-desktop.png for 16..256 and OUT_DIR/contrat-desktop.ico.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256)
SVG = Path(__file__).resolve().parent.parent / "resources" / "icons" / "contrat-desktop.svg"


def main(out: Path) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"SVG illisible : {SVG}", file=sys.stderr)
        return 1
    biggest = None
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        folder = out / f"{size}x{size}"
        folder.mkdir(parents=True, exist_ok=True)
        if not image.save(str(folder / "contrat-desktop.png")):
            return 1
        biggest = image
    # Qt's ICO writer stores one image; Windows scales it for the smaller sizes.
    assert biggest is not None
    if not biggest.save(str(out / "contrat-desktop.ico"), "ICO"):
        print("écriture .ico impossible (greffon Qt imageformats/ico absent)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1])))
