"""Work with a time limit. The store cannot cancel a running query, so the work runs in a worker
thread and the caller decides what a late answer means (an HTTP 503, or the end of the process)."""
from __future__ import annotations

import threading
from typing import Callable


def run_bounded(work: Callable, timeout: float | None) -> tuple[bool, object]:
    """(True, value) when `work` finished within `timeout` seconds (None: no limit), else
    (False, None); an exception `work` raised is raised here. Waiting can be interrupted by
    Ctrl-C (KeyboardInterrupt reaches the caller at once)."""
    box: dict = {}

    def run() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # handed to the caller as it is
            box["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        return False, None
    if "error" in box:
        raise box["error"]
    return True, box.get("value")
