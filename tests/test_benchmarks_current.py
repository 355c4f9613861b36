"""The benchmarks are not run by the test suite (they print figures and take minutes), so a
rename in mmtimer could break one unnoticed: every name a benchmark imports from mmtimer, at
the top or inside a function, must still exist."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

BENCHMARKS = sorted((Path(__file__).parent / "benchmarks").glob("bench_*.py"))


@pytest.mark.parametrize("path", BENCHMARKS, ids=lambda p: p.name)
def test_every_name_a_benchmark_imports_from_mmtimer_exists(path: Path) -> None:
    missing = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("mmtimer"):
            module = importlib.import_module(node.module or "")
            missing += [
                f"{node.module}.{a.name}" for a in node.names if not hasattr(module, a.name)
            ]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("mmtimer"):
                    importlib.import_module(alias.name)
    assert not missing, f"{path.name} imports names that are gone: {missing}"
