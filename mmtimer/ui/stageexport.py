"""File > Export results in the stage window: the stage's results CSV so far, exactly what
`mmtimer export LOG` writes of its log (the log's events replayed, `Replay.final_results`:
every line not recorded counts as missed). The question and the writing are the replay
window's (ui/replay_window.py: `ask_csv_path`, `export_results`), so both windows export alike.
`export_from_menu` and `export_results_to` are the stage window's side of it (File > Export
results, and the status bar's word).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QWidget

from mmtimer.core.csvout import CsvLocale
from mmtimer.core.replay import Replay
from mmtimer.core.results import StageResult
from mmtimer.present.formats import display_path
from mmtimer.ui.livestage import LiveStage

if TYPE_CHECKING:
    from mmtimer.ui.stagewindow import StageWindow


def final_results(live: LiveStage) -> StageResult:
    """The stage's results as `mmtimer export` scores its log."""
    replay = Replay.of_events(live.stage, live.rules, live.crew, live.session.events, live.log_path)
    return replay.final_results()


def export_live_results(
    parent: QWidget, live: LiveStage, path: Path, locale: CsvLocale = "en"
) -> bool:
    """Write the results CSV of `live` at `path`; False (and a message box) if it failed."""
    from mmtimer.ui.replay_window import export_results  # noqa: PLC0415 (pyqtgraph: later)

    return export_results(parent, path, final_results(live), locale, live.log_path)


def ask_export_path(
    parent: QWidget, live: LiveStage, settings: QSettings
) -> tuple[Path, CsvLocale] | None:
    """Where to write it, and in which form (None: cancelled)."""
    from mmtimer.ui.replay_window import ask_csv_path  # noqa: PLC0415

    return ask_csv_path(parent, live.log_path, settings, live.stage.name)


def export_from_menu(window: StageWindow) -> None:
    """File > Export results: what `mmtimer export` writes for this stage's log so far
    (every line not recorded counted as missed)."""
    live = window.live
    if live is None:
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "StageExport", "Open a stage, or a log (File > Open), to export"
            ),
            5000,
        )
        return
    chosen = ask_export_path(window, live, window.settings)
    if chosen is not None:
        window.export_results_to(*chosen)


def export_results_to(window: StageWindow, path: Path, locale: CsvLocale = "en") -> bool:
    """Write the stage's results CSV (as `mmtimer export` of its log) at `path`."""
    live = window.live
    if live is None or not export_live_results(window, live, path, locale):
        return False
    window.statusBar().showMessage(
        QCoreApplication.translate("StageExport", "Results written to %1").replace(
            "%1", display_path(path)
        ),
        8000,
    )
    return True
