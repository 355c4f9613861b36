"""Render the stage editor (a refused value showing the loader's message) and the paste preview
into PNGs (the README's pictures); needs no display.

    .venv/bin/python tools/editor_screenshot.py docs/images/mmtimer-stage-editor.png \
        docs/images/mmtimer-paste-preview.png

The bundled Day 1 stage in the editor, PC2's targets being typed with a letter in them (the
loader's message under the cell), CO1's due time refused in the Check column; then a road-book
table pasted with three rows not understood. Nothing is written outside a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from mmtimer.app import make_application
from mmtimer.core.stagerows import COLUMNS
from mmtimer.paths import resource
from mmtimer.present.stageeditor import StageDraft
from mmtimer.ui.fonts import load_fonts
from mmtimer.ui.stageeditor import StageEditor

ROADBOOK = """\
1000 MIGLIA - TAPPA 2 (venerdì)
N.\tTipo\tTempi / orario\tLocalità
PC 12\tPC\t15,00\t6,00\tPasso della Futa
PC 13\tPC\t1'05"40\t22,10
CO4\tCO\t11.32\tBologna
PM3\tPM\t10:50\t48\t5,2=40\t2,350\t7,800
PC 14\tPC\tquindici
Nota: il CO5 è spostato in piazza
"""


def key(k: Qt.Key, times: int = 1) -> None:
    for _ in range(times):
        QTest.keyClick(QApplication.focusWidget(), k)


def type_text(text: str) -> None:
    for char in text:
        QTest.keyClicks(QApplication.focusWidget(), char)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("editor_png", type=Path)
    parser.add_argument("paste_png", type=Path)
    args = parser.parse_args(argv)
    app = make_application([])
    load_fonts()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "mille-miglia-day1.stage.toml")
        shutil.copy(resource("stages", "mille-miglia-day1.stage.toml"), path)
        editor = StageEditor(StageDraft.open(path), ask_save=lambda parent, name: "discard")
        editor.resize(1400, 460)
        editor.show()
        editor.activateWindow()
        app.processEvents()
        editor.table.setFocus()
        key(Qt.Key.Key_Down, 2)
        key(Qt.Key.Key_Tab, 2)  # CO1's due
        type_text("15,05")
        key(Qt.Key.Key_Return)
        editor.table.setCurrentIndex(editor.model.index(1, COLUMNS.index("targets")))
        type_text("21,50 9,8O 33,00")  # a letter O for a zero
        app.processEvents()
        editor.grab().save(str(args.editor_png))
        key(Qt.Key.Key_Escape)
        editor.paste(ROADBOOK)
        dialog = editor.paste_dialog
        assert dialog is not None
        dialog.resize(980, 600)
        app.processEvents()
        dialog.grab().save(str(args.paste_png))
        dialog.reject()
        editor.close()
    print(args.editor_png, args.paste_png)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
