"""The whole application's look under a theme: Fusion and a QPalette for Night and Daylight.

Night and Daylight colour every window, not only the dial: menus, the status bar, buttons (the
PASS button paints from the palette), dialogs and tables. They set Qt's Fusion style, which
draws every control from the palette alone, and an application palette built from the theme's
`Chrome` (ui/themes.py). The race-car colours have no chrome: the style and palette the
application had before the first theme was applied come back. The panels that take fixed
colours per theme (countdown, stage panel, plots) are set by their windows.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from mmtimer.ui.themes import Chrome, Theme

_original: tuple[str, QPalette] | None = None  # the system's style and palette, before ours


def chrome_palette(chrome: Chrome) -> QPalette:
    """A palette with every role of every colour group set from `chrome`."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: chrome.window,
        QPalette.ColorRole.WindowText: chrome.window_text,
        QPalette.ColorRole.Base: chrome.base,
        QPalette.ColorRole.AlternateBase: chrome.alternate_base,
        QPalette.ColorRole.ToolTipBase: chrome.window,
        QPalette.ColorRole.ToolTipText: chrome.window_text,
        QPalette.ColorRole.PlaceholderText: chrome.disabled_text,
        QPalette.ColorRole.Text: chrome.text,
        QPalette.ColorRole.Button: chrome.button,
        QPalette.ColorRole.ButtonText: chrome.button_text,
        QPalette.ColorRole.BrightText: chrome.highlighted_text,
        QPalette.ColorRole.Highlight: chrome.highlight,
        QPalette.ColorRole.HighlightedText: chrome.highlighted_text,
        QPalette.ColorRole.Light: chrome.light,
        QPalette.ColorRole.Midlight: chrome.light,
        QPalette.ColorRole.Mid: chrome.mid,
        QPalette.ColorRole.Dark: chrome.dark,
        QPalette.ColorRole.Shadow: chrome.dark,
        QPalette.ColorRole.Link: chrome.link,
        QPalette.ColorRole.LinkVisited: chrome.link,
        QPalette.ColorRole.Accent: chrome.highlight,
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(chrome.disabled_text))
    return palette


def apply_theme(theme: Theme) -> None:
    """Give the whole application `theme`'s look (no-op without a QApplication)."""
    global _original  # noqa: PLW0603 (the application's look is process-wide, like Qt's)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if _original is None:
        style = app.style()
        _original = (style.name() if style is not None else "fusion", QPalette(app.palette()))
    chrome = theme.chrome
    if chrome is None:
        style_name, palette = _original
    else:
        style_name, palette = "fusion", chrome_palette(chrome)
    current = app.style()
    if current is None or current.name().lower() != style_name.lower():
        app.setStyle(style_name)
    app.setPalette(palette)
