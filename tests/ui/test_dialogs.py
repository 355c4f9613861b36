"""The crew dialog and the three ways to sync to the official clock."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, Qt, QTime, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from mmtimer.core.clock import NS_PER_MS, NS_PER_S, FakeClock
from mmtimer.core.crew import Crew
from mmtimer.core.timefmt import parse_time_of_day_ms
from mmtimer.present.beeps import BeepSettings
from mmtimer.present.formats import describe_since
from mmtimer.ui.dialogs import (
    CrewDialog,
    SettingsDialog,
    SyncDialog,
    SyncRequest,
    confirm_jump,
    format_marks_s,
    nearest_minute_ms,
    parse_marks_s,
)
from mmtimer.ui.triggers import EventStamper, TriggerSettings

# -- crew ----------------------------------------------------------------------------------------


def _type(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def test_crew_dialog_gives_the_log_header_crew(qtbot: QtBot) -> None:
    dialog = CrewDialog()
    qtbot.addWidget(dialog)
    assert dialog.crew_json() == {"driver": "", "navigator": "", "car": ""}
    _type(qtbot, dialog.number, "112")
    _type(qtbot, dialog.driver, " Ada ")
    _type(qtbot, dialog.navigator, "Bea")
    _type(qtbot, dialog.car, "Alfa Romeo 6C 1750 SS")
    dialog.year.selectAll()
    _type(qtbot, dialog.year, "1929")
    _type(qtbot, dialog.coefficient, "1,80")  # as printed, a decimal comma accepted
    assert dialog.crew_json() == {
        "number": 112,
        "driver": "Ada",
        "navigator": "Bea",
        "car": "Alfa Romeo 6C 1750 SS",
        "year": 1929,
        "coefficient": "1.80",
    }


def test_the_printed_coefficient_is_the_main_field_and_enter_accepts(qtbot: QtBot) -> None:
    dialog = CrewDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.components_box.isVisible()  # the calculator waits until asked for
    _type(qtbot, dialog.coefficient, "1.25")
    qtbot.keyClick(dialog.coefficient, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.crew() == Crew(coefficient=Decimal("1.25"))


def test_the_components_calculator_names_its_formula_and_source(qtbot: QtBot) -> None:
    dialog = CrewDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.show_components.setFocus()
    qtbot.keyClick(dialog.show_components, Qt.Key.Key_Space)
    assert dialog.components_box.isVisible()
    assert dialog.formula.text() == "coefficient = 1 + (period + (class \u2212 category) + bonus)"
    assert "the organiser's coefficient page (millemiglia.it" in dialog.edition.text()
    assert "coefficienti" in dialog.edition.text()
    assert [dialog.category.itemText(i) for i in range(3)] == [
        "Sport (0)",
        "Gran Turismo (0.10)",
        "Touring (0.20)",
    ]
    assert [dialog.bonus.itemData(i) for i in range(3)] == [0, Decimal("0.05"), Decimal("0.10")]


def test_the_components_follow_the_organisers_page_and_use_fills_the_field(
    qtbot: QtBot,
) -> None:
    dialog = CrewDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.show_components.setFocus()
    qtbot.keyClick(dialog.show_components, Qt.Key.Key_Space)
    assert dialog.computed.text() == "type the period and the class"
    assert not dialog.use.isEnabled()
    _type(qtbot, dialog.period, "0,35")
    _type(qtbot, dialog.engine_class, "0.15")
    # Sport (0 subtracted), no bonus: 1 + (0.35 + (0.15 - 0) + 0)
    assert dialog.computed.text() == "= 1.50"
    dialog.category.setFocus()
    qtbot.keyClick(dialog.category, Qt.Key.Key_Down)  # Gran Turismo: 0.10 subtracted
    assert dialog.computed.text() == "= 1.40"
    qtbot.keyClick(dialog.category, Qt.Key.Key_Down)  # Touring: 0.20 subtracted
    assert dialog.computed.text() == "= 1.30"
    dialog.bonus.setFocus()
    qtbot.keyClick(dialog.bonus, Qt.Key.Key_Down)  # entered in a historic edition: + 0.05
    assert dialog.computed.text() == "= 1.35"
    qtbot.keyClick(dialog.bonus, Qt.Key.Key_Down)  # took part in one: + 0.10
    assert dialog.computed.text() == "= 1.40"
    assert dialog.coefficient.text() == ""  # nothing changes the main field until Use
    assert "coefficient" not in dialog.crew_json()
    dialog.use.setFocus()
    qtbot.keyClick(dialog.use, Qt.Key.Key_Space)
    assert dialog.coefficient.text() == "1.40"
    assert dialog.crew() == Crew(coefficient=Decimal("1.40"))
    # the printed coefficient stays the truth: typing over it wins
    dialog.coefficient.selectAll()
    _type(qtbot, dialog.coefficient, "1.45")
    assert dialog.crew_json()["coefficient"] == "1.45"


def test_a_bad_coefficient_is_named_and_blocks_ok(qtbot: QtBot) -> None:
    dialog = CrewDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    _type(qtbot, dialog.coefficient, "abc")
    assert not ok.isEnabled()
    assert "coefficient" in dialog.problem.text()
    dialog.coefficient.selectAll()
    _type(qtbot, dialog.coefficient, "0")
    assert not ok.isEnabled()
    dialog.coefficient.selectAll()
    qtbot.keyClick(dialog.coefficient, Qt.Key.Key_Backspace)
    assert ok.isEnabled()
    assert "coefficient" not in dialog.crew_json()
    dialog.show_components.setFocus()
    qtbot.keyClick(dialog.show_components, Qt.Key.Key_Space)
    _type(qtbot, dialog.period, "-0.35")
    _type(qtbot, dialog.engine_class, "0.15")
    assert "Period" in dialog.problem.text()
    assert not dialog.use.isEnabled()
    assert ok.isEnabled()  # a half-done calculation does not block the crew


def test_the_crew_dialog_starts_from_a_known_crew(qtbot: QtBot) -> None:
    crew = {"number": 7, "driver": "A", "navigator": "B", "car": "C", "year": 1957}
    dialog = CrewDialog({**crew, "coefficient": "1.25"})
    qtbot.addWidget(dialog)
    assert dialog.crew_json() == {**crew, "coefficient": "1.25"}
    known = Crew(7, "A", "B", "Fiat 750 GT Zagato", 1957, Decimal("1.25"))
    again = CrewDialog(known)
    qtbot.addWidget(again)
    assert again.crew() == known


# -- sync ----------------------------------------------------------------------------------------

TEN_40_58 = parse_time_of_day_ms("10:40:58.30")


def test_nearest_minute() -> None:
    assert nearest_minute_ms(parse_time_of_day_ms("10:40:31")) == parse_time_of_day_ms("10:41")
    assert nearest_minute_ms(parse_time_of_day_ms("10:41:29.99")) == parse_time_of_day_ms("10:41")
    assert nearest_minute_ms(parse_time_of_day_ms("10:40:30")) == parse_time_of_day_ms("10:41")


@given(st.integers(0, 86_400_000 - 1))
def test_nearest_minute_is_within_half_a_minute(official_ms: int) -> None:
    minute = nearest_minute_ms(official_ms)
    assert minute % 60_000 == 0
    assert -30_000 < minute - official_ms <= 30_000


class Official:
    """Stands in for the session's official time: None until a sync is applied."""

    def __init__(self) -> None:
        self.sync: SyncRequest | None = None

    def at(self, t_ns: int) -> int | None:
        if self.sync is None:
            return None
        return self.sync.official_ms + (t_ns - self.sync.t_ns) // NS_PER_MS


