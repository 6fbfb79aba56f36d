"""Strict build that never leaves a half-built site: ``python -m kbsite.dev.build [-d SITE] [-f mkdocs.yml]``.

The site is built into a temporary folder beside the target and moved into place only
when ``mkdocs build --strict`` succeeds; on failure the previous site stays, whole.
SOURCE_DATE_EPOCH defaults to the last commit's time, so the dates the build writes
(sitemap) are the same for two builds of one commit.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def source_date_epoch(root: Path) -> str:
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True,
                             text=True, check=True).stdout.strip()
        return out or "315532800"
    except (OSError, subprocess.CalledProcessError):
        return "315532800"  # 1980-01-01, the earliest date a zip can hold


def build(config: Path, site: Path, extra: list[str] | None = None) -> int:
    config, site = config.resolve(), site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site.name}.building-", dir=site.parent))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.setdefault("SOURCE_DATE_EPOCH", source_date_epoch(config.parent))
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config),
           "-d", str(tmp), *(extra or [])]
    code = subprocess.call(cmd, env=env)
    if code != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        print(f"Build failed: {site} was left as it was.", file=sys.stderr)
        return code
    old = None
    if site.exists():
        old = site.with_name(f".{site.name}.old-{os.getpid()}")
        os.replace(site, old)
    os.replace(tmp, site)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    site.chmod(0o755)
    print(f"Built {site}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    parser.add_argument("-d", "--site-dir", default="site")
    args, extra = parser.parse_known_args()
    return build(Path(args.config_file), Path(args.site_dir), extra)


if __name__ == "__main__":
    sys.exit(main())
