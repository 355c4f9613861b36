"""Stage files: reading, checking, the JSON form for log headers, atomic saving, bad input."""

from __future__ import annotations

import os
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mmtimer.core.errors import InputError
from mmtimer.core.stage import (
    AverageTrial,
    Stage,
    TimeControl,
    TimedSection,
    load_stage,
    parse_stage,
    parse_stage_bytes,
    save_stage,
    stage_from_json,
    stage_to_json,
    stage_to_toml,
)
from mmtimer.paths import resource

FORMATS_EXAMPLE = """\
format = "mmtimer-stage/1"
name = "Day 1 - Brescia to Cervia"
rules = "aci-2021"            # a built-in rule set (RULES.md) or a path relative to this file

[[section]]                   # sections come in driving order
id = "PC1"                    # unique within the stage; shown to the navigator
kind = "timed"                # timed trial (prova cronometrata): a chain of timing lines
targets = ["15.00", "6.00"]   # one target per line after the first: 3 lines here
targets_from = "previous"     # "previous": each target is timed from the line before (default)
                              # "start": each target is timed from the first line
[[section]]
id = "CO1"
kind = "time-control"         # controllo orario: hand in the time card in the due minute
due = "10:42"                 # official time of day, "HH:MM" or "HH:MM:SS"

[[section]]
id = "PM1"
kind = "average"              # prova di media: hold an imposed average from a timed start
start = "10:50:00"            # official time of day at which the trial starts (distance 0)
speed_kmh = "48.0"            # imposed average; or speeds = [["0", "48.0"], ["5.2", "40.0"]]
                              # as [from_km, km/h] pairs when the average changes on the way
checks_km = ["2.350", "7.800"] # detection points, km from the start
"""

EXAMPLES = ("mille-miglia-day1.stage.toml", "tsd-club.stage.toml")


def test_the_formats_example_reads_as_written() -> None:
    stage = parse_stage(FORMATS_EXAMPLE, "example.stage.toml")
    assert stage.name == "Day 1 - Brescia to Cervia"
    assert stage.rules == "aci-2021"
    pc1, co1, pm1 = stage.sections
    assert pc1 == TimedSection("PC1", (15_000, 6_000), "previous")
    assert pc1.lines == 3
    assert co1 == TimeControl("CO1", 10 * 3_600_000 + 42 * 60_000)
    assert co1.lines == 1
    assert isinstance(pm1, AverageTrial)
    assert pm1.start_ms == 10 * 3_600_000 + 50 * 60_000
    assert pm1.speeds == ((0, Decimal("48.0")),)
    assert pm1.checks_m == (2_350, 7_800)
    assert pm1.lines == 2
    assert stage.presses == 6


def test_ideal_time_is_start_plus_distance_over_average_exactly() -> None:
    trial = AverageTrial("PM1", 36_000_000, ((0, Decimal("48.0")),), (2_350, 7_800))
    # 2.350 km at 48 km/h = 176.25 s; 7.800 km = 585 s
    assert trial.ideal_ms(1) == 36_000_000 + 176_250
    assert trial.ideal_ms(2) == 36_000_000 + 585_000


def test_ideal_time_is_piecewise_when_the_average_changes() -> None:
    trial = AverageTrial(
        "PM2", 0, ((0, Decimal("48.0")), (5_200, Decimal("40.0"))), (5_000, 5_200, 7_800)
    )
    first = Fraction(5_200 * 3_600, 48)  # 390 s to km 5.2
    assert trial.ideal_ms(1) == Fraction(5_000 * 3_600, 48)
    assert trial.ideal_ms(2) == first
    assert trial.ideal_ms(3) == first + Fraction(2_600 * 3_600, 40)  # + 234 s
    assert trial.ideal_times_ms() == (trial.ideal_ms(1), trial.ideal_ms(2), trial.ideal_ms(3))


def test_an_ideal_time_that_is_not_whole_ms_stays_exact() -> None:
    trial = AverageTrial("PM", 0, ((0, Decimal("7")),), (1_000,))
    assert trial.ideal_ms(1) == Fraction(3_600_000, 7)  # 514285.714... ms, not a float


def test_targets_from_start_and_durations_in_minutes() -> None:
    stage = parse_stage(
        'format = "mmtimer-stage/1"\nname = "x"\nrules = "aci-2021"\n'
        '[[section]]\nid = "PC9"\nkind = "timed"\ntargets = [21, "1:02.50"]\n'
        'targets_from = "start"\n',
        "x.stage.toml",
    )
    assert stage.sections == (TimedSection("PC9", (21_000, 62_500), "start"),)


