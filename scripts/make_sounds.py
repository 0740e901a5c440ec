"""Generate the cue sounds in assets/sounds/ (16-bit mono WAV, 44.1 kHz).

    python scripts/make_sounds.py

Soft sine tones with short fades so they do not click: ``start`` when a session
begins, ``tick`` for each of the last three seconds, ``phase`` when a phase changes,
``switch`` when the working leg changes (a falling pair, unlike the rising
``phase``), ``done`` at the end.
"""

import math
import struct
import wave
from pathlib import Path

RATE = 44100
OUT = Path(__file__).resolve().parent.parent / "assets" / "sounds"


def tone(notes: list[tuple[float, float]], volume: float = 0.45) -> bytes:
    frames = bytearray()
    for freq, seconds in notes:
        count = int(RATE * seconds)
        fade = min(int(RATE * 0.012), count // 2)
        for i in range(count):
            envelope = min(1.0, i / fade, (count - i) / fade) if fade else 1.0
            # a touch of the octave makes small laptop speakers carry the tone
            sample = math.sin(2 * math.pi * freq * i / RATE)
            sample += 0.25 * math.sin(4 * math.pi * freq * i / RATE)
            frames += struct.pack("<h", int(32767 * volume * envelope * sample / 1.25))
    return bytes(frames)


SOUNDS = {
    "start": [(392.0, 0.12), (523.25, 0.12), (659.25, 0.2)],
    "tick": [(880.0, 0.12)],
    "phase": [(660.0, 0.12), (990.0, 0.16)],
    "switch": [(784.0, 0.14), (0.0, 0.06), (523.25, 0.14), (0.0, 0.06), (784.0, 0.14),
               (0.0, 0.06), (523.25, 0.18)],
    "done": [(523.25, 0.16), (659.25, 0.16), (783.99, 0.32)],
}

if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for name, notes in SOUNDS.items():
        with wave.open(str(OUT / f"{name}.wav"), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(tone(notes))
        print(OUT / f"{name}.wav")
