"""Opening a stage in the stage window: a stage to time (a new log, or the one left open
resumed), or a log (in a replay window beside it); File > Resume a log left open; Open recent;
File > New stage and Edit stage (a stage editor window beside it, whose saves reload the stage).

The stage's log: ``--log OUT`` if given (resumed if it is a log of this stage left open; any
other existing file is refused, untouched), else the data folder's latest log of the stage if it
was left open and ``ask_resume`` says resume it (which log: core/resume.py), else a new dated
file (named by core/lognames.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox

from mmtimer.core.clock import NS_PER_MS
from mmtimer.core.crew import Crew
from mmtimer.core.errors import InputError
from mmtimer.core.lognames import LOGS_FOLDER
from mmtimer.core.resume import find_resumable_log, inspect_log, resume_report
from mmtimer.core.rules import load_rules
from mmtimer.core.stage import load_stage
from mmtimer.present.formats import display_path
from mmtimer.present.stagelines import section_views
from mmtimer.ui.errors import error_shown
from mmtimer.ui.livestage import LiveStage, data_dir, default_log_path
from mmtimer.ui.stagesettings import saved_crew
from mmtimer.ui.words import shown

if TYPE_CHECKING:
    from mmtimer.ui.stagewindow import StageWindow

KEY_RECENT = "files/recent"
RECENT_MAX = 8


def error_text(error: Exception, path: Path) -> str:
    """A resume failure in one line naming the file, in the window's language."""
    if isinstance(error, OSError) and error.strerror:
        return f"{path}: {error.strerror}"
    return error_shown(error)


def open_path(
    window: StageWindow,
    path: Path,
    log_path: Path | None = None,
    *,
    warn: bool = True,
    default_rules: str | None = None,
    crew: Crew | None = None,
) -> bool:
    """Open a stage to time, or a log, or an event (ui/eventcontrol.py: it opens its next day).

    The stage's log: ``log_path`` if given (resumed if it is a log of this stage left open;
    any other existing file is refused), else the data folder's latest log of the stage if it
    was left open and ``ask_resume`` says resume it, else a new dated file. On a refusal
    ``open_error`` says why, and a warning shows if `warn`. An event's day gives the event's
    `default_rules` (for a stage that names none) and its `crew` (else the crew last entered).
    """
    window.open_error = None
    path = Path(path)
    if path.name.endswith(".event.toml"):
        return window.events.open_event(path, warn=warn)
    if path.suffix == ".mmlog":  # a replay window beside this one; the stage goes on
        from mmtimer.ui.replay_window import ReplayWindow, read_replay  # noqa: PLC0415

        try:
            log = read_replay(path)
        except InputError as error:
            return refuse(
                window,
                QCoreApplication.translate("StageOpen", "Cannot open the log"),
                error,
                warn,
            )
        replay = ReplayWindow(log, window.controller.clock, window.settings, window)
        replay.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        replay.show()
        window.replay_windows = [w for w in window.replay_windows if w.isVisible()] + [replay]
        remember_recent(window, path)
        return True
    try:
        stage = load_stage(path, default_rules=default_rules)
        rules = load_rules(stage.rules, path.parent)
        if log_path is not None and log_path.exists():
            inspect_log(log_path, stage)  # only reads: a refused file stays untouched
    except InputError as error:
        return refuse(
            window,
            QCoreApplication.translate("StageOpen", "Cannot open the stage"),
            error,
            warn,
        )
    if not window._may_leave_stage():
        window.open_error = "the stage under way stays open"
        return False
    window._close_live()
    resume_path = log_path if log_path is not None and log_path.exists() else None
    if log_path is None:
        candidate = find_resumable_log(data_dir() / LOGS_FOLDER, stage)
        if candidate is not None and window.ask_resume(window, candidate):
            resume_path = candidate.path
    when = window.controller.clock.utc_now()
    target = log_path if log_path is not None else default_log_path(stage, path, when)
    if crew is None:
        crew = saved_crew(window.settings)
    live = LiveStage(stage, rules, crew, target, window.controller.clock, stage_dir=path.parent)
    # before a resume starts the writer thread, so none of its alarms is missed
    live.notice.connect(lambda m: window.statusBar().showMessage(m, 8000))
    live.alarmChanged.connect(window._on_alarm)
    report = ""
    if resume_path is not None:
        try:
            live.resume(resume_path, guard_ns=window.trigger.settings.guard_ms * NS_PER_MS)
        except (InputError, OSError) as error:
            why = error_text(error, resume_path)
            if log_path is not None:  # named explicitly: nothing else is wanted
                live.deleteLater()
                window._show_no_stage(
                    QCoreApplication.translate("StageOpen", "Cannot resume %1").replace(
                        "%1", resume_path.name
                    )
                )
                return refuse(
                    window,
                    QCoreApplication.translate("StageOpen", "Cannot resume the log"),
                    why,
                    warn,
                )
            report = (
                QCoreApplication.translate(
                    "StageOpen", "Could not resume %1 (%2): a new log starts"
                )
                .replace("%1", resume_path.name)
                .replace("%2", why)
            )
        else:
            report = (
                QCoreApplication.translate("StageOpen", "Resumed %1: %2")
                .replace("%1", resume_path.name)
                .replace("%2", shown(resume_report(live.session)))
            )
    window.opened_default_rules = default_rules
    install_live(window, live, path)
    if report:
        window.statusBar().showMessage(report, 60_000)
    return True


