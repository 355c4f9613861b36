"""Render resources/icons/mmtimer.svg to the PNG sizes, the Windows .ico and the macOS .icns."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "mmtimer.svg"))
    if not renderer.isValid():
        print("mmtimer.svg does not parse", file=sys.stderr)
        return 1
    for size in PNG_SIZES:
        render(renderer, size).save(str(ICONS / f"mmtimer-{size}.png"))
    for fmt in ("ico", "icns"):
        writer = QImageWriter(str(ICONS / f"mmtimer.{fmt}"), fmt.encode())
        if not writer.write(render(renderer, 256)):
            print(f"mmtimer.{fmt}: {writer.errorString()}", file=sys.stderr)
            return 1
    print(f"wrote {len(PNG_SIZES)} PNGs, mmtimer.ico and mmtimer.icns in {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