@pytest.mark.parametrize("name", EXAMPLES)
def test_bundled_examples_load_and_their_rule_sets_exist(name: str) -> None:
    from mmtimer.core.rules import load_rules

    path = resource("stages", name)
    stage = load_stage(path)
    assert load_rules(stage.rules, path.parent).id == stage.rules
    assert path.read_text(encoding="utf-8").startswith("#"), "each example says where it is from"


def test_the_mille_miglia_example_is_drivable_in_a_test() -> None:
    stage = load_stage(resource("stages", "mille-miglia-day1.stage.toml"))
    kinds = {type(section) for section in stage.sections}
    assert kinds == {TimedSection, TimeControl, AverageTrial}
    assert 6 <= len(stage.sections) <= 8
    assert 12 <= stage.presses <= 16
    assert any(isinstance(s, TimedSection) and s.lines >= 3 for s in stage.sections)  # a chain


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_time_controls_fall_after_the_sections_before_them(name: str) -> None:
    """The live window drives the examples end to end: official times must keep rising."""
    stage = load_stage(resource("stages", name))
    latest = 0
    for section in stage.sections:
        if isinstance(section, TimeControl):
            assert section.due_ms > latest, section.id
            latest = section.due_ms
        elif isinstance(section, AverageTrial):
            assert section.start_ms > latest, section.id
            latest = int(section.ideal_ms(section.lines))


# ---------------------------------------------------------------------------------------------
# JSON form and saving


def test_json_form_is_the_toml_document() -> None:
    stage = parse_stage(FORMATS_EXAMPLE, "example.stage.toml")
    assert stage_to_json(stage) == {
        "format": "mmtimer-stage/1",
        "name": "Day 1 - Brescia to Cervia",
        "rules": "aci-2021",
        "section": [
            {"id": "PC1", "kind": "timed", "targets": ["15.00", "6.00"]},
            {"id": "CO1", "kind": "time-control", "due": "10:42"},
            {
                "id": "PM1",
                "kind": "average",
                "start": "10:50",
                "speed_kmh": "48.0",
                "checks_km": ["2.350", "7.800"],
            },
        ],
    }


def test_json_round_trip_of_the_examples() -> None:
    for name in EXAMPLES:
        stage = load_stage(resource("stages", name))
        again = stage_from_json(stage_to_json(stage), "header")
        assert again == stage
        assert again.sections == stage.sections


ids = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_ ", min_size=1, max_size=8).filter(
    lambda s: s.strip() == s and s != ""
)
positive_ms = st.integers(min_value=1, max_value=3 * 3_600_000)
time_of_day_ms = st.integers(min_value=0, max_value=24 * 3_600_000 - 1)
speeds = st.decimals(min_value=Decimal("0.1"), max_value=Decimal(200), places=1)


@st.composite
def timed_sections(draw: st.DrawFn, section_id: str) -> TimedSection:
    targets = draw(st.lists(positive_ms, min_size=1, max_size=5))
    start = draw(st.booleans())
    if start:
        targets = sorted(set(targets))
    return TimedSection(section_id, tuple(targets), "start" if start else "previous")


@st.composite
def average_trials(draw: st.DrawFn, section_id: str) -> AverageTrial:
    froms = sorted(set(draw(st.lists(st.integers(1, 50_000), max_size=3))))
    pairs = ((0, draw(speeds)), *((f, draw(speeds)) for f in froms))
    checks = sorted(set(draw(st.lists(st.integers(1, 80_000), min_size=1, max_size=5))))
    marks = sorted(set(draw(st.lists(st.integers(0, 80_000), max_size=4))))
    labels = st.text(max_size=20).filter(lambda s: s.strip() == s)
    landmarks = tuple((metres, draw(labels)) for metres in marks)
    press = draw(st.booleans())
    start = 0 if press else draw(time_of_day_ms)
    return AverageTrial(section_id, start, pairs, tuple(checks), landmarks, press)


