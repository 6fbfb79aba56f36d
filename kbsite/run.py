"""Run snippets as the tests and the build do: ``python -m kbsite.run FILE [FILE ...]``.

Prints each snippet's output, then its run time; exits 1 if any failed.
"""

from __future__ import annotations

import sys

from kbsite.execute import run_file


def main(paths: list[str]) -> int:
    if not paths:
        print("usage: python -m kbsite.run snippets/<chapter>/<file>.py ...", file=sys.stderr)
        return 2
    failed = 0
    for path in paths:
        result = run_file(path)
        sys.stdout.write(result.stdout)
        if result.ok:
            print(f"-- {path}: ok in {result.seconds:.2f} s", file=sys.stderr)
        else:
            failed += 1
            print(f"-- {path}: FAILED\n{result.error}{result.stderr}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
