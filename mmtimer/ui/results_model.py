"""The results table: a Qt model over a StageResult (one row per measurement, then the total).

The model only shows what scoring produced (`mmtimer.core.scoring`); it never scores. Values are
formatted by mmtimer.present.formats, as in the results CSV (times cut to 1/100, deviations
signed, late positive). A second
run (another log of the same stage) can be shown beside the first, matched by section and line.

Roles: `SORT_ROLE` gives a number for every cell (the proxy sorts on it; the total row stays last
in either order), `ROW_ROLE` the row's index in driving order (-1 on the total row).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication, QTableView

from mmtimer.core.results import ResultRow, StageResult
from mmtimer.present.formats import (
    format_deviation_s,
    format_points,
    format_signed_deviation,
    measured_text,
    note_text,
    time_text,
    total_note,
)
from mmtimer.present.tone import EXACT_MS, Tone, deviation_tone
from mmtimer.ui.i18n import QT_TRANSLATE_NOOP, translate
from mmtimer.ui.words import shown

SORT_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_CHANGED_RUNS = 8  # more runs of changed rows than this: one dataChanged over them all

EARLY_COLOUR = QColor("#2f7fd8")
LATE_COLOUR = QColor("#d8433a")
EXACT_COLOUR = QColor("#2e9d4a")
PENDING_COLOUR = QColor("#8a8a8a")
CURRENT_BACKGROUND = QColor(242, 178, 51, 70)
TABLE_COLOURS = {Tone.EARLY: EARLY_COLOUR, Tone.LATE: LATE_COLOUR, Tone.EXACT: EXACT_COLOUR}
"""Each tone's colour on the table's light background."""

_Index = QModelIndex | QPersistentModelIndex
_MISSING = float("inf")  # what a blank cell sorts as: after every number


class Column(Enum):
    """The table's columns; the `B_` ones appear with a second run to compare."""

    SECTION = "section"
    LINE = "line"
    TARGET = "target"
    MEASURED = "measured"
    DEVIATION = "deviation"
    PENALTY = "penalty"
    POINTS = "points"
    NOTE = "note"
    B_MEASURED = "b-measured"
    B_DEVIATION = "b-deviation"
    B_PENALTY = "b-penalty"
    B_NOTE = "b-note"
    DELTA = "delta"  # comparing: the second run's penalty minus the first's

    @property
    def title(self) -> str:
        """The column's header in the current language."""
        return translate("ResultsModel", _TITLES[self.value.removeprefix("b-")])

    @property
    def short_title(self) -> str:
        """The title when two runs share the table (each run is named once, above its
        columns)."""
        short = _SHORT_TITLES.get(self)
        return self.title if short is None else translate("ResultsModel", short)

    @property
    def second_run(self) -> bool:
        return self in _SECOND_RUN


_SECOND_RUN = frozenset(c for c in Column if c.value.startswith("b-"))
_TITLES = {
    "section": QT_TRANSLATE_NOOP("ResultsModel", "Section"),
    "line": QT_TRANSLATE_NOOP("ResultsModel", "Line"),
    "target": QT_TRANSLATE_NOOP("ResultsModel", "Target"),
    "measured": QT_TRANSLATE_NOOP("ResultsModel", "Measured"),
    "deviation": QT_TRANSLATE_NOOP("ResultsModel", "Deviation"),
    "penalty": QT_TRANSLATE_NOOP("ResultsModel", "Penalty"),
    "points": QT_TRANSLATE_NOOP("ResultsModel", "Points"),
    "note": QT_TRANSLATE_NOOP("ResultsModel", "Note"),
    "delta": QT_TRANSLATE_NOOP("ResultsModel", "Delta"),
}
_SHORT_TITLES = {
    Column.MEASURED: QT_TRANSLATE_NOOP("ResultsModel", "Meas."),
    Column.B_MEASURED: QT_TRANSLATE_NOOP("ResultsModel", "Meas."),
    Column.DEVIATION: QT_TRANSLATE_NOOP("ResultsModel", "Dev."),
    Column.B_DEVIATION: QT_TRANSLATE_NOOP("ResultsModel", "Dev."),
    Column.PENALTY: QT_TRANSLATE_NOOP("ResultsModel", "Pen."),
    Column.B_PENALTY: QT_TRANSLATE_NOOP("ResultsModel", "Pen."),
    Column.POINTS: QT_TRANSLATE_NOOP("ResultsModel", "Pts"),
    Column.DELTA: QT_TRANSLATE_NOOP("ResultsModel", "Δ pen."),
    Column.B_NOTE: QT_TRANSLATE_NOOP("ResultsModel", "Note"),
}
FIRST_RUN_COLUMNS = (Column.MEASURED, Column.DEVIATION, Column.PENALTY, Column.POINTS)
SECOND_RUN_COLUMNS = (Column.B_MEASURED, Column.B_DEVIATION, Column.B_PENALTY)
_NUMERIC = {
    Column.LINE,
    Column.TARGET,
    Column.MEASURED,
    Column.DEVIATION,
    Column.PENALTY,
    Column.POINTS,
    Column.B_MEASURED,
    Column.B_DEVIATION,
    Column.B_PENALTY,
    Column.DELTA,
}


