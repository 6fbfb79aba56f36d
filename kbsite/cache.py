"""An on-disk cache of example runs, for the edit-and-reload loop.

A run is keyed by its file's path and text and by everything else that can change what
it prints: the Python version and the versions of numpy, torch and matplotlib. Only
successful runs are stored, so a failing example always runs again.

On by default for ``mkdocs serve`` (``make serve``), off for ``mkdocs build`` and the
tests. ``KB_EXEC_CACHE=0`` turns it off, ``KB_EXEC_CACHE=1`` on; ``KB_EXEC_CACHE=refresh``
runs every example and stores what it gets, reading nothing. ``KB_EXEC_CACHE_DIR`` moves
it (default: ``.cache/exec`` in the project); ``make clean-cache`` clears it.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import tempfile
from importlib import metadata
from pathlib import Path

FORMAT = 2
LIBRARIES = ("numpy", "torch", "matplotlib")


def environment() -> dict[str, str]:
    """The versions a run's output depends on."""
    versions = {}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "absent"
    return {"python": platform.python_version(), "format": str(FORMAT), **versions}


def key(code: str, env: dict[str, str]) -> str:
    """The cache key of one run of ``code`` (which starts with the file's path)."""
    return hashlib.sha256(json.dumps({"code": code, "env": env}, sort_keys=True).encode("utf-8")).hexdigest()


class ExecCache:
    """A folder of JSON records, one per successful run; with ``read=False`` only written to."""

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

    def put(self, digest: str, record: dict) -> None:
        path = self._path(digest)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            json.dump(record, stream)
        os.replace(tmp, path)


def mode(setting: str | bool, command: str) -> str:
    """``"on"``, ``"off"`` or ``"refresh"``: the plugin's ``cache`` setting (auto: on only for
    ``mkdocs serve``), overridden by ``KB_EXEC_CACHE`` (1/0, on/off, true/false, refresh)."""
    value = os.environ.get("KB_EXEC_CACHE", "").strip().lower()
    if value == "refresh":
        return "refresh"
    if value in {"1", "on", "true", "yes"}:
        return "on"
    if value in {"0", "off", "false", "no"}:
        return "off"
    return "on" if (setting if isinstance(setting, bool) else command == "serve") else "off"


def open_cache(setting: str | bool, command: str, root: Path) -> ExecCache | None:
    """The cache this build uses, or None."""
    which = mode(setting, command)
    if which == "off":
        return None
    return ExecCache(os.environ.get("KB_EXEC_CACHE_DIR") or root / ".cache" / "exec", read=which == "on")
