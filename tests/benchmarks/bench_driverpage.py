"""The driver page's feed: from a press to the page's client holding the new state, on loopback.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_driverpage.py [--presses 60]

The server runs here on a real LiveStage (system clock, a real log file with fsync on its
writer thread); the client is another process (a QWebSocket in its own event loop) that prints
the moment each message arrived (CLOCK_MONOTONIC, shared by both processes on Linux). Each
round is a press or a Backspace (undo), alternately, which the feed pushes at once; the figure is
the time from just before `LiveStage.press` (or `undo_last`) to the client's arrival stamp of the
message that carries it. The bare reference: the same client, a bare QWebSocketServer sending a
ready string of the same size. Target: within 100 ms. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication
from PySide6.QtNetwork import QHostAddress
from PySide6.QtWebSockets import QWebSocket, QWebSocketServer

from mmtimer.core.clock import SystemClock
from mmtimer.core.crew import Crew
from mmtimer.core.rules import load_rules
from mmtimer.core.stage import load_stage
from mmtimer.paths import resource
from mmtimer.ui.driverpage import DriverPageServer
from mmtimer.ui.driverwindow import live_view
from mmtimer.ui.livestage import LiveStage

CLIENT = r"""
import json, sys, time
from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtWebSockets import QWebSocket
app = QCoreApplication([])
socket = QWebSocket()
def got(text):
    stamp = time.monotonic_ns()
    try:
        seq = json.loads(text)["seq"]
    except Exception:
        seq = -1
    print(seq, stamp, flush=True)
socket.textMessageReceived.connect(got)
socket.disconnected.connect(app.quit)
socket.open(QUrl(sys.argv[1]))
app.exec()
"""


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


class Client:
    """The client process and the arrival stamps it prints, by sequence number."""

    def __init__(self, url: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", CLIENT, url], stdout=subprocess.PIPE, text=True
        )
        self.lines: queue.Queue[tuple[int, int]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            seq, stamp = line.split()
            self.lines.put((int(seq), int(stamp)))

    def wait_for(self, seq: int, timeout_s: float = 10.0) -> int:
        """Run the event loop until the message `seq` arrived; its arrival stamp."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            QCoreApplication.processEvents()
            try:
                got, stamp = self.lines.get(timeout=0.0005)
            except queue.Empty:
                continue
            if got >= seq:
                return stamp
        raise TimeoutError(f"message {seq} never arrived")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def report(name: str, values_ms: list[float]) -> float:
    median = statistics.median(values_ms)
    print(
        f"{name}: median {median:.2f} ms, p95 {percentile(values_ms, 95):.2f} ms, "
        f"max {max(values_ms):.2f} ms ({len(values_ms)} pushes)"
    )
    return median


def bench_feed(rounds: int, folder: Path) -> tuple[list[float], int]:
    stage = load_stage(resource("stages", "mille-miglia-day1.stage.toml"))
    live = LiveStage(stage, load_rules(stage.rules), Crew(), folder / "b.mmlog", SystemClock())
    server = DriverPageServer(lambda: live_view(live), port=0, host="127.0.0.1")
    assert server.start(), server.error
    live.changed.connect(server.push)
    client = Client(f"ws://127.0.0.1:{server.feed_port}/feed?key={server.key}")
    client.wait_for(0)
    size = len(server.snapshot())
    latencies: list[float] = []
    for index in range(rounds):
        time.sleep(0.02)  # apart, as presses are
        QCoreApplication.processEvents()
        act: Callable[[], object]
        if index % 2 == 0:

            def act() -> object:
                return live.press(live.clock.now_ns(), "key:Space")
        else:

            def act() -> object:
                return live.undo_last(live.clock.now_ns())

        start = time.monotonic_ns()
        act()
        latencies.append((client.wait_for(server.seq) - start) / 1e6)
    client.stop()
    server.stop()
    live.keep_open(timeout_s=5)
    return latencies, size


def bench_bare(rounds: int, size: int) -> list[float]:
    server = QWebSocketServer("bare", QWebSocketServer.SslMode.NonSecureMode)
    assert server.listen(QHostAddress("127.0.0.1"), 0)
    clients: list[QWebSocket] = []
    server.newConnection.connect(lambda: clients.append(server.nextPendingConnection()))
    client = Client(f"ws://127.0.0.1:{server.serverPort()}/")
    while not clients:
        QCoreApplication.processEvents()
    latencies: list[float] = []
    for seq in range(1, rounds + 1):
        time.sleep(0.02)
        QCoreApplication.processEvents()
        body = json.dumps({"seq": seq, "pad": "x" * max(0, size - 30)})
        start = time.monotonic_ns()
        clients[0].sendTextMessage(body)
        clients[0].flush()
        latencies.append((client.wait_for(seq) - start) / 1e6)
    client.stop()
    server.close()
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=60)
    args = parser.parse_args()
    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="mmtimer-bench-") as folder:
        os.environ["MMTIMER_HOME"] = folder
        feed, size = bench_feed(args.presses, Path(folder))
    bare = bench_bare(args.presses, size)
    print(f"message size {size} bytes; load average {os.getloadavg()[0]:.2f}")
    ours = report("driver feed, press to client", feed)
    reference = report("bare QWebSocket push", bare)
    print(f"ratio driver feed / bare: {ours / reference:.1f}x (target: within 100 ms)")
    del app


if __name__ == "__main__":
    main()