@st.composite
def stages(draw: st.DrawFn) -> Stage:
    section_ids = draw(st.lists(ids, min_size=1, max_size=6, unique=True))
    sections = []
    for section_id in section_ids:
        kind = draw(st.sampled_from(["timed", "co", "avg"]))
        if kind == "timed":
            sections.append(draw(timed_sections(section_id)))
        elif kind == "co":
            sections.append(TimeControl(section_id, draw(time_of_day_ms)))
        else:
            sections.append(draw(average_trials(section_id)))
    name = draw(st.text(min_size=1, max_size=30).filter(lambda s: s.strip() == s and s))
    rules = draw(st.sampled_from(["aci-2021", "tsd-cscc", "my.rules.toml"]))
    return Stage(name, rules, tuple(sections))


@given(stages())
@settings(max_examples=80)
def test_any_stage_round_trips_through_json_and_toml(stage: Stage) -> None:
    assert stage_from_json(stage_to_json(stage), "header") == stage
    assert parse_stage(stage_to_toml(stage), "saved.stage.toml") == stage


def test_save_then_load_gives_the_same_stage(tmp_path: Path) -> None:
    stage = load_stage(resource("stages", "mille-miglia-day1.stage.toml"))
    target = tmp_path / "copy.stage.toml"
    save_stage(stage, target)
    assert load_stage(target) == stage
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.stage.toml"]


def test_save_replaces_atomically_and_a_failed_save_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "day.stage.toml"
    target.write_text(FORMATS_EXAMPLE, encoding="utf-8")
    stage = parse_stage(FORMATS_EXAMPLE, str(target))
    smaller = Stage(stage.name, stage.rules, stage.sections[:1])

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        save_stage(smaller, target)
    assert target.read_text(encoding="utf-8") == FORMATS_EXAMPLE
    assert [p.name for p in tmp_path.iterdir()] == ["day.stage.toml"]  # no temp file left
    monkeypatch.undo()
    save_stage(smaller, target)
    assert load_stage(target) == smaller


# ---------------------------------------------------------------------------------------------
# Bad input: one line naming the file, the line and the key; the file untouched


def _stage_text(section: str, head: str = "") -> str:
    return f'format = "mmtimer-stage/1"\nname = "Test"\nrules = "aci-2021"\n{head}\n{section}'


PM = '[[section]]\nid = "PM"\nkind = "average"\nstart = "10:00"\n'
CO = '[[section]]\nid = "CO1"\nkind = "time-control"\ndue = "10:42"\n'
PC = '[[section]]\nid = "PC1"\nkind = "timed"\ntargets = ["15.00", "6.00"]\n'


