"""Every text a person sees in a window, and which of them are still English in an Italian window.

`window_texts` walks a window or dialog: its title, and for each widget visible in it the label,
button, group, tab, field placeholder, list and table (headers and cells) texts, tooltips, the
actions of its menus (recursively), and the titles and axis labels of pyqtgraph plots in it.
`english_in` keeps the texts that read as English: a text word for word the source of a .ts
entry whose Italian is different, or a text with a word that only the English sources use (a
word of the sources that no Italian translation has: "line", "pending", "Target"). Names from
the stage and event files, ids, units and numbers are not English in this sense (their words
are in no source, or in an Italian translation too); the few that are go in an allowlist.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGraphicsView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)

from mmtimer.paths import resource

_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[A-Za-zÀ-ÿ]+(?:'[A-Za-zÀ-ÿ]+)?")
_PATH = re.compile(r"\S*/\S*|\S+\.(?:toml|mmlog|csv|nmea|pdf)\b")  # a file's path or name
_ENTITY = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&nbsp;": " ", "&quot;": '"'}
MAX_CELLS = 400  # per table: enough rows to meet every kind of text


@dataclass(frozen=True)
class Seen:
    where: str  # the widget's class and object name, or the action's menu
    text: str

    def __str__(self) -> str:
        return f"{self.where}: {self.text!r}"


@cache
def _entries() -> tuple[tuple[str, str], ...]:
    """(source, Italian) of every entry of mmtimer_it.ts (each plural form's Italian)."""
    root = ET.parse(resource("i18n", "mmtimer_it.ts")).getroot()
    pairs = []
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            continue
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        pairs.extend((source, form) for form in forms)
    return tuple(pairs)


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text.replace("&", "")) if len(w) >= 3}


@cache
def english_words() -> frozenset[str]:
    """Words the English sources use and no Italian translation does."""
    english: set[str] = set()
    italian: set[str] = set()
    for source, translation in _entries():
        english |= _words(re.sub(r"%\w+|\{\d\}", " ", source))
        italian |= _words(translation)
    return frozenset(english - italian)


@cache
def _untranslated_sources() -> frozenset[str]:
    """Sources whose Italian differs (a source that reads the same in Italian, "GPS", is not)."""
    return frozenset(_plain(s) for s, t in _entries() if _plain(s) != _plain(t))


def _plain(text: str) -> str:
    text = _TAG.sub(" ", text)
    for entity, char in _ENTITY.items():
        text = text.replace(entity, char)
    text = re.sub(r"&(?=\S)", "", text)  # mnemonics
    return " ".join(text.split())


def english_in(seen: Iterable[Seen], allowed: Iterable[str] = ()) -> list[Seen]:
    """The texts of `seen` that read as English (see the module's docstring); a text equal to
    one of `allowed`, or whose English words are all in it, is left out."""
    allow = sorted({_plain(a) for a in allowed}, key=len, reverse=True)
    sources = _untranslated_sources()
    vocabulary = english_words()
    found = []
    for item in seen:
        text = _plain(item.text)
        if not text or text in allow:
            continue
        whole = text in sources
        rest = _PATH.sub(" ", text)
        for name in allow:
            rest = rest.replace(name, " ")
        words = _words(rest) & vocabulary
        if whole or words:
            found.append(item)
    return found


def _name(widget: object) -> str:
    name = widget.objectName() if hasattr(widget, "objectName") else ""
    return f"{type(widget).__name__}{'#' + name if name else ''}"


def _action_texts(action: QAction, where: str) -> Iterator[Seen]:
    if action.isSeparator() or not action.isVisible():
        return
    yield Seen(f"{where} > action", action.text())
    if action.toolTip() != _plain(action.text()):  # Qt's own tooltip is the text
        yield Seen(f"{where} > action tooltip", action.toolTip())
    yield Seen(f"{where} > action status tip", action.statusTip())
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield from _menu_texts(menu, f"{where} > {menu.title()}")


def _menu_texts(menu: QMenu, where: str) -> Iterator[Seen]:
    if menu.title():
        yield Seen(where, menu.title())
    for action in menu.actions():
        yield from _action_texts(action, where)


