"""Run examples as the build and the tests do: ``python -m kbsite.dev.run FILE [FILE ...]``.

Prints each example's output, then its run time and the figures it showed; exits 1 if any failed.
"""

from __future__ import annotations

import sys

from kbsite.runner import run_file


def main(paths: list[str]) -> int:
    if not paths:
        print("usage: python -m kbsite.dev.run snippets/<chapter>/<file>.py ...", file=sys.stderr)
        return 2
    failed = 0
    for path in paths:
        result = run_file(path)
        sys.stdout.write(result.stdout)
        if result.ok:
            shown = f", {len(result.figures)} figures" if result.figures else ""
            print(f"-- {path}: ok in {result.seconds:.2f} s{shown}", file=sys.stderr)
        else:
            failed += 1
            print(f"-- {path}: FAILED\n{result.error}{result.stderr}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
