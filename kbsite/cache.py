"""An on-disk cache of snippet runs, for the edit-and-reload loop.

A run is keyed by everything that can change its output: the code as executed (the
snippet file's text, after includes are resolved), the Python version, the versions
of numpy, torch and matplotlib, and this cache's format version. Only successful runs
are stored, so a failing block always runs again.

A block's rendered HTML is cached too (see :func:`kbsite.fences._render`), keyed by its
source, options and output and by :func:`render_environment`: the Markdown extensions,
their settings and the versions of the libraries that render. Whole pages are stored in
the same folder by :mod:`kbsite.pages`, and the theme's compiled templates in its
``templates/`` folder.

On by default for ``mkdocs serve`` (and ``make serve``), off for ``mkdocs build``
and the tests. ``KB_EXEC_CACHE=0`` turns it off, ``KB_EXEC_CACHE=1`` on;
``KB_EXEC_CACHE=refresh`` runs every block and stores what it gets, reading nothing;
``KB_EXEC_CACHE_DIR`` moves it (default: ``.cache/exec`` in the project). Clear it
with ``make clean-cache`` or by deleting that folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import tempfile
from functools import cache
from importlib import metadata
from pathlib import Path

FORMAT = 1
LIBRARIES = ("numpy", "torch", "matplotlib")
RENDERERS = ("markdown", "pymdown-extensions", "pygments", "markdown-exec", "mkdocs-material")


@cache
def environment() -> dict[str, str]:
    """The versions a cached output depends on."""
    return {"python": platform.python_version(), "format": str(FORMAT), **_versions(LIBRARIES)}


def _versions(names) -> dict[str, str]:
    found = {}
    for name in names:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "absent"
    return found


def render_environment(config) -> str:
    """What a block's rendered HTML depends on besides its own source, options and output:
    the Markdown extensions and their settings, and the versions of the libraries that render."""

    def name(obj) -> str:
        kind = obj if callable(obj) and hasattr(obj, "__qualname__") else type(obj)
        return f"{kind.__module__}.{kind.__qualname__}"

    extensions = [e if isinstance(e, str) else name(e) for e in config.markdown_extensions]
    payload = json.dumps({"extensions": extensions, "settings": config.mdx_configs, "versions": _versions(RENDERERS),
                          "format": FORMAT}, sort_keys=True, default=name)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def key(code: str, env: dict[str, str] | None = None) -> str:
    """The cache key of one run of ``code``."""
    payload = json.dumps({"code": code, "env": env or environment()}, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class ExecCache:
    """A folder of JSON files, one per successful run (or rendering); with ``read=False``,
    only written to: every block runs, and the cache is left fresh for the next build."""

    def __init__(self, folder: str | os.PathLike, *, read: bool = True) -> None:
        self.folder = Path(folder)
        self.read = read

    def _path(self, digest: str) -> Path:
        return self.folder / digest[:2] / f"{digest}.json"

    def get(self, digest: str) -> dict | None:
        if not self.read:
            return None
        try:
            return json.loads(self._path(digest).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def touch(self, digest: str) -> None:
        """Mark a record as just used."""
        try:
            os.utime(self._path(digest))
        except OSError:
            pass

    def put(self, digest: str, record: dict) -> None:
        path = self._path(digest)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            json.dump(record, stream)
        os.replace(tmp, path)


def wanted(setting: str | bool, command: str) -> bool:
    """Whether a build uses the cache: the plugin's ``cache`` setting (auto = only for
    ``mkdocs serve``), overridden by ``KB_EXEC_CACHE``."""
    default = setting if isinstance(setting, bool) else command == "serve"
    return enabled_by_env(default)


def mode(setting: str | bool, command: str) -> str:
    """``"on"``, ``"off"`` or ``"refresh"`` (``KB_EXEC_CACHE=refresh``: write, never read)."""
    if os.environ.get("KB_EXEC_CACHE", "").strip().lower() == "refresh":
        return "refresh"
    return "on" if wanted(setting, command) else "off"


def enabled_by_env(default: bool) -> bool:
    """``KB_EXEC_CACHE`` overrides the default (1/0, on/off, true/false)."""
    value = os.environ.get("KB_EXEC_CACHE", "").strip().lower()
    if value in {"1", "on", "true", "yes"}:
        return True
    if value in {"0", "off", "false", "no"}:
        return False
    return default


def default_folder(project_root: str | os.PathLike) -> Path:
    return Path(os.environ.get("KB_EXEC_CACHE_DIR") or Path(project_root) / ".cache" / "exec")
