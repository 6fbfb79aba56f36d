"""A claim holds beyond the seed that shows it: every example that seeds a random generator runs
again with each seed it sets shifted (kbsite.runner.shift_seeds), unedited, and its asserts must
pass. `make test` shifts by 1, 2 and 3; `make seeds N=20` by 1 to 20."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from kbsite.runner import run_file

ROOT = Path(__file__).resolve().parent.parent
SEEDING = re.compile(r"manual_seed\(|default_rng\(|random\.seed\(|RandomState\(")
SEEDED = sorted(p for p in (ROOT / "snippets").rglob("*.py") if SEEDING.search(p.read_text(encoding="utf-8")))
SHIFTS = range(1, int(os.environ.get("KB_SEEDS", "3")) + 1)


@pytest.mark.parametrize("path", SEEDED, ids=[p.relative_to(ROOT / "snippets").as_posix() for p in SEEDED])
def test_the_claims_hold_for_other_seeds(path: Path):
    failed = []
    for shift in SHIFTS:
        result = run_file(path, timeout=30, seed_shift=shift)
        if not result.ok:
            last = result.error.strip().splitlines()[-1] if result.error.strip() else "failed"
            failed.append(f"seeds + {shift}: line {result.line}: {last}")
    assert not failed, f"{path.relative_to(ROOT)} fails with its seeds shifted ({len(failed)} of {len(SHIFTS)}):\n  " \
        + "\n  ".join(failed)
