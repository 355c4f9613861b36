"""Event files (FORMATS.md section 4) and whole-event results, against a worked example."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from mmtimer.core.crew import Crew
from mmtimer.core.errors import InputError
from mmtimer.core.event import (
    Event,
    EventDay,
    event_csv,
    event_results,
    event_text,
    load_event,
    parse_event,
    save_event,
)
from mmtimer.core.logfile import header_line
from mmtimer.core.rules import load_rules
from mmtimer.core.session import new_log_header
from mmtimer.core.stage import load_stage
from mmtimer.paths import resource
from tests.stages import FORMATS_CREW as CREW
from tests.stages import S

FORMATS_EXAMPLE = """\
format = "mmtimer-event/1"
name = "1000 Miglia 2027"
rules = "mille-miglia"        # optional: the rule set for every day whose stage names none

[crew]                        # as in the log header; set once for the whole event
number = "112"
driver = "..."
navigator = "..."
car = "Alfa Romeo 6C 1750 SS"
year = 1929
coefficient = "1.80"

[[day]]
name = "Day 1 - Brescia to Cervia"
stage = "day1.stage.toml"     # relative to this file
log = "logs/day1.mmlog"       # optional: without it, the latest log of that stage in the data folder
"""  # noqa: E501 (as FORMATS.md writes it)


DAY1 = """\
format = "mmtimer-stage/1"
name = "Day 1"
rules = "event.rules.toml"

[[section]]
id = "PC1"
kind = "timed"
targets = ["10.00", "5.00"]

[[section]]
id = "CO1"
kind = "time-control"
due = "10:30"
"""

DAY2 = """\
format = "mmtimer-stage/1"
name = "Day 2"
rules = "event.rules.toml"

[[section]]
id = "PC1"
kind = "timed"
targets = ["20.00"]

[[section]]
id = "PM1"
kind = "average"
start = "11:00"
speed_kmh = "36"
checks_km = ["1.000"]
"""

DAY3 = DAY1.replace('name = "Day 1"', 'name = "Day 3"').replace("10:30", "09:30")


def rules_text(count: int, scope: str) -> str:
    base = resource("rules", "aci-2021.rules.toml").read_text(encoding="utf-8")
    base = base.replace('id = "aci-2021"', 'id = "club-event"')
    return base.replace(
        "[discard]\ncount = 0", f'[discard]\ncount = {count}\nkinds = ["timed"]\nscope = "{scope}"'
    )


def write_log(
    path: Path, stage_path: Path, events: list[dict[str, object]], *, closed: bool = True
) -> None:
    stage = load_stage(stage_path)
    header = new_log_header(
        stage, CREW, datetime(2027, 5, 13, 8, 0, tzinfo=UTC), base_dir=stage_path.parent
    )
    lines = [header_line(header)]
    closing = [{"type": "close", "t_ns": 3_600 * S}] if closed else []
    for seq, event in enumerate([*events, *closing], start=1):
        lines.append(json.dumps({**event, "seq": seq}).encode() + b"\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"".join(lines))


def sync(official: str) -> dict[str, object]:
    return {
        "type": "sync",
        "t_ns": 0,
        "official": official,
        "utc": "2027-05-13T08:00:00.000Z",
        "source": "manual",
    }


def press(section: str, line: int, t_ns: int) -> dict[str, object]:
    return {
        "type": "pass",
        "t_ns": t_ns,
        "section": section,
        "line": line,
        "utc": "2027-05-13T08:00:00.000Z",
        "source": "key:Space",
    }


def make_event(tmp_path: Path, *, count: int, scope: str, day3_log: bool = False) -> Path:
    """Three days and a fourth whose stage is missing.

    Worked by hand (aci-2021 rates: 1 pt per 1/100 s on a timed line, cap 300; 100 per minute
    at a time control; 1 pt per second at an average check):
      Day 1 (sync 10:00:00.00): PC1 line 1 at 60.00 s, line 2 at 70.37 s (target 10.00: +0.37 =
        37 pts), line 3 at 75.25 s (target 5.00, measured 4.88: -0.12 = 12 pts); CO1 card at
        10:30:20, in its minute: 0.  Day 1 = 37 + 12 + 0 = 49.
      Day 2 (sync 10:50:00.00): PC1 line 1 at 10.00 s, line 2 at 33.50 s (target 20.00: +3.50,
        350 capped to 300); PM1 (start 11:00:00, 1 km at 36 km/h = 100 s: ideal 11:01:40) check
        at 11:01:42.40, truncated 11:01:42: 2 s late = 2 pts.  Day 2 = 300 + 2 = 302.
      Day 3: no log: not yet driven.  Day 4: its stage file is missing.
    """
    (tmp_path / "event.rules.toml").write_text(rules_text(count, scope), encoding="utf-8")
    for name, text in (("day1", DAY1), ("day2", DAY2), ("day3", DAY3)):
        (tmp_path / f"{name}.stage.toml").write_text(text, encoding="utf-8")
    write_log(
        tmp_path / "logs" / "day1.mmlog",
        tmp_path / "day1.stage.toml",
        [
            sync("10:00:00.00"),
            press("PC1", 1, 60 * S),
            press("PC1", 2, 70_370_000_000),
            press("PC1", 3, 75_250_000_000),
            press("CO1", 1, 1820 * S),  # 10:30:20
        ],
    )
    write_log(
        tmp_path / "logs" / "day2.mmlog",
        tmp_path / "day2.stage.toml",
        [
            sync("10:50:00.00"),
            press("PC1", 1, 10 * S),
            press("PC1", 2, 33_500_000_000),
            press("PM1", 1, 702_400_000_000),  # 11:01:42.40
        ],
    )
    day3_line = 'log = "logs/day3.mmlog"\n' if day3_log else ""
    event = f"""\
