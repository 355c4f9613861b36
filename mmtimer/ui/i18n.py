"""The windows' language: Qt translators for mmtimer's and Qt's own texts, the View > Language menu.

mmtimer's texts come from resources/i18n/mmtimer_XX.ts (Qt Linguist sources, `python tools/i18n.py
update` refreshes them from the code). The compiled .qm is never committed: the frozen build
compiles it into resources/i18n (tools/i18n.py compile, run by mmtimer.spec); from a checkout or a
wheel it is compiled on first use into the user's cache (~/.cache/mmtimer/i18n) with PySide6's
lrelease, again whenever the .ts is newer. Qt's own qtbase_XX.qm (buttons of the standard
dialogs, file dialogs) comes from PySide6's translations folder. English is the source language;
mmtimer_en.qm carries only its plural forms ("1 pass", "2 passes").

Installing a translator sends every window a LanguageChange event: each window and dialog that
stays open has a `retranslate()` its `changeEvent` calls, so a language chosen in View >
Language changes the open windows at once. Numbers follow the language (present/i18n.py).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QStandardPaths,
    QTranslator,
)
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from mmtimer.paths import resource
from mmtimer.present.i18n import (
    LANGUAGES,
    NATIVE_NAMES,
    SYSTEM,
    language_generation,
    parse_choice,
    resolve,
    set_window_language,
)

KEY_LANGUAGE = "view/language"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for lupdate (in `context`) where it is defined; translate it where it is shown
    (`QCoreApplication.translate(context, text)`). Qt's own returns `object` to a type checker."""
    return text


def plural(text: str, n: int) -> str:
    """A plural text from ``self.tr("%n note(s) on this log", "", n)`` in English when no
    translator gave its forms (mmtimer_en.qm gives them; tests run without): ``(s)`` becomes
    ``s`` or nothing. A translated text has no ``(s)`` and comes back as it is."""
    return text.replace("(s)", "" if n == 1 else "s")


def translate(context: str, text: str) -> str:
    """`text` (a QT_TRANSLATE_NOOP of `context`, or any text) in the current language; a text the
    translations lack comes back as it is."""
    return QCoreApplication.translate(context, text)


TS_PREFIX = "mmtimer_"


def ts_file(language: str) -> Path:
    """The Linguist source of `language` (resources/i18n/mmtimer_XX.ts)."""
    return resource("i18n", f"{TS_PREFIX}{language}.ts")


def cache_dir() -> Path:
    """Where .qm files compiled from a checkout's .ts go: the user's cache, mmtimer/i18n."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericCacheLocation)
    return Path(base or Path.home() / ".cache") / "mmtimer" / "i18n"


def qt_tool(name: str) -> Path | None:
    """PySide6's own copy of a Qt tool (lrelease, lupdate), or None if this install lacks it."""
    import PySide6  # noqa: PLC0415 (only to find its folder)

    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "libexec" / name):
        if candidate.is_file():
            return candidate
    return None


