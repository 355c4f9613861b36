"""The bundled DejaVu fonts, loaded once, so the dial looks the same on every machine."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase

from mmtimer.paths import resource

FONT_FILES = (
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "DejaVuSansCondensed-Bold.ttf",
    "DejaVuSansMono-Bold.ttf",
)
SANS = "DejaVu Sans"
MONO = "DejaVu Sans Mono"


@cache
def load_fonts() -> tuple[str, ...]:
    """Register the bundled fonts with Qt (needs a QGuiApplication); returns their families."""
    families: list[str] = []
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource("fonts", name)))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return tuple(dict.fromkeys(families))


def dial_font(
    pixel_size: float,
    *,
    bold: bool = False,
    condensed: bool = False,
    mono: bool = False,
    spacing: float = 0.0,
) -> QFont:
    """A DejaVu font for painting: unhinted, so text scales smoothly with the dial."""
    load_fonts()
    font = QFont(MONO if mono else SANS)
    font.setPixelSize(max(1, round(pixel_size)))
    font.setBold(bold)
    if condensed:
        font.setStretch(QFont.Stretch.Condensed)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    if spacing:
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spacing)
    return font
