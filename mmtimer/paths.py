"""The one place that finds runtime files: checkout, installed wheel or PyInstaller build."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    """The folder holding mmtimer's runtime files (`resources/` in the checkout)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:  # PyInstaller: mmtimer.spec puts resources/ at the bundle root
        return Path(frozen_root) / "resources"
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    # An installed wheel: pyproject.toml maps resources/ to the package mmtimer._resources.
    # (not found from a checkout; "untyped" when an editable install maps it in)
    import mmtimer._resources as packaged  # type: ignore[import-not-found, import-untyped, unused-ignore]

    return Path(packaged.__file__).resolve().parent


def resource(*parts: str) -> Path:
    """The path of one runtime file, e.g. `resource("stages", "example.stage.toml")`."""
    return resources_dir().joinpath(*parts)
