"""Shared fixtures: the one build of the real site, and small throwaway sites for failure tests."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

import pytest
from filelock import FileLock

ROOT = Path(__file__).resolve().parent.parent


def _git_status() -> list[str]:
    try:
        out = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return []
    return sorted(line for line in out.splitlines() if line.strip())


ARTIFACTS = Path(os.environ.get("KB_TEST_ARTIFACTS", "/tmp/dl-notes-test-artifacts"))
# The sweeps that visit everything (every page in the browser at two sizes, every term in the
# search, every example copied alone, every notebook, every example run twice) run in full under
# CI=true or KB_FULL=1 (`make test-full`); `make test` takes a fixed sample of each, to stay fast.
FULL = os.environ.get("CI", "").lower() == "true" or os.environ.get("KB_FULL") == "1"


def sample(items: list, every: int) -> list:
    """``items`` under a full run, else every ``every``-th of them (the same ones each time)."""
    return list(items) if FULL else list(items)[::every]


RUN_DIR = "KB_TEST_RUN_DIR"  # this run's shared folder: the real site's build, its cache and report

# Test files in the order they are handed out. The real site builds in the background from
# the start of the run (see SiteBuild); the files that do not need it come first, so both
# workers have work while it builds.
ORDER = ("test_units.py", "test_failures.py", "test_cache.py", "test_exercises.py", "test_seeds.py", "test_browser.py",
         "test_snippets.py", "test_site.py", "test_notebooks.py", "test_pdf.py")
NEED_SITE = ("test_snippets.py", "test_site.py", "test_notebooks.py", "test_pdf.py", "test_browser.py")


def _selects_site_tests(config) -> bool:
    """Whether the run takes whole files that need the site (then it builds from the start); a
    run of chosen tests (node ids, -k) builds it only if one of them asks for it."""
    if config.option.keyword:
        return False
    for arg in config.args:
        if "::" in arg:
            continue
        path = Path(arg)
        path = path if path.is_absolute() else Path(config.invocation_params.dir) / path
        if path.is_dir() or path.name in NEED_SITE:
            return True
    return False


def pytest_configure(config):
    if not hasattr(config, "workerinput"):  # the controller, not an xdist worker
        config._kb_status_before = _git_status()
        for old in ARTIFACTS.glob("search-*.json"):
            old.unlink()
        for old in Path(tempfile.gettempdir()).glob("kb-test-run-*"):  # kept by failed runs
            if time.time() - old.stat().st_mtime > 24 * 3600:
                shutil.rmtree(old, ignore_errors=True)
        run_dir = Path(tempfile.mkdtemp(prefix="kb-test-run-"))
        os.environ[RUN_DIR] = str(run_dir)  # the xdist workers, started after this, inherit it
        config._kb_site_build = SiteBuild(run_dir) if _selects_site_tests(config) else None
        if config._kb_site_build:
            config._kb_site_build.start()


def pytest_unconfigure(config):
    build = getattr(config, "_kb_site_build", None)
    if build is not None:
        build.stop()
    run_dir = os.environ.get(RUN_DIR)
    if not hasattr(config, "workerinput") and run_dir and Path(run_dir).exists():
        if getattr(config, "_kb_failed", False) and (Path(run_dir) / "site").exists():
            sys.stderr.write(f"\nThe real site built for this run is kept in {run_dir}/site\n")
        else:
            shutil.rmtree(run_dir, ignore_errors=True)


@pytest.hookimpl(trylast=True)  # after pytest-xdist has marked each grouped test's id with its group
def pytest_collection_modifyitems(config, items):
    rank = {name: i for i, name in enumerate(ORDER)}
    items.sort(key=lambda item: rank.get(item.path.name, len(ORDER)))  # stable: same order in every worker
    # Tests that share an expensive fixture are grouped (xdist_group) so that one worker
    # builds it once. Some pytest and pytest-xdist releases ignore the marks without a word
    # (pytest-xdist issue 1386): each worker would then build the fixture again.
    if not getattr(config.option, "loadgroup", False):  # set in xdist workers under --dist loadgroup
        return
    for item in items:
        if item.get_closest_marker("xdist_group") and "@" not in item.nodeid:
            item.stash[LOST_GROUP] = True


LOST_GROUP = pytest.StashKey[bool]()


def pytest_runtest_setup(item):
    if item.stash.get(LOST_GROUP, False):
        pytest.fail("pytest-xdist ignored this test's xdist_group mark (pytest-xdist issue 1386), so its "
                    "shared fixture would be built once per worker; install the pytest and pytest-xdist "
                    "versions pinned in requirements.txt", pytrace=False)


def pytest_terminal_summary(terminalreporter):
    for name in ("terms", "natural"):
        path = ARTIFACTS / f"search-{name}.json"
        if not path.exists():
            continue
        rows = json.loads(path.read_text())
        if not rows:
            continue
        if name == "terms":
            terminalreporter.section("search: the right page first, and in the top 3")
        for kind in sorted({r["kind"] for r in rows}) + ["all"]:
            mine = [r for r in rows if kind in ("all", r["kind"])]
            first = sum(r["rank"] == 0 for r in mine)
            top3 = sum(r["rank"] is not None for r in mine)
            terminalreporter.write_line(f"{name:8} {kind:15} first {first}/{len(mine)} = {first / len(mine):6.1%}"
                                        f"   top 3 {top3}/{len(mine)} = {top3 / len(mine):6.1%}")
    terminalreporter.write_line(f"screenshots and search results: {ARTIFACTS}")


def pytest_sessionfinish(session, exitstatus):
    config = session.config
    if hasattr(config, "workerinput") or not hasattr(config, "_kb_status_before"):
        return
    config._kb_failed = exitstatus != 0
    new = sorted(set(_git_status()) - set(config._kb_status_before))
    if new:
        sys.stderr.write("\nThe test run wrote into the working tree:\n  " + "\n  ".join(new) + "\n")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


# -- the real site, built once for all the tests that inspect it ---------------------------

class BuiltSite:
    def __init__(self, path: Path, log: str, seconds: float, runs: list[dict], cache: Path):
        self.path, self.log, self.seconds, self.runs, self.cache = path, log, seconds, runs, cache

    def pages(self):
        return sorted(self.path.rglob("*.html"))


def build_site(project: Path, site: Path, env: dict | None = None, timeout: float = 900) -> subprocess.CompletedProcess:
    """Run the strict, atomic build of ``project`` into ``site``."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KB_EXEC_CACHE": "0", **(env or {})}
    return subprocess.run(_build_command(project, site), cwd=project, env=full_env, capture_output=True,
                          text=True, timeout=timeout)


