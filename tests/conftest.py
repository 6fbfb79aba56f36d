"""Shared fixtures: the one build of the real site, and small throwaway sites for failure tests."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from filelock import FileLock

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _git_status() -> list[str]:
    try:
        out = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return []
    return sorted(line for line in out.splitlines() if line.strip())


ARTIFACTS = Path(os.environ.get("KB_TEST_ARTIFACTS", "/tmp/dl-notes-test-artifacts"))


def pytest_configure(config):
    if not hasattr(config, "workerinput"):  # the controller, not an xdist worker
        config._kb_status_before = _git_status()
        for old in ARTIFACTS.glob("search-*.json"):
            old.unlink()


def pytest_terminal_summary(terminalreporter):
    rows = [r for f in sorted(ARTIFACTS.glob("search-*.json")) for r in json.loads(f.read_text())]
    if not rows:
        return
    terminalreporter.section("search hit rate (page in the top 3 results)")
    for lang in ("en", "zh", "synonym"):
        mine = [r for r in rows if r["lang"] == lang]
        if mine:
            hits = sum(r["hit"] for r in mine)
            terminalreporter.write_line(f"{lang:8} {hits}/{len(mine)} = {hits / len(mine):.1%}")
    terminalreporter.write_line(f"screenshots and search results: {ARTIFACTS}")


def pytest_sessionfinish(session, exitstatus):
    config = session.config
    if hasattr(config, "workerinput") or not hasattr(config, "_kb_status_before"):
        return
    new = sorted(set(_git_status()) - set(config._kb_status_before))
    if new:
        sys.stderr.write("\nThe test run wrote into the working tree:\n  " + "\n  ".join(new) + "\n")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


# -- the real site, built once for all the tests that inspect it ---------------------------

class BuiltSite:
    def __init__(self, path: Path, log: str, seconds: float, runs: list[dict]):
        self.path, self.log, self.seconds, self.runs = path, log, seconds, runs

    def pages(self):
        return sorted(self.path.rglob("*.html"))


def build_site(project: Path, site: Path, env: dict | None = None, timeout: float = 900) -> subprocess.CompletedProcess:
    """Run the strict, atomic build of ``project`` into ``site``."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KB_EXEC_CACHE": "0", **(env or {})}
    return subprocess.run([sys.executable, "-m", "kbsite.build", "-f", str(project / "mkdocs.yml"),
                           "-d", str(site)], cwd=project, env=full_env, capture_output=True,
                          text=True, timeout=timeout)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    """The real site, built once per test run (shared by the xdist workers through a lock)."""
    # this run's own folder: under xdist, the parent of the worker's basetemp; else basetemp itself
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    site, meta = shared / "site", shared / "site-build.json"
    with FileLock(str(shared / "site.lock")):
        if not meta.exists():
            report = shared / "exec-report.json"
            start = time.perf_counter()
            proc = build_site(ROOT, site, {"KB_EXEC_REPORT": str(report)})
            seconds = time.perf_counter() - start
            runs = json.loads(report.read_text()) if report.exists() else []
            meta.write_text(json.dumps({"ok": proc.returncode == 0, "log": proc.stdout + proc.stderr,
                                        "seconds": seconds, "runs": runs}))
        data = json.loads(meta.read_text())
    if not data["ok"]:
        pytest.fail("mkdocs build --strict failed:\n" + data["log"][-8000:], pytrace=False)
    return BuiltSite(site, data["log"], data["seconds"], data["runs"])


# -- small sites made inside a test ------------------------------------------------------------

MINI_NAV = """nav:
  - Home: index.md
  - Demo: demo/index.md
  - Glossary:
      - glossary.md
      - concepts.md
  - API reference: reference/index.md
"""

PLOT = '''\
import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, ax = plt.subplots(figsize=(3, 2))
ax.plot([0, 1, 2], [0, 1, 4])
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print("a plot follows")
print(buf.getvalue())
'''


class MiniProject:
    """A copy of the site's configuration with one demo page and the given snippets."""

    def __init__(self, path: Path):
        self.path = path
        (path / "docs" / "demo").mkdir(parents=True)
        (path / "snippets" / "demo").mkdir(parents=True)
        shutil.copytree(ROOT / "docs" / "assets", path / "docs" / "assets")
        config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        config = re.sub(r"(?ms)^nav:.*\Z", MINI_NAV, config)
        (path / "mkdocs.yml").write_text(config, encoding="utf-8")
        (path / "docs" / "index.md").write_text("# Home\n\nSee the [demo](demo/index.md).\n", encoding="utf-8")

    def snippet(self, name: str, code: str) -> Path:
        target = self.path / "snippets" / "demo" / name
        target.write_text(textwrap.dedent(code), encoding="utf-8")
        return target

    def page(self, body: str, concepts: str = "") -> None:
        front = f"---\nconcepts:\n{textwrap.indent(textwrap.dedent(concepts), '  ')}---\n" if concepts else ""
        (self.path / "docs" / "demo" / "index.md").write_text(front + textwrap.dedent(body), encoding="utf-8")

    def build(self, site: Path | None = None, **env) -> subprocess.CompletedProcess:
        return build_site(self.path, site or self.path / "site", {k: str(v) for k, v in env.items()}, timeout=300)


@pytest.fixture
def mini(tmp_path) -> MiniProject:
    return MiniProject(tmp_path / "project")