@pytest.mark.parametrize(
    ("text", "line", "key", "message"),
    [
        pytest.param(
            _stage_text(PC + 'targets_from = = "previous"\n'),
            9,
            None,
            "not valid TOML",
            id="bad-toml",
        ),
        pytest.param(
            _stage_text(PC + 'colour = "red"\n'),
            9,
            "section[1].colour",
            "unknown key",
            id="unknown-key",
        ),
        pytest.param(
            _stage_text("", 'author = "me"'), 4, "author", "unknown key", id="unknown-top-key"
        ),
        pytest.param(
            _stage_text(CO + CO), 10, "section[2].id", "duplicate id 'CO1'", id="duplicate-id"
        ),
        pytest.param(
            _stage_text(PC.replace('"6.00"', '"-6.00"')),
            8,
            "section[1].targets[2]",
            "negative",
            id="negative-target",
        ),
        pytest.param(
            _stage_text(PC.replace('"6.00"', '"six"')),
            8,
            "section[1].targets[2]",
            "not seconds",
            id="non-numeric-target",
        ),
        pytest.param(
            _stage_text(PC.replace('"6.00"', '"15,00"')),
            8,
            "section[1].targets[2]",
            "not a comma",
            id="comma",
        ),
        pytest.param(
            _stage_text(PC.replace('"6.00"', "15,00")), 8, None, "not valid TOML", id="bare-comma"
        ),
        pytest.param(
            _stage_text(PC.replace('"6.00"', "6.0001")),
            8,
            "section[1].targets[2]",
            "more than 3 decimals",
            id="float-target-4-decimals",
        ),
        pytest.param(
            _stage_text(PC.replace('"6.00"', '"0"')),
            8,
            "section[1].targets[2]",
            "more than 0",
            id="zero-target",
        ),
        pytest.param(
            _stage_text(CO.replace("10:42", "25:00")),
            8,
            "section[1].due",
            "not a valid 24 h time",
            id="hour-25",
        ),
        pytest.param(
            _stage_text(CO.replace('"10:42"', "10:42:00")),
            8,
            "section[1].due",
            "TOML date/time",
            id="toml-time",
        ),
        pytest.param(
            _stage_text(PC).replace("aci-2021", "aci-2099"),
            3,
            "rules",
            "unknown rule set",
            id="unknown-rules",
        ),
        pytest.param(
            _stage_text(PC).replace("mmtimer-stage/1", "mmtimer-stage/9"),
            1,
            "format",
            "is not",
            id="format",
        ),
        pytest.param(
            _stage_text(PC.replace('kind = "timed"', 'kind = "rally"')),
            7,
            "section[1].kind",
            "not one of",
            id="kind",
        ),
        pytest.param(
            _stage_text("", "section = []"), 4, "section", "at least one", id="no-sections"
        ),
        pytest.param(
            _stage_text(PC.replace('["15.00", "6.00"]', "[]")),
            8,
            "section[1].targets",
            "at least one",
            id="no-targets",
        ),
        pytest.param(
            _stage_text(PC + 'targets_from = "start"\n'),
            8,
            "section[1].targets[2]",
            "later than",
            id="start-not-rising",
        ),
        pytest.param(
            _stage_text(PM + 'checks_km = ["1"]\n'),
            5,
            "section[1].speeds",
            "missing",
            id="no-speed",
        ),
        pytest.param(
            _stage_text(PM + 'speed_kmh = "0"\nchecks_km = ["1"]\n'),
            9,
            "section[1].speed_kmh",
            "above 0",
            id="zero-speed",
        ),
        pytest.param(
            _stage_text(PM + 'speed_kmh = "40"\nchecks_km = ["2", "1"]\n'),
            10,
            "section[1].checks_km[2]",
            "further",
            id="checks-backwards",
        ),
        pytest.param(
            _stage_text(PM + 'speeds = [["1", "40"]]\nchecks_km = ["2"]\n'),
            9,
            "section[1].speeds[1]",
            "km 0",
            id="speeds-not-from-0",
        ),
        pytest.param(
            _stage_text(PM + 'speed_kmh = "40"\nchecks_km = ["2.0001"]\n'),
            10,
            "section[1].checks_km[1]",
            "more than 3 decimals",
            id="distance-decimals",
        ),
        pytest.param('name = "x"\n', None, "format", "missing", id="no-format"),
    ],
)
def test_bad_stage_gets_one_clear_line(
    tmp_path: Path, *, text: str, line: int | None, key: str | None, message: str
) -> None:
    path = tmp_path / "bad.stage.toml"
    path.write_text(text, encoding="utf-8")
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    with pytest.raises(InputError) as caught:
        load_stage(path)
    error = caught.value
    assert error.source == str(path)
    assert error.line == line, str(error)
    assert error.key == key, str(error)
    assert message in error.message, str(error)
    shown = str(error)
    assert "\n" not in shown
    assert shown.startswith(f"{path}: " if line is None else f"{path}:{line}: ")
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before, "reading altered the file"
    assert [p.name for p in tmp_path.iterdir()] == ["bad.stage.toml"]


def test_the_line_of_a_key_in_the_third_section() -> None:
    text = _stage_text(PC + "\n" + CO + "\n" + CO.replace("CO1", "CO2").replace("10:42", "25:00"))
    with pytest.raises(InputError) as caught:
        parse_stage(text, "day.stage.toml")
    assert str(caught.value) == (
        "day.stage.toml:18: section[3].due: time of day '25:00' is not a valid 24 h time"
    )


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085"])
def test_line_numbers_count_newlines_only(separator: str) -> None:
    # TOML lets these characters into strings and comments; they do not end a line (tomllib
    # counts "\n" too), so the line of a semantic error must not move past them.
    head = f"# Day 1{separator}Brescia\n"
    text = _stage_text(CO.replace("10:42", "25:00"), head=head).replace(
        'name = "Test"', f'name = "Day{separator}1"'
    )
    with pytest.raises(InputError) as caught:
        parse_stage(text, "day.stage.toml")
    assert (caught.value.line, caught.value.key) == (9, "section[1].due")
    assert text.split("\n")[8] == 'due = "25:00"'


def test_an_error_in_an_inline_section_array_names_the_line_of_the_array() -> None:
    text = _stage_text('section = [{ id = "CO1", kind = "time-control", due = "25:00" }]\n')
    with pytest.raises(InputError) as caught:
        parse_stage(text, "inline.stage.toml")
    assert (caught.value.line, caught.value.key) == (5, "section[1].due")


