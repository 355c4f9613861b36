"""No class in mmtimer/ui is over 450 lines but the dial's painter (issue 11): a window that
grows past that is split by responsibility into its collaborators (ui/stage*.py, plotlabels.py),
not allowed to grow. Sizes are a class's lines in the source, from its `class` line to its last."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parent.parent / "mmtimer" / "ui"
MAX_CLASS_LINES = 450
ALLOWED = {"DialPainter"}  # the dial's painter: one drawing routine per part of the watch face


def class_sizes(folder: Path) -> dict[str, int]:
    """Every class under `folder` ("module.py:Class") and its length in lines."""
    sizes = {}
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.ClassDef):
                assert node.end_lineno is not None
                sizes[f"{path.relative_to(folder)}:{node.name}"] = node.end_lineno - node.lineno + 1
    return sizes


def test_no_ui_class_is_over_450_lines_but_the_dials_painter() -> None:
    sizes = class_sizes(UI)
    too_long = {
        name: lines
        for name, lines in sizes.items()
        if lines > MAX_CLASS_LINES and name.split(":")[1] not in ALLOWED
    }
    assert not too_long, (
        f"split these by responsibility (at most {MAX_CLASS_LINES} lines): {too_long}"
    )


def test_the_measure_sees_the_classes_it_checks(tmp_path: Path) -> None:
    """The measure counts a class from its first line to its last, nested classes included."""
    (tmp_path / "big.py").write_text(
        "class Big:\n" + "    x = 1\n" * 500 + "\n\nclass Small:\n    class Inner:\n        pass\n"
    )
    assert class_sizes(tmp_path) == {"big.py:Big": 501, "big.py:Small": 3, "big.py:Inner": 2}
    assert "stagewindow.py:StageWindow" in class_sizes(UI)
    assert "dial.py:DialPainter" in class_sizes(UI)
