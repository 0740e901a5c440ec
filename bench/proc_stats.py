"""What the benchmark children read about themselves from /proc (Linux)."""

from __future__ import annotations


def main_thread_switches() -> tuple[int, int]:
    """(voluntary, involuntary) context switches of the calling process's main thread."""
    found = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key.endswith("ctxt_switches"):
                found[key] = int(value)
    return found["voluntary_ctxt_switches"], found["nonvoluntary_ctxt_switches"]
