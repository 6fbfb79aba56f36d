"""The snippet fork server: ``python -m kbsite._server FD [MODULE,MODULE...]``.

It imports the modules it is given (numpy, torch, matplotlib: what the snippets
import) once, then for each request read from stdin
(code, filename, timeout) forks a child that runs the code as a script, and writes the
child's :class:`kbsite.execute.RunResult` to file descriptor FD. A child that outlives
its time limit is killed.
"""

from __future__ import annotations

import io
import os
import select
import shutil
import signal
import sys
import tempfile
import time
import traceback
import types

os.environ.setdefault("MPLBACKEND", "Agg")

import importlib  # noqa: E402


def preload(modules: list[str]) -> None:
    """Import what the snippets import, once, before any fork."""
    for name in modules:
        if name == "matplotlib":
            import matplotlib

            matplotlib.use("Agg")
            import matplotlib.pyplot  # noqa: F401
        elif name == "torch":
            import torch

            torch.set_num_threads(1)
            # An optimizer's first step imports torch._dynamo (over a second); pay that once, here.
            import torch._dynamo  # noqa: F401
            import torch.nn  # noqa: F401
            import torch.optim  # noqa: F401
        else:
            importlib.import_module(name)


from kbsite.execute import RunResult, receive, send  # noqa: E402


def _run_in_child(code: str, filename: str) -> RunResult:
    workdir = tempfile.mkdtemp(prefix="kb-snippet-")
    out, err = io.StringIO(), io.StringIO()
    sys.stdout, sys.stderr = out, err
    module = types.ModuleType("__main__")
    module.__file__ = filename
    module.__builtins__ = __builtins__
    sys.modules["__main__"] = module
    sys.argv = [filename]
    sys.path.insert(0, os.path.dirname(filename))
    os.chdir(workdir)
    ok, error, line = True, "", None
    start = time.perf_counter()
    try:
        exec(compile(code, filename, "exec"), module.__dict__)  # noqa: S102
    except SystemExit as exc:
        ok = exc.code in (None, 0)
        error = "" if ok else f"SystemExit: {exc.code}"
    except BaseException as exc:  # noqa: BLE001 - report everything the snippet raises
        ok = False
        tb = traceback.TracebackException.from_exception(exc)
        tb.stack = traceback.StackSummary.from_list([f for f in tb.stack if f.filename != __file__])
        ours = [f for f in tb.stack if f.filename == filename]
        line = ours[-1].lineno if ours else None
        error = "".join(tb.format())
    seconds = time.perf_counter() - start
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
    os.chdir("/")
    shutil.rmtree(workdir, ignore_errors=True)
    return RunResult(ok, out.getvalue(), err.getvalue(), seconds, error, line)


def _serve_one(code: str, filename: str, timeout: float) -> RunResult:
    read_fd, write_fd = os.pipe()
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read_fd)
        try:
            result = _run_in_child(code, filename)
        except BaseException as exc:  # noqa: BLE001
            result = RunResult(False, "", "", 0.0, f"the runner failed: {exc!r}")
        with os.fdopen(write_fd, "wb") as stream:
            send(stream, result)
        os._exit(0)
    os.close(write_fd)
    chunks, deadline = [], start + timeout
    with os.fdopen(read_fd, "rb", buffering=0) as stream:
        while True:
            left = deadline - time.perf_counter()
            if left <= 0 or not select.select([stream], [], [], left)[0]:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                return RunResult(False, "", "", time.perf_counter() - start,
                                 f"stopped after the time limit of {timeout:g} s", timed_out=True)
            chunk = stream.read(1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    data = io.BytesIO(b"".join(chunks))
    try:
        return receive(data)
    except EOFError:
        return RunResult(False, "", "", time.perf_counter() - start,
                         f"the process died (wait status {status})")


def main() -> None:
    preload([m for m in sys.argv[2].split(",") if m] if len(sys.argv) > 2 else [])
    answers = os.fdopen(int(sys.argv[1]), "wb")
    requests = sys.stdin.buffer
    while True:
        try:
            code, filename, timeout = receive(requests)
        except EOFError:
            return
        send(answers, _serve_one(code, filename, timeout))


if __name__ == "__main__":
    main()
