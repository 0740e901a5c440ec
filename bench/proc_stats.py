"""What the benchmark children read about themselves from /proc (Linux)."""

from __future__ import annotations

import os
import resource
import time


def main_thread_switches() -> tuple[int, int]:
    """(voluntary, involuntary) context switches of the calling process's main thread."""
    found = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key.endswith("ctxt_switches"):
                found[key] = int(value)
    return found["voluntary_ctxt_switches"], found["nonvoluntary_ctxt_switches"]


class Probe:
    """Wall, CPU and context switches between :meth:`begin` and :meth:`end`."""

    def begin(self) -> None:
        self.cpu = time.process_time()
        self.ctxt = main_thread_switches()
        self.rusage = resource.getrusage(resource.RUSAGE_SELF)
        self.wall = time.monotonic()  # last, so it is closest to what follows

    def end(self) -> dict:
        wall = time.monotonic() - self.wall
        cpu = time.process_time() - self.cpu
        ctxt = main_thread_switches()
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return {
            "wall_s": wall,
            "cpu_s": cpu,
            "cpu_percent": 100 * cpu / wall,
            "voluntary_ctxt_switches": ctxt[0] - self.ctxt[0],
            "involuntary_ctxt_switches": ctxt[1] - self.ctxt[1],
            "process_voluntary_ctxt_switches": usage.ru_nvcsw - self.rusage.ru_nvcsw,
            "threads": len(os.listdir("/proc/self/task")),
        }
