"""The themes: dial colours named after race cars (DESIGN.md: the palette is ours, checked by
eye), Night and Daylight.

A theme colours the dial and its readouts, and the panels beside it that take fixed colours (the
countdown, the stage panel, the plots, the not-synced banner: `Panel`). Night and Daylight also
colour the whole window - menus, status bar, buttons, dialogs, the results table - through an
application palette (`Chrome`, applied by ui/appstyle.py); the race-car colours leave the
system's palette as it was. Daylight is dark on white for sun: its text pairs reach WCAG AAA
(7:1), and Night's are dim but at least 4.5:1 (tests/ui/test_themes.py computes both).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from mmtimer.present.tone import Tone
from mmtimer.ui.i18n import QT_TRANSLATE_NOOP, translate


@dataclass(frozen=True, slots=True)
class Panel:
    """The fixed colours of the panels beside the dial (every colour "#rrggbb")."""

    background: str  # the countdown's, the stage panel's and the plots' ground
    header: str  # the stage panel's column headers
    header_text: str
    text: str  # the stage panel's lines
    armed_background: str  # the armed line
    armed_text: str
    flash: str  # the countdown's ground while a beep flashes (its text: `background`)
    plot_text: str  # the plots' axes, labels and cumulative line
    plot_pending: str  # a bar not scored yet
    cap: str  # the plots' dashed caps
    banner_background: str  # "NOT SYNCED"
    banner_text: str
    tones: Mapping[Tone, str]  # each tone's colour on `background`

    def tone(self, tone: Tone) -> str:
        return self.tones[tone]


@dataclass(frozen=True, slots=True)
class Chrome:
    """An application palette: the whole window, its menus, dialogs and tables."""

    window: str  # windows, menus, the status bar, dialogs
    window_text: str
    base: str  # tables, fields, lists
    alternate_base: str
    text: str
    button: str
    button_text: str
    highlight: str  # a selection, a pressed PASS
    highlighted_text: str
    disabled_text: str
    light: str  # the bevels Fusion draws
    mid: str
    dark: str
    link: str


def _tones(**colours: str) -> Mapping[Tone, str]:
    return MappingProxyType({Tone(name.lower()): colour for name, colour in colours.items()})


DARK_PANEL = Panel(
    background="#15171a",
    header="#23262b",
    header_text="#a9a496",
    text="#e8e4da",
    armed_background="#4a3410",
    armed_text="#ffd27a",
    flash="#f2efe6",
    plot_text="#c9c6bd",
    plot_pending="#4a4a4a",
    cap="#f2b233",
    banner_background="#b3261e",
    banner_text="#ffffff",
    tones=_tones(
        NORMAL="#f2efe6",
        WARN="#f2b233",
        NEAR="#ff5a4e",
        OVERDUE="#ff5a4e",
        EARLY="#5aa9ff",
        LATE="#ff6e5a",
        EXACT="#63d471",
        IDLE="#8a8a8a",
        MISSED="#ff6e5a",
        PENDING="#8a8a8a",
    ),
)
"""The race-car colours' panels: light on near-black."""

SYSTEM_TABLE = _tones(
    NORMAL="#000000",
    WARN="#9a5b00",
    NEAR="#d8433a",
    OVERDUE="#d8433a",
    EARLY="#2f7fd8",
    LATE="#d8433a",
    EXACT="#2e9d4a",
    IDLE="#8a8a8a",
    MISSED="#d8433a",
    PENDING="#8a8a8a",
)
"""The results table's deviation colours on the system's (light) palette."""

NIGHT_TONES = _tones(
    NORMAL="#b5813f",
    WARN="#b89030",
    NEAR="#d8502f",
    OVERDUE="#d8502f",
    EARLY="#5a86c0",
    LATE="#d8502f",
    EXACT="#579f52",
    IDLE="#9a7a55",
    MISSED="#d8502f",
    PENDING="#9a7a55",
)
NIGHT_PANEL = Panel(
    background="#000000",
    header="#0e0a06",
    header_text="#a5804a",
    text="#a5753f",
    armed_background="#2c1c0a",
    armed_text="#d09a50",
    flash="#a5753f",
    plot_text="#96703f",
    plot_pending="#3a2a1a",
    cap="#9a7a2a",
    banner_background="#3a0c04",
    banner_text="#e0805a",
    tones=NIGHT_TONES,
)
"""Night: dim amber on black, so the eyes keep their night sight."""