def make_sync_dialog(qtbot: QtBot) -> tuple[SyncDialog, FakeClock, Official, list[SyncRequest]]:
    clock = FakeClock(start_ns=500 * NS_PER_S)
    official = Official()
    dialog = SyncDialog(
        EventStamper(clock, "offscreen", None),
        official.at,
        lambda: TEN_40_58,
        lambda: official.sync.t_ns if official.sync else None,
    )
    qtbot.addWidget(dialog)
    requests: list[SyncRequest] = []

    def apply(request: SyncRequest) -> None:
        requests.append(request)
        official.sync = request

    dialog.sync_requested.connect(apply)
    return dialog, clock, official, requests


def press(widget: object, key: Qt.Key, text: str = "") -> None:
    event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text)
    QApplication.sendEvent(widget, event)


def test_m_at_the_full_minute_syncs_to_the_nearest_minute(qtbot: QtBot) -> None:
    dialog, clock, _, requests = make_sync_dialog(qtbot)
    assert dialog.mark.text() == "Mark (M)"
    assert dialog.minute_edit.time() == QTime(10, 41)  # the minute about to come
    assert not dialog.later.isEnabled()  # nothing to nudge before a sync
    clock.advance_ns(1_700 * NS_PER_MS)
    press(dialog.mark, Qt.Key.Key_M, "m")  # even with the focus on a button
    assert requests == [SyncRequest(501_700 * NS_PER_MS, parse_time_of_day_ms("10:41"), "minute")]
    assert dialog.later.isEnabled()
    assert "last sync 0 s ago" in dialog.status.text()
    assert dialog.jump.text() == "First sync: official time set."


