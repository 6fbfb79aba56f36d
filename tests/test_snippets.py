"""Every example runs as a fresh script would and prints what it printed in the build; it follows
the recipe in CONTRIBUTING.md: copied alone, it runs, imports without running its demonstration,
and the functions the API reference lists take their data as arguments and pass their own
docstring examples."""

from __future__ import annotations

import ast
import builtins
import hashlib
import json
import os
import re
import shutil
import subprocess
import symtable
import sys
from pathlib import Path

import pytest

from conftest import sample, shared_build
from kbsite.generated import CHECK_SUFFIX, documented_functions
from kbsite.runner import SVG_SETTINGS, Runner, run_file

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = sorted(p for p in (ROOT / "snippets").rglob("*.py") if p.name != "__init__.py")
IDS = [p.relative_to(ROOT / "snippets").as_posix() for p in SNIPPETS]
TIME_LIMIT = 30  # seconds; the build's limit is 60, the target is well under 2
ALLOWED_IMPORTS = {"numpy", "torch", "matplotlib", "__future__"}


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _build_run(rel: str) -> dict | None:
    """This example's run in the site's build (conftest.SiteBuild), if the build succeeded."""
    build = shared_build()
    runs = [r for r in build["runs"] if r["snippet"] == rel] if build["ok"] else []
    return runs[0] if runs else None


EMPTY = hashlib.sha256(b"").hexdigest()


@pytest.mark.parametrize("path", SNIPPETS, ids=IDS)
def test_every_example_ran_in_the_build_and_printed(path: Path):
    rel = _rel(path)
    run = _build_run(rel)
    if run is None:
        assert shared_build()["ok"], "the site's build failed"
        pytest.fail(f"{rel} did not run in the build")
    assert run["output_sha256"] != EMPTY, f"{rel} printed nothing: an example prints what the reader should see"


RERUN = sample(SNIPPETS, 10)


@pytest.mark.parametrize("path", RERUN, ids=[_rel(p).removeprefix("snippets/") for p in RERUN])
def test_snippet_runs_again_and_prints_what_it_printed_in_the_build(path: Path):
    """Run a second time, an example prints and draws the same bytes: its output is deterministic."""
    rel = _rel(path)
    result = run_file(path, timeout=TIME_LIMIT)
    if not result.ok:
        where = f"{rel}:{result.line}" if result.line else rel
        last = result.error.strip().splitlines()[-1] if result.error.strip() else "failed"
        pytest.fail(f"{where}: {last}\n\n{result.error}\n{result.stderr}", pytrace=False)
    assert "<svg" not in result.stdout, f"{rel} prints SVG: show figures with plt.show() (CONTRIBUTING.md)"
    run = _build_run(rel)
    assert run is not None, f"{rel} did not run in the build"
    assert run["output_sha256"] == hashlib.sha256(result.stdout.encode("utf-8")).hexdigest(), \
        f"{rel} printed something else in the site's build: its output is not deterministic"
    assert run["figures_sha256"] == [hashlib.sha256(svg.encode("utf-8")).hexdigest() for _, svg in result.figures], \
        f"{rel} drew other figures in the site's build"


def _is_main_guard(node: ast.stmt) -> bool:
    return isinstance(node, ast.If) and isinstance(node.test, ast.Compare) and \
        isinstance(node.test.left, ast.Name) and node.test.left.id == "__name__" and \
        isinstance(node.test.comparators[0], ast.Constant) and node.test.comparators[0].value == "__main__"


def global_reads(source: str, names: list[str]) -> dict[str, set[str]]:
    """For each function in ``names``: the module-level names it reads that are neither
    imported, nor a function or class of the module, nor builtins (its data must be arguments)."""
    tree = ast.parse(source)
    allowed = set(dir(builtins))
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            allowed |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            allowed.add(node.name)

    def reads(table: symtable.SymbolTable) -> set[str]:
        found = {s.get_name() for s in table.get_symbols() if s.is_global() and s.is_referenced()}
        for child in table.get_children():
            found |= reads(child)
        return found

    module = symtable.symtable(source, "<example>", "exec")
    return {t.get_name(): reads(t) - allowed for t in module.get_children() if t.get_name() in names}


@pytest.mark.parametrize("path", SNIPPETS, ids=IDS)
def test_snippet_follows_the_recipe(path: Path):
    """CONTRIBUTING.md, "A snippet": what can be checked by reading the file."""
    rel, text = _rel(path), path.read_text(encoding="utf-8")
    tree = ast.parse(text)
    assert re.fullmatch(r"[a-z][a-z0-9_]*", path.stem), f"{rel}: snippet names are snake_case identifiers"
    imported = {alias.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for alias in n.names}
    imported |= {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module and not n.level}
    outside = {m for m in imported if m not in ALLOWED_IMPORTS and m not in sys.stdlib_module_names}
    assert not outside, f"{rel} imports {sorted(outside)}: only the standard library, numpy, torch, matplotlib"
    assert "matplotlib.use(" not in text and not re.search(r"['\"]svg\.", text), \
        f"{rel}: no matplotlib.use() and no svg.* settings: the build's runner applies them"
    assert any(_is_main_guard(node) for node in tree.body), \
        f"{rel}: the demonstration goes under `if __name__ == \"__main__\":`"
    loose = [f"line {n.lineno}" for n in tree.body if not (
        isinstance(n, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.ClassDef)) or _is_main_guard(n)
        or (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))  # the module docstring
        or (isinstance(n, (ast.Assign, ast.AnnAssign)) and all(
            isinstance(t, ast.Name) and t.id.isupper() for t in (n.targets if isinstance(n, ast.Assign) else [n.target]))))]
    assert not loose, f"{rel}: code outside functions and the __main__ block runs on import: {loose}"
    api = documented_functions(path)
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in api:
            args = node.args.posonlyargs + node.args.args + node.args.kwonlyargs
            untyped = [a.arg for a in args if a.annotation is None] + ([] if node.returns else ["return"])
            assert not untyped, f"{rel}: {node.name} needs type hints for {untyped}"
    bad = {name: sorted(names) for name, names in global_reads(text, api).items() if names}
    assert not bad, f"{rel}: functions that read module-level data instead of taking it as arguments: {bad}"