def _model_texts(model: QAbstractItemModel, where: str, tree: bool) -> Iterator[Seen]:
    display = Qt.ItemDataRole.DisplayRole
    tip = Qt.ItemDataRole.ToolTipRole
    for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
        count = model.columnCount() if orientation == Qt.Orientation.Horizontal else 0
        for section in range(count):
            for role in (display, tip):
                value = model.headerData(section, orientation, role)
                if isinstance(value, str) and value:
                    yield Seen(f"{where} header", value)
    cells = 0

    def walk(parent: QModelIndex) -> Iterator[Seen]:
        nonlocal cells
        for row in range(model.rowCount(parent)):
            for column in range(model.columnCount(parent)):
                if cells >= MAX_CELLS:
                    return
                cells += 1
                index = model.index(row, column, parent)
                for role in (display, tip):
                    value = model.data(index, role)
                    if isinstance(value, str) and value:
                        yield Seen(f"{where} cell", value)
                if tree and column == 0 and model.rowCount(index):
                    yield from walk(index)

    yield from walk(QModelIndex())


def _plot_texts(widget: QWidget, where: str) -> Iterator[Seen]:
    """A pyqtgraph view's painted words: its axes' labels, titles and legend (LabelItem)."""
    if not isinstance(widget, QGraphicsView) or widget.scene() is None:
        return
    for item in widget.scene().items():
        if not item.isVisible():
            continue
        label = getattr(item, "labelText", None)  # an AxisItem
        if isinstance(label, str) and label:
            yield Seen(f"{where} axis", f"{label} {getattr(item, 'labelUnits', '')}".strip())
        text = getattr(item, "text", None)  # a LabelItem (a title, a legend's name)
        if isinstance(text, str) and text:
            yield Seen(f"{where} label", text)


def plot_axes(widget: QWidget) -> list[object]:
    """The pyqtgraph axes (AxisItem) shown in `widget` and its children."""
    axes = []
    for view in [widget, *widget.findChildren(QGraphicsView)]:
        if isinstance(view, QGraphicsView) and view.scene() is not None:
            axes += [i for i in view.scene().items() if hasattr(i, "tickStrings") and i.isVisible()]
    return axes


def widget_texts(widget: QWidget, where: str) -> Iterator[Seen]:
    """The texts of one widget (not its children)."""
    if widget.toolTip():
        yield Seen(f"{where} tooltip", widget.toolTip())
    if isinstance(widget, (QLabel, QAbstractButton)):
        yield Seen(where, widget.text())
    elif isinstance(widget, QGroupBox):
        yield Seen(where, widget.title())
    elif isinstance(widget, QLineEdit):
        yield Seen(f"{where} placeholder", widget.placeholderText())
    elif isinstance(widget, QComboBox):
        for index in range(widget.count()):
            yield Seen(f"{where} item", widget.itemText(index))
    elif isinstance(widget, QTabWidget):
        for index in range(widget.count()):
            yield Seen(f"{where} tab", widget.tabText(index))
    elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
        yield Seen(where, widget.toPlainText())
    # (a header view's model is its table's: the headers come from headerData)
    view = isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView)
    if view and widget.model() is not None:
        yield from _model_texts(widget.model(), where, isinstance(widget, QTreeView))
    yield from _plot_texts(widget, where)
    for action in widget.actions():
        yield from _action_texts(action, f"{where} actions")


def window_texts(window: QWidget) -> list[Seen]:
    """Every text shown in `window` (it must be shown): its title, its menus, and each visible
    widget's texts."""
    seen = [Seen(f"{_name(window)} title", window.windowTitle())]
    if isinstance(window, QMainWindow) and window.menuBar() is not None:
        for action in window.menuBar().actions():
            seen.extend(_action_texts(action, f"{_name(window)} menu"))
    for widget in [window, *window.findChildren(QWidget)]:
        if widget is not window and not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QMenu):
            continue  # its actions come from the menu bar
        seen.extend(widget_texts(widget, _name(widget)))
    return [s for s in seen if s.text and s.text.strip()]


__all__ = ["Seen", "english_in", "english_words", "plot_axes", "widget_texts", "window_texts"]
