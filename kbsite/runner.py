"""Run an example file the way ``python file.py`` would, in a process of its own, with a time limit.

Each run is a new process started from the standard library's *forkserver*, which
imports numpy, torch and matplotlib once (:mod:`kbsite.preload`), so a run pays for its
own work and not for those imports. The child gets a fresh ``__main__`` module,
``__file__`` pointing at the file, the file's folder on ``sys.path`` and an empty
temporary working directory: what ``python snippets/<chapter>/<file>.py`` started from
another folder would see. A run that outlives its limit is killed.

Figures are collected as sphinx-gallery's matplotlib scraper collects them: the
example calls ``plt.show()`` as any script would; here that call, and the end of the
run, turn every open figure into SVG with reproducible settings (no date, a fixed
hash salt, text as text) and close it. The result records where in the printed text
each figure was shown.
"""

from __future__ import annotations

import dataclasses
import io
import multiprocessing
import os
import re
import shutil
import sys
import tempfile
import time
import traceback
import types
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

DEFAULT_TIMEOUT = 60.0
SVG_SETTINGS = {"svg.hashsalt": "dl-notes", "svg.fonttype": "none"}


@dataclasses.dataclass
class RunResult:
    """What one run printed and drew, or why it failed."""

    ok: bool
    stdout: str
    stderr: str = ""
    seconds: float = 0.0
    figures: list[tuple[int, str]] = dataclasses.field(default_factory=list)  # (offset in stdout, SVG)
    error: str = ""  # the traceback, or why the run was stopped
    line: int | None = None  # the line of the file the error points at
    timed_out: bool = False


def _scrape(out: io.StringIO, figures: list[tuple[int, str]] | None) -> None:
    """Every open matplotlib figure, as SVG at the current point of the output; then closed
    (``figures`` None: closed without drawing, for a run that only checks the asserts)."""
    plt = sys.modules.get("matplotlib.pyplot")
    if plt is None:
        return
    for number in plt.get_fignums() if figures is not None else ():
        buf = io.StringIO()
        with plt.rc_context(SVG_SETTINGS):
            plt.figure(number).savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
        figures.append((len(out.getvalue()), buf.getvalue()))
    plt.close("all")


def shift_seeds(offset: int) -> None:
    """Make every seed the example sets ``offset`` larger: ``random.seed``, ``np.random.seed``,
    ``np.random.default_rng``, ``np.random.RandomState``, ``torch.manual_seed`` and
    ``torch.Generator().manual_seed`` (for the test that a claim holds beyond its seed)."""
    import random

    def shifted(seed):
        return seed + offset if isinstance(seed, int) and not isinstance(seed, bool) else seed

    seed = random.seed
    random.seed = lambda a=None, *args, **kwargs: seed(shifted(a), *args, **kwargs)
    if np := sys.modules.get("numpy"):
        default_rng, np_seed, state = np.random.default_rng, np.random.seed, np.random.RandomState
        np.random.default_rng = lambda s=None, *args, **kwargs: default_rng(shifted(s), *args, **kwargs)
        np.random.seed = lambda s=None: np_seed(shifted(s))
        np.random.RandomState = type("RandomState", (state,), {
            "__init__": lambda self, s=None: state.__init__(self, shifted(s)),
            "seed": lambda self, s=None: state.seed(self, shifted(s))})
    if torch := sys.modules.get("torch"):
        manual_seed, generator = torch.manual_seed, torch.Generator
        torch.manual_seed = torch.random.manual_seed = lambda s: manual_seed(shifted(s))
        torch.Generator = type("Generator", (generator,), {
            "manual_seed": lambda self, s: generator.manual_seed(self, shifted(s))})


