"""Make a smaller ICU data library for the frozen build: `python tools/trim_icu.py IN OUT`.

Qt links ICU (libicudata is 31 MB of it, the data of every locale ICU knows), but uses little of
it: collation (QCollator), locale-aware case mapping, legacy text codecs and time-zone data. This
keeps those (and time-zone names) for the languages Qt itself is translated into (Qt's
qtbase_XX.qm files) and drops the display names of languages, regions, currencies and units, the
break-iterator
dictionaries, transliteration, number spelling and the East Asian codecs (about 25 MB).

It reads the data out of libicudata.so (the `icudt<version>_dat` symbol), removes items with
ICU's own icupkg, and links the rest back into a library of the same name and symbol with as and
ld (Debian: icu-devtools, binutils). Prints one line; exits non-zero, leaving OUT unwritten, when a
tool is missing or a step fails (the spec then keeps the full library).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# Languages with a qtbase translation in PySide6 6.11 (and English).
LANGUAGES = {
    "ar", "bg", "ca", "cs", "da", "de", "en", "es", "fa", "fi", "fr", "gd", "he", "hr", "hu", "it",
    "ja", "ka", "kk", "ko", "lg", "lv", "nb", "nl", "nn", "no", "pl", "pt", "ru", "sk", "sl", "sv",
    "tr", "uk", "zh",
}  # fmt: skip
# Folders of per-locale display data Qt does not read (it has CLDR data of its own), and
# dictionaries and tables for features it does not use.
DROPPED_FOLDERS = {"lang", "region", "curr", "unit", "rbnf", "translit", "brkitr"}
DROPPED_FILES = {"unames.icu", "confusables.cfu", "confusablesWholeScript.cfu"}
LOCALE = re.compile(r"^([a-z]{2,3})(_[A-Za-z0-9]+)*\.res$")
LARGE_CODEC = 100_000  # bytes: the East Asian multibyte tables; the European ones are small


def keep(item: str, size: int) -> bool:
    folder, _, name = item.rpartition("/")
    if folder in DROPPED_FOLDERS or name in DROPPED_FILES:
        return False
    if name.endswith((".spp", ".cfu")):
        return False
    if name.endswith(".cnv"):
        return size < LARGE_CODEC
    locale = LOCALE.match(name)
    if locale and folder in ("", "coll", "zone"):
        return locale[1] in LANGUAGES
    return True


def run(*command: str, cwd: Path) -> None:
    subprocess.run(command, cwd=cwd, check=True, capture_output=True, text=True)


def trim(source: Path, target: Path) -> str:
    for tool in ("icupkg", "as", "ld", "readelf"):
        if shutil.which(tool) is None:
            raise RuntimeError(f"{tool} not found (Debian: apt install icu-devtools binutils)")
    symbols = subprocess.run(
        ["readelf", "-Ws", "--dyn-syms", str(source)], capture_output=True, text=True, check=True
    ).stdout
    found = re.search(r"\s(icudt(\d+)_dat)$", symbols, re.MULTILINE)
    if found is None:
        raise RuntimeError(f"{source}: no icudt*_dat symbol")
    symbol, version = found[1], found[2]
    line = next(ln for ln in symbols.splitlines() if ln.endswith(" " + symbol))
    value, size = line.split()[1], line.split()[2]
    sections = subprocess.run(
        ["readelf", "-SW", str(source)], capture_output=True, text=True, check=True
    ).stdout
    # the file offset of the symbol: its address less its section's address, plus the
    # section's offset (.rodata here, found by address)
    address = int(value, 16)
    length = int(size, 0)
    offset = None
    for row in re.finditer(
        r"\]\s+\S+\s+\S+\s+([0-9a-f]{16})\s+([0-9a-f]+)\s+([0-9a-f]+)", sections
    ):
        start, file_off, sec_size = (int(row[i], 16) for i in (1, 2, 3))
        if start <= address < start + sec_size:
            offset = address - start + file_off
    if offset is None:
        raise RuntimeError(f"{source}: cannot find {symbol} in its sections")
    with tempfile.TemporaryDirectory(prefix="mmtimer-icu-") as folder:
        work = Path(folder)
        name = f"icudt{version}l"
        data = work / f"{name}.dat"
        data.write_bytes(source.read_bytes()[offset : offset + length])
        listing = subprocess.run(
            ["icupkg", "-l", str(data)], capture_output=True, text=True, check=True
        ).stdout.split()
        items = work / "items"
        items.mkdir()
        run("icupkg", "-x", "*", "-d", str(items), str(data), cwd=work)
        sizes = {item: (items / item).stat().st_size for item in listing}
        dropped = [item for item in listing if not keep(item, sizes[item])]
        small = work / "small" / f"{name}.dat"
        small.parent.mkdir()
        for _ in range(5):  # an item kept may need one dropped (a codec's base table): drop it too
            (work / "drop.txt").write_text("\n".join(dropped) + "\n", encoding="utf-8")
            done = subprocess.run(
                ["icupkg", "-r", "drop.txt", str(data), str(small)],
                cwd=work, capture_output=True, text=True, check=False,
            )  # fmt: skip
            if done.returncode == 0:
                break
            needing = re.findall(r"^Item (\S+) depends on missing item", done.stderr, re.MULTILINE)
            if not needing:
                raise RuntimeError(f"icupkg -r failed: {done.stderr.strip()}")
            dropped += needing
        else:
            raise RuntimeError("icupkg -r kept failing")
        # the data back under its symbol, 16-byte aligned as ICU wants it
        (work / "data.s").write_text(
            f".globl {symbol}\n"
            '.section .note.GNU-stack,"",%progbits\n'
            ".section .rodata\n.balign 16\n"
            f".type {symbol},%object\n{symbol}:\n"
            f'.incbin "{small}"\n'
            f".size {symbol}, .-{symbol}\n",
            encoding="utf-8",
        )
        run("as", "-o", "data.o", "data.s", cwd=work)
        soname = source.name
        out = work / soname
        run("ld", "-shared", "-soname", soname, "-o", str(out), "data.o", cwd=work)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(out, target)
        kept = sum(sizes.values()) - sum(sizes[item] for item in dropped)
    return (
        f"{source.name}: kept {len(listing) - len(dropped)} of {len(listing)} ICU data items "
        f"({kept / 1e6:.1f} of {sum(sizes.values()) / 1e6:.1f} MB), "
        f"{source.stat().st_size / 1e6:.1f} -> {target.stat().st_size / 1e6:.1f} MB"
    )


def main() -> int:
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    try:
        print(trim(source, target))
    except (RuntimeError, subprocess.CalledProcessError, OSError) as error:
        detail = getattr(error, "stderr", "") or ""
        print(f"trim_icu: {error} {detail}".strip(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