def compile_ts(ts: Path, qm: Path) -> str | None:
    """Compile `ts` into `qm` with lrelease; the reason it could not, or None."""
    tool = qt_tool("lrelease")
    if tool is None:
        return "PySide6's lrelease is missing"
    import subprocess  # noqa: PLC0415 (15 ms at every start otherwise, for a rare compile)

    qm.parent.mkdir(parents=True, exist_ok=True)
    partial = qm.with_name(f"{qm.name}.{os.getpid()}.part")
    done = subprocess.run(
        [str(tool), "-silent", str(ts), "-qm", str(partial)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or not partial.is_file():
        partial.unlink(missing_ok=True)
        return f"lrelease failed on {ts.name}: {(done.stderr or done.stdout).strip()}"
    partial.replace(qm)  # whole or not at all: another mmtimer may read it
    return None


def qm_file(language: str) -> tuple[Path | None, str | None]:
    """The compiled translation of `language` and, when there is none, why. A .qm shipped in
    resources/i18n (the frozen build) serves unless its .ts is newer; else the cache's copy,
    compiled now if it is missing or older than the .ts."""
    ts = ts_file(language)
    shipped = ts.with_suffix(".qm")
    ts_time = ts.stat().st_mtime if ts.is_file() else None
    frozen = getattr(sys, "frozen", False)  # the build compiled it: copies' times mean nothing
    if shipped.is_file() and (frozen or ts_time is None or shipped.stat().st_mtime >= ts_time):
        return shipped, None
    if ts_time is None:
        return None, f"{ts.name} is missing"
    cached = cache_dir() / shipped.name
    if cached.is_file() and cached.stat().st_mtime >= ts_time:
        return cached, None
    try:
        problem = compile_ts(ts, cached)
    except OSError as error:
        problem = f"cannot compile {ts.name}: {error}"
    return (None, problem) if problem else (cached, None)


class Translations(QObject):
    """The translators installed on the application, for one language at a time."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choice = SYSTEM
        self.language = "en"
        self.problems: list[str] = []
        self._installed: list[QTranslator] = []
        self._first_locale = QLocale()  # the default before any language was chosen

    def _uninstall(self) -> None:
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed = []
        self.problems = []

    def remove(self) -> None:
        """Every translator removed, the windows in the source language (English)."""
        self._uninstall()
        self.choice, self.language = SYSTEM, "en"
        set_window_language("en")
        QLocale.setDefault(self._first_locale)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)

    def apply(self, choice: str) -> str:
        """Install the translations of `choice` (``system``, ``en``, ``it``) in place of the
        ones before; the language it resolved to. Open windows get a LanguageChange event."""
        self.choice = parse_choice(choice)
        language = resolve(self.choice, QLocale.system().name())
        self._uninstall()
        qm, problem = qm_file(language)
        if problem is not None:
            self.problems.append(problem)
        if language != "en":  # Qt's own buttons and dialogs (English is Qt's source language)
            qt = QTranslator(self)
            folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load(f"qtbase_{language}", folder):
                self._installed.append(qt)
            else:
                self.problems.append(f"qtbase_{language}.qm not found in {folder}")
        mine = QTranslator(self)
        if qm is not None and mine.load(str(qm)):
            self._installed.append(mine)
        elif qm is not None:
            self.problems.append(f"{qm} does not load")
        if language != "en" and not any(t is mine for t in self._installed):
            language = "en"  # no translation of mmtimer's texts: numbers stay as English writes
        self.language = language
        set_window_language(language)
        QLocale.setDefault(QLocale(language))
        for translator in self._installed:
            QCoreApplication.installTranslator(translator)
        app = QCoreApplication.instance()
        if not self._installed and app is not None:  # tell the windows all the same
            QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
        # QApplication posts the event to each window: deliver it now, so the change is done
        # when `apply` returns
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        return language


_TRANSLATIONS: list[Translations] = []


def translations() -> Translations:
    """The application's one `Translations` (made on first use)."""
    if not _TRANSLATIONS:
        _TRANSLATIONS.append(Translations(QCoreApplication.instance()))
    return _TRANSLATIONS[0]


def install_language(settings: QSettings) -> str:
    """At start-up: the language kept in `settings` (default: the system's); what it resolved to."""
    return translations().apply(parse_choice(settings.value(KEY_LANGUAGE, SYSTEM)))


def reset_language() -> None:
    """No translator at all, English numbers (tests put the application back so)."""
    if _TRANSLATIONS:
        _TRANSLATIONS[0].remove()


class _LanguageWatcher(QObject):
    """Calls back once per change of language: installing and removing each translator sends
    its own LanguageChange, and a menu hears it both as a window and as a child."""

    def __init__(self, watched: QObject, callback: Callable[[], None]) -> None:
        super().__init__(watched)
        self._callback = callback
        self._done = language_generation()
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.LanguageChange
            and watched is self.parent()
            and self._done != language_generation()
        ):
            self._done = language_generation()
            self._callback()
        return False


def retranslated(widget: QObject, retranslate: Callable[[], None]) -> None:
    """Call `retranslate` (which sets a widget's texts with tr()) now, and again each time
    `widget` hears of a change of language: the hook of a window or dialog that stays open."""
    retranslate()
    _LanguageWatcher(widget, retranslate)


class LanguageMenu(QMenu):
    """View > Language: System, English, Italiano. The choice is kept in the settings and applied
    to the open windows at once; `said` gets the status message that tells what changed."""

    def __init__(
        self, settings: QSettings, said: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._said = said
        self._group = QActionGroup(self)
        self.choice_actions: dict[str, QAction] = {}
        for choice in (SYSTEM, *LANGUAGES):
            act = QAction(self)
            act.setCheckable(True)
            act.setData(choice)
            self._group.addAction(act)
            self.addAction(act)
            self.choice_actions[choice] = act
        self._group.triggered.connect(lambda act: self.choose(str(act.data())))
        self.retranslate()

    def choose(self, choice: str) -> str:
        """Speak `choice` from now on (kept in the settings); the language it resolved to."""
        self._settings.setValue(KEY_LANGUAGE, choice)
        done = translations()
        language = done.apply(choice)
        message = self.tr(
            "Language: %1. Names from the stage and event files, and the messages of the core "
            "(errors in files and logs), stay as written. A list of keys (F1) already open keeps "
            "its language until it is opened again."
        ).replace("%1", NATIVE_NAMES[language])
        if done.problems:
            message += " " + self.tr("Not available: %1").replace("%1", "; ".join(done.problems))
        self._said(message)
        return language

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Language"))
        system = resolve(SYSTEM, QLocale.system().name())
        self.choice_actions[SYSTEM].setText(
            self.tr("&System (%1)").replace("%1", NATIVE_NAMES[system])
        )
        for language in LANGUAGES:
            self.choice_actions[language].setText(NATIVE_NAMES[language])
        self.choice_actions[translations().choice].setChecked(True)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


__all__ = [
    "KEY_LANGUAGE",
    "QT_TRANSLATE_NOOP",
    "LanguageMenu",
    "Translations",
    "cache_dir",
    "compile_ts",
    "install_language",
    "plural",
    "qm_file",
    "qt_tool",
    "reset_language",
    "retranslated",
    "translate",
    "translations",
    "ts_file",
]