CHECK = '''\
import contextlib, doctest, importlib, io, json, sys
printed = io.StringIO()
with contextlib.redirect_stdout(printed):
    module = importlib.import_module({module!r})
figures = len(sys.modules["matplotlib.pyplot"].get_fignums()) if "matplotlib.pyplot" in sys.modules else 0
runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
report = {{}}
for name in {names!r}:
    tests = doctest.DocTestFinder(recurse=False).find(getattr(module, name), name, module=module)
    out = io.StringIO()
    failed = sum(runner.run(t, out=out.write).failed for t in tests)
    calls = any(name + "(" in e.source for t in tests for e in t.examples)
    report[name] = {{"calls": calls, "failed": failed, "log": out.getvalue()}}
print(json.dumps({{"printed": printed.getvalue(), "figures": figures, "report": report}}))
'''


@pytest.mark.parametrize("path", SNIPPETS, ids=IDS)
def test_an_example_imports_without_running_and_its_functions_pass_their_examples(path: Path, tmp_path: Path):
    """Copied alone into a folder and imported, an example prints and draws nothing; each function
    the API reference lists has a docstring example that calls it on data of its own, and passes."""
    rel = _rel(path)
    shutil.copy(path, tmp_path / path.name)
    api = documented_functions(path)
    result = Runner().run(CHECK.format(module=path.stem, names=api), tmp_path / "check_example.py", TIME_LIMIT)
    assert result.ok, f"{rel}: importing it failed\n{result.error}"
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["printed"] == "" and found["figures"] == 0, \
        f"{rel}: importing it runs its demonstration (printed {found['printed'][:200]!r})"
    if not path.stem.endswith(CHECK_SUFFIX):  # a page's exercises are not an example to reuse
        assert api, f"{rel} documents no function: its reusable code is a function with a docstring"
    for name, report in found["report"].items():
        assert report["calls"], f"{rel}: {name}'s docstring has no example (>>> {name}(...)) that calls it"
        assert not report["failed"], f"{rel}: {name}'s docstring example fails:\n{report['log']}"


# A sample in `make test`; every example under CI=true or KB_FULL=1 (a page's exercises are not
# an example to take, so its _check.py is left out).
STANDALONE = sample([p for p in SNIPPETS if not p.stem.endswith(CHECK_SUFFIX)], 75)
ALONE = '''\
import contextlib, importlib, io, json, runpy, sys
import matplotlib.pyplot as plt

printed = io.StringIO()
with contextlib.redirect_stdout(printed):
    importlib.import_module({module!r})
on_import = {{"printed": printed.getvalue(), "figures": len(plt.get_fignums())}}
plt.close("all")
shown = []
def show(*args, **kwargs):
    for number in plt.get_fignums():
        with plt.rc_context({settings!r}):
            name = f"figure-{{len(shown)}}.svg"
            plt.figure(number).savefig(name, format="svg", bbox_inches="tight", metadata={{"Date": None}})
            shown.append(name)
    plt.close("all")
plt.show = show
out = io.StringIO()
with contextlib.redirect_stdout(out):
    runpy.run_path({file!r}, run_name="__main__")
    show()
print(json.dumps({{"import": on_import, "stdout": out.getvalue(), "figures": shown}}))
'''


@pytest.mark.parametrize("path", STANDALONE, ids=[_rel(p).removeprefix("snippets/") for p in STANDALONE])
def test_an_example_copied_alone_runs_imports_and_draws_the_page_figures(path: Path, tmp_path: Path):
    """Copied alone into an empty folder, in a fresh Python with only numpy, torch and matplotlib
    (MPLBACKEND=Agg): `import file` prints and draws nothing; the file run as `__main__` prints the
    page's text; with plt.savefig in place of plt.show, its figures are the page's, byte for byte."""
    rel = _rel(path)
    shutil.copy(path, tmp_path / path.name)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "KB_"))} | {"MPLBACKEND": "Agg"}
    check = ALONE.format(module=path.stem, file=path.name, settings=SVG_SETTINGS)
    proc = subprocess.run([sys.executable, "-c", check], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, f"{rel}:\n{proc.stderr[-3000:]}"
    found = json.loads(proc.stdout.strip().splitlines()[-1])
    assert found["import"] == {"printed": "", "figures": 0}, f"{rel}: `import {path.stem}` ran its demonstration"
    built = _build_run(rel)
    assert built is not None, f"{rel} did not run in the build"
    assert hashlib.sha256(found["stdout"].encode("utf-8")).hexdigest() == built["output_sha256"], \
        f"{rel}: run on its own, it prints something else than the page shows"
    drawn = [hashlib.sha256((tmp_path / name).read_bytes()).hexdigest() for name in found["figures"]]
    assert drawn == built["figures_sha256"], f"{rel}: the figures saved on their own differ from the page's"
