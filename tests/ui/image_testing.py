"""Golden-image checks with tolerance, after pyqtgraph's tests/image_testing.py.

A rendered QImage is compared with an approved PNG in tests/ui/golden/. Pixels whose largest
channel difference reaches `px_threshold` count as different; up to `px_count` may differ (that
absorbs antialiasing differences between FreeType and Qt builds). On failure the actual, expected
and diff images go to tests/ui/golden/failures/ (gitignored). A missing golden fails too and
writes the candidate there: a person looks at it and copies it into golden/ to approve it.
Nothing here ever writes into golden/ itself.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

GOLDEN_DIR = Path(__file__).parent / "golden"
FAILURES_DIR = GOLDEN_DIR / "failures"


def image_array(image: QImage) -> NDArray[np.uint8]:
    """An (h, w, 4) RGBA array copied out of `image`."""
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    height, width = rgba.height(), rgba.width()
    stride = rgba.bytesPerLine()
    raw = np.frombuffer(rgba.constBits(), dtype=np.uint8, count=stride * height)
    return raw.reshape(height, stride)[:, : width * 4].reshape(height, width, 4).copy()


def array_image(array: NDArray[np.uint8]) -> QImage:
    height, width = array.shape[:2]
    data = np.ascontiguousarray(array)
    image = QImage(data.data, width, height, width * 4, QImage.Format.Format_RGBA8888)
    return image.copy()


def compare(
    actual: NDArray[np.uint8], expected: NDArray[np.uint8], *, px_threshold: int, px_count: int
) -> str | None:
    """None if the images match within tolerance, else what differs."""
    if actual.shape != expected.shape:
        return (
            f"size {actual.shape[1]}x{actual.shape[0]} != {expected.shape[1]}x{expected.shape[0]}"
        )
    diff = np.abs(actual.astype(np.int16) - expected.astype(np.int16)).max(axis=2)
    different = int((diff >= px_threshold).sum())
    if different > px_count:
        return f"{different} pixels differ by {px_threshold} or more (allowed {px_count})"
    return None


def diff_image(actual: NDArray[np.uint8], expected: NDArray[np.uint8]) -> NDArray[np.uint8]:
    """Differences made visible: grey where equal, brighter or darker where they differ."""
    delta = actual[..., :3].astype(np.int16) - expected[..., :3].astype(np.int16)
    out = np.empty(actual.shape, dtype=np.uint8)
    out[..., :3] = np.clip(128 + delta * 2, 0, 255).astype(np.uint8)
    out[..., 3] = 255
    return out


def assert_image_approved(
    image: QImage, name: str, *, px_threshold: int = 48, px_count: int | None = None
) -> None:
    """Fail unless `image` matches tests/ui/golden/NAME.png within tolerance."""
    actual = image_array(image)
    if px_count is None:
        px_count = actual.shape[0] * actual.shape[1] // 1000  # 0.1 % of the pixels
    golden = GOLDEN_DIR / f"{name}.png"
    FAILURES_DIR.mkdir(parents=True, exist_ok=True)
    if not golden.exists():
        candidate = FAILURES_DIR / f"{name}.png"
        array_image(actual).save(str(candidate))
        raise AssertionError(
            f"no approved image {golden.name}; the candidate is {candidate}: look at it and, "
            f"if it is right, copy it to {golden} to approve it"
        )
    expected = image_array(QImage(str(golden)))
    problem = compare(actual, expected, px_threshold=px_threshold, px_count=px_count)
    if problem is None:
        return
    paths = {kind: FAILURES_DIR / f"{name}-{kind}.png" for kind in ("actual", "expected", "diff")}
    array_image(actual).save(str(paths["actual"]))
    array_image(expected).save(str(paths["expected"]))
    if actual.shape == expected.shape:
        array_image(diff_image(actual, expected)).save(str(paths["diff"]))
    raise AssertionError(
        f"{name}: {problem}; see {paths['actual']}, {paths['expected']} and {paths['diff']}"
    )


def use_fixed_theme(name: str = "nero-corsa") -> None:
    """Give the whole application one theme's look before a golden image is rendered: the
    themes set the application palette (ui/appstyle.py), so without this an image would depend
    on the theme an earlier test left."""
    from mmtimer.ui.appstyle import apply_theme
    from mmtimer.ui.themes import THEMES

    apply_theme(THEMES[name])
    QApplication.processEvents()  # Qt hands the palette to the widgets from the event loop
