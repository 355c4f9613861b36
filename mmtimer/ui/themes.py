"""Dial colours named after race cars (DESIGN.md: the palette is ours, checked by eye)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Theme:
    """One dial colour scheme; every colour is "#rrggbb" or "#aarrggbb"."""

    name: str  # the key stored in settings
    label: str  # shown in the View menu
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


THEMES: dict[str, Theme] = {
    theme.name: theme
    for theme in (
        Theme(
            name="nero-corsa",
            label="Nero Corsa",
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
            label="Rosso Amarena",
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
            label="Verde Chiaro",
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
            label="Grigio-Blu",
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
            label="Night (dim)",
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
            readout_dim="#5a4128",
        ),
    )
}

DEFAULT_THEME = "nero-corsa"


def theme_named(name: str) -> Theme:
    """The theme called `name`, or the default one for an unknown name (an old settings file)."""
    return THEMES.get(name, THEMES[DEFAULT_THEME])
