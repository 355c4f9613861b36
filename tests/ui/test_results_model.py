"""The results table model: what it shows, how it sorts and updates, Qt's model tester, copying."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from mmtimer.core.logfile import read_log
from mmtimer.core.replay import Replay
from mmtimer.core.results import StageResult
from mmtimer.paths import resource
from mmtimer.present.formats import format_signed_deviation
from mmtimer.ui.results_model import (
    EARLY_COLOUR,
    EXACT_COLOUR,
    LATE_COLOUR,
    ROW_ROLE,
    Column,
    ResultsModel,
    ResultsSortProxy,
    copy_rows,
    rows_as_tsv,
)

LOGS = ("mille-miglia-day1.mmlog", "tsd-club.mmlog")


def final_result(name: str = "mille-miglia-day1.mmlog") -> StageResult:
    return Replay(read_log(resource("logs", name))).final_state().results


def texts(model: ResultsModel | ResultsSortProxy, column: int) -> list[str]:
    return [str(model.index(r, column).data()) for r in range(model.rowCount())]


def test_the_rows_show_what_scoring_gave_and_a_total(qtbot: QtBot) -> None:
    result = final_result()
    model = ResultsModel()
    model.set_result(result)
    assert model.rowCount() == len(result.rows) + 1
    col = model.column_of
    assert texts(model, col(Column.SECTION))[:3] == ["PC1", "PC1", "PC2"]
    # the same values as the example's golden CSV
    assert texts(model, col(Column.TARGET))[:2] == ["0:15.00", "0:06.00"]
    assert texts(model, col(Column.MEASURED))[:2] == ["0:15.37", "0:05.88"]
    assert texts(model, col(Column.DEVIATION))[:3] == ["+0.37", "-0.12", "0.00"]
    assert texts(model, col(Column.PENALTY))[:4] == ["37", "12", "0", "300"]
    assert texts(model, col(Column.NOTE))[3:5] == ["missed", "from line 2"]
    assert texts(model, col(Column.TARGET))[5] == "15:05:00.00"
    total = model.rowCount() - 1
    assert model.index(total, col(Column.SECTION)).data() == "Total"
    assert model.index(total, col(Column.PENALTY)).data() == "513"
    note = model.index(total, col(Column.NOTE)).data()
    assert "mille-miglia" in note and "coefficient 1" in note and "1.80" in note
    assert model.index(total, 0).data(ROW_ROLE) == -1
    assert model.index(2, 0).data(ROW_ROLE) == 2


def test_deviations_are_coloured_early_late_and_exact(qtbot: QtBot) -> None:
    model = ResultsModel()
    model.set_result(final_result())
    column = model.column_of(Column.DEVIATION)

    def colour(row: int) -> object:
        brush = model.index(row, column).data(Qt.ItemDataRole.ForegroundRole)
        return None if brush is None else brush.color()

    assert colour(0) == LATE_COLOUR  # +0.37
    assert colour(1) == EARLY_COLOUR  # -0.12
    assert colour(2) == EXACT_COLOUR  # 0.00
    assert colour(3) is None  # missed: nothing measured
    assert format_signed_deviation(5) == "0.00" and format_signed_deviation(-1234) == "-1.23"


def test_the_model_passes_qts_model_tester_through_updates(qtbot: QtBot) -> None:
    model = ResultsModel()
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    proxy = ResultsSortProxy()
    proxy.setSourceModel(model)
    proxy_tester = QAbstractItemModelTester(
        proxy, QAbstractItemModelTester.FailureReportingMode.Fatal
    )
    proxy.sort(model.column_of(Column.PENALTY), Qt.SortOrder.DescendingOrder)
    replay = Replay(read_log(resource("logs", LOGS[0])))
    for t_ns in range(
        replay.start_ns, replay.end_ns + 1, max(1, (replay.end_ns - replay.start_ns) // 25)
    ):
        model.set_result(replay.state_at(t_ns).results, total_label="So far")
    model.set_result(replay.final_state().results)
    model.set_compare(final_result(LOGS[1]), ("event", "practice"))  # another shape entirely
    model.set_current(("PC1", 2))
    model.set_current(None)
    model.set_compare(None)
    model.set_result(None)
    assert model.rowCount() == 0
    del tester, proxy_tester


def test_a_same_shape_update_announces_only_the_changed_rows(qtbot: QtBot) -> None:
    result = final_result()
    model = ResultsModel()
    model.set_result(result)
    changed: list[tuple[int, int]] = []
    resets: list[bool] = []
    model.dataChanged.connect(lambda a, b, roles=(): changed.append((a.row(), b.row())))
    model.modelReset.connect(lambda: resets.append(True))
    rows = list(result.rows)
    rows[4] = replace(rows[4], penalty=Decimal(46))
    rows[5] = replace(rows[5], notes=("late",))
    model.set_result(replace(result, rows=tuple(rows)))
    assert changed == [(4, 5)] and not resets  # the total did not change
    model.set_result(replace(result, rows=tuple(rows), total=Decimal(514)))
    assert changed[-1] == (len(rows), len(rows))  # only the total row
    model.set_result(replace(result, rows=tuple(rows[:-1])))
    assert resets == [True]  # another shape: a reset


def test_sorting_is_numeric_and_keeps_the_total_last(qtbot: QtBot) -> None:
    model = ResultsModel()
    model.set_result(final_result())
    proxy = ResultsSortProxy()
    proxy.setSourceModel(model)
    penalty = model.column_of(Column.PENALTY)
    proxy.sort(penalty, Qt.SortOrder.DescendingOrder)
    shown = texts(proxy, penalty)
    assert shown[:3] == ["300", "100", "45"] and shown[-1] == "513"
    proxy.sort(penalty, Qt.SortOrder.AscendingOrder)
    shown = texts(proxy, penalty)
    assert shown[:3] == ["0", "0", "1"] and shown[-1] == "513"
    deviation = model.column_of(Column.DEVIATION)
    proxy.sort(deviation, Qt.SortOrder.AscendingOrder)
    shown = texts(proxy, deviation)
    assert shown[:2] == ["-0.12", "-0.12"] and shown[-2:] == ["", ""]  # blank after numbers
    assert proxy.index(proxy.rowCount() - 1, 0).data() == "Total"
    proxy.sort(model.column_of(Column.SECTION), Qt.SortOrder.DescendingOrder)
    assert texts(proxy, 0)[0] == "CO2" and texts(proxy, 0)[-1] == "Total"


def test_copying_rows_gives_tab_separated_text(qtbot: QtBot) -> None:
    model = ResultsModel()
    model.set_result(final_result())
    view = QTableView()
    qtbot.addWidget(view)
    proxy = ResultsSortProxy()
    proxy.setSourceModel(model)
    view.setModel(proxy)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.selectRow(1)
    text = copy_rows(view)
    assert QApplication.clipboard().text() == text
    assert text.splitlines() == [
        "Section\tLine\tTarget\tMeasured\tDeviation\tPenalty\tNote",
        "PC1\t3\t0:06.00\t0:05.88\t-0.12\t12\t",
    ]
    view.clearSelection()
    everything = copy_rows(view).splitlines()
    assert len(everything) == model.rowCount() + 1 and everything[-1].startswith("Total\t")
    assert rows_as_tsv(view, [4]).splitlines()[1].endswith("45\tfrom line 2")


def test_a_second_run_shows_beside_the_first(qtbot: QtBot) -> None:
    first = final_result()
    rows = list(first.rows)
    rows[0] = replace(rows[0], deviation_ms=-150, penalty=Decimal(15), measured_ms=14_850)
    second = replace(first, rows=tuple(rows[:-1]), total=Decimal(200))
    model = ResultsModel()
    model.set_result(first)
    model.set_compare(second, ("event", "practice"))
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert header[3] == "Measured (event)" and header[-3] == "Deviation (practice)"
    b_dev = model.column_of(Column.B_DEVIATION)
    assert model.index(0, b_dev).data() == "-0.15"
    assert model.index(0, b_dev).data(Qt.ItemDataRole.ForegroundRole).color() == EARLY_COLOUR
    assert model.index(len(rows) - 1, b_dev).data() is None  # not in the second run
    total = model.rowCount() - 1
    assert model.index(total, model.column_of(Column.B_PENALTY)).data() == "200"


def test_the_current_line_is_highlighted(qtbot: QtBot) -> None:
    model = ResultsModel()
    model.set_result(final_result())
    model.set_current(("PC2", 3))
    background = Qt.ItemDataRole.BackgroundRole
    assert model.index(3, 0).data(background) is not None
    assert model.index(2, 0).data(background) is None
    with pytest.raises(ValueError):
        model.column_of(Column.B_NOTE)
    assert model.data(QModelIndex()) is None