NIGHT_CHROME = Chrome(
    window="#000000",
    window_text="#a5753f",
    base="#140e08",  # fields and tables a shade above the black window, so they show
    alternate_base="#180f08",
    text="#a5753f",
    button="#140d07",
    button_text="#b5813f",
    highlight="#4a2c0e",
    highlighted_text="#e0a860",
    disabled_text="#5a4128",
    light="#2a1d10",
    mid="#3a2a1a",
    dark="#0a0705",
    link="#c08a4a",
)

DAY_TONES = _tones(
    NORMAL="#000000",
    WARN="#6b3f00",
    NEAR="#a30d00",
    OVERDUE="#a30d00",
    EARLY="#0a3d91",
    LATE="#a30d00",
    EXACT="#0b5d1e",
    IDLE="#404040",
    MISSED="#a30d00",
    PENDING="#404040",
)
DAY_PANEL = Panel(
    background="#ffffff",
    header="#e4e4e4",
    header_text="#000000",
    text="#000000",
    armed_background="#ffd95c",
    armed_text="#000000",
    flash="#000000",
    plot_text="#000000",
    plot_pending="#b0b0b0",
    cap="#6b3f00",
    banner_background="#a30d00",
    banner_text="#ffffff",
    tones=DAY_TONES,
)
"""Daylight: dark on white, every text pair at least 7:1 (WCAG AAA)."""

DAY_CHROME = Chrome(
    window="#ffffff",
    window_text="#000000",
    base="#ffffff",
    alternate_base="#f4f4f4",
    text="#000000",
    button="#e4e4e4",
    button_text="#000000",
    highlight="#0a3d91",
    highlighted_text="#ffffff",
    disabled_text="#505050",
    light="#ffffff",
    mid="#6e6e6e",
    dark="#4a4a4a",
    link="#0a3d91",
)


@dataclass(frozen=True, slots=True)
class Theme:
    """One dial colour scheme; every colour is "#rrggbb" or "#aarrggbb". The watch's own body
    (OPAQUE_PARTS) is opaque: the dial paints the bezel and the case's shadow only where they
    show around it (ui/dial.py)."""

    name: str  # the key stored in settings
    label: str  # shown in the View menu (with its & mnemonic)
    dial_centre: str  # the dial's gradient, centre to edge
    dial_edge: str
    sunray: int  # strength of the engine-turned sunray, 0-255 alpha of its light rays
    counter: str  # the sunk counters (snailed)
    flange: str  # the tachymeter ring
    flange_print: str
    printing: str  # numerals, scales and text on the dial
    accent: str  # the arrow under 12, the 60 of the tachymeter, the small red marks
    accent_print: str  # lettering inside the arrow
    hands: str  # hour, minute and counter hands (metal)
    lume: str  # the luminous insert of the hour and minute hands
    chrono_hand: str  # the central chronograph seconds hand: the contrasting colour
    steel_light: str  # case, bezel and pushers
    steel_dark: str
    background: str  # the window around the watch
    date_disc: str
    date_print: str
    readout: str  # the digital readouts beside the dial
    readout_dim: str
    panel: Panel = DARK_PANEL  # the countdown, stage panel, plots and banner
    chrome: Chrome | None = None  # the whole window's palette (None: the system's)
    table: Mapping[Tone, str] = field(default_factory=lambda: SYSTEM_TABLE)  # the table's tones


OPAQUE_PARTS = ("dial_centre", "dial_edge", "flange", "steel_light", "steel_dark")
"""The colours nothing shows through: the bezel under the flange and dial, the case's shadow
under the bezel are not painted."""


