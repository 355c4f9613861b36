"""The presentation layer: what every window shows, worked out from the core, without Qt.

From a `SessionState` at an instant (`LiveSession.state` live, `Replay.state_at` in replay)
`Presenter.screen` gives a `Screen`: the countdown (label, value, tone, flash), each line's
result text and tone, the armed line, the current row, the running total, the dial, the readouts
and the status words. The live stage window, the replay and any other view (a driver's window, a
phone page) render a `Screen` and decide nothing; `screen_json` gives it as plain JSON values.

- `formats`: every formatter a window uses, once (the results CSV shares the ones they have in
  common: `core.csvout`).
- `tone`: what a value means, hence its colour (`Tone`), and the thresholds.
- `screen`: the `Screen` model and the `Presenter` that builds it.
- `stagelines`: the stage as the stage panel lists it (sections, lines, targets).
- `driver`: what the driver's displays show (the driver window and the phone page's feed), from
  the same `Screen`.

Layers: ``ui -> present -> core``. This package never imports Qt, pyqtgraph or mmtimer.ui
(import-linter, ruff's banned-api and tests/present/test_layers.py check it) and never reads a
clock: every function takes the instant it shows.
"""