def test_a_rules_path_must_exist_next_to_the_stage(tmp_path: Path) -> None:
    path = tmp_path / "s.stage.toml"
    path.write_text(_stage_text(PC).replace('"aci-2021"', '"club.rules.toml"'), encoding="utf-8")
    with pytest.raises(InputError, match="not found next to the stage"):
        load_stage(path)
    (tmp_path / "club.rules.toml").write_text("whatever", encoding="utf-8")
    assert load_stage(path).rules == "club.rules.toml"


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "no such file"),
        ("folder", "is a folder"),
        ("latin1", "not UTF-8"),
    ],
)
def test_unreadable_files(tmp_path: Path, setup: str, message: str) -> None:
    path = tmp_path / "x.stage.toml"
    if setup == "folder":
        path.mkdir()
    elif setup == "latin1":
        path.write_bytes(_stage_text(PC).replace("Test", "Caff\u00e8").encode("latin-1"))
    with pytest.raises(InputError, match=message):
        load_stage(path)


def test_a_utf8_byte_order_mark_is_accepted() -> None:
    data = b"\xef\xbb\xbf" + FORMATS_EXAMPLE.encode()
    assert parse_stage_bytes(data, "bom.stage.toml").name == "Day 1 - Brescia to Cervia"


@pytest.mark.parametrize(
    ("obj", "key"),
    [
        ([], None),
        (
            {"format": "mmtimer-stage/1", "name": "x", "rules": "aci-2021", "section": [{}]},
            "section[1].kind",
        ),
        ({"format": "mmtimer-stage/1", "name": 3, "rules": "aci-2021", "section": []}, "name"),
        (
            {
                "format": "mmtimer-stage/1",
                "name": "x",
                "rules": "aci-2021",
                "section": [{"id": "A", "kind": "time-control", "due": 1.5}],
            },
            "section[1].due",
        ),
    ],
)
def test_bad_json_stage_in_a_log_header(obj: object, key: str | None) -> None:
    with pytest.raises(InputError) as caught:
        stage_from_json(obj, "day.mmlog")  # type: ignore[arg-type]
    assert caught.value.key == key
    assert caught.value.line is None


# ---------------------------------------------------------------------------------------------
# Fuzzing: only a Stage or an InputError, never anything else


def _only_stage_or_input_error(call: object) -> None:
    try:
        result = call()  # type: ignore[operator]
    except InputError as error:
        assert "\n" not in str(error)
    else:
        assert isinstance(result, Stage)


@given(st.text(max_size=400))
@settings(max_examples=150)
def test_random_text_gives_a_stage_or_a_clean_error(text: str) -> None:
    _only_stage_or_input_error(lambda: parse_stage(text, "fuzz.stage.toml"))


@given(st.binary(max_size=400))
@settings(max_examples=150)
def test_random_bytes_give_a_stage_or_a_clean_error(data: bytes) -> None:
    _only_stage_or_input_error(lambda: parse_stage_bytes(data, "fuzz.stage.toml"))


