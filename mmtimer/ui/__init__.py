"""The PySide6 user interface over `mmtimer.core`."""
