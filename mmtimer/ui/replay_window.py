"""The "results and replay" window: a stage log replayed, its results table and plots, export.

Standalone (construct it with a log's contents, or `open_log` a path) or opened by the main
window for a `.mmlog`. File > Export results writes exactly what ``mmtimer export LOG`` writes
(`core.csvout`, the final results), comma-separated or the EU variant (semicolons, decimal
commas). File > Compare with another log shows a second run of the same stage beside this one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QWidget

from mmtimer.core.atomicfile import atomic_write_bytes
from mmtimer.core.clock import Clock, SystemClock
from mmtimer.core.csvout import CsvLocale, results_csv
from mmtimer.core.errors import InputError
from mmtimer.core.logfile import LogContents, read_log
from mmtimer.core.lognames import results_stem
from mmtimer.core.replay import Replay
from mmtimer.core.results import StageResult
from mmtimer.paths import resources_dir
from mmtimer.present.i18n import uses_decimal_comma
from mmtimer.ui.appstyle import apply_theme
from mmtimer.ui.errors import error_shown
from mmtimer.ui.helpdialog import KeyboardHelp
from mmtimer.ui.i18n import QT_TRANSLATE_NOOP, LanguageMenu, plural, retranslated, translate
from mmtimer.ui.messagebar import MessageBar
from mmtimer.ui.replay_panel import ReplayPanel
from mmtimer.ui.themes import DEFAULT_THEME, theme_named

LOG_FILTER = QT_TRANSLATE_NOOP("ReplayWindow", "Stage logs (*.mmlog);;All files (*)")
CSV_FILTERS: dict[str, CsvLocale] = {
    QT_TRANSLATE_NOOP("ReplayWindow", "CSV, comma-separated, decimal point (*.csv)"): "en",
    QT_TRANSLATE_NOOP("ReplayWindow", "CSV, EU: semicolons, decimal commas (*.csv)"): "eu",
}
PNG_FILTER = QT_TRANSLATE_NOOP("ReplayWindow", "PNG image (*.png)")
KEY_EXPORT_FOLDER = "export/folder"  # the last export's folder, suggested next time
KEY_THEME = "dial/theme"  # the main window's setting: the replay's dial wears the same colour
REPLAY_MOUSE_ROWS = (
    (
        QT_TRANSLATE_NOOP("ReplayWindow", "Click a bar of the plot"),
        QT_TRANSLATE_NOOP("ReplayWindow", "Select its row and move the replay to its pass"),
    ),
    (
        QT_TRANSLATE_NOOP("ReplayWindow", "Double-click a row of the table"),
        QT_TRANSLATE_NOOP("ReplayWindow", "Move the replay to that line's pass"),
    ),
    (
        QT_TRANSLATE_NOOP("ReplayWindow", "Drag the slider"),
        QT_TRANSLATE_NOOP("ReplayWindow", "Move the replay to any instant"),
    ),
)
REPLAY_HELP_NOTE = QT_TRANSLATE_NOOP(
    "ReplayWindow",
    "The replay keys act while the replay has the keyboard focus. A replay only reads its log: "
    "nothing is recorded or changed.",
)


def _tr(text: str) -> str:
    """A text of this module (marked with QT_TRANSLATE_NOOP) in the current language."""
    return translate("ReplayWindow", text)


def write_results_csv(path: Path, result: StageResult, locale: CsvLocale = "en") -> None:
    """The results CSV of `result` into `path`, replaced whole (never half written)."""
    atomic_write_bytes(path, results_csv(result, locale).encode("utf-8"))


def read_replay(path: Path) -> Replay:
    """A log at `path`, ready to replay (InputError if it cannot be read or scored). The log is
    only read: a torn last line is reported, not moved aside."""
    return Replay(read_log(path, keep_torn=False))


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


def export_folder(settings: QSettings) -> Path:
    """Where an export is suggested: the last export's folder if it is still there, else the
    user's Documents folder (else home). Never the log's own folder (the data folder is hidden)
    nor one inside mmtimer's resources (the bundled logs sit beside their golden CSVs)."""
    remembered = settings.value(KEY_EXPORT_FOLDER)
    if isinstance(remembered, str) and remembered:
        folder = Path(remembered)
        if folder.is_dir() and not _inside(folder, resources_dir()):
            return folder
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    documents = Path(location) if location else None
    return documents if documents is not None and documents.is_dir() else Path.home()