toml_scalars = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["15.00", "-1", "10:42", "25:00", "2.350", "48.0", "0", "1:02.50", "15,00"]),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.times(),
    st.dates(),
)
toml_values = st.recursive(
    toml_scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
section_keys = st.sampled_from(
    ["id", "kind", "targets", "targets_from", "due", "start", "speed_kmh", "speeds", "checks_km"]
)
kinds = st.sampled_from(["timed", "time-control", "average", "other"])


@st.composite
def near_stage_documents(draw: st.DrawFn) -> dict[str, object]:
    """Documents shaped like stages, with random values: they reach the semantic checks."""
    sections = []
    for _ in range(draw(st.integers(0, 3))):
        section: dict[str, object] = {"kind": draw(kinds)}
        for key in draw(st.lists(section_keys, max_size=6, unique=True)):
            section[key] = draw(toml_values)
        sections.append(section)
    doc: dict[str, object] = {
        "format": draw(st.sampled_from(["mmtimer-stage/1", "other"])),
        "name": draw(toml_values),
        "rules": draw(st.sampled_from(["aci-2021", "x.rules.toml", "nope"]) | toml_values),
        "section": sections,
    }
    if draw(st.booleans()):
        doc[draw(st.text(max_size=5))] = draw(toml_values)
    return doc


@given(near_stage_documents())
@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
def test_random_stage_shaped_documents_give_a_stage_or_a_clean_error(
    doc: dict[str, object],
) -> None:
    import tomli_w

    try:
        text = tomli_w.dumps(doc)
    except (TypeError, ValueError):
        return
    _only_stage_or_input_error(lambda: parse_stage(text, "fuzz.stage.toml"))
    _only_stage_or_input_error(lambda: stage_from_json(doc, "fuzz.mmlog"))


def test_numbers_with_decimals_read_exactly_as_written() -> None:
    # FORMATS.md §1: durations and distances are "strings or numbers ... with at most 3 decimals"
    text = _stage_text(
        PC.replace('["15.00", "6.00"]', "[15.125, 6.5]")
        + PM
        + "speed_kmh = 48.5\nchecks_km = [2.35, 7.8]\n"
    )
    stage = parse_stage(text, "floats.stage.toml")
    timed, average = stage.sections
    assert isinstance(timed, TimedSection) and isinstance(average, AverageTrial)
    assert timed.targets_ms == (15_125, 6_500)
    assert average.checks_m == (2_350, 7_800)
    assert average.speeds[0][1] == Decimal("48.5")


AVG = 'format = "mmtimer-stage/1"\nname = "x"\nrules = "aci-2021"\n[[section]]\nid = "PM"\n'


def test_landmarks_and_a_press_start_are_read_and_written_back() -> None:
    stage = parse_stage(
        AVG + 'kind = "average"\nstart = "press"\nspeed_kmh = "48.0"\nchecks_km = ["2.350"]\n'
        'landmarks = [["1.250", "bridge"], ["3.400", "church, turn left"]]\n',
        "x.stage.toml",
    )
    (section,) = stage.sections
    assert isinstance(section, AverageTrial)
    assert section.start_press and section.start_ms == 0
    assert section.landmarks == ((1250, "bridge"), (3400, "church, turn left"))
    document = stage_to_json(stage)["section"][0]
    assert document["start"] == "press"
    assert document["landmarks"] == [["1.250", "bridge"], ["3.400", "church, turn left"]]
    assert stage_from_json(stage_to_json(stage), "log") == stage


@pytest.mark.parametrize(
    ("landmarks", "expected"),
    [
        ('[["1.250"]]', "section[1].landmarks[1]: each landmark is a pair [km, label]"),
        ('[["2.0", "a"], ["1.0", "b"]]', "section[1].landmarks[2]: landmarks come in driving"),
        ('[["1,5", "a"]]', "section[1].landmarks[1]: distance '1,5': use a decimal point"),
        ('[["1.0", 3]]', "section[1].landmarks[1]: must be a string"),
        ('"1.0"', "section[1].landmarks: must be an array"),
    ],
)
def test_a_bad_landmark_is_refused_naming_the_key(landmarks: str, expected: str) -> None:
    text = AVG + 'kind = "average"\nstart = "10:00"\nspeed_kmh = "48"\nchecks_km = ["2"]\n'
    with pytest.raises(InputError) as caught:
        parse_stage(text + f"landmarks = {landmarks}\n", "x.stage.toml")
    assert expected in str(caught.value)
    assert str(caught.value).startswith("x.stage.toml:")


def test_a_start_that_is_neither_a_time_nor_press_is_refused() -> None:
    text = AVG + 'kind = "average"\nstart = "pressed"\nspeed_kmh = "48"\nchecks_km = ["2"]\n'
    with pytest.raises(InputError, match=r"section\[1\]\.start"):
        parse_stage(text, "x.stage.toml")


def test_a_stage_can_ban_gps() -> None:
    text = AVG + 'kind = "average"\nstart = "10:00"\nspeed_kmh = "48"\nchecks_km = ["2"]\n'
    banned = parse_stage(
        text.replace('rules = "aci-2021"\n', 'rules = "aci-2021"\ngps = false\n'), "x"
    )
    assert not banned.gps_allowed and parse_stage(text, "x").gps_allowed
    assert stage_to_json(banned)["gps"] is False
    assert stage_from_json(stage_to_json(banned), "log") == banned
    with pytest.raises(InputError, match="gps"):
        parse_stage(text.replace('rules = "aci-2021"\n', 'rules = "aci-2021"\ngps = "no"\n'), "x")