def _child(code: str, filename: str, answer, seed_shift: int = 0) -> None:
    """In the new process: run ``code`` as the script ``filename`` and send back a RunResult."""
    if seed_shift:
        shift_seeds(seed_shift)
    workdir = tempfile.mkdtemp(prefix="kb-example-")
    out, err, figures = io.StringIO(), io.StringIO(), []
    sys.stdout, sys.stderr = out, err
    module = types.ModuleType("__main__")
    module.__file__ = filename
    sys.modules["__main__"] = module
    sys.argv = [filename]
    sys.path.insert(0, os.path.dirname(filename))
    os.chdir(workdir)
    shown = None if seed_shift else figures  # a run with shifted seeds checks asserts, not figures
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].show = lambda *a, **k: _scrape(out, shown)
    ok, error, line = True, "", None
    start = time.perf_counter()
    try:
        exec(compile(code, filename, "exec"), module.__dict__)  # noqa: S102
        _scrape(out, shown)  # figures left open at the end are shown too
    except SystemExit as exc:
        ok = exc.code in (None, 0)
        error = "" if ok else f"SystemExit: {exc.code}"
    except BaseException as exc:  # noqa: BLE001 - report everything the example raises
        ok = False
        tb = traceback.TracebackException.from_exception(exc)
        tb.stack = traceback.StackSummary.from_list([f for f in tb.stack if f.filename != __file__])
        ours = [f for f in tb.stack if f.filename == filename]
        line = ours[-1].lineno if ours else None
        error = "".join(tb.format())
    seconds = time.perf_counter() - start
    sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    os.chdir("/")
    shutil.rmtree(workdir, ignore_errors=True)
    answer.send(RunResult(ok, out.getvalue(), err.getvalue(), seconds, figures, error, line))
    answer.close()


PRELOADS = {"numpy": ["numpy"], "matplotlib": ["matplotlib.pyplot"],
            # an optimizer's first step imports torch._dynamo (over a second): pay that once, here
            "torch": ["torch", "torch.nn", "torch.optim", "torch._dynamo"]}
IMPORT = re.compile(r"^\s*(?:import|from)\s+([A-Za-z_]\w*)", re.M)


def imported_modules(folder: str | os.PathLike) -> set[str]:
    """The top-level modules that the ``*.py`` files under ``folder`` import."""
    return {name for path in Path(folder).rglob("*.py") for name in IMPORT.findall(path.read_text(encoding="utf-8"))}


class Runner:
    """Runs example files ``jobs`` at a time, each in a fresh process, each with a time limit.

    ``preload``: the libraries the forkserver imports before it forks (of numpy, torch,
    matplotlib); the forkserver is one per process, so the first Runner's choice holds.
    """

    def __init__(self, jobs: int = 1, preload=tuple(PRELOADS)) -> None:
        self.jobs = max(1, jobs)
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(
            ["kbsite.preload", "kbsite.runner", *(m for name in PRELOADS if name in set(preload) for m in PRELOADS[name])])
        self._threads = ThreadPoolExecutor(max_workers=self.jobs, thread_name_prefix="kb-run")

    def run(self, code: str, filename: str | os.PathLike, timeout: float = DEFAULT_TIMEOUT,
            seed_shift: int = 0) -> RunResult:
        """Run ``code`` as the script ``filename``; wait for its result (``seed_shift``: see shift_seeds;
        such a run checks the asserts, and closes its figures without drawing them)."""
        receive, answer = self._context.Pipe(duplex=False)
        process = self._context.Process(target=_child, args=(code, str(filename), answer, seed_shift), daemon=True)
        start = time.perf_counter()
        process.start()
        answer.close()
        try:
            if receive.poll(timeout):
                return receive.recv()
            if process.is_alive():
                return RunResult(False, "", seconds=time.perf_counter() - start, timed_out=True,
                                 error=f"stopped after the time limit of {timeout:g} s")
        except EOFError:
            pass  # it died before it could answer
        finally:
            process.kill()
            process.join()
            receive.close()
        return RunResult(False, "", seconds=time.perf_counter() - start,
                         error=f"the process died (exit code {process.exitcode})")

    def submit(self, code: str, filename: str | os.PathLike, timeout: float = DEFAULT_TIMEOUT) -> Future:
        """Start a run on one of the ``jobs`` slots; the future holds its RunResult."""
        return self._threads.submit(self.run, code, filename, timeout)

    def warm_up(self) -> None:
        """Start the forkserver now (it imports numpy, torch, matplotlib) so the first run need not wait."""
        self.submit("", os.devnull)


def run_file(path: str | os.PathLike, timeout: float = DEFAULT_TIMEOUT, seed_shift: int = 0) -> RunResult:
    """Run the file at ``path`` as a script, once."""
    path = Path(path).resolve()
    return Runner(1).run(path.read_text(encoding="utf-8"), path, timeout, seed_shift)


def default_jobs() -> int:
    """One run per CPU core this process may use, at most 4."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, 4))
