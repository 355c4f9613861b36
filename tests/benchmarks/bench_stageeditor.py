"""Benchmark: the stage editor's checks, as they run while the navigator types.

A day of 40 sections (the busiest road book: 20 to 40 trials) and a five-day stage of 200. For
each: the median time of the check of one cell as it is typed (`StageDraft.preview`, at every
key), of the whole stage after an edit (`StageDraft.check`: every row, ids, the stage as the
loader reads it; at every committed cell) and of a save (write, then read back). Run by hand
(not collected by pytest):

    .venv/bin/python tests/benchmarks/bench_stageeditor.py [REPEATS]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from mmtimer.core.stagerows import Row
from mmtimer.present.stageeditor import SetCells, StageDraft


def draft_of(sections: int) -> StageDraft:
    rows: list[Row] = []
    for n in range(sections):
        if n % 5 == 4:
            rows.append(
                Row({"id": f"CO{n}", "kind": "time-control", "due": f"{8 + n % 12}.{n % 60:02d}"})
            )
        elif n % 7 == 6:
            rows.append(
                Row(
                    {
                        "id": f"PM{n}",
                        "kind": "average",
                        "start": "10:50",
                        "speeds": "48 5,2=40",
                        "checks": "2,350 7,800 9,100",
                    }
                )
            )
        else:
            rows.append(Row({"id": f"PC{n}", "kind": "timed", "targets": "15,00 6,00 12,40"}))
    return StageDraft(name="Bench", rows=rows)


def median_ms(action: object, repeats: int) -> float:
    assert callable(action)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def measure(sections: int, repeats: int) -> str:
    draft = draft_of(sections)
    assert draft.check().ok
    typed = median_ms(lambda: draft.preview(0, "targets", "15,00 6,0"), repeats)

    def edit_and_check() -> None:
        draft.apply(SetCells(0, {"targets": "15,00 6,00 12,41"}))
        draft.check()
        draft.apply(SetCells(0, {"targets": "15,00 6,00 12,40"}))
        draft.check()

    checked = median_ms(edit_and_check, repeats) / 2
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "bench.stage.toml")
        draft.save(path)
        saved = median_ms(lambda: draft.save(path), max(3, repeats // 5))
    return (
        f"{sections} sections: a key typed {typed:.2f} ms, an edit checked {checked:.1f} ms, "
        f"a save {saved:.0f} ms"
    )


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    for sections in (40, 200):
        print(measure(sections, repeats))


if __name__ == "__main__":
    main()
