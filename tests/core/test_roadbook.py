"""Pasted road-book rows (FORMATS.md section 5): many shapes of rows, and nothing dropped."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mmtimer.core.roadbook import (
    match_id,
    parse_duration_cell,
    parse_roadbook,
    parse_time_cell,
    split_cells,
)
from mmtimer.core.stage import (
    AverageTrial,
    Section,
    Stage,
    TimeControl,
    TimedSection,
    format_seconds_text,
    format_time_of_day_text,
    parse_stage,
    stage_to_toml,
)
from mmtimer.core.timefmt import format_km
from tests.core.test_stage import stages


def sections_of(text: str) -> list[object]:
    return [pasted.section for pasted in parse_roadbook(text).sections]


# -- cells --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("row", "cells"),
    [
        ("PC1\t15,00\t6,00", ["PC1", "15,00", "6,00"]),
        ("PC1  15,00   6,00", ["PC1", "15,00", "6,00"]),
        ("PC1;15,00;6,00;", ["PC1", "15,00", "6,00"]),
        ("PC 1\t\t15,00", ["PC 1", "15,00"]),
        ("  CO4   11:32  ", ["CO4", "11:32"]),
        ("Passo della Futa  12,30", ["Passo della Futa", "12,30"]),
    ],
)
def test_cells_split_by_tabs_runs_of_spaces_and_semicolons(row: str, cells: list[str]) -> None:
    assert split_cells(row) == cells


@pytest.mark.parametrize(
    ("cell", "section_id"),
    [
        ("PC12", "PC12"),
        ("PC 12", "PC12"),
        ("P.C.12", "PC12"),
        ("P.C. 12", "PC12"),
        ("pc12", "PC12"),
        ("CO4", "CO4"),
        ("TC4", "TC4"),
        ("PM3", "PM3"),
        ("ZR 2", "ZR2"),
        ("PC12a", "PC12A"),
        ("C.O. 7", "CO7"),
    ],
)
def test_section_ids_in_the_road_books_spellings(cell: str, section_id: str) -> None:
    found = match_id(cell)
    assert found is not None and found[0] == section_id


@pytest.mark.parametrize("cell", ["Note", "12", "Tappa", "Prova", "1000 Miglia", "PC", ""])
def test_cells_that_are_not_section_ids(cell: str) -> None:
    assert match_id(cell) is None


@pytest.mark.parametrize(
    ("cell", "ms"),
    [
        ("12,30", 12_300),
        ("12.30", 12_300),
        ("12", 12_000),
        ("1:05,40", 65_400),
        ("1:05.40", 65_400),
        ("1'05\"40", 65_400),
        ("1'05,40", 65_400),
        ("1′05″40", 65_400),
        ("1'05\"", 65_000),
        ('65"40', 65_400),
        ("12,30 s", 12_300),
        ("0,125", 125),
    ],
)
def test_targets_as_road_books_write_them(cell: str, ms: int) -> None:
    assert parse_duration_cell(cell) == ms


@pytest.mark.parametrize("cell", ["12,3O", "1:75,00", "abc", "12,3456", "-5"])
def test_cells_that_are_not_targets(cell: str) -> None:
    assert parse_duration_cell(cell) is None


@pytest.mark.parametrize(
    ("cell", "ms"),
    [
        ("11:32", (11 * 60 + 32) * 60_000),
        ("11.32", (11 * 60 + 32) * 60_000),
        ("11:32:00", (11 * 60 + 32) * 60_000),
        ("11:32:15", ((11 * 60 + 32) * 60 + 15) * 1000),
        ("9.05", (9 * 60 + 5) * 60_000),
        ("11h32", (11 * 60 + 32) * 60_000),
    ],
)
def test_due_times(cell: str, ms: int) -> None:
    assert parse_time_cell(cell) == ms


@pytest.mark.parametrize("cell", ["25:00", "11:75", "11", "1132", "11:32:99"])
def test_cells_that_are_not_due_times(cell: str) -> None:
    assert parse_time_cell(cell) is None


# -- whole tables -------------------------------------------------------------------------------
ITALIAN_SHEET = (
    "1000 MIGLIA 2027 - TAPPA 1: BRESCIA - CERVIA\n"
    "Prova\tTipo\tLocalità\tTempi\n"
    "PC 1\tPC\tCastello di Brescia\t15,00\t6,00\n"
    "PC 2\tPC\tLonato\t21,50\t9,80\t33,00\n"
    "CO 1\tCO\tDesenzano del Garda\t15.05\n"
    "PM 1\tPM\tColline moreniche\t15:12:00\t40\t3,000=35\t2,350\t5,800\n"
    "\n"
    "Nota: le prove PC3 sono concatenate\n"
    "PC 3\tPC\tdal via\t8,00\t17,50\n"
    "CO 2\tCO\tMantova\t15.40\n"
)


def test_an_italian_spreadsheet_paste_gives_the_example_stage() -> None:
    parsed = parse_roadbook(ITALIAN_SHEET)
    assert [s.section for s in parsed.sections] == [
        TimedSection("PC1", (15_000, 6_000)),
        TimedSection("PC2", (21_500, 9_800, 33_000)),
        TimeControl("CO1", (15 * 60 + 5) * 60_000),
        AverageTrial(
            "PM1",
            (15 * 60 + 12) * 60_000,
            ((0, Decimal("40")), (3_000, Decimal("35"))),
            (2_350, 5_800),
        ),
        TimedSection("PC3", (8_000, 17_500), "start"),
        TimeControl("CO2", (15 * 60 + 40) * 60_000),
    ]
    reasons = {row.line: row.reason for row in parsed.not_understood}
    assert set(reasons) == {1, 2, 7, 8}  # title, headers, blank line, note: all listed back
    assert "headers" in reasons[2]
    assert reasons[7] == "blank line"
    assert "section id" in reasons[8]
    # the place names are kept out of the stage, and said so
    assert parsed.sections[0].notes == ("left out: 'Castello di Brescia'",)
    assert not parsed.fully_understood


ENGLISH_PDF = (
    "Regularity Rally - Leg 2\n"
    "Section   Kind    Target(s)            Notes\n"
    "PC12      timed   1'05\"40   0'21\"50   start at the bridge\n"
    "TC4       time control   11:32\n"
    "ZR2   10:50:00   48 km/h   2.350 km   7.8 km\n"
    "Page 2 of 7\n"
)


def test_an_english_pdf_paste_with_runs_of_spaces() -> None:
    parsed = parse_roadbook(ENGLISH_PDF)
    assert [s.section for s in parsed.sections] == [
        TimedSection("PC12", (65_400, 21_500)),
        TimeControl("TC4", (11 * 60 + 32) * 60_000),
        AverageTrial("ZR2", (10 * 60 + 50) * 60_000, ((0, Decimal("48")),), (2_350, 7_800)),
    ]
    assert [row.line for row in parsed.not_understood] == [1, 2, 6]
    assert "headers" in parsed.not_understood[1].reason


def test_semicolons_and_single_spaces_inside_a_cell() -> None:
    assert sections_of("P.C.7;12,30 4,10\nCO3; 9.05\nPM2;09:10;36;1,5;3;4,25\n") == [
        TimedSection("PC7", (12_300, 4_100)),
        TimeControl("CO3", (9 * 60 + 5) * 60_000),
        AverageTrial("PM2", (9 * 60 + 10) * 60_000, ((0, Decimal("36")),), (1_500, 3_000, 4_250)),
    ]


def test_an_average_trial_that_starts_at_the_press() -> None:
    (section,) = sections_of("PM4  press  48  2,350\n")
    assert isinstance(section, AverageTrial) and section.start_press
    assert section.checks_m == (2_350,)


def test_a_kind_cell_wins_over_the_ids_letters() -> None:
    assert sections_of(
        "SS1\tPC\t10,00\nX7  controllo orario  12:00\nR3\tmedia\t10:00\t40\t1\n"
    ) == [
        TimedSection("SS1", (10_000,)),
        TimeControl("X7", 12 * 3_600_000),
        AverageTrial("R3", 10 * 3_600_000, ((0, Decimal("40")),), (1_000,)),
    ]


@pytest.mark.parametrize(
    ("row", "why"),
    [
        ("PC6  12,3O", "'12,3O' is not a target"),
        ("PC6", "needs its targets"),
        ("CO4  11:32  12:00", "two due times"),
        ("CO4  soon", "needs its due time"),
        ("PM1  10:50  48", "at least one check"),
        ("PM1  ten  48  2", "not the start time"),
        ("PM1  10:50  48  3,5  2,0", "each further than the one before"),
        ("PC1  dal via  10,00  5,00", "later than the one before"),
        ("XY1  10,00", "do not say the kind"),
        ("PC1  0,00", "more than 0 s"),
    ],
)
def test_section_rows_that_cannot_be_read_are_listed_with_the_reason(row: str, why: str) -> None:
    parsed = parse_roadbook(row + "\n")
    assert parsed.sections == ()
    assert len(parsed.not_understood) == 1
    assert why in parsed.not_understood[0].reason
    assert parsed.not_understood[0].text == row


def test_a_duplicate_id_is_not_taken_twice() -> None:
    parsed = parse_roadbook("PC1  10,00\nPC 1  12,00\n")
    assert [s.section for s in parsed.sections] == [TimedSection("PC1", (10_000,))]
    assert "duplicate id (also line 1)" in parsed.not_understood[0].reason


def test_windows_line_ends_and_a_byte_order_mark() -> None:
    parsed = parse_roadbook("\ufeffPC1\t10,00\r\nCO1\t10:30\r\n")
    assert [s.section.id for s in parsed.sections] == ["PC1", "CO1"]
    assert parsed.not_understood == ()
    assert parsed.fully_understood


# -- properties ---------------------------------------------------------------------------------
def _row_of(section: object, sep: str, comma: bool) -> str:
    def dec(text: str) -> str:
        return text.replace(".", ",") if comma else text

    if isinstance(section, TimedSection):
        cells = ["PC", *(dec(format_seconds_text(ms)) for ms in section.targets_ms)]
        if section.targets_from == "start":
            cells.insert(1, "from start")
    elif isinstance(section, TimeControl):
        cells = ["CO", format_time_of_day_text(section.due_ms)]
    else:
        assert isinstance(section, AverageTrial)
        start = "press" if section.start_press else format_time_of_day_text(section.start_ms)
        cells = ["PM", start, dec(str(section.speeds[0][1]))]
        cells += [dec(f"{format_km(m)}={kmh}") for m, kmh in section.speeds[1:]]
        cells += [dec(format_km(m)) for m in section.checks_m]
    return sep.join([section.id, *cells])  # type: ignore[attr-defined]


@given(
    stages(),
    st.sampled_from(["\t", "  ", ";", " ;  ", "\t\t"]),
    st.booleans(),
    st.lists(st.sampled_from(["Tappa 1", "Prova\tTipo\tTempi", "", "note: 'x'"]), max_size=3),
)
@settings(max_examples=120)
def test_any_stage_pasted_as_rows_comes_back_and_the_rest_is_listed(
    stage: Stage, sep: str, comma: bool, noise: list[str]
) -> None:
    # ids the paste can recognise (letters then a number); road books give whole seconds
    renamed: list[Section] = []
    for i, s in enumerate(stage.sections, start=1):
        if isinstance(s, TimedSection):
            renamed.append(replace(s, id=f"S{i}"))
        elif isinstance(s, TimeControl):
            renamed.append(TimeControl(f"S{i}", s.due_ms // 1000 * 1000))
        else:
            # a road book has no landmarks; a press start is the cell "press"
            renamed.append(replace(s, id=f"S{i}", start_ms=s.start_ms // 1000 * 1000, landmarks=()))
    stage_in = Stage(stage.name, "aci-2021", tuple(renamed))
    rows = [_row_of(s, sep, comma) for s in stage_in.sections]
    text = "\n".join([*noise, *rows]) + "\n"
    parsed = parse_roadbook(text)
    assert tuple(p.section for p in parsed.sections) == stage_in.sections
    assert len(parsed.not_understood) == len(noise)
    assert parse_stage(stage_to_toml(stage_in), "x.stage.toml") == stage_in


@given(st.text(max_size=300))
@settings(max_examples=200)
def test_every_row_is_either_a_section_or_listed(text: str) -> None:
    parsed = parse_roadbook(text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    taken = sorted([s.line for s in parsed.sections] + [r.line for r in parsed.not_understood])
    assert taken == list(range(1, len(lines) + 1))
