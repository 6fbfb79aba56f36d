"""Build and test timings for the current tree: ``python -m kbsite.dev.bench [--against REV] [--no-tests]``.

Prints the cold strict build time (every example executed; also with one runner, and,
with ``--against``, the same build of another commit's tree, the two alternating); a
warm rebuild from the execution cache; under ``mkdocs serve --dirty`` on a copy of the
project, the seconds from saving a file to the served page showing the change (a
sentence added to a page, an example edited); the examples' own times; and the test
suite's wall time. A report, never a failure: the exit status is non-zero only when a
build or the suite fails.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def build(tree: Path, site: Path, env: dict) -> tuple[float, list[dict]]:
    """Seconds for a strict build of ``tree`` into ``site``, and its report of runs."""
    report = site.with_suffix(".runs.json")
    start = time.perf_counter()
    tool = "kbsite.dev.build" if (tree / "kbsite/dev/build.py").exists() else "kbsite.build"  # before the move
    proc = subprocess.run([sys.executable, "-m", tool, "-d", str(site)], cwd=tree,
                          env={**os.environ, **env, "KB_EXEC_REPORT": str(report)}, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"the build of {tree} failed")
    return seconds, json.loads(report.read_text())


def _until(url: str, text: str, server: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:  # noqa: S310 - our own server
                if text in answer.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"{url} never showed {text!r}" + (" (the server stopped)" if server.poll() is not None else ""))


def serve_edits(work: Path, env: dict) -> list[tuple[str, float]]:
    """Under ``make serve`` on a copy of the project: (what was saved, seconds until the page shows it)."""
    project = work / "project"
    for name in ("docs", "snippets"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "--dev-addr", f"127.0.0.1:{port}"],
                            cwd=project, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/ml-basics/three-steps/"
    page = project / "docs" / "ml-basics" / "three-steps.md"
    snippet = project / "snippets" / "ml_basics" / "three_steps_loss.py"
    results = []
    try:
        _until(url, "</html>", proc, timeout=600)  # the first, full build
        time.sleep(2)
        for what, path, addition, shown in [
            ("one sentence added to a page", page, "\nOne more sentence for the bench.\n", "One more sentence for the bench."),
            ("one example edited", snippet, '\nprint("edited for the bench")\n', "edited for the bench"),
        ]:
            start = time.perf_counter()
            path.write_text(path.read_text(encoding="utf-8") + addition, encoding="utf-8")
            _until(url, shown, proc)
            results.append((what, time.perf_counter() - start))
            time.sleep(1)
    finally:
        proc.terminate()
        proc.wait(30)
    return results


def _worktree(rev: str, work: Path) -> Path:
    tree = work / "against"
    subprocess.run(["git", "worktree", "add", "--detach", str(tree), rev], cwd=ROOT, check=True, capture_output=True)
    return tree


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", metavar="REV", help="also time the cold build of this commit, alternating")
    parser.add_argument("--rounds", type=int, default=2, help="cold builds of each tree (default 2)")
    parser.add_argument("--no-tests", action="store_true", help="skip timing the test suite")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kb-bench-"))
    env = {"KB_EXEC_CACHE": "0", "NO_MKDOCS_2_WARNING": "1"}
    try:
        trees = {"this tree": ROOT} | ({f"{args.against}": _worktree(args.against, work)} if args.against else {})
        cold: dict[str, list[float]] = {name: [] for name in trees}
        for round_ in range(args.rounds):
            for name, tree in trees.items():
                cold[name].append(build(tree, work / f"cold-{round_}-{len(cold[name])}", env)[0])
        for name, times in cold.items():
            print(f"cold strict build, {name:>10}: " + ", ".join(f"{t:.1f} s" for t in times)
                  + f"  (median {statistics.median(times):.1f} s)")
        serial, runs = build(ROOT, work / "serial", {**env, "KB_EXEC_JOBS": "1"})
        print(f"cold strict build, one runner: {serial:.1f} s")
        cached = {"KB_EXEC_CACHE": "1", "KB_EXEC_CACHE_DIR": str(work / "cache"), "NO_MKDOCS_2_WARNING": "1"}
        build(ROOT, work / "fill", cached)
        warm, warm_runs = build(ROOT, work / "warm", cached)
        print(f"warm rebuild (every example from the cache): {warm:.1f} s, "
              f"{sum(not r['cached'] for r in warm_runs)} examples executed")
        for what, seconds in serve_edits(work, cached):
            print(f"make serve: {what}: the page shows it {seconds:.2f} s after the save")
        own = sorted(((r["seconds"], r["snippet"]) for r in runs), reverse=True)
        print(f"examples' own time: {sum(s for s, _ in own):.1f} s over {len(own)} runs (one runner); "
              f"median {statistics.median(s for s, _ in own):.2f} s; over 2 s: {sum(s > 2 for s, _ in own)}")
        for seconds, name in own[:5]:
            print(f"  {seconds:6.2f} s  {name}")
        if not args.no_tests:
            start = time.perf_counter()
            proc = subprocess.run([sys.executable, "-m", "pytest", "-q"], cwd=ROOT, capture_output=True, text=True)
            last = (proc.stdout.strip().splitlines() or ["?"])[-1]
            print(f"test suite: {time.perf_counter() - start:.1f} s wall; {last}")
            return proc.returncode
        return 0
    finally:
        if args.against:
            subprocess.run(["git", "worktree", "remove", "--force", str(work / "against")], cwd=ROOT, capture_output=True)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
