"""Build and test timings for the current tree: ``python -m kbsite.bench [--no-tests]``.

Prints the cold strict build time (every block executed, empty cache; also with one
runner, blocks one after another), the warm rebuild
time with nothing changed (every block from the cache) and their ratio; the same
rebuilds inside a running ``mkdocs serve`` (the author's edit-and-reload loop: nothing
changed, one sentence edited, one snippet edited), from a copy of the project; the sum
of the snippets' own run times and the build's overhead over it; the ten slowest
snippets and the median; and the test suite's wall time. A report, never a failure: the
exit status is non-zero only when a build or the suite itself fails.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import socket
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from kbsite import execute
from kbsite.plugin import PAGES_LOGGED

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"cold": 60.0, "ratio": 10.0, "snippet_max": 2.0, "snippet_median": 0.3, "suite": 120.0}


def _build(site: Path, env: dict) -> tuple[float, list[dict], str]:
    report = site.with_suffix(".runs.json")
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "kbsite.build", "-d", str(site)], cwd=ROOT,
                          env={**os.environ, **env, "KB_EXEC_REPORT": str(report)},
                          capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"the build failed ({site})")
    return seconds, json.loads(report.read_text()), _pages(proc.stdout + proc.stderr)


BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")
EXECUTED = re.compile(r"kb: (\d+) blocks executed in [\d.]+ s, (\d+) served from the cache")


def _pages(log: str) -> str:
    found = PAGES_LOGGED.findall(log)
    return f"{found[-1][0]} pages converted, {found[-1][1]} restored, {found[-1][2]} indexed from the cache" \
        if found else "no page cache"


def _serve_rebuilds(work: Path, env: dict) -> list[tuple[str, float, str]]:
    """Rebuild times inside ``mkdocs serve`` on a copy of the project: (what changed, seconds, blocks)."""
    project = work / "project"
    for name in ("docs", "snippets"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"),
                             "--dev-addr", f"127.0.0.1:{port}"], cwd=project,
                            env={**os.environ, **env}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout], daemon=True).start()

    def built(timeout: float = 300) -> tuple[float, str]:
        blocks, deadline = "", time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                if proc.poll() is not None:
                    break
                continue
            if m := EXECUTED.search(line):
                blocks = f"{m.group(1)} blocks executed, {m.group(2)} from cache"
            if m := PAGES_LOGGED.search(line):
                blocks += f"; {m.group(1)} pages converted, {m.group(2)} restored, {m.group(3)} indexed from the cache"
            if m := BUILT.search(line):
                return float(m.group(1)), blocks
        raise SystemExit("mkdocs serve did not finish a build")

    results = []
    try:
        built()  # the first build
        time.sleep(8)  # the server starts its runners for the first edit; an author reads a while
        page = project / "docs" / "ml-basics" / "gradient-descent.md"
        snippet = project / "snippets" / "ml_basics" / "three_steps_loss.py"
        edits = [
            ("nothing changed (a page saved as it was)", page, page.read_text(encoding="utf-8")),
            ("one sentence added to a page", page, page.read_text(encoding="utf-8") + "\nOne more sentence.\n"),
            ("one snippet edited", snippet, snippet.read_text(encoding="utf-8") + 'print("edited")\n'),
        ]
        for what, path, text in edits:
            path.write_text(text, encoding="utf-8")
            seconds, blocks = built()
            results.append((what, seconds, blocks))
            time.sleep(1)
    finally:
        proc.terminate()
        proc.wait(30)
    return results


def _mark(ok: bool) -> str:
    return "ok" if ok else "over target"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-tests", action="store_true", help="skip timing the test suite")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kb-bench-"))
    try:
        env = {"KB_EXEC_CACHE": "1", "KB_EXEC_CACHE_DIR": str(work / "cache"), "NO_MKDOCS_2_WARNING": "1"}
        # one runner: every snippet's own time measured alone on a core, nothing beside it
        serial, serial_runs, _ = _build(work / "serial", {**env, "KB_EXEC_CACHE": "0", "KB_EXEC_JOBS": "1"})
        cold, runs, _ = _build(work / "cold", env)
        warm, warm_runs, warm_pages = _build(work / "warm", env)
        per_snippet: dict[str, float] = {}
        for r in serial_runs:
            name = r["snippet"] or f"docs/{r['page']}#{r['block_id']}"
            per_snippet[name] = per_snippet.get(name, 0.0) + r["seconds"]
        total = sum(per_snippet.values())
        times = sorted(per_snippet.values())
        median = statistics.median(times) if times else 0.0
        ratio = cold / warm if warm else float("inf")
        jobs = os.environ.get("KB_EXEC_JOBS") or execute.default_jobs()
        print(f"blocks: {len(runs)} ({sum(not r['cached'] for r in runs)} executed cold, "
              f"{sum(r['ahead'] for r in runs)} of them ahead of the build; warm: "
              f"{sum(not r['cached'] for r in warm_runs)} executed, {sum(r['cached'] for r in warm_runs)} from cache)")
        print(f"cold strict build      {cold:7.1f} s   (target < {TARGETS['cold']:.0f} s: {_mark(cold < TARGETS['cold'])}); "
              f"{jobs} runners in parallel")
        print(f"  with one runner      {serial:7.1f} s   (KB_EXEC_JOBS=1: blocks one after another)")
        print(f"warm rebuild           {warm:7.1f} s   (a new `mkdocs build` process, cache on: {warm_pages})")
        print(f"cold / warm            {ratio:7.1f} x   (target >= {TARGETS['ratio']:.0f} x: {_mark(ratio >= TARGETS['ratio'])}); "
              f"one runner cold / warm: {serial / warm:.1f} x")
        print("rebuilds in a running `mkdocs serve`, the edit-and-reload loop (build time as mkdocs reports it;"
              " cold = the parallel cold build):")
        for what, seconds, blocks in _serve_rebuilds(work, env):
            print(f"  {seconds:6.2f} s  {cold / seconds:5.1f} x faster than cold ({serial / seconds:4.1f} x one runner; "
                  f"target >= {TARGETS['ratio']:.0f} x: {_mark(cold / seconds >= TARGETS['ratio'])})")
            print(f"            {what}: {blocks}")
        print(f"snippets' own time     {total:7.1f} s   over {len(per_snippet)} snippets (one runner)")
        print(f"build overhead         {serial - total:7.1f} s   (one-runner cold build minus the snippets' own time)")
        print(f"median snippet         {median:7.2f} s   (target < {TARGETS['snippet_median']} s: "
              f"{_mark(median < TARGETS['snippet_median'])})")
        slow = [n for n, s in per_snippet.items() if s >= TARGETS["snippet_max"]]
        print(f"snippets over {TARGETS['snippet_max']:.0f} s     {len(slow):7d}")
        print("ten slowest snippets:")
        for name, seconds in sorted(per_snippet.items(), key=lambda kv: -kv[1])[:10]:
            print(f"  {seconds:6.2f} s  {name}")
        if not args.no_tests:
            start = time.perf_counter()
            proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=ROOT,
                                  capture_output=True, text=True)
            suite = time.perf_counter() - start
            last = (proc.stdout.strip().splitlines() or ["?"])[-1]
            print(f"test suite wall time   {suite:7.1f} s   (target < {TARGETS['suite']:.0f} s: "
                  f"{_mark(suite < TARGETS['suite'])}); {last}")
            if proc.returncode != 0:
                return proc.returncode
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
