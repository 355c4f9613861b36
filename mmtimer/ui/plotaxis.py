"""Plot axes whose numbers read in the window's language: pyqtgraph writes its tick labels with
a decimal point (``0.5``, ``-1.5``); in Italian they take the decimal comma (``0,5``), as every
other number of the window does (present/i18n.py). pyqtgraph is imported by the caller (lazily,
ui/plots.py `load_pyqtgraph`), so the class is made on first use."""

from __future__ import annotations

from functools import cache
from typing import Any

from mmtimer.present.i18n import window_number


@cache
def _axis_class(pg: Any) -> Any:
    class LocalAxis(pg.AxisItem):  # type: ignore[misc]
        """An AxisItem whose tick labels follow the window's decimal separator."""

        def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
            return [window_number(text) for text in super().tickStrings(values, scale, spacing)]

    return LocalAxis


def local_axes(pg: Any, *sides: str) -> dict[str, Any]:
    """``axisItems`` for ``addPlot``: an axis of the window's language on each of `sides`
    (default: left and bottom)."""
    cls = _axis_class(pg)
    return {side: cls(side) for side in sides or ("left", "bottom")}


def refresh_numbers(plot: Any) -> None:
    """Write `plot`'s tick labels again (after a change of language)."""
    for side in ("left", "bottom", "right", "top"):
        axis = plot.getAxis(side)
        axis.picture = None
        axis.update()


__all__ = ["local_axes", "refresh_numbers"]