def default_csv_path(
    log_path: Path | None, locale: CsvLocale, folder: Path, stage_name: str | None = None
) -> Path:
    """The suggested results CSV: named by the log and the stage (core/lognames.py)."""
    suffix = ".eu.csv" if locale == "eu" else ".csv"
    return folder / f"{results_stem(stage_name, log_path)}{suffix}"


def with_csv_suffix(path: Path) -> Path:
    """`path`, with ``.csv`` added when the name typed has no extension."""
    return path if path.suffix else path.with_name(f"{path.name}.csv")


def ask_csv_path(
    parent: QWidget, log_path: Path | None, settings: QSettings, stage_name: str | None = None
) -> tuple[Path, CsvLocale] | None:
    """Ask where to export results, and in which form (the file type chooses comma-separated
    or EU); None if the navigator cancels. The one question of both windows' File > Export
    results: it suggests `export_folder`, adds ``.csv`` to a bare name and remembers the folder."""
    # the EU form first where the window's language writes a decimal comma (still a choice)
    first: CsvLocale = "eu" if uses_decimal_comma() else "en"
    forms = sorted(CSV_FILTERS.items(), key=lambda item: item[1] != first)
    by_filter = {_tr(name): locale for name, locale in forms}
    filters = list(by_filter)
    chosen, selected = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ReplayWindow", "Export results"),
        str(default_csv_path(log_path, first, export_folder(settings), stage_name)),
        ";;".join(filters),
        filters[0],
    )
    if not chosen:
        return None
    path = with_csv_suffix(Path(chosen))
    if path != Path(chosen) and path.exists():  # the dialog asked about the name without .csv
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("ReplayWindow", "Export results"),
            QCoreApplication.translate("ReplayWindow", "%1 exists already. Replace it?").replace(
                "%1", str(path)
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
    settings.setValue(KEY_EXPORT_FOLDER, str(path.parent))
    return path, by_filter.get(selected, first)


def export_results(
    parent: QWidget, path: Path, result: StageResult, locale: CsvLocale, log_path: Path | None
) -> bool:
    """Write the results CSV at `path` (never over the log itself); a message box says what
    went wrong, and False."""
    if log_path is not None and path.resolve() == log_path.resolve():
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("ReplayWindow", "Export results"),
            QCoreApplication.translate("ReplayWindow", "%1: that is the log itself").replace(
                "%1", str(path)
            ),
        )
        return False
    try:
        write_results_csv(path, result, locale)
    except OSError as error:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("ReplayWindow", "Export results"),
            QCoreApplication.translate("ReplayWindow", "%1: cannot write: %2")
            .replace("%1", str(path))
            .replace("%2", str(error.strerror or error)),
        )
        return False
    return True