def install_live(window: StageWindow, live: LiveStage, path: Path) -> None:
    """Show `live` (new or resumed): the panel and the log's name. Official time and the
    trial's chronograph are the stage's: the window asks it at every frame."""
    window.live = live
    window.opened_path = path
    live.changed.connect(window._on_stage_changed)
    window.pacer.set_live(live)
    window.trigger.forget_last()
    window.stage_panel.set_stage(section_views(live.stage, live.rules))
    window.setWindowTitle(f"{live.stage.name} - mmtimer")
    show_log_label(window)
    remember_recent(window, path)
    window._on_stage_changed()


def edit_stage(window: StageWindow, path: Path | None) -> QMainWindow | None:
    """File > New stage (`path` None) or Edit stage: a stage editor window beside `window`;
    each save of it goes to `reload_saved`."""
    from mmtimer.ui.stageeditor import open_editor  # noqa: PLC0415

    editor = open_editor(window, path)
    if editor is not None:
        editors = window.editor_windows
        editors.append(editor)
        editor.saved.connect(lambda saved: reload_saved(window, saved))
        editor.destroyed.connect(lambda: editors.remove(editor) if editor in editors else None)
    return editor


def edit_open_stage(window: StageWindow) -> QMainWindow | None:
    """File > Edit stage: the stage open in `window` (a new one when none is)."""
    path = window.opened_path
    return edit_stage(window, path if path is not None and path.suffix != ".mmlog" else None)


def same_file(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve()
    except OSError:
        return one.absolute() == other.absolute()


def reload_saved(window: StageWindow, path: Path) -> bool:
    """A stage editor saved the stage at `path`. If it is the stage open in `window` and its log
    has not started, open it again in its place (same crew, same log path, nothing asked);
    if the log has started, the stage under way is kept as it is (its log's header holds the
    stage it started with) and the status bar says the change applies from the next start.
    True when the stage was reloaded."""
    live, opened = window.live, window.opened_path
    if live is None or opened is None or not same_file(opened, path):
        return False
    bar = window.statusBar()
    if live.started:
        bar.showMessage(
            QCoreApplication.translate(
                "StageOpen",
                "%1 saved: the change applies from the next start of this stage "
                "(the log under way keeps the stage it started with)",
            ).replace("%1", path.name),
            15_000,
        )
        return False
    try:
        stage = load_stage(path, default_rules=window.opened_default_rules)
        rules = load_rules(stage.rules, path.parent)
    except InputError as error:
        bar.showMessage(
            QCoreApplication.translate("StageOpen", "%1 saved, but not opened again here: %2")
            .replace("%2", error_shown(error))
            .replace("%1", path.name),
            15_000,
        )
        return False
    fresh = LiveStage(
        stage, rules, live.crew, live.log_path, window.controller.clock, stage_dir=path.parent
    )
    fresh.notice.connect(lambda m: window.statusBar().showMessage(m, 8000))
    fresh.alarmChanged.connect(window._on_alarm)
    window._close_live()
    install_live(window, fresh, opened)
    bar.showMessage(
        QCoreApplication.translate("StageOpen", "%1 saved and opened again: %2")
        .replace("%2", stage.name)
        .replace("%1", path.name),
        8000,
    )
    return True


def refuse(window: StageWindow, title: str, problem: str | Exception, warn: bool) -> bool:
    """Refuse an open: ``open_error`` keeps `problem` in English (the command line prints it),
    the warning shows it in the window's language."""
    window.open_error = str(problem)
    if warn:
        shown = problem if isinstance(problem, str) else error_shown(problem)
        QMessageBox.warning(window, title, shown)
    return False


def show_log_label(window: StageWindow) -> None:
    """The status bar's log: where it is written, (resumed) when it carries on an old one."""
    live = window.live
    if live is None:
        return
    target = live.log_path
    if live.started:
        text = QCoreApplication.translate("StageOpen", "Log: %1 (resumed)")
    else:
        text = QCoreApplication.translate("StageOpen", "Log: %1")
    window.log_label.setText(text.replace("%1", display_path(target)))
    window.log_label.setToolTip(
        f"{target}\n"
        + QCoreApplication.translate(
            "StageOpen", "Every press is written and flushed to disk at once"
        )
    )


def resume_left_open(window: StageWindow) -> bool:
    """File > Resume a log left open: the most recent log of this stage without a closing
    event (older than the latest log too), asked as at start-up; the current log is closed."""
    live = window.live
    if live is None or window.opened_path is None:
        window.statusBar().showMessage(
            QCoreApplication.translate("StageOpen", "Open a stage first (File > Open)"), 5000
        )
        return False
    candidate = find_resumable_log(
        data_dir() / LOGS_FOLDER,
        live.stage,
        latest_only=False,
        exclude=[live.log_path] if live.started else [],
    )
    if candidate is None:
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "StageOpen", "No log of this stage was left open in %1"
            ).replace("%1", display_path(data_dir() / LOGS_FOLDER)),
            8000,
        )
        return False
    if not window.ask_resume(window, candidate):
        return False
    return window.open_path(window.opened_path, candidate.path)


def recent_files(window: StageWindow) -> list[str]:
    value = window.settings.value(KEY_RECENT, [])
    items = value if isinstance(value, list) else [value] if value else []
    return [str(v) for v in items if str(v)]


def remember_recent(window: StageWindow, path: Path) -> None:
    text = str(path.resolve())
    files = [text] + [f for f in recent_files(window) if f != text]
    window.settings.setValue(KEY_RECENT, files[:RECENT_MAX])
    fill_recent(window)


def fill_recent(window: StageWindow) -> None:
    window.recent_menu.clear()
    files = recent_files(window)
    for file in files:
        act = window.recent_menu.addAction(Path(file).name)
        act.setToolTip(file)
        act.triggered.connect(lambda _=False, f=file: window.open_path(Path(f)))
    window.recent_menu.setEnabled(bool(files))
