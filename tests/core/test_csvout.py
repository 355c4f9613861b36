"""The results CSV: exact text, the EU locale, numbers as numbers, no formula injection."""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mmtimer.core.crew import Crew
from mmtimer.core.csvout import (
    BOM,
    format_deviation_s,
    format_number,
    result_rows,
    results_csv,
    safe_text,
)
from mmtimer.core.lognames import results_stem
from mmtimer.core.results import ResultRow, SectionKind, StageResult

RESULT = StageResult(
    rows=(
        ResultRow("CO1", SectionKind.TIME_CONTROL, 1, 38_520_000, 38_552_400, 32_400, Decimal(0)),
        ResultRow("PC1", SectionKind.TIMED, 2, 15_000, 15_370, 370, Decimal(37)),
        ResultRow("PC1", SectionKind.TIMED, 3, 6_000, 5_120, -880, Decimal(88), ("discarded",)),
        ResultRow("PC1", SectionKind.TIMED, 4, 72_500, None, None, Decimal(300), ("missed",)),
        ResultRow("PM1", SectionKind.AVERAGE, 1, 39_176_250, 39_175_000, -1_250, Decimal("1.00")),
    ),
    total=Decimal("643.50"),
    rules_id="year-factor",
    coefficient=Decimal("1.71"),
)


def test_the_csv_is_exactly_as_formats_md_describes() -> None:
    assert results_csv(RESULT) == BOM + (
        "section,kind,line,target,measured,deviation_s,penalty,note\r\n"
        "CO1,time-control,1,10:42:00.00,10:42:32.40,32.40,0,\r\n"
        "PC1,timed,2,0:15.00,0:15.37,0.37,37,\r\n"
        "PC1,timed,3,0:06.00,0:05.12,-0.88,88,discarded\r\n"
        "PC1,timed,4,1:12.50,,,300,missed\r\n"
        "PM1,average,1,10:52:56.25,10:52:55.00,-1.25,1.00,\r\n"
        ',total,,,,,643.50,"year-factor, coefficient 1.71"\r\n'
    )


def test_the_eu_locale_uses_semicolons_and_decimal_commas() -> None:
    assert results_csv(RESULT, "eu") == BOM + (
        "section;kind;line;target;measured;deviation_s;penalty;note\r\n"
        "CO1;time-control;1;10:42:00,00;10:42:32,40;32,40;0;\r\n"
        "PC1;timed;2;0:15,00;0:15,37;0,37;37;\r\n"
        "PC1;timed;3;0:06,00;0:05,12;-0,88;88;discarded\r\n"
        "PC1;timed;4;1:12,50;;;300;missed\r\n"
        "PM1;average;1;10:52:56,25;10:52:55,00;-1,25;1,00;\r\n"
        ";total;;;;;643,50;year-factor, coefficient 1,71\r\n"
    )


def test_an_unknown_locale_is_refused() -> None:
    with pytest.raises(ValueError, match="locale 'fr'"):
        results_csv(RESULT, "fr")  # type: ignore[arg-type]


def test_points_get_their_own_column_when_the_rules_have_a_table() -> None:
    row = ResultRow("PC1", SectionKind.TIMED, 2, 15_000, 15_000, 0, Decimal(0), points=Decimal(420))
    result = StageResult((row,), Decimal("756.0"), "mm-points", Decimal("1.80"), True)
    rows = result_rows(result)
    assert rows[0][-1] == "points" and rows[1][-1] == "420"
    note = "mm-points, coefficient 1.80, higher is better"
    assert rows[-1] == ["", "total", "", "", "", "", "756.0", note, ""]


@pytest.mark.parametrize(
    ("ms", "text"),
    [(0, "0.00"), (370, "0.37"), (-370, "-0.37"), (-5, "0.00"), (9, "0.00"), (-10, "-0.01"),
     (123_456, "123.45"), (-123_456, "-123.45")],
)  # fmt: skip
def test_deviations_are_cut_toward_zero_with_a_sign(ms: int, text: str) -> None:
    assert format_deviation_s(ms) == text


def test_numbers_never_use_exponents() -> None:
    assert format_number(Decimal("1.7E+2")) == "170"
    assert format_number(Decimal("-0.00")) == "0.00"
    assert format_number(Decimal("-1.5")) == "-1.5"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_text_that_looks_like_a_formula_is_defused(start: str) -> None:
    assert safe_text(start + "SUM(A1)") == "'" + start + "SUM(A1)"
    assert safe_text("PC" + start) == "PC" + start


# OWASP's list, then look-alikes a spreadsheet (or an input method) may read as one of them, and
# invisible or blank characters a spreadsheet may skip or trim before it looks at the first one.
TRICKY_STARTS = [
    *["=", "+", "-", "@", "\t", "\r", "\n", "\0"],
    *["\uff1d", "\uff0b", "\uff0d", "\uff20"],  # full-width ＝ ＋ － ＠
    *["\ufe66", "\ufe62", "\ufe63", "\ufe6b"],  # small forms ﹦ ﹢ ﹣ ﹫
    *["\u2212", "\u2013", "\u2014", "\u2010", "\u2795", "\u2796"],  # minus sign, dashes, heavy + -
    *["\u200b=", "\ufeff=", "\u2060=", "\u200e=", "\u202e="],  # zero-width, BOM, direction marks
    *[" =", "\u00a0=", "\u3000=", "\u2003+", "\x0b@"],  # spaces, no-break, ideographic
]


