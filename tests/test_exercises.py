"""Exercises: their keys come from the code that runs in the build, and stay out of sight.

A small site with a check file; the keys are read back from the built page. Changing the code
changes the key; a bad exercise list fails the build naming the file; the key, the hint and the
solution are neither in the page's text nor in the search index."""

from __future__ import annotations

import base64
import html as html_lib
import json
import re

import pytest

from conftest import MiniProject

CONCEPTS = "saddle-point:\n  summary: A point where the gradient is zero and the curvature has both signs.\n"
PAGE = """\
# More

## Saddle point (鞍点) {#saddle-point}

Text about saddle points.

## Check yourself

```python exec="on" id="more-check" file="snippets/demo/more_check.py" exercises="1"
```
"""
CHECK = '''\
"""Check yourself: the demo page."""
import json


def side(area: float) -> float:
    """The side of a square of the given area.

    Examples:
        >>> side(9.0)
        3.0
    """
    return area ** 0.5


if __name__ == "__main__":
    key = side(AREA)
    exercises = [
        {"id": "square-side", "concept": "saddle-point", "kind": "numeric",
         "question": "What is the side of a square of area AREA?", "answer": key, "tolerance": 0.01,
         "hint": "HINT-TEXT: take a root.", "solution": f"SOLUTION-TEXT: the side is {key:.4f}."},
        {"id": "which-way", "concept": "saddle-point", "kind": "choice", "question": "Which way?",
         "options": [{"text": "up", "why": "WHY-UP"}, {"text": "down", "why": "WHY-DOWN"}], "answer": 1,
         "hint": "HINT-TWO", "solution": "SOLUTION-TWO"},
        {"id": "prints", "concept": "saddle-point", "kind": "predict", "question": "What does it print?",
         "code": "print(side(16.0))", "answer": str(side(16.0)), "hint": "HINT-THREE", "solution": "SOLUTION-THREE"},
    ]
    print(json.dumps(exercises))
'''


def _keys(html: str) -> dict[str, dict]:
    found = re.findall(r'data-kb-exercise="([^"]+)" data-kb-kind="[a-z]+" data-kb-key="([^"]+)"', html)
    return {html_lib.unescape(i): json.loads(base64.b64decode(k).decode("utf-8")) for i, k in found}


def _project(mini: MiniProject, area: str) -> MiniProject:
    mini.snippet("more_check.py", CHECK.replace("AREA", area))
    mini.page(PAGE, CONCEPTS, name="more.md")
    return mini


def test_the_key_comes_from_the_code_and_follows_it(mini, tmp_path):
    proc = _project(mini, "2.25").build(tmp_path / "one")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    keys = _keys((tmp_path / "one/demo/more/index.html").read_text(encoding="utf-8"))
    assert set(keys) == {"demo/more.md#square-side", "demo/more.md#which-way", "demo/more.md#prints"}
    assert keys["demo/more.md#square-side"]["answer"] == 1.5 and keys["demo/more.md#prints"]["answer"] == "4.0"
    assert "SOLUTION-TEXT: the side is 1.5000." in keys["demo/more.md#square-side"]["solution"]
    proc = _project(mini, "6.25").build(tmp_path / "two")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    keys = _keys((tmp_path / "two/demo/more/index.html").read_text(encoding="utf-8"))
    assert keys["demo/more.md#square-side"]["answer"] == 2.5  # the code changed, so did the key
    # the chapter's index lists the exercises, for the reader's progress count
    index = (tmp_path / "two/demo/index.html").read_text(encoding="utf-8")
    assert "data-kb-exercises='[\"demo/more.md#square-side\", \"demo/more.md#which-way\", \"demo/more.md#prints\"]'" in index
    assert not (tmp_path / "two/snippets/demo/more_check.py").exists(), "the answer keys are not served"


def test_no_key_hint_or_solution_is_in_the_text_or_the_search_index(mini, tmp_path):
    proc = _project(mini, "2.25").build(tmp_path / "site")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    page = (tmp_path / "site/demo/more/index.html").read_text(encoding="utf-8")
    index = (tmp_path / "site/search/search_index.json").read_text(encoding="utf-8")
    text = html_lib.unescape(re.sub(r"<[^>]+>", "", page))
    assert "What is the side of a square" in index  # the question is searchable
    for secret in ("HINT-TEXT", "SOLUTION-TEXT", "WHY-UP", "WHY-DOWN", "HINT-TWO", "SOLUTION-THREE", "1.5000"):
        assert secret not in text and secret not in index, secret
    assert "print(side(16.0))" in text  # a predict exercise shows its code


BAD_LISTS = [  # (an edit that breaks the demo's list, what the build must say about it)
    (('"concept": "saddle-point", "kind": "numeric"', '"concept": "no-such-concept", "kind": "numeric"'),
     "exercise 1 (square-side): no concept 'no-such-concept' in the registry"),
    (('"tolerance": 0.01,', ""), "exercise 1 (square-side): a numeric answer needs a tolerance > 0"),
    (('"answer": 1,', '"answer": 2,'), "exercise 2 (which-way): the answer of a choice is the index of the right option"),
    (("print(json.dumps(exercises))", "print(exercises)"), "Expecting property name"),
]


def test_a_bad_exercise_list_fails_the_build_naming_the_file(mini, tmp_path):
    """One page runs four broken check files: the build fails and names each file with its fault."""
    page = PAGE.split("```python", 1)[0]
    for n, (change, _) in enumerate(BAD_LISTS, 1):
        mini.snippet(f"more_bad{n}_check.py", CHECK.replace("AREA", "4.0").replace(*change))
        page += f'```python exec="on" id="bad-{n}" file="snippets/demo/more_bad{n}_check.py" exercises="1"\n```\n\n'
    mini.page(page, CONCEPTS, name="more.md")
    proc = mini.build(tmp_path / "site")
    assert proc.returncode != 0
    log = proc.stdout + proc.stderr
    for n, (_, message) in enumerate(BAD_LISTS, 1):
        assert re.search(rf"snippets/demo/more_bad{n}_check\.py: [^\n]*{re.escape(message)}", log), (message, log[-3000:])


def test_a_shuffled_choice_keeps_its_key_and_the_id_alone_fixes_the_order():
    """``"shuffle": true``: the file may list the right option first; the page shows the options
    in an order fixed by the exercise's id, the same in every build, and the key follows its option."""
    from kbsite.exercises import ExerciseError, check, placed

    options = [{"text": text, "why": f"why {text}"} for text in ("right", "wrong 1", "wrong 2", "wrong 3")]
    ex = {"id": "which-one", "concept": "saddle-point", "kind": "choice", "question": "Which?", "options": options,
          "answer": 0, "hint": "h", "solution": "s", "shuffle": True}
    shown = placed(ex)
    assert shown["options"][shown["answer"]]["text"] == "right"
    assert sorted(o["text"] for o in shown["options"]) == sorted(o["text"] for o in options)
    assert placed(dict(ex)) == shown
    assert placed({**ex, "options": options[::-1], "answer": 3}) == shown  # the listing order does not matter
    assert len({placed({**ex, "id": f"which-{n}"})["answer"] for n in range(20)}) == len(options)
    assert placed({**ex, "shuffle": False})["options"] == options
    with pytest.raises(ExerciseError, match="only for an exercise with options"):
        check([{"id": "n", "concept": "saddle-point", "kind": "numeric", "question": "q", "answer": 1.0,
                "tolerance": 0.1, "hint": "h", "solution": "s", "shuffle": True}], {"saddle-point"})
