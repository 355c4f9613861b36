"""The packaging config lists every package and resources folder, so an install is quiet
(issue 17 item 10: `pip install -e .` printed about 340 lines of "Package would be ignored")."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def folders_with_files(top: Path) -> set[Path]:
    return {
        p.parent.relative_to(top)
        for p in top.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_every_code_package_is_listed() -> None:
    packages = set(CONFIG["packages"])
    for init in (ROOT / "mmtimer").rglob("__init__.py"):
        name = ".".join(init.parent.relative_to(ROOT).parts)
        assert name in packages, f"list {name} in pyproject.toml [tool.setuptools] packages"


def test_every_resources_folder_is_a_listed_package_with_all_its_files() -> None:
    assert CONFIG["package-dir"] == {"mmtimer._resources": "resources"}
    packages = set(CONFIG["packages"])
    data = CONFIG["package-data"]
    for folder in folders_with_files(ROOT / "resources"):
        name = ".".join(("mmtimer", "_resources", *folder.parts))
        assert name in packages, f"list {name} in pyproject.toml packages (resources/{folder})"
        assert data.get(name) == ["*"], f'give {name} = ["*"] in package-data'
    listed = {p for p in packages if p.startswith("mmtimer._resources")}
    present = {
        ".".join(("mmtimer", "_resources", *f.parts))
        for f in folders_with_files(ROOT / "resources")
    }
    assert listed == present, "a listed resources package has no folder"