def test_space_never_marks_nor_clicks_a_button_in_the_sync_dialog(qtbot: QtBot) -> None:
    dialog, _clock, _, requests = make_sync_dialog(qtbot)
    clicked: list[bool] = []
    dialog.later.clicked.connect(lambda: clicked.append(True))
    dialog.mark_minute(dialog.stamper.clock.now_ns())  # a first sync, so + is enabled
    for widget in (dialog.mark, dialog.later, dialog.own_minute, dialog):
        press(widget, Qt.Key.Key_Space, " ")
        release = QKeyEvent(
            QEvent.Type.KeyRelease, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, " "
        )
        QApplication.sendEvent(widget, release)
    assert len(requests) == 1 and not clicked
    assert not dialog.own_minute.isChecked()
    assert "press M" in dialog.problem.text()


def make_synced_dialog(
    qtbot: QtBot, answer: bool
) -> tuple[SyncDialog, FakeClock, list[SyncRequest], list[str]]:
    """A dialog synced once to 10:40:58.30 (at 500 s), whose jump question answers `answer`."""
    dialog, clock, official, requests = make_sync_dialog(qtbot)
    asked: list[str] = []

    def confirm(parent: QWidget, question: str) -> bool:
        assert parent is dialog
        asked.append(question)
        return answer

    dialog.confirm = confirm
    official.sync = SyncRequest(clock.now_ns(), TEN_40_58, "typed")
    return dialog, clock, requests, asked


def test_a_mark_that_jumps_over_2_s_asks_and_cancel_moves_nothing(qtbot: QtBot) -> None:
    dialog, clock, requests, asked = make_synced_dialog(qtbot, answer=False)
    clock.advance_ns(19_040 * NS_PER_MS)  # official 10:41:17.34: the nearest minute is 10:41
    press(dialog, Qt.Key.Key_M, "m")
    assert asked == [
        "This sync moves official time a long way: official time jumps -17.34 s "
        "(from 10:41:17.34 to 10:41:00.00). Every target from now on moves with it. "
        "Sync anyway?"
    ]
    assert requests == []
    assert dialog.problem.text() == "Not synced: you cancelled a jump of -17.34 s."


def test_a_confirmed_jump_syncs_and_says_how_far(qtbot: QtBot) -> None:
    dialog, clock, requests, asked = make_synced_dialog(qtbot, answer=True)
    clock.advance_ns(19_040 * NS_PER_MS)
    dialog.mark_minute(clock.now_ns())
    assert len(asked) == 1
    assert requests == [SyncRequest(clock.now_ns(), parse_time_of_day_ms("10:41"), "minute")]
    assert dialog.jump.text() == "Last sync: official time jumped -17.34 s."


def test_a_jump_of_2_s_or_less_and_a_nudge_never_ask(qtbot: QtBot) -> None:
    dialog, clock, requests, asked = make_synced_dialog(qtbot, answer=False)
    clock.advance_ns(3_700 * NS_PER_MS)  # official 10:41:02.00: the mark jumps -2.00 s
    dialog.mark_minute(clock.now_ns())
    dialog.nudge(clock.now_ns(), 100)
    assert asked == [] and len(requests) == 2
    assert dialog.jump.text() == "Last sync: official time jumped +0.10 s."


def test_a_typed_time_that_jumps_over_2_s_asks_too(qtbot: QtBot) -> None:
    dialog, _clock, requests, asked = make_synced_dialog(qtbot, answer=False)
    dialog.typed.setText("10:42:30")  # official is 10:40:58.30: +91.70 s
    press(dialog.typed, Qt.Key.Key_Return)
    assert len(asked) == 1 and "official time jumps +91.70 s" in asked[0]
    assert requests == [] and dialog.typed.text() == "10:42:30"  # kept, to try again
    dialog.typed.setText("10:40:59.50")  # +1.20 s: no question
    press(dialog.typed, Qt.Key.Key_Return)
    assert len(asked) == 1 and [r.source for r in requests] == ["typed"]


def test_the_first_sync_never_asks_however_far_the_computer_is(qtbot: QtBot) -> None:
    dialog, _clock, _, requests = make_sync_dialog(qtbot)
    dialog.confirm = lambda parent, question: pytest.fail(f"asked: {question}")
    dialog.typed.setText("14:00:00")  # the computer says 10:40:58: no official time yet
    press(dialog.typed, Qt.Key.Key_Return)
    assert [r.official_ms for r in requests] == [parse_time_of_day_ms("14:00")]