format = "mmtimer-event/1"
name = "Worked example"   # three days and a missing one

[crew]
number = "112"
driver = "Giulia Ferri"
navigator = "Marco Bassi"
car = "Alfa Romeo 6C 1750 SS"
year = 1929
coefficient = "1.80"

[[day]]
name = "Day 1"
stage = "day1.stage.toml"
log = "logs/day1.mmlog"

[[day]]
name = "Day 2"
stage = "day2.stage.toml"
log = "logs/day2.mmlog"

[[day]]
name = "Day 3"
stage = "day3.stage.toml"
{day3_line}
[[day]]
name = "Day 4"
stage = "day4.stage.toml"
"""
    path = tmp_path / "worked.event.toml"
    path.write_text(event, encoding="utf-8")
    return path


def test_the_formats_example_reads() -> None:
    event = parse_event(FORMATS_EXAMPLE, "x.event.toml", Path("/rally"))
    assert event.name == "1000 Miglia 2027"
    assert event.rules == "mille-miglia"
    assert event.crew == Crew(112, "...", "...", "Alfa Romeo 6C 1750 SS", 1929, Decimal("1.80"))
    assert event.days == (
        EventDay("Day 1 - Brescia to Cervia", "day1.stage.toml", "logs/day1.mmlog"),
    )


def test_worked_example_days_add_up_and_undriven_days_are_not_zero(tmp_path: Path) -> None:
    result = event_results(
        load_event(make_event(tmp_path, count=0, scope="stage")), tmp_path / "nologs"
    )
    d1, d2, d3, d4 = result.days
    assert (d1.status, d1.total) == ("driven", Decimal(49))
    assert [row.penalty for row in d1.result.rows] == [37, 12, 0]  # type: ignore[union-attr]
    assert (d2.status, d2.total) == ("driven", Decimal(302))
    assert [row.penalty for row in d2.result.rows] == [300, 2]  # type: ignore[union-attr]
    assert (d3.status, d3.total, d3.problem) == ("not yet driven", None, None)
    assert d4.status == "error" and d4.total is None
    assert (
        d4.problem is not None and "day4.stage.toml" in d4.problem and "no such file" in d4.problem
    )
    assert result.total == Decimal(351)  # 49 + 302; day 3 not counted, not a zero
    assert result.driven == 2


@pytest.mark.parametrize(
    ("count", "total", "dropped"),
    [(1, 51, [(2, "PC1", 2)]), (2, 14, [(1, "PC1", 2), (2, "PC1", 2)])],
)
def test_worked_example_discards_over_the_event(
    tmp_path: Path, count: int, total: int, dropped: list[tuple[int, str, int]]
) -> None:
    # count 1: the worst timed measurement of the event is day 2's 300: event = 49 + 2 = 51.
    # count 2: then day 1's 37: event = 12 + 2 = 14.
    result = event_results(load_event(make_event(tmp_path, count=count, scope="event")))
    assert result.total == Decimal(total)
    assert sorted((n, row.section, row.line) for n, row in result.event_discards) == dropped
    d1, d2 = result.days[:2]
    assert d1.total == (Decimal(12) if count == 2 else Decimal(49))
    assert d2.total == Decimal(2)
    assert "discarded" in d2.result.rows[0].notes  # type: ignore[union-attr]


def test_with_event_scope_a_stage_alone_drops_nothing(tmp_path: Path) -> None:
    from mmtimer.commands.export import export_csv

    make_event(tmp_path, count=1, scope="event")
    text, _ = export_csv(tmp_path / "logs" / "day2.mmlog")
    assert text.rstrip().splitlines()[-1].startswith(",total,,,,,302,")
    assert load_rules(str(tmp_path / "event.rules.toml")).discard_scope == "event"


def test_stage_scope_discards_stay_inside_each_stage(tmp_path: Path) -> None:
    # count 1 per stage: day 1 drops its 37 (= 12), day 2 drops its 300 (= 2): 14
    result = event_results(load_event(make_event(tmp_path, count=1, scope="stage")))
    assert [d.total for d in result.days[:2]] == [Decimal(12), Decimal(2)]
    assert result.total == Decimal(14)
    assert result.event_discards == ()


def test_the_event_csv(tmp_path: Path) -> None:
    result = event_results(load_event(make_event(tmp_path, count=1, scope="event")))
    text = event_csv(result)
    assert text.startswith(
        "\ufeffday,section,kind,line,target,measured,deviation_s,penalty,note\r\n"
    )
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    body = rows[1:]
    assert [r[0] for r in body] == ["1", "1", "1", "1", "2", "2", "2", "3", "4", ""]
    assert body[0][1:8] == ["PC1", "timed", "2", "0:10.00", "0:10.37", "0.37", "37"]
    assert body[3][2] == "total" and body[3][7] == "49"
    # the day (its stage's name too, said once), the crew, the rules (issue 12)
    assert body[3][8] == (
        "Day 1: crew #112, Giulia Ferri / Marco Bassi, Alfa Romeo 6C 1750 SS (1929) · "
        "club-event, coefficient 1"
    )
    assert body[4][8] == "capped, discarded" and body[4][7] == "300"
    assert body[6][2] == "total" and body[6][7] == "2"
    assert body[7][2] == "total" and body[7][7] == "" and "not yet driven" in body[7][8]
    assert body[8][7] == "" and "cannot be read" in body[8][8] and "day4.stage.toml" in body[8][8]
    assert body[9][2] == "event" and body[9][7] == "51"
    assert "2 of 4 days driven" in body[9][8] and "day 2 PC1 line 2" in body[9][8]


def test_a_named_log_not_written_yet_is_not_yet_driven(tmp_path: Path) -> None:
    result = event_results(load_event(make_event(tmp_path, count=0, scope="stage", day3_log=True)))
    d3 = result.days[2]
    assert d3.status == "not yet driven" and d3.total is None
    assert d3.problem is not None and "day3.mmlog" in d3.problem


def test_a_day_found_in_the_data_folder_and_a_log_left_open(tmp_path: Path) -> None:
    path = make_event(tmp_path, count=0, scope="stage")
    logs = tmp_path / "data" / "logs"
    # day 3 is under way: only PC1 line 1 and 2 so far; the log is not closed
    write_log(
        logs / "2027-05-15_0800-day3.mmlog",
        tmp_path / "day3.stage.toml",
        [sync("10:00:00.00"), press("PC1", 1, 60 * S), press("PC1", 2, 70 * S)],
        closed=False,
    )
    result = event_results(load_event(path), logs)
    d3 = result.days[2]
    assert d3.status == "in progress"
    assert [row.notes for row in d3.result.rows] == [(), ("pending",), ("pending",)]  # type: ignore[union-attr]
    assert d3.total == Decimal(0)
    assert result.total == Decimal(351)


def test_bad_event_files_name_the_line_and_key(tmp_path: Path) -> None:
    cases = {
        'format = "mmtimer-event/2"\nname = "x"\n[[day]]\nstage = "a"\n': "format",
        'format = "mmtimer-event/1"\nname = "x"\n': "day",
        'format = "mmtimer-event/1"\nname = "x"\n[[day]]\nname = "d"\n': "day[1].stage",
        'format = "mmtimer-event/1"\nname = "x"\n[[day]]\nstage = "a"\nlogs = "b"\n': "day[1].logs",
        'format = "mmtimer-event/1"\nname = "x"\n[crew]\nnumber = "12b"\n[[day]]\nstage = "a"\n': (
            "crew.number"
        ),
        'format = "mmtimer-event/1"\nname = "x"\nrules = "nope"\n[[day]]\nstage = "a"\n': "rules",
    }
    for text, key in cases.items():
        with pytest.raises(InputError) as caught:
            parse_event(text, "e.event.toml", tmp_path)
        assert caught.value.key == key, text
        assert str(caught.value).startswith("e.event.toml:")


def test_event_rules_apply_to_a_stage_that_names_none(tmp_path: Path) -> None:
    (tmp_path / "d.stage.toml").write_text(
        DAY1.replace('rules = "event.rules.toml"\n', ""), encoding="utf-8"
    )
    event = parse_event(
        'format = "mmtimer-event/1"\nname = "x"\nrules = "year-factor"\n'
        '[[day]]\nstage = "d.stage.toml"\n',
        "e",
        tmp_path,
    )
    from mmtimer.core.event import load_day_stage

    assert load_day_stage(event, event.days[0]).rules == "year-factor"


def test_event_text_keeps_comments_and_round_trips(tmp_path: Path) -> None:
    event = parse_event(FORMATS_EXAMPLE, "x", tmp_path)
    assert event_text(event, FORMATS_EXAMPLE) == FORMATS_EXAMPLE
    more = replace(
        event,
        name="1000 Miglia 2028",
        days=(*event.days, EventDay("Day 2", "day2.stage.toml")),
        crew=replace(event.crew, driver="Giulia Ferri"),  # type: ignore[type-var]
    )
    text = event_text(more, FORMATS_EXAMPLE)
    assert parse_event(text, "x", tmp_path) == more
    assert "# as in the log header; set once for the whole event" in text
    assert "# optional: without it, the latest log" in text
    fresh = Event("New", (EventDay("Day 1", "a.stage.toml"),), None, CREW)
    assert parse_event(event_text(fresh), "x", tmp_path) == fresh
    path = tmp_path / "e.event.toml"
    save_event(fresh, path)
    assert load_event(path) == fresh


def test_a_day_log_the_folds_cannot_take_in_order_is_replayed_with_the_same_answer(
    tmp_path: Path,
) -> None:
    """A day's log is folded as it is read; one edited by hand so that a void names a later seq
    is read whole and replayed instead: the day scores as the same log in order would."""
    path = make_event(tmp_path, count=0, scope="stage")
    logs = tmp_path / "data" / "logs"
    in_order = [sync("10:00:00.00"), press("PC1", 1, 60 * S), press("PC1", 2, 70 * S)]
    in_order += [press("PC1", 2, 71 * S), {"type": "void", "ref": 3, "reason": "double"}]
    write_log(logs / "2027-05-15_0800-day3.mmlog", tmp_path / "day3.stage.toml", in_order)
    expected = event_results(load_event(path), logs).days[2]
    edited = [*in_order[:2], {"type": "void", "ref": 4, "reason": "double"}, *in_order[2:4]]
    write_log(logs / "2027-05-15_0800-day3.mmlog", tmp_path / "day3.stage.toml", edited)
    d3 = event_results(load_event(path), logs).days[2]
    assert d3.status == expected.status == "driven"
    assert d3.result is not None and expected.result is not None
    assert [row.measured_ms for row in d3.result.rows] == [
        row.measured_ms for row in expected.result.rows
    ]
    assert d3.total == expected.total