THEMES: dict[str, Theme] = {
    theme.name: theme
    for theme in (
        Theme(
            name="nero-corsa",
            label=QT_TRANSLATE_NOOP("Theme", "&Nero Corsa"),
            dial_centre="#25282c",
            dial_edge="#0c0d0f",
            sunray=22,
            counter="#16181b",
            flange="#1b1d20",
            flange_print="#d9d4c7",
            printing="#efe9da",
            accent="#d0271d",
            accent_print="#ffffff",
            hands="#d7dade",
            lume="#f3efdd",
            chrono_hand="#e8391f",
            steel_light="#eef0f2",
            steel_dark="#6c7075",
            background="#202225",
            date_disc="#f4f1e8",
            date_print="#111111",
            readout="#f2eee2",
            readout_dim="#8d8a83",
        ),
        Theme(
            name="rosso-amarena",
            label=QT_TRANSLATE_NOOP("Theme", "&Rosso Amarena"),
            dial_centre="#8e1628",
            dial_edge="#4a0711",
            sunray=30,
            counter="#6a0d1b",
            flange="#2a0b10",
            flange_print="#f1e6d6",
            printing="#f6eddc",
            accent="#f6eddc",
            accent_print="#7a0f1f",
            hands="#e4e6e9",
            lume="#fbf6e8",
            chrono_hand="#f7f2e4",
            steel_light="#eef0f2",
            steel_dark="#6c7075",
            background="#241a1c",
            date_disc="#f4f1e8",
            date_print="#111111",
            readout="#f6eddc",
            readout_dim="#a08d8d",
        ),
        Theme(
            name="verde-chiaro",
            label=QT_TRANSLATE_NOOP("Theme", "&Verde Chiaro"),
            dial_centre="#c3d4b6",
            dial_edge="#8fa784",
            sunray=40,
            counter="#b2c6a4",
            flange="#e9eadf",
            flange_print="#25302a",
            printing="#1d2820",
            accent="#c8261c",
            accent_print="#ffffff",
            hands="#2a2f33",
            lume="#f4f1e0",
            chrono_hand="#d32a1c",
            steel_light="#eef0f2",
            steel_dark="#6c7075",
            background="#1e2420",
            date_disc="#f4f1e8",
            date_print="#111111",
            readout="#e6eee0",
            readout_dim="#8b9886",
        ),
        Theme(
            name="grigio-blu",
            label=QT_TRANSLATE_NOOP("Theme", "&Grigio-Blu"),
            dial_centre="#6f8596",
            dial_edge="#3c4b57",
            sunray=34,
            counter="#56697a",
            flange="#2b333a",
            flange_print="#e6e9ec",
            printing="#f2f4f5",
            accent="#d8321f",
            accent_print="#ffffff",
            hands="#e3e6e9",
            lume="#f3f0e2",
            chrono_hand="#ff6a2b",
            steel_light="#eef0f2",
            steel_dark="#6c7075",
            background="#1c2127",
            date_disc="#f4f1e8",
            date_print="#111111",
            readout="#eef1f4",
            readout_dim="#8796a3",
        ),
        Theme(
            name="night",
            label=QT_TRANSLATE_NOOP("Theme", "N&ight (dim)"),
            dial_centre="#0d0d0d",
            dial_edge="#050505",
            sunray=6,
            counter="#0a0a0a",
            flange="#080808",
            flange_print="#6b4a2a",
            printing="#8a6236",
            accent="#7a2412",
            accent_print="#1a0c06",
            hands="#5a4a38",
            lume="#9a7442",
            chrono_hand="#b83a1c",
            steel_light="#4a4744",
            steel_dark="#171615",
            background="#000000",
            date_disc="#3a2e22",
            date_print="#0a0705",
            readout="#a5753f",
            readout_dim="#9a7a55",
            panel=NIGHT_PANEL,
            chrome=NIGHT_CHROME,
            table=NIGHT_TONES,
        ),
        Theme(
            name="daylight",
            label=QT_TRANSLATE_NOOP("Theme", "&Daylight (sun)"),
            dial_centre="#ffffff",
            dial_edge="#e9e7e1",
            sunray=0,
            counter="#f1f0ec",
            flange="#ffffff",
            flange_print="#000000",
            printing="#000000",
            accent="#b3190f",
            accent_print="#ffffff",
            hands="#111111",
            lume="#ffffff",
            chrono_hand="#b3190f",
            steel_light="#eef0f2",
            steel_dark="#6c7075",
            background="#ffffff",
            date_disc="#ffffff",
            date_print="#000000",
            readout="#000000",
            readout_dim="#383838",
            panel=DAY_PANEL,
            chrome=DAY_CHROME,
            table=DAY_TONES,
        ),
    )
}

DEFAULT_THEME = "nero-corsa"


def theme_label(theme: Theme) -> str:
    """The theme's name in the View menu, in the current language."""
    return translate("Theme", theme.label)


def theme_named(name: str) -> Theme:
    """The theme called `name`, or the default one for an unknown name (an old settings file)."""
    return THEMES.get(name, THEMES[DEFAULT_THEME])
