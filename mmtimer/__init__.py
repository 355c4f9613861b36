"""mmtimer: a chronograph and regularity-rally timer for navigators."""

__version__ = "0.1.0"
