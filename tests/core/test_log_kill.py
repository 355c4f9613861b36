"""Kill test: a recording process is SIGKILLed at random moments; nothing acknowledged is lost.

The child records passes with the real LogWriter (creating the log, or resuming it as the app
does after a crash) and prints each seq the writer acknowledged as durable. The parent kills it
after a random number of acknowledgements, many times over, and then checks that every
acknowledged pass is in the log and that the log reads cleanly (a torn last line is allowed and
must be reported).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from mmtimer.core.events import Pass
from mmtimer.core.logfile import read_log

CHILD = r"""
import random, sys, threading
from pathlib import Path
from mmtimer.core.events import LOG_FORMAT, Header, Other, Pass
from mmtimer.core.logfile import LogWriter

path, seed = Path(sys.argv[1]), int(sys.argv[2])
rng = random.Random(seed)

out = threading.Lock()  # the writer thread acknowledges while the main thread may print

def say(text):
    with out:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()

def acked(seq):
    say(str(seq))

if path.exists():
    writer, contents = LogWriter.open_existing(path, on_durable=acked)
    seq = writer.last_seq + 1
    writer.append(Other(seq, "resume", {"clock": "continued"}, seq * 1000))
else:
    header = Header(LOG_FORMAT, "mmtimer test", "2026-05-13T07:58:12.120Z", {}, {})
    writer = LogWriter.create(path, header, on_durable=acked)
say("ready")
while True:
    burst = rng.randint(1, 6)  # a few presses close together, then wait for the disk
    for _ in range(burst):
        seq = writer.last_seq + 1
        last = writer.append(Pass(seq, seq * 1000, "PC1", 1 + seq % 5, None, f"kill:{seed}"))
    last.result()
"""


def run_kills(path: Path, kills: int, seed: int) -> tuple[set[int], list[str]]:
    """Record and SIGKILL `kills` times; return every acknowledged seq and the torn-tail notes."""
    rng = random.Random(seed)
    acknowledged: set[int] = set()
    torn: list[str] = []
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    for round_number in range(kills):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path), str(rng.randrange(1 << 30))],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        wanted = rng.randint(0, 40)
        seen = 0
        while True:
            line = child.stdout.readline()
            if not line:
                child.wait()
                pytest.fail(f"round {round_number}: the child stopped: {child.stderr.read()}")
            if line.strip() == "ready":
                continue
            acknowledged.add(int(line))
            seen += 1
            if seen >= wanted:
                break
        child.send_signal(signal.SIGKILL)
        # acknowledgements printed before the kill landed count too
        rest, _ = child.communicate()
        acknowledged.update(int(x) for x in rest.split() if x != "ready")
        assert child.returncode == -signal.SIGKILL
        if rng.random() < 0.3:
            # SIGKILL cannot tear a line (one write reaches the page cache whole); a power loss
            # can. Simulate one: a line cut short, which the next resume must keep aside.
            line = b'{"type":"pass","seq":999999,"t_ns":1,"section":"PC1","line":1}\n'
            with path.open("ab") as log:
                log.write(line[: rng.randint(1, len(line) - 1)])
        contents = read_log(path)  # must read cleanly after every kill
        if contents.torn_tail is not None:
            assert contents.torn_path is not None and contents.torn_path.exists()
            torn.append(contents.problems[-1])
    return acknowledged, torn


def check_log(path: Path, acknowledged: set[int]) -> None:
    contents = read_log(path)
    seqs = [e.seq for e in contents.events]
    assert seqs == list(range(1, len(seqs) + 1))
    missing = acknowledged - set(seqs)
    assert not missing, f"acknowledged but not in the log: {sorted(missing)[:10]}"
    passes = [e for e in contents.events if isinstance(e, Pass)]
    assert all(p.t_ns == p.seq * 1000 and p.line == 1 + p.seq % 5 for p in passes)
    for problem in contents.problems:
        assert "last line cut short" in problem


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_at_random_moments_loses_no_acknowledged_pass(tmp_path: Path) -> None:
    path = tmp_path / "kill.mmlog"
    acknowledged, torn = run_kills(path, kills=12, seed=20260513)
    assert len(acknowledged) > 12
    assert torn, "the seed should simulate at least one power loss"
    check_log(path, acknowledged)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_many_sigkills_lose_no_acknowledged_pass(tmp_path: Path) -> None:
    path = tmp_path / "kill.mmlog"
    acknowledged, _ = run_kills(path, kills=30, seed=int.from_bytes(os.urandom(4), "big"))
    check_log(path, acknowledged)
