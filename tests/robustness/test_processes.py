"""Processes a killed run leaves behind: worker processes and run stores.

SIGKILL runs no clean-up, so what a killed run leaves must clean itself up: its workers
exit when the main process dies, and the next run removes its run store.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from checker.store import STORE_PREFIX, RunStore

from .conftest import GOOD_ARTICLES

LINUX = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def _children(pid: int) -> list[int]:
    """Live (not zombie) processes whose parent is ``pid``."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        state, ppid = stat.rsplit(")", 1)[1].split()[:2]
        if int(ppid) == pid and state != "Z":
            found.append(int(entry))
    return found


def _running(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has exited (nobody reaped it)


def _many_articles(folder: Path, n: int) -> Path:
    folder.mkdir()
    texts = [text for name, text in GOOD_ARTICLES.items() if name.endswith(".txt")]
    for i in range(n):
        (folder / f"a{i:04d}.txt").write_text(texts[i % len(texts)] * 20, encoding="utf-8")
    return folder


@LINUX
def test_workers_exit_when_the_main_process_is_killed(tmp_path: Path) -> None:
    articles = _many_articles(tmp_path / "articles", 3000)
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "checker",
            "check",
            str(articles),
            "--jobs",
            "2",
            "--quiet",
            "--out",
            str(tmp_path / "out"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 120
        while len(workers) < 2 and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.05)
            workers = _children(child.pid)
        assert len(workers) == 2, f"the pool did not start: {child.poll()} {child.stderr}"
        child.kill()
        child.wait(timeout=30)
        deadline = time.monotonic() + 15
        while any(_running(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [w for w in workers if _running(w)], "workers outlived the killed run"
    finally:
        for pid in [child.pid, *workers]:  # only the processes this test started
            if _running(pid):
                os.kill(pid, signal.SIGKILL)
        if child.stderr:
            child.stderr.close()


KILLED_STORE = textwrap.dedent(
    """
    import sys, time
    from checker.store import RunStore
    store = RunStore(sys.argv[1])
    store.add([("C1", "a.txt", 0, None, None, "percent", "{}", "x")], [])
    print(store.path, flush=True)
    time.sleep(60)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_the_next_run_removes_the_store_of_a_killed_run(tmp_path: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_STORE, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    path = Path(child.stdout.readline().strip())
    child.kill()
    child.wait(timeout=30)
    child.stdout.close()
    assert path.is_file() and path.name.startswith(f"{STORE_PREFIX}{child.pid}-")
    live = RunStore(str(tmp_path))  # a store of a live run (this one) must stay
    try:
        RunStore(str(tmp_path)).close()
        assert not path.exists()
        assert Path(live.path).exists()
    finally:
        live.close()
