"""Write the countdown beeps into resources/sounds/ (stdlib only; run once, commit the WAVs).

    python tools/make_sounds.py

Short beep: 1000 Hz, 120 ms (the seconds before a target). Long beep: 1400 Hz, 500 ms (the
target itself). 44.1 kHz, 16-bit mono, 5 ms raised-cosine ramps (no click), no leading silence so
the sound starts the moment it is played.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 44_100
AMPLITUDE = 0.6
RAMP_S = 0.005
SOUNDS = {"beep-short.wav": (1000.0, 0.120), "beep-long.wav": (1400.0, 0.500)}


def tone(frequency_hz: float, duration_s: float) -> bytes:
    count = round(RATE * duration_s)
    ramp = round(RATE * RAMP_S)
    frames = bytearray()
    for i in range(count):
        edge = min(i, count - 1 - i)
        gain = 0.5 - 0.5 * math.cos(math.pi * edge / ramp) if edge < ramp else 1.0
        sample = AMPLITUDE * gain * math.sin(2 * math.pi * frequency_hz * i / RATE)
        frames += struct.pack("<h", round(sample * 32767))
    return bytes(frames)


def main() -> None:
    folder = Path(__file__).resolve().parent.parent / "resources" / "sounds"
    folder.mkdir(parents=True, exist_ok=True)
    for name, (frequency_hz, duration_s) in SOUNDS.items():
        with wave.open(str(folder / name), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(tone(frequency_hz, duration_s))
        print(f"wrote {folder / name}")


if __name__ == "__main__":
    main()