class SiteBuild(threading.Thread):
    """The strict build of the real site, started by the controller as the run begins.

    It runs every block (``KB_EXEC_CACHE=refresh``: the cache is written, never read) and
    leaves in the run folder the site, the build's log and report, and a fresh cache
    for the warm-rebuild test.
    """

    def __init__(self, run_dir: Path):
        super().__init__(daemon=True)
        self.run_dir, self.proc = run_dir, None
        (run_dir / "site-build.started").touch()

    def run(self) -> None:
        run_dir = self.run_dir
        report = run_dir / "exec-report.json"
        # one example at a time: the two test workers keep the other cores busy meanwhile
        env = {"KB_EXEC_JOBS": "1", **os.environ, "NO_MKDOCS_2_WARNING": "1", "KB_EXEC_CACHE": "refresh",
               "KB_EXEC_CACHE_DIR": str(run_dir / "cache"), "KB_EXEC_REPORT": str(report)}
        start = time.perf_counter()
        try:
            self.proc = subprocess.Popen(_build_command(ROOT, run_dir / "site"), cwd=ROOT, env=env,
                                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            log, _ = self.proc.communicate(timeout=900)
            ok = self.proc.returncode == 0
        except Exception as exc:  # noqa: BLE001 - reported by the tests that need the site
            log, ok = f"the build could not run: {exc!r}", False
        runs = json.loads(report.read_text()) if report.exists() else []
        meta = {"ok": ok, "log": log, "seconds": time.perf_counter() - start, "runs": runs}
        tmp = run_dir / "site-build.json.tmp"
        tmp.write_text(json.dumps(meta))
        os.replace(tmp, run_dir / "site-build.json")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()


def _build_command(project: Path, site: Path) -> list[str]:
    return [sys.executable, "-m", "kbsite.dev.build", "-f", str(project / "mkdocs.yml"), "-d", str(site)]


def shared_build(timeout: float = 900) -> dict:
    """The real site's build for this run: waits for the one the controller started, or
    (when this run did not start one) builds it, once for all workers."""
    run_dir = Path(os.environ[RUN_DIR])
    meta = run_dir / "site-build.json"
    if not (run_dir / "site-build.started").exists():
        with FileLock(str(run_dir / "site.lock")):
            if not meta.exists():
                SiteBuild(run_dir).run()
    deadline = time.monotonic() + timeout
    while not meta.exists():
        if time.monotonic() > deadline:
            pytest.fail(f"the site build did not finish in {timeout:.0f} s", pytrace=False)
        time.sleep(0.2)
    return json.loads(meta.read_text())


@pytest.fixture(scope="session")
def built_site() -> BuiltSite:
    """The real site, built once per test run (see SiteBuild)."""
    data = shared_build()
    if not data["ok"]:
        pytest.fail("mkdocs build --strict failed:\n" + data["log"][-8000:], pytrace=False)
    run_dir = Path(os.environ[RUN_DIR])
    return BuiltSite(run_dir / "site", data["log"], data["seconds"], data["runs"], run_dir / "cache")


# -- small sites made inside a test ------------------------------------------------------------

MINI_NAV = """nav:
  - Home: index.md
  - Demo:
      - demo/index.md
      - demo/more.md
  - Glossary:
      - glossary.md
      - concepts.md
  - API reference: reference/index.md
"""

PLOT = '''\
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(3, 2))
ax.plot([0, 1, 2], [0, 1, 4])
print("a plot follows")
plt.show()
print("the plot was shown")
'''


def fence(file: str, block_id: str, options: str = 'source="tabbed-right"') -> str:
    """An executed fence for ``snippets/demo/<file>``."""
    return f'```python exec="on" {options} id="{block_id}" file="snippets/demo/{file}"\n```\n'


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
        (path / "docs" / "demo" / "index.md").write_text("# Demo\n\nThe demo chapter.\n", encoding="utf-8")
        (path / "docs" / "demo" / "more.md").write_text("# More\n\nA second page of the chapter.\n", encoding="utf-8")

    def snippet(self, name: str, code: str) -> Path:
        target = self.path / "snippets" / "demo" / name
        target.write_text(textwrap.dedent(code), encoding="utf-8")
        return target

    def page(self, body: str, concepts: str = "", name: str = "index.md") -> None:
        front = f"---\nconcepts:\n{textwrap.indent(textwrap.dedent(concepts), '  ')}---\n" if concepts else ""
        (self.path / "docs" / "demo" / name).write_text(front + textwrap.dedent(body), encoding="utf-8")

    def build(self, site: Path | None = None, **env) -> subprocess.CompletedProcess:
        return build_site(self.path, site or self.path / "site", {k: str(v) for k, v in env.items()}, timeout=300)


@pytest.fixture
def mini(tmp_path) -> MiniProject:
    return MiniProject(tmp_path / "project")
