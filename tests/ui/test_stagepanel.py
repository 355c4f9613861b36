"""The stage panel lists sections and lines, highlights the armed one, shows results."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mmtimer.core.rules import load_rules
from mmtimer.core.stage import load_stage, parse_stage
from mmtimer.paths import resource
from mmtimer.present.stagelines import LineView, SectionView, section_views
from mmtimer.present.tone import Tone
from mmtimer.ui.countdown import TONE_COLOURS
from mmtimer.ui.stagepanel import ARMED_BACKGROUND, StagePanel

SECTIONS = (
    SectionView("CO1", "time control", (LineView("time card", "due 10:42"),)),
    SectionView(
        "PC1",
        "timed trial",
        (LineView("line 1", "start"), LineView("line 2", "15.00"), LineView("line 3", "6.00")),
    ),
)


def make_panel(qtbot: QtBot) -> StagePanel:
    panel = StagePanel()
    qtbot.addWidget(panel)
    panel.set_stage(SECTIONS)
    return panel


def test_sections_and_lines_in_driving_order(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    assert panel.topLevelItemCount() == 2
    assert panel.topLevelItem(0).text(0) == "CO1  time control"
    pc1 = panel.topLevelItem(1)
    assert [pc1.child(i).text(1) for i in range(pc1.childCount())] == ["start", "15.00", "6.00"]
    assert panel.line_item("PC1", 4) is None
    assert panel.line_item("XX", 1) is None


def test_the_armed_line_is_highlighted_and_moves(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.set_armed("PC1", 2)
    item = panel.line_item("PC1", 2)
    assert item is not None
    assert item.background(0).color() == ARMED_BACKGROUND
    assert item.font(0).bold()
    assert "▶" in item.text(0)
    panel.set_armed("PC1", 3)
    assert item.background(0).style() == Qt.BrushStyle.NoBrush
    assert not item.font(0).bold()
    assert item.text(0).strip() == "line 2"
    assert panel.armed == ("PC1", 3)
    panel.set_armed(None, None)
    assert panel.armed is None
    assert "▶" not in (panel.line_item("PC1", 3).text(0))


def test_results_show_with_their_colour_and_clear(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.set_result("PC1", 2, "+0.12 s · 12", Tone.LATE)
    item = panel.line_item("PC1", 2)
    assert item.text(2) == "+0.12 s · 12"
    assert item.foreground(2).color() == TONE_COLOURS[Tone.LATE]
    panel.clear_results()
    assert item.text(2) == ""


def test_show_results_touches_only_what_changed(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.show_results({("PC1", 2): ("+0.12 s · 12", Tone.LATE), ("CO1", 1): ("0 min · 0", None)})
    touched: list[tuple[str, int]] = []
    original = panel.set_result
    panel.set_result = lambda s, line, text, tone=None: (  # type: ignore[method-assign]
        touched.append((s, line)),
        original(s, line, text, tone),
    )
    # a void: PC1 line 2 gone, PC1 line 3 new, CO1 unchanged
    panel.show_results({("PC1", 3): ("-0.05 s · 5", Tone.EARLY), ("CO1", 1): ("0 min · 0", None)})
    assert sorted(touched) == [("PC1", 2), ("PC1", 3)]
    assert panel.line_item("PC1", 2).text(2) == ""
    assert panel.line_item("PC1", 3).text(2) == "-0.05 s · 5"
    assert panel.line_item("CO1", 1).text(2) == "0 min · 0"


def test_double_click_asks_for_a_line_or_a_section(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.show()
    with qtbot.waitSignal(panel.section_chosen) as chosen:
        panel.itemDoubleClicked.emit(panel.line_item("PC1", 3), 0)
    assert chosen.args == ["PC1", 3]
    with qtbot.waitSignal(panel.section_chosen) as chosen:
        panel.itemDoubleClicked.emit(panel.topLevelItem(1), 0)
    assert chosen.args == [panel.topLevelItem(1).data(0, Qt.ItemDataRole.UserRole), 1]


def test_section_views_of_the_bundled_stage() -> None:
    stage = load_stage(resource("stages", "mille-miglia-day1.stage.toml"))
    views = section_views(stage, load_rules(stage.rules))
    assert [v.id for v in views] == ["PC1", "PC2", "CO1", "PM1", "PC3", "CO2"]
    assert [line.target for line in views[0].lines] == ["start", "15.00", "6.00"]
    assert views[2].lines == (LineView("time card", "due 15:05"),)
    # PM1: 2.350 km at 40 km/h from 15:12:00 is 211.5 s; the rule set puts it on the second
    assert views[3].lines[0] == LineView("check 1", "km 2.350 · 15:15:31.00")
    assert views[3].title == "average trial from 15:12:00"
    assert views[4].lines[2].target == "17.50 from line 1"


def test_long_targets_read_in_minutes(qtbot: QtBot) -> None:
    stage = parse_stage(
        'format = "mmtimer-stage/1"\nname = "x"\nrules = "aci-2021"\n'
        '[[section]]\nid = "PC9"\nkind = "timed"\ntargets = ["1:02.50"]\n',
        "inline.toml",
    )
    views = section_views(stage, load_rules(stage.rules))
    assert views[0].lines[1].target == "1:02.50"


def test_results_are_not_cut_off_at_the_panels_narrowest(qtbot: QtBot) -> None:
    """At its minimum width (what the window gives it at its default 1180 px) the panel shows
    a line's whole result beside the longest target, with no sideways scrolling."""
    path = resource("stages", "mille-miglia-day1.stage.toml")
    stage = load_stage(path)
    panel = StagePanel()
    qtbot.addWidget(panel)
    panel.set_stage(section_views(stage, load_rules(stage.rules, path.parent)))
    panel.resize(panel.minimumWidth(), 400)
    panel.show()
    qtbot.waitExposed(panel)
    metrics = panel.fontMetrics()
    for text in ("-12.98 s · 300", "+60 min · 100", "missed · 300", "+125.40 s · 300"):
        panel.set_result("PM1", 2, text, Tone.LATE)
        shown = panel.viewport().width() - panel.columnWidth(0) - panel.columnWidth(1)
        assert metrics.horizontalAdvance(text) + 12 <= shown, text
        assert panel.horizontalScrollBar().maximum() == 0
