"""The stage panel lists sections and lines, highlights the armed one, shows results."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mmtimer.ui.countdown import TONE_COLOURS, Tone
from mmtimer.ui.stagepanel import ARMED_BACKGROUND, LineView, SectionView, StagePanel

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


def test_double_click_asks_for_a_section(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.show()
    with qtbot.waitSignal(panel.section_chosen) as chosen:
        panel.itemDoubleClicked.emit(panel.line_item("PC1", 3), 0)
    assert chosen.args == ["PC1"]