def test_the_jump_question_defaults_to_cancel(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    answers: list[bool] = []

    def answer_with_return() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        default = box.defaultButton()
        assert default is box.button(QMessageBox.StandardButton.Cancel)
        assert "jumps -17.34 s" in box.text()
        default.click()

    QTimer.singleShot(0, answer_with_return)
    answers.append(confirm_jump(parent, "official time jumps -17.34 s"))
    assert answers == [False]


def test_mark_by_mouse_and_with_a_minute_of_ones_own(qtbot: QtBot) -> None:
    dialog, _clock, _, requests = make_sync_dialog(qtbot)
    dialog.own_minute.setChecked(True)
    dialog.minute_edit.setTime(QTime(10, 45))
    qtbot.mousePress(dialog.mark, Qt.MouseButton.LeftButton)
    assert requests == [SyncRequest(500 * NS_PER_S, parse_time_of_day_ms("10:45"), "minute")]


def test_typed_time_is_taken_at_enter(qtbot: QtBot) -> None:
    dialog, clock, _, requests = make_sync_dialog(qtbot)
    dialog.typed.setText("10:42:3O")  # a letter O
    press(dialog.typed, Qt.Key.Key_Return)
    assert requests == []
    assert "10:42:3O" in dialog.problem.text()
    dialog.typed.setText("10:42:30")
    clock.advance_s(3)
    press(dialog.typed, Qt.Key.Key_Space, " ")  # Space types into the field, marks nothing
    press(dialog.typed, Qt.Key.Key_Return)
    assert requests == [SyncRequest(503 * NS_PER_S, parse_time_of_day_ms("10:42:30"), "typed")]
    assert dialog.problem.text() == ""


def test_nudges_move_official_time_by_a_tenth(qtbot: QtBot) -> None:
    dialog, clock, official, requests = make_sync_dialog(qtbot)
    assert dialog.nudge(clock.now_ns(), 100) is None
    dialog.mark_minute(clock.now_ns())
    clock.advance_s(60)
    qtbot.mouseClick(dialog.later, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.later, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.earlier, Qt.MouseButton.LeftButton)
    minute = parse_time_of_day_ms("10:41")
    assert [r.official_ms - minute for r in requests] == [0, 60_100, 60_200, 60_100]
    assert {r.source for r in requests[1:]} == {"nudge"}
    assert official.at(clock.now_ns()) == minute + 60_100


def test_time_since_sync_reads_naturally() -> None:
    assert describe_since(42) == "42 s"
    assert describe_since(192) == "3 min 12 s"
    assert describe_since(3 * 3600 + 5 * 60 + 9) == "3 h 05 min"


# -- trigger and beep settings -------------------------------------------------------------------


def test_marks_are_typed_in_seconds_before_the_target() -> None:
    assert parse_marks_s("-5, -4,-3 ; -2,-1", "short") == (-5000, -4000, -3000, -2000, -1000)
    assert parse_marks_s("-10, -2.5, 0", "x") == (-10_000, -2500, 0)
    assert parse_marks_s("", "x") == ()
    assert format_marks_s((-10_000, -2500, 0)) == "-10, -2.5, 0"
    with pytest.raises(ValueError, match="before the target"):
        parse_marks_s("-5, 3", "short beeps")
    with pytest.raises(ValueError, match="short beeps"):
        parse_marks_s("-5, five", "short beeps")


@given(st.lists(st.integers(-600_000, 0), max_size=8))
def test_marks_round_trip(marks: list[int]) -> None:
    exact = tuple(sorted(set(marks)))
    assert parse_marks_s(format_marks_s(exact), "x") == exact


def test_settings_dialog_edits_triggers_and_beeps(qtbot: QtBot) -> None:
    dialog = SettingsDialog(TriggerSettings(), BeepSettings())
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.short_marks.text() == "-5, -4, -3, -2, -1"
    dialog.key_boxes["PageDown"].setChecked(True)
    dialog.guard.setValue(700)
    dialog.short_marks.setText("-10, -3, -2, -1")
    dialog.lead.setValue(40)
    dialog.sound.setChecked(False)
    assert dialog.trigger_settings() == TriggerSettings(("Space", "PageDown"), 700)
    assert dialog.beep_settings() == BeepSettings((-10_000, -3000, -2000, -1000), (0,), 40, False)
    dialog.key_boxes["Space"].setChecked(False)
    dialog.key_boxes["PageDown"].setChecked(False)
    assert not ok.isEnabled()
    assert "at least one" in dialog.problem.text()
    dialog.key_boxes["Space"].setChecked(True)
    dialog.long_marks.setText("+1")
    assert not ok.isEnabled()