def format_signed_points(value: Decimal) -> str:
    """A difference of penalties: "+12", "-3.5", "0"."""
    text = format_points(abs(value))
    return text if value == 0 else ("+" if value > 0 else "-") + text


def deviation_colour(deviation_ms: int | None) -> QColor | None:
    """Blue when early, red when late, green when exact to 1/100 s; None when not measured."""
    return TABLE_COLOURS.get(deviation_tone(deviation_ms))


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    """Rising numbers as runs of consecutive ones: [1, 2, 3, 7] -> [(1, 3), (7, 7)]."""
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and runs[-1][1] + 1 == n:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


@dataclass(frozen=True, slots=True)
class _Shape:
    keys: tuple[tuple[str, int], ...]
    columns: tuple[Column, ...]


class ResultsModel(QAbstractTableModel):
    """The rows of a StageResult in driving order, then a total row.

    `set_result` replaces what is shown: when the rows and columns stay the same (a replay moving
    on, a new press) only the cells that changed are announced (dataChanged); otherwise the model
    resets. `set_compare` adds a second run's columns; `set_current` highlights one line.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._result: StageResult | None = None
        self._compare: StageResult | None = None
        self._compare_rows: dict[tuple[str, int], ResultRow] = {}
        self._names = ("", "")
        self._total_label = "Total"
        self._current: tuple[str, int] | None = None
        self._tones: dict[Tone, QColor] = dict(TABLE_COLOURS)
        self._tones[Tone.PENDING] = PENDING_COLOUR
        self._columns: tuple[Column, ...] = self._columns_for(None, None)
        self._keys: tuple[tuple[str, int], ...] = ()
        self._bold = QFont()
        self._bold.setBold(True)
        self._struck = QFont()
        self._struck.setStrikeOut(True)

    # -- what it shows ---------------------------------------------------------------------------
    @staticmethod
    def _columns_for(result: StageResult | None, compare: StageResult | None) -> tuple[Column, ...]:
        columns = [Column.SECTION, Column.LINE, Column.TARGET, Column.MEASURED, Column.DEVIATION]
        columns.append(Column.PENALTY)
        if result is not None and any(row.points is not None for row in result.rows):
            columns.append(Column.POINTS)
        if compare is not None:  # both runs' measurements side by side, the notes after them
            columns += [*SECOND_RUN_COLUMNS, Column.DELTA, Column.NOTE, Column.B_NOTE]
        else:
            columns.append(Column.NOTE)
        return tuple(columns)

    def column_groups(self) -> list[tuple[str, int, int]]:
        """When comparing, each run's name and the first and last model column of its
        measurements (for a line above the headers); [] otherwise."""
        if self._compare is None:
            return []
        first, second = self._names
        groups = []
        for name, members in (
            (first or "A", FIRST_RUN_COLUMNS),
            (second or "B", SECOND_RUN_COLUMNS),
        ):
            shown = [i for i, column in enumerate(self._columns) if column in members]
            if shown:
                groups.append((name, shown[0], shown[-1]))
        return groups

    def result(self) -> StageResult | None:
        return self._result

    def compare_result(self) -> StageResult | None:
        return self._compare

    def columns(self) -> tuple[Column, ...]:
        return self._columns

    def column_of(self, column: Column) -> int:
        """The model column of `column` (ValueError if not shown)."""
        return self._columns.index(column)

    def row_keys(self) -> tuple[tuple[str, int], ...]:
        """(section, line) of each result row, in driving order."""
        return self._keys

    def set_tone_colours(self, colours: Mapping[Tone, str]) -> None:
        """The deviations' colours (early, late, exact, pending) on the theme's table ground."""
        tones = {t: QColor(colours[t]) for t in (Tone.EARLY, Tone.LATE, Tone.EXACT, Tone.PENDING)}
        if tones != self._tones:
            self._tones = tones
            if self.rowCount() and self.columnCount():
                last = self.index(self.rowCount() - 1, self.columnCount() - 1)
                self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.ForegroundRole])

    def set_result(self, result: StageResult | None, *, total_label: str = "Total") -> None:
        """Show `result` (None: nothing). `total_label`: "Total", or "So far" while the stage is
        still being driven."""
        if result is self._result and total_label == self._total_label:
            return
        self._apply(result, self._compare, total_label)

    def set_compare(self, result: StageResult | None, names: tuple[str, str] = ("", "")) -> None:
        """Show a second run's measurements beside the first (None: hide them); `names` label
        the two runs in the headers."""
        reset = names != self._names or (result is None) != (self._compare is None)
        self._names = names
        if reset:
            self._apply(self._result, result, self._total_label, force_reset=True)
        elif result is not self._compare:  # the second run moved on: the same cells, new values
            self._set(self._result, result, self._total_label, self._keys, self._columns)
            if self._result is not None:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(self._keys), len(self._columns) - 1)
                )

    def _apply(
        self,
        result: StageResult | None,
        compare: StageResult | None,
        total_label: str,
        *,
        force_reset: bool = False,
    ) -> None:
        keys = () if result is None else tuple((r.section, r.line) for r in result.rows)
        columns = self._columns_for(result, compare)
        same_shape = _Shape(keys, columns) == _Shape(self._keys, self._columns)
        old = self._result
        old_label = self._total_label
        if force_reset or not same_shape or old is None or result is None:
            self.beginResetModel()
            self._set(result, compare, total_label, keys, columns)
            self.endResetModel()
            return
        self._set(result, compare, total_label, keys, columns)
        last_column = len(columns) - 1
        changed = [i for i, (a, b) in enumerate(zip(old.rows, result.rows, strict=True)) if a != b]
        if (
            old.total != result.total
            or old.penalties != result.penalties
            or total_note(old) != total_note(result)
            or old_label != total_label
        ):
            changed.append(len(keys))  # the total row
        runs = _runs(changed)
        if len(runs) > MAX_CHANGED_RUNS:  # one signal is cheaper than many for the views
            runs = [(runs[0][0], runs[-1][1])]
        for first, last in runs:
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))

    def _set(
        self,
        result: StageResult | None,
        compare: StageResult | None,
        total_label: str,
        keys: tuple[tuple[str, int], ...],
        columns: tuple[Column, ...],
    ) -> None:
        self._result = result
        self._compare = compare
        self._compare_rows = (
            {} if compare is None else {(r.section, r.line): r for r in compare.rows}
        )
        self._total_label = total_label
        self._keys = keys
        self._columns = columns

    def set_current(self, key: tuple[str, int] | None) -> None:
        """Highlight the row of this (section, line), e.g. the line the replay is at."""
        if key == self._current:
            return
        rows = [self._keys.index(k) for k in (self._current, key) if k in self._keys]
        self._current = key
        last = len(self._columns) - 1
        for row in rows:
            self.dataChanged.emit(
                self.index(row, 0), self.index(row, last), [Qt.ItemDataRole.BackgroundRole]
            )

    def current(self) -> tuple[str, int] | None:
        return self._current

    # -- QAbstractTableModel -----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        if parent.isValid() or self._result is None:
            return 0
        return len(self._result.rows) + 1

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title if self._compare is None else column.short_title
        if role == Qt.ItemDataRole.ToolTipRole and self._compare is not None:
            first, second = self._names[0] or "A", self._names[1] or "B"
            if column is Column.DELTA:
                return (
                    self.tr("%2's penalty minus %1's (positive: %2 lost more)")
                    .replace("%1", first)
                    .replace("%2", second)
                )
            if column.second_run:
                return f"{column.title}, {second}"
            if column in (*FIRST_RUN_COLUMNS, Column.NOTE):
                return f"{column.title}, {first}"
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def retranslate(self) -> None:
        """Headers and cells again, in the current language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, len(self._columns) - 1))
        if self.rowCount() and self.columnCount():
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        value = self._data(index, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) and isinstance(
            value, str
        ):
            return shown(value)  # the words of present/ and the numbers in the window's language
        return value

    def _data(self, index: _Index, role: int) -> object:
        result = self._result
        if result is None or not index.isValid():
            return None
        row_number, column_number = index.row(), index.column()
        if not 0 <= column_number < len(self._columns) or not 0 <= row_number <= len(result.rows):
            return None
        column = self._columns[column_number]
        if row_number == len(result.rows):
            return self._total_data(result, column, role)
        row = result.rows[row_number]
        if role == ROW_ROLE:
            return row_number
        if column is Column.DELTA:
            return self._delta(row, role)
        if column.second_run:
            other = self._compare_rows.get((row.section, row.line))
            return self._cell(other, column, role, compare=True) if other is not None else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if self._current == (row.section, row.line):
                return QBrush(CURRENT_BACKGROUND)
            return None
        if role == SORT_ROLE and column is Column.SECTION:
            return float(row_number)  # sections sort in driving order
        return self._cell(row, column, role, compare=False)

    def _cell(self, row: ResultRow, column: Column, role: int, *, compare: bool) -> object:
        pending = "pending" in row.notes
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column in (Column.DEVIATION, Column.B_DEVIATION):
                colour = self._tones.get(deviation_tone(row.deviation_ms))
                return None if colour is None else QBrush(colour)
            if pending:
                return QBrush(self._tones[Tone.PENDING])
            return None
        if role == Qt.ItemDataRole.FontRole:
            if "discarded" in row.notes and column in (Column.PENALTY, Column.B_PENALTY):
                return self._struck
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    @staticmethod
    def _text(row: ResultRow, column: Column) -> str:
        pending = "pending" in row.notes
        if column is Column.SECTION:
            return row.section
        if column is Column.LINE:
            return str(row.line)
        if column is Column.TARGET:
            return time_text(row, row.target_ms)
        if column in (Column.MEASURED, Column.B_MEASURED):
            return measured_text(row)
        if column in (Column.DEVIATION, Column.B_DEVIATION):
            return "" if row.deviation_ms is None else format_signed_deviation(row.deviation_ms)
        if column in (Column.PENALTY, Column.B_PENALTY):
            return "" if pending else format_points(row.penalty)
        if column is Column.POINTS:
            return "" if row.points is None else format_points(row.points)
        return note_text(row)

    @staticmethod
    def _sort_value(row: ResultRow, column: Column) -> float | str:
        if column is Column.LINE:
            return float(row.line)
        if column is Column.TARGET:
            return float(row.target_ms)
        if column in (Column.MEASURED, Column.B_MEASURED):
            return _MISSING if row.measured_ms is None else float(row.measured_ms)
        if column in (Column.DEVIATION, Column.B_DEVIATION):
            return _MISSING if row.deviation_ms is None else float(row.deviation_ms)
        if column in (Column.PENALTY, Column.B_PENALTY):
            return -1.0 if "pending" in row.notes else float(row.penalty)
        if column is Column.POINTS:
            return _MISSING if row.points is None else float(row.points)
        return note_text(row)

    @staticmethod
    def _tooltip(row: ResultRow, column: Column) -> str | None:
        if column is Column.SECTION:
            return row.kind.value
        if column in (Column.DEVIATION, Column.B_DEVIATION) and row.deviation_ms is not None:
            if abs(row.deviation_ms) < EXACT_MS:
                return QCoreApplication.translate("ResultsModel", "on time (to 1/100 s)")
            size = format_deviation_s(abs(row.deviation_ms))
            if row.deviation_ms > 0:
                return QCoreApplication.translate("ResultsModel", "%1 s late").replace("%1", size)
            return QCoreApplication.translate("ResultsModel", "%1 s early").replace("%1", size)
        return None

    def _delta(self, row: ResultRow, role: int) -> object:
        """The second run's penalty minus the first's on this line (empty while either is
        pending or the second run lacks the line)."""
        other = self._compare_rows.get((row.section, row.line))
        if other is None or "pending" in row.notes or "pending" in other.notes:
            value = None
        else:
            value = other.penalty - row.penalty
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if value is None else format_signed_points(value)
        if role == SORT_ROLE:
            return _MISSING if value is None else float(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _total_data(self, result: StageResult, column: Column, role: int) -> object:
        if role == ROW_ROLE:
            return -1
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        compare = self._compare
        if role == Qt.ItemDataRole.DisplayRole:
            if column is Column.SECTION:
                return self._total_label
            if column is Column.PENALTY:
                return format_points(result.points if result.points is not None else result.total)
            if column is Column.POINTS and result.points is not None:
                return format_points(result.total)
            if column is Column.NOTE:
                return total_note(result)
            if column is Column.B_PENALTY and compare is not None:
                return format_points(compare.total)
            if column is Column.DELTA and compare is not None:
                return format_signed_points(compare.total - result.total)
            if column is Column.B_NOTE and compare is not None:
                return total_note(compare)
            return ""
        if role == SORT_ROLE:
            return 0.0
        if role == Qt.ItemDataRole.ToolTipRole and column in (Column.NOTE, Column.B_NOTE):
            return total_note(result if column is Column.NOTE else compare or result)
        return None


class ResultsSortProxy(QSortFilterProxyModel):
    """Sorts on `SORT_ROLE` (numbers, not text); the total row stays last in either order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def lessThan(self, left: _Index, right: _Index) -> bool:
        left_total: bool = left.data(ROW_ROLE) == -1
        right_total: bool = right.data(ROW_ROLE) == -1
        descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
        if left_total or right_total:
            if left_total and right_total:
                return False
            # last in ascending order means "greatest"; Qt swaps the test when descending
            return right_total != descending
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if isinstance(a, float) and isinstance(b, float):
            return a < b  # equal values keep their order (driving order): the sort is stable
        return str(a) < str(b)


def rows_as_tsv(view: QTableView, rows: list[int] | None = None) -> str:
    """The view's rows (`rows`: view row numbers; default the selected ones, in view order) as
    tab-separated text with a header line, as a spreadsheet pastes it."""
    model = view.model()
    if rows is None:
        selection = view.selectionModel()
        chosen = set() if selection is None else {i.row() for i in selection.selectedIndexes()}
        rows = sorted(chosen)
    columns = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]

    def clean(value: object) -> str:
        text = "" if value is None else str(value)
        return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")

    lines = ["\t".join(clean(model.headerData(c, Qt.Orientation.Horizontal)) for c in columns)]
    for row in rows:
        lines.append("\t".join(clean(model.index(row, c).data()) for c in columns))
    return "\n".join(lines) + "\n"


def copy_rows(view: QTableView) -> str:
    """Put the selected rows (all rows if none is selected) on the clipboard as TSV."""
    selection = view.selectionModel()
    selected = selection is not None and selection.hasSelection()
    text = rows_as_tsv(view, None if selected else list(range(view.model().rowCount())))
    clipboard = QApplication.clipboard()
    clipboard.setText(text)
    return text
