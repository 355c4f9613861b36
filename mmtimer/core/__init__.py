"""The timing core: pure Python, no Qt. Only `clock` reads the time."""
