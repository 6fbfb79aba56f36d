"""Run a snippet the way a fresh script would run, in its own process, with a time limit.

Each run is a new process forked from a small server (``kbsite._server``) that has
already imported what the snippets import of numpy, torch and matplotlib (Agg
backend; see :func:`preload`), so a snippet pays for its own work and not for those
imports. Runners come in pools (:class:`RunnerPool`), one or several. The child gets a fresh ``__main__`` module,
``__file__`` pointing at the snippet, the snippet's folder on ``sys.path`` and an
empty temporary working directory that is removed afterwards: what a script started
with ``python snippets/<chapter>/<file>.py`` from another directory would see.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import queue
import re
import struct
import subprocess
import sys
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

IMPORT = re.compile(r"^\s*(?:import|from)\s+([A-Za-z_]\w*)", re.M)
DEFAULT_TIMEOUT = 60.0
PRELOADABLE = ("numpy", "torch", "matplotlib")
_preload: tuple[str, ...] = PRELOADABLE  # what the runner imports before it forks


def preload(modules) -> None:
    """Set the modules the runner imports once, before forking (a subset of PRELOADABLE).
    A running runner with another set is replaced at the next run."""
    global _preload
    _preload = tuple(m for m in PRELOADABLE if m in set(modules))


def imported_modules(folder: str | os.PathLike) -> set[str]:
    """The top-level modules the ``*.py`` files under ``folder`` import."""
    found: set[str] = set()
    for path in Path(folder).rglob("*.py"):
        found |= set(IMPORT.findall(path.read_text(encoding="utf-8")))
    return found


@dataclasses.dataclass
class RunResult:
    """What one run of a snippet produced."""

    ok: bool
    stdout: str
    stderr: str
    seconds: float
    error: str = ""  # the traceback, or why the run was stopped
    line: int | None = None  # the line of the snippet file the error points at
    timed_out: bool = False


def send(stream, obj) -> None:
    """Write one length-prefixed pickle to a binary stream."""
    data = pickle.dumps(obj)
    stream.write(struct.pack("!Q", len(data)) + data)
    stream.flush()


def receive(stream):
    """Read one length-prefixed pickle from a binary stream (EOFError at the end)."""
    head = stream.read(8)
    if len(head) < 8:
        raise EOFError
    (size,) = struct.unpack("!Q", head)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)  # noqa: S301 - our own server's answer


class _Server:
    """The client side of one ``kbsite._server`` process."""

    def __init__(self) -> None:
        read_fd, write_fd = os.pipe()
        # one thread each: runs are timed as on one core, and parallel test workers do not oversubscribe
        env = dict(os.environ, MPLBACKEND="Agg", PYTHONHASHSEED="0", OMP_NUM_THREADS="1",
                   OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
        root = str(Path(__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
        self.preload = _preload
        self.proc = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "kbsite._server", str(write_fd), ",".join(self.preload)],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, pass_fds=(write_fd,), env=env,
        )
        os.close(write_fd)
        self.answers = os.fdopen(read_fd, "rb")
        self.pid = os.getpid()

    def alive(self) -> bool:
        return self.pid == os.getpid() and self.proc.poll() is None and self.preload == _preload

    def run(self, code: str, filename: str, timeout: float) -> RunResult:
        send(self.proc.stdin, (code, filename, timeout))
        return receive(self.answers)

    def stop(self) -> None:
        self.proc.kill()
        self.proc.wait()


def run_code(code: str, filename: str | os.PathLike, timeout: float | None = None) -> RunResult:
    """Run ``code`` as the script ``filename`` in a fresh process; stop it after ``timeout`` seconds."""
    return pool(1).submit(code, filename, DEFAULT_TIMEOUT if timeout is None else timeout).result()


def run_file(path: str | os.PathLike, timeout: float | None = None) -> RunResult:
    """Run the file at ``path`` as a script (see :func:`run_code`)."""
    path = Path(path).resolve()
    return run_code(path.read_text(encoding="utf-8"), path, timeout)


def default_jobs() -> int:
    """One runner per CPU core this process may use, at most 4."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, 4))


class RunnerPool:
    """Runs snippets ``jobs`` at a time, each on a runner of its own.

    With several runners, the build hands the pool its blocks ahead of time (see
    ``KBPlugin._run_ahead``): while pages render one after another, the blocks run in
    parallel, and a block's result is often ready when its page is rendered.
    """

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self._idle: queue.SimpleQueue[_Server | None] = queue.SimpleQueue()
        for _ in range(jobs):
            self._idle.put(None)  # a runner not started yet
        self._executor = ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="kb-runner")

    @staticmethod
    def _ready(server: _Server | None) -> _Server:
        if server is not None and server.alive():
            return server
        if server is not None and server.pid == os.getpid():
            server.stop()  # it died, or it preloads other modules
        return _Server()

    def warm_up(self) -> None:
        """Start every runner now, without waiting: their imports overlap other work."""
        servers = [self._idle.get() for _ in range(self.jobs)]
        for server in servers:
            self._idle.put(self._ready(server))

    def _run(self, code: str, filename: str, timeout: float) -> RunResult:
        server = self._idle.get()
        try:
            server = self._ready(server)
            return server.run(code, filename, timeout)
        except (EOFError, BrokenPipeError):
            server = None
            return RunResult(False, "", "", 0.0, "the snippet runner died")
        finally:
            self._idle.put(server)

    def submit(self, code: str, filename: str | os.PathLike, timeout: float) -> Future:
        return self._executor.submit(self._run, code, str(Path(filename).resolve()), float(timeout))


_pools: dict[int, RunnerPool] = {}
_pools_lock = threading.Lock()


def pool(jobs: int) -> RunnerPool:
    """The process's pool of ``jobs`` runners (kept for the next build under ``mkdocs serve``)."""
    with _pools_lock:
        if jobs not in _pools:
            _pools[jobs] = RunnerPool(jobs)
        return _pools[jobs]