@pytest.mark.parametrize("start", TRICKY_STARTS, ids=[repr(s) for s in TRICKY_STARTS])
def test_look_alike_and_hidden_formula_starts_are_defused(start: str) -> None:
    assert safe_text(start + 'HYPERLINK("http://x")') == "'" + start + 'HYPERLINK("http://x")'


@pytest.mark.parametrize("text", ["PC1", "0:15.00", "10:42:00.00", "missed", "'quoted", "1+1", "é"])
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert safe_text(text) == text


def _visible_start(text: str) -> str:
    """What a lenient spreadsheet would look at first: blank and invisible characters skipped,
    compatibility forms folded (NFKC)."""
    stripped = "".join(c for c in text if unicodedata.category(c)[0] not in "CZ")
    return unicodedata.normalize("NFKC", stripped[:1])[:1]


@given(st.text(max_size=12))
def test_no_text_cell_can_start_a_formula(text: str) -> None:
    cell = safe_text(text)
    assert cell in (text, "'" + text)
    if not cell.startswith("'"):
        first = text[:1]
        assert not first or unicodedata.category(first)[0] not in "CZ"
        assert _visible_start(text) not in ("=", "+", "-", "@")


def test_numbers_are_never_escaped() -> None:
    row = ResultRow("PC1", SectionKind.TIMED, 2, 15_000, 14_630, -370, Decimal("-3.5"))
    table = result_rows(StageResult((row,), Decimal("-3.5"), "aci-2021"), "eu")
    assert table[1][5:7] == ["-0,37", "-3,5"]
    assert table[2][6] == "-3,5"


ids = st.text(min_size=1, max_size=10)


@given(ids, st.integers(-(10**7), 10**7), st.decimals(-1000, 1000, places=2))
def test_every_cell_reads_back(section: str, deviation_ms: int, penalty: Decimal) -> None:
    row = ResultRow(section, SectionKind.TIMED, 2, 15_000, 15_000 + deviation_ms, deviation_ms,
                    penalty)  # fmt: skip
    result = StageResult((row,), penalty, "aci-2021")
    for locale, delimiter, point in (("en", ",", "."), ("eu", ";", ",")):
        text = results_csv(result, locale)  # type: ignore[arg-type]
        assert text.startswith(BOM)
        parsed = list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=delimiter))
        assert len(parsed) == 3
        cell = parsed[1][0]
        assert cell in (section, "'" + section)
        if section[0] in "=+-@\t\r":
            assert cell == "'" + section
        assert Decimal(parsed[1][5].replace(point, ".")) * 1000 == int(
            abs(deviation_ms) // 10 * 10 * (-1 if deviation_ms < 0 else 1)
        )
        assert Decimal(parsed[1][6].replace(point, ".")) == penalty


def test_a_measurement_not_taken_from_the_line_before_says_where_from() -> None:
    rows = (
        ResultRow("PC2", SectionKind.TIMED, 3, 9_800, 9_800, 0, Decimal(0), reference_line=2),
        ResultRow("PC2", SectionKind.TIMED, 4, 42_800, 43_250, 450, Decimal(45), reference_line=2),
        ResultRow(
            "PC3",
            SectionKind.TIMED,
            3,
            17_500,
            None,
            None,
            Decimal(300),
            ("missed",),
            None,
            None,
            1,
        ),
    )
    result = StageResult(rows, Decimal(345), "mille-miglia", car_factor=Decimal("1.80"))
    table = result_rows(result)
    assert [r[7] for r in table[1:]] == [
        "",
        "from line 2",
        "missed, from line 1",
        "mille-miglia, coefficient 1 (car factor 1.80 reported, not applied)",
    ]


def test_the_total_row_names_the_stage_and_the_crew() -> None:
    crew = Crew(number=112, driver="Ada", navigator="Bea", car="OM 665 Superba", year=1927)
    named = replace(RESULT, stage_name="Day 1, Brescia", crew=crew)
    assert result_rows(named)[-1][-1] == (
        "Day 1, Brescia · crew #112, Ada / Bea, OM 665 Superba (1927) · "
        + result_rows(RESULT)[-1][-1]
    )
    nobody = replace(RESULT, stage_name="Day 1", crew=Crew())
    assert result_rows(nobody)[-1][-1].startswith("Day 1 · no crew entered · ")
    # a formula-looking stage name is text, as every text cell
    bad = replace(RESULT, stage_name="=HYPERLINK(1)", crew=None)
    assert result_rows(bad)[-1][-1].startswith("'=HYPERLINK(1) · ")


def test_the_suggested_csv_name_holds_the_log_and_the_stage() -> None:
    day1 = "1000 Miglia - Day 1, Brescia to Cervia-Milano Marittima"
    assert results_stem(day1, Path("2026-05-13_075802-mille-miglia-day1.mmlog")) == (
        "2026-05-13_075802-mille-miglia-day1-1000-Miglia-Day-1-Brescia-to-Cervia-Mila"
    )
    assert results_stem("run 2", Path("x/run-2.mmlog")) == "run-2"  # said once
    assert results_stem("Leg 1", None) == "Leg-1"
    assert results_stem(None, None) == "results"