class ReplayWindow(QMainWindow):
    """A replay of one log in its own window."""

    def __init__(
        self,
        contents: LogContents | Replay,
        clock: Clock | None = None,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
        *,
        at_ns: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.replay = contents if isinstance(contents, Replay) else Replay(contents)
        self.settings = settings if settings is not None else QSettings()
        self.clock: Clock = clock if clock is not None else SystemClock()
        theme = str(self.settings.value(KEY_THEME, DEFAULT_THEME))
        apply_theme(theme_named(theme))  # the whole window: Night and Daylight (ui/appstyle.py)
        self.panel = ReplayPanel(self.replay, self.clock, self, theme=theme, at_ns=at_ns)
        self.setCentralWidget(self.panel)
        self.setStatusBar(MessageBar(self, self.clock))  # messages wrap, never cut; a log
        self.notes_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.notes_label)
        self._make_menus()
        if self.replay.prepared:
            self._show_notes()
        else:  # the notes need the whole log folded: once the panel has done it while idle
            self.notes_label.setText(self.tr("reading the log…"))
            self.panel.folded.connect(self._show_notes)
        self.resize(1280, 800)
        retranslated(self, self.retranslate)

    # -- menus -------------------------------------------------------------------------------------
    def _make_menus(self) -> None:
        def action(text: str, keys: str | QKeySequence.StandardKey | None = None) -> QAction:
            act = QAction(text, self)
            if keys is not None:
                act.setShortcut(QKeySequence(keys))
            return act

        # texts: retranslate (again at each change of language)
        self.open_action = action("", QKeySequence.StandardKey.Open)
        self.compare_action = action("")
        self.stop_compare_action = action("")
        self.stop_compare_action.setEnabled(False)
        self.export_action = action("", "Ctrl+E")
        self.export_plot_action = action("")
        self.close_action = action("", QKeySequence.StandardKey.Close)
        self.plots_action = action("", "Ctrl+P")
        self.plots_action.setCheckable(True)
        self.plots_action.setChecked(True)
        self.help_action = action("", "F1")

        bar = self.menuBar()
        self.file_menu = file_menu = bar.addMenu("")
        for act in (
            self.open_action,
            self.compare_action,
            self.stop_compare_action,
            None,
            self.export_action,
            self.export_plot_action,
            None,
            self.close_action,
        ):
            file_menu.addSeparator() if act is None else file_menu.addAction(act)
        self.edit_menu = edit_menu = bar.addMenu("")
        edit_menu.addAction(self.panel.copy_action)
        self.replay_menu = replay_menu = bar.addMenu("")
        for act in self.panel.actions_for_menu():
            replay_menu.addSeparator() if act is None else replay_menu.addAction(act)
        self.view_menu = view_menu = bar.addMenu("")
        view_menu.addAction(self.plots_action)
        self.language_menu = LanguageMenu(
            self.settings, lambda m: self.statusBar().showMessage(m, 10_000), self
        )
        view_menu.addMenu(self.language_menu)
        self.help_menu = help_menu = bar.addMenu("")
        help_menu.addAction(self.help_action)

        self.open_action.triggered.connect(self._on_open)
        self.compare_action.triggered.connect(self._on_compare)
        self.stop_compare_action.triggered.connect(lambda: self.compare_with(None))
        self.export_action.triggered.connect(self._on_export)
        self.export_plot_action.triggered.connect(self._on_export_plot)
        self.close_action.triggered.connect(self.close)
        self.plots_action.toggled.connect(self.panel.plot.setVisible)
        self.help_action.triggered.connect(self.show_keyboard_help)

    def retranslate(self) -> None:
        """Every text of the window in the current language (again at each LanguageChange)."""
        path = self.replay.contents.path
        name = path.name if path is not None else self.tr("log")
        self.setWindowTitle(
            self.tr("%1 - %2 - mmtimer replay")
            .replace("%1", name)
            .replace("%2", self.replay.stage.name)
        )
        self.open_action.setText(self.tr("&Open a log…"))
        self.compare_action.setText(self.tr("Co&mpare with another log…"))
        self.stop_compare_action.setText(self.tr("&Stop comparing"))
        self.export_action.setText(self.tr("E&xport results (CSV)…"))
        self.export_plot_action.setText(self.tr("Export the &plot (PNG)…"))
        self.close_action.setText(self.tr("&Close"))
        self.plots_action.setText(self.tr("&Plots"))
        self.help_action.setText(self.tr("&Keyboard shortcuts"))
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.replay_menu.setTitle(self.tr("&Replay"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        if self.replay.prepared:
            self._show_notes()

    def show_keyboard_help(self) -> KeyboardHelp:
        """F1: every shortcut of this window (built from its menus), and the mouse's part."""
        dialog = KeyboardHelp(
            self.menuBar(),
            self,
            mouse_rows=tuple((_tr(what), _tr(does)) for what, does in REPLAY_MOUSE_ROWS),
            note_text=_tr(REPLAY_HELP_NOTE),
        )
        dialog.setModal(False)
        dialog.show()
        return dialog

    # -- opening and comparing ---------------------------------------------------------------------
    @classmethod
    def open_log(
        cls,
        path: Path,
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
        settings: QSettings | None = None,
    ) -> ReplayWindow | None:
        """A window replaying the log at `path`, shown; None (and a message) if it cannot be
        read or scored."""
        try:
            replay = read_replay(Path(path))
        except InputError as error:
            QMessageBox.warning(
                parent,
                QCoreApplication.translate("ReplayWindow", "Cannot open the log"),
                error_shown(error),
            )
            return None
        window = cls(replay, clock, settings, parent)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        window.show()
        return window

    def _start_folder(self) -> str:
        path = self.replay.contents.path
        return "" if path is None else str(path.parent)

    def _on_open(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Replay a stage log"), self._start_folder(), _tr(LOG_FILTER)
        )
        if chosen:
            ReplayWindow.open_log(Path(chosen), None, clock=self.clock, settings=self.settings)

    def _on_compare(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Compare with another log of this stage"),
            self._start_folder(),
            _tr(LOG_FILTER),
        )
        if chosen:
            self.compare_path(Path(chosen))

    def compare_path(self, path: Path) -> bool:
        """Compare with the log at `path`; False (and a message) if it cannot be used."""
        try:
            other = read_replay(path)
        except InputError as error:
            QMessageBox.warning(self, self.tr("Cannot compare with this log"), error_shown(error))
            return False
        problem = comparison_problem(self.replay, other)
        if problem is not None:
            QMessageBox.warning(self, self.tr("Cannot compare with this log"), problem)
            return False
        self.compare_with(other)
        return True

    def compare_with(self, other: Replay | None) -> None:
        """Show `other` (a run of the same stage) beside this one, or stop comparing."""
        if other is None:
            self.panel.set_compare(None)
        else:
            self.panel.set_compare(other, (run_name(self.replay), run_name(other)))
            if other.stage != self.replay.stage:
                self.statusBar().showMessage(
                    self.tr("The two logs' stages differ: only the lines they share are compared"),
                    10_000,
                )
        self.stop_compare_action.setEnabled(other is not None)

    # -- export ------------------------------------------------------------------------------------
    def final_results(self) -> StageResult:
        """The results `mmtimer export` writes for this log: its final state."""
        return self.replay.final_results()

    def export_results_to(self, path: Path, locale: CsvLocale = "en") -> bool:
        """Write the results CSV; False (and a message) if it could not be written."""
        log_path = self.replay.contents.path
        if not export_results(self, Path(path), self.final_results(), locale, log_path):
            return False
        self.statusBar().showMessage(
            self.tr("Results written to %1").replace("%1", str(path)), 8000
        )
        return True

    def _on_export(self) -> None:
        chosen = ask_csv_path(
            self, self.replay.contents.path, self.settings, self.replay.stage.name
        )
        if chosen is not None:
            self.export_results_to(*chosen)

    def _on_export_plot(self) -> None:
        log_path = self.replay.contents.path
        suggested = "results.png" if log_path is None else log_path.with_suffix(".png").name
        folder = self._start_folder()
        start = str(Path(folder) / suggested) if folder else suggested
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the plot"), start, _tr(PNG_FILTER)
        )
        if chosen:
            path = Path(chosen)
            if path.suffix.lower() != ".png":
                path = path.with_suffix(".png")
            if not self.panel.plot.export_png(path):
                QMessageBox.warning(
                    self,
                    self.tr("Export the plot"),
                    self.tr("%1: could not write the image").replace("%1", str(path)),
                )

    # -- notes -------------------------------------------------------------------------------------
    def _show_notes(self) -> None:
        """What the reader and scoring had to say about the log, in the status bar."""
        notes = [*self.replay.problems, *self.final_results().messages]
        if notes:
            self.notes_label.setText(
                plural(self.tr("%n note(s) on this log", "", len(notes)), len(notes))
            )
            self.notes_label.setToolTip("\n".join(notes[:40]))
        else:
            self.notes_label.setText("")
            self.notes_label.setToolTip("")

    def call_after_first_paint(self, callback: Callable[[], None]) -> None:
        """Call `callback` once, right after the dial and the table have painted a frame."""
        self._first_paint = _FirstPaint(callback, (self.panel.dial, self.panel.table.viewport()))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.panel.stop()
        super().closeEvent(event)


class _FirstPaint(QObject):
    """Calls back once each of `widgets` has painted."""

    def __init__(self, callback: Callable[[], None], widgets: tuple[QWidget, ...]) -> None:
        super().__init__(widgets[0])
        self._callback: Callable[[], None] | None = callback
        self._waiting = set(widgets)
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched in self._waiting:
            self._waiting.discard(watched)
            watched.removeEventFilter(self)
            if not self._waiting and self._callback is not None:
                callback, self._callback = self._callback, None
                QTimer.singleShot(0, callback)  # after this paint is done
        return False


def run_name(replay: Replay) -> str:
    """A short name for a run: the crew's number, else the log's file name."""
    path = replay.contents.path
    if replay.crew.number is not None:
        return f"#{replay.crew.number}" + ("" if path is None else f" {path.stem}")
    return "log" if path is None else path.stem


def comparison_problem(first: Replay, second: Replay) -> str | None:
    """Why two logs cannot be compared (None if they can): they must be runs of one stage, or
    at least share most of its measurements (same section, line and kind)."""
    keys = {(r.section, r.line, r.kind) for r in first.final_results().rows}
    shared = [r for r in second.final_results().rows if (r.section, r.line, r.kind) in keys]
    if 2 * len(shared) < len(keys) or not shared:
        return (
            QCoreApplication.translate(
                "ReplayWindow",
                "%1 shares %2 of the %3 measurements of %4: compare two logs of the same stage",
            )
            .replace("%1", repr(second.stage.name))
            .replace("%2", str(len(shared)))
            .replace("%3", str(len(keys)))
            .replace("%4", repr(first.stage.name))
        )
    return None
