"""`mmtimer --smoke` from source, and runtime files found from an installed wheel."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_smoke_passes_from_source() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mmtimer", "--smoke"],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    summary = re.search(r"^smoke: (\d+) of (\d+) steps passed$", done.stdout, re.MULTILINE)
    assert summary is not None and summary[1] == summary[2], done.stdout
    assert "ok    driver page and driver window" in done.stdout
    assert "FAIL" not in done.stdout


@pytest.mark.slow
def test_an_installed_wheel_finds_its_runtime_files(tmp_path: Path) -> None:
    wheel_dir = tmp_path / "wheel"
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
         "-w", str(wheel_dir), str(ROOT)],
        check=True, capture_output=True, timeout=300, text=True,
    )  # fmt: skip
    assert "would be ignored" not in built.stdout + built.stderr  # a quiet build (issue 17)
    (wheel,) = wheel_dir.glob("mmtimer-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "mmtimer/_resources/rules/aci-2021.rules.toml" in names
    assert "mmtimer/_resources/logs/mille-miglia-day1.mmlog" in names
    assert "mmtimer/_resources/fonts/DejaVuSans.ttf" in names
    for package in (ROOT / "mmtimer").rglob("__init__.py"):
        assert package.relative_to(ROOT).as_posix() in names, "list it in pyproject.toml"
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
         str(wheel)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    code = (
        "from mmtimer.paths import resources_dir, resource\n"
        "from mmtimer.core.rules import load_rules\n"
        "print(resources_dir())\n"
        "print(load_rules('aci-2021').id)\n"
        "print(resource('stages', 'mille-miglia-day1.stage.toml').is_file())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True, text=True, timeout=60, cwd=tmp_path, check=True,
        env={"PYTHONPATH": str(target), "PATH": os.environ.get("PATH", "")},
    )  # fmt: skip
    where, rule_id, stage_found = done.stdout.split()
    assert Path(where).is_relative_to(target)
    assert rule_id == "aci-2021"
    assert stage_found == "True"
