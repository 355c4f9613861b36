"""The translations' sources and their compiled form (Qt Linguist tools from PySide6).

    python tools/i18n.py update            refresh resources/i18n/*.ts from the code (lupdate)
    python tools/i18n.py compile [FOLDER]  each .ts into FOLDER/mmtimer_XX.qm (lrelease;
                                           default: resources/i18n, which git ignores)
    python tools/i18n.py check             exit 1 if a .ts is behind the code or an Italian
                                           entry is unfinished (tests/test_translations.py)

lupdate reads every Python file under mmtimer/ui (tr(), QCoreApplication.translate(),
QT_TRANSLATE_NOOP()), mmtimer/core and mmtimer/present (their messages about files and logs,
each marked QT_TRANSLATE_NOOP("Errors", ...): see mmtimer/core/errors.py; ui/errors.py shows
them in the window's language). mmtimer_en.ts holds only the plural forms (English is the source
language); every other .ts holds every text. Locations are not written, so a line moved in the
code leaves the .ts as it was (merges stay quiet). After `update`, translate the new entries
(Qt Linguist: `pyside6-linguist resources/i18n/mmtimer_it.ts`, or by hand), mark them finished.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = tuple(ROOT / "mmtimer" / name for name in ("ui", "core", "present"))
I18N = ROOT / "resources" / "i18n"
SOURCE_LANGUAGE = "en"  # its .ts carries only the plural forms


def tool(name: str) -> str:
    """PySide6's copy of a Linguist tool (lupdate, lrelease)."""
    import PySide6  # noqa: PLC0415

    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "libexec" / name):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        raise SystemExit(f"tools/i18n.py: {name} not found (PySide6 installed?)")
    return found


def ts_files() -> list[Path]:
    return sorted(I18N.glob("mmtimer_*.ts"))


def language_of(ts: Path) -> str:
    return ts.stem.removeprefix("mmtimer_")


def lupdate(ts: Path, sources: tuple[Path, ...] = SOURCES) -> None:
    """Bring `ts` up to the code under `sources` (new entries unfinished, vanished ones gone)."""
    args = [tool("lupdate"), "-silent", "-extensions", "py", "-locations", "none", "-no-obsolete"]
    if language_of(ts) == SOURCE_LANGUAGE:
        args.append("-pluralonly")
    subprocess.run([*args, *map(str, sources), "-ts", str(ts)], check=True)


def messages(ts: Path) -> dict[tuple[str, str, str], ET.Element]:
    """The messages of `ts` by (context, source, comment)."""
    found: dict[tuple[str, str, str], ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            found[key] = message
    return found


def unfinished(ts: Path) -> list[str]:
    """Each entry of `ts` that is unfinished, obsolete or empty (a plural form included)."""
    bad = []
    for (context, source, _), message in messages(ts).items():
        translation = message.find("translation")
        if translation is None:
            bad.append(f"{context}: {source!r}: no translation")
            continue
        kind = translation.get("type")
        forms = [f.text or "" for f in translation.iter("numerusform")]
        texts = forms if message.get("numerus") == "yes" else [translation.text or ""]
        if kind in ("unfinished", "obsolete", "vanished"):
            bad.append(f"{context}: {source!r}: {kind}")
        elif not all(t.strip() for t in texts):
            bad.append(f"{context}: {source!r}: empty")
    return bad


def behind(ts: Path) -> list[str]:
    """What lupdate would change in `ts` (run on a temporary copy): entries the code has and
    the .ts lacks, and entries the .ts keeps that the code no longer has."""
    with tempfile.TemporaryDirectory(prefix="mmtimer-i18n-") as folder:
        copy = Path(folder) / ts.name
        shutil.copyfile(ts, copy)
        lupdate(copy)
        now, shipped = set(messages(copy)), set(messages(ts))
    return [f"new in the code: {k[0]}: {k[1]!r}" for k in sorted(now - shipped)] + [
        f"gone from the code: {k[0]}: {k[1]!r}" for k in sorted(shipped - now)
    ]


def compile_all(folder: Path = I18N) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    done = []
    for ts in ts_files():
        qm = folder / ts.with_suffix(".qm").name
        subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        done.append(qm)
    return done


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "update":
        for ts in ts_files():
            lupdate(ts)
            left = unfinished(ts) if language_of(ts) != SOURCE_LANGUAGE else []
            print(f"{ts.relative_to(ROOT)}: {len(messages(ts))} entries, {len(left)} to translate")
        return 0
    if command == "compile":
        folder = Path(argv[1]) if len(argv) > 1 else I18N
        for qm in compile_all(folder):
            print(f"{qm}: {qm.stat().st_size} bytes")
        return 0
    if command == "check":
        problems = []
        for ts in ts_files():
            problems += [f"{ts.name}: {p}" for p in behind(ts) + unfinished(ts)]
        print("\n".join(problems) or "translations: up to date and finished")
        return 1 if problems else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
