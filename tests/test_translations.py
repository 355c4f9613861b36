"""The shipped translations keep up with the code: lupdate run on a temporary copy of each .ts
finds nothing new or gone, and every entry is translated and finished (plural forms too).

When this fails after a change of a window's texts, refresh the sources with
``python tools/i18n.py update`` and translate the new entries (README: "Italiano / English").
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mmtimer_i18n_tool", ROOT / "tools" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


I18N = _tool()
TS_FILES = I18N.ts_files()


def test_the_languages_shipped() -> None:
    assert {I18N.language_of(ts) for ts in TS_FILES} == {"en", "it"}


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_the_ts_is_not_behind_the_code(ts: Path) -> None:
    assert I18N.behind(ts) == [], "run: python tools/i18n.py update, then translate"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_entry_is_translated_and_finished(ts: Path) -> None:
    assert I18N.unfinished(ts) == []


def test_italian_has_every_text_english_only_the_plurals() -> None:
    italian = I18N.messages(I18N.I18N / "mmtimer_it.ts")
    english = I18N.messages(I18N.I18N / "mmtimer_en.ts")
    assert len(italian) > 300
    assert english and all(m.get("numerus") == "yes" for m in english.values())
    plural_keys = {k for k, m in italian.items() if m.get("numerus") == "yes"}
    assert plural_keys == set(english)


def test_a_new_text_in_the_code_is_caught(tmp_path: Path) -> None:
    """The check can fail: a window file with a text the .ts lacks is found behind."""
    sources = tmp_path / "ui"
    sources.mkdir()
    (sources / "w.py").write_text(
        "class W:\n    def f(self):\n        return self.tr('A text nobody translated')\n",
        encoding="utf-8",
    )
    ts = tmp_path / "mmtimer_it.ts"
    ts.write_bytes((I18N.I18N / "mmtimer_it.ts").read_bytes())
    before = set(I18N.messages(ts))
    I18N.lupdate(ts, (sources,))
    after = I18N.messages(ts)
    assert ("W", "A text nobody translated", "") in set(after) - before
    assert any("A text nobody translated" in p for p in I18N.unfinished(ts))


def test_each_ts_compiles(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "i18n.py"), "compile", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.glob("*.qm")) == ["mmtimer_en.qm", "mmtimer_it.qm"]


def test_no_text_hides_from_lupdate() -> None:
    """lupdate reads tr(), translate() and QT_TRANSLATE_NOOP() with literal texts only: a literal
    handed to a helper of one argument (``_tr("...")``) or an f-string in tr() is never
    translated, and the checks above cannot see it."""
    hidden = re.compile(
        r"\b_tr\(\s*[rf]?[\"']|\btr\(\s*f[\"']|translate\(\s*[\"'][^\"']*[\"'],\s*f[\"']"
    )
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted((ROOT / "mmtimer" / "ui").glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if hidden.search(line)
    ]
    assert found == []
