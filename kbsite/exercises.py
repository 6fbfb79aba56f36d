"""Exercises whose answer keys an executed example computes.

A page's "Check yourself" section runs its check file through a fence with
``exercises="1"``; the file's demonstration prints a JSON list of exercises, each with the
key its code computed. This module checks that list and renders it: the question (Markdown,
so searchable, glossary-linked and typeset like the page) in the page's text; the key, the
hint and the worked solution only base64-encoded in an attribute, so that neither the
search index nor the page's visible text holds an answer before the reader gives one.
``docs/assets/javascripts/exercises.js`` checks answers in the browser and keeps progress.

An exercise (JSON object):

- ``id`` (kebab-case, unique on the page), ``concept`` (the concept id it tests), ``kind``:
  ``numeric`` (type a number or a short vector), ``predict`` (predict what ``code`` prints or
  which way a value moves) or ``choice`` (multiple choice);
- ``question``, ``hint``, ``solution``: Markdown;
- ``answer``: a number or a list of numbers (checked within ``tolerance``), a string (checked
  ignoring case and spaces), or, with ``options``, the index of the right option;
- ``options`` (choice, or predict with options): ``[{"text": ..., "why": ...}]``, a one-line
  explanation for every option, shown once the reader answered;
- ``shuffle`` (with options, optional): ``true`` when the options have no order of their own;
  the page then shows them in an order that the exercise's id fixes (see placed), so the
  file can list the right one first and where the key sits tells the reader nothing;
- ``code`` (predict): the lines whose output the reader predicts, shown under the question.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from typing import Any

KINDS = {"numeric", "predict", "choice"}
ID = re.compile(r"[a-z0-9][a-z0-9-]*")


class ExerciseError(ValueError):
    """An exercise list that cannot be rendered, and why."""


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def check(exercises: Any, concepts: set[str]) -> list[dict]:
    """The exercises, validated; ExerciseError names the first problem."""
    if not isinstance(exercises, list) or not exercises:
        raise ExerciseError("the check file must print a non-empty JSON list of exercises")
    seen: set[str] = set()
    for n, ex in enumerate(exercises, 1):
        name = ex.get("id", "no id") if isinstance(ex, dict) else repr(ex)
        where = f"exercise {n} ({name})"
        if not isinstance(ex, dict):
            raise ExerciseError(f"{where}: an exercise is a JSON object")
        missing = [k for k in ("id", "concept", "kind", "question", "answer", "hint", "solution") if k not in ex]
        if missing:
            raise ExerciseError(f"{where}: missing {', '.join(missing)}")
        if not ID.fullmatch(str(ex["id"])) or ex["id"] in seen:
            raise ExerciseError(f"{where}: the id must be kebab-case and unique on the page")
        seen.add(ex["id"])
        if ex["concept"] not in concepts:
            raise ExerciseError(f"{where}: no concept {ex['concept']!r} in the registry")
        if ex["kind"] not in KINDS:
            raise ExerciseError(f"{where}: kind must be one of {sorted(KINDS)}")
        if ex["kind"] == "predict" and not str(ex.get("code", "")).strip():
            raise ExerciseError(f"{where}: a predict exercise shows the code whose output is predicted")
        options, answer = ex.get("options"), ex["answer"]
        if ex["kind"] == "choice" and not options:
            raise ExerciseError(f"{where}: a choice exercise has options")
        if options:
            if not (isinstance(options, list) and len(options) >= 2
                    and all(isinstance(o, dict) and o.get("text") and o.get("why") for o in options)):
                raise ExerciseError(f"{where}: options are at least two {{text, why}} objects")
            if not (isinstance(answer, int) and 0 <= answer < len(options)):
                raise ExerciseError(f"{where}: the answer of a choice is the index of the right option")
        elif _number(answer) or (isinstance(answer, list) and answer and all(_number(a) for a in answer)):
            if not (_number(ex.get("tolerance")) and ex["tolerance"] > 0):
                raise ExerciseError(f"{where}: a numeric answer needs a tolerance > 0")
        elif not (isinstance(answer, str) and answer.strip()):
            raise ExerciseError(f"{where}: the answer is a number, a list of numbers, a string or an option index")
        if "shuffle" in ex and not (isinstance(ex["shuffle"], bool) and options):
            raise ExerciseError(f"{where}: shuffle is true or false, and only for an exercise with options")
    return exercises


def placed(ex: dict) -> dict:
    """The exercise as the page shows it: a ``shuffle`` exercise's options in the order of the
    SHA-256 of its id and each option's text (the same order in every build, and no tie to the
    order the file lists them in), its answer the index where the right option landed."""
    if not ex.get("shuffle"):
        return ex
    options = ex["options"]
    order = sorted(range(len(options)),
                   key=lambda i: hashlib.sha256(f"{ex['id']}\n{options[i]['text']}".encode()).hexdigest())
    return {**ex, "options": [options[i] for i in order], "answer": order.index(ex["answer"])}


def _encode(data: dict) -> str:
    return base64.b64encode(json.dumps(data, ensure_ascii=False).encode("utf-8")).decode("ascii")


def render(exercises: list[dict], page: str, convert, concept_link) -> tuple[str, list[str]]:
    """(HTML of the exercises, their ids as ``<page>#<id>``). ``convert`` turns Markdown into
    HTML; ``concept_link(id)`` gives the Markdown link to a concept's section."""
    parts, ids = [], []
    for n, ex in enumerate(map(placed, exercises), 1):
        key = f"{page}#{ex['id']}"
        ids.append(key)
        secret = {"answer": ex["answer"], "tolerance": ex.get("tolerance", 0),
                  "hint": convert(ex["hint"]), "solution": convert(ex["solution"]),
                  "why": [convert(o["why"]) for o in ex.get("options") or []]}
        kind = {"numeric": "Numeric answer", "predict": "Predict the output", "choice": "Multiple choice"}[ex["kind"]]
        body = [f'<p class="kb-ex-meta">Exercise {n} · {kind} · on {convert(concept_link(ex["concept"]), inline=True)}</p>',
                f'<div class="kb-ex-question">{convert(ex["question"])}</div>']
        if ex["kind"] == "predict":
            body.append(convert(f"```python\n{ex['code'].strip()}\n```"))
        if ex.get("options"):
            body.append('<fieldset class="kb-ex-options"><legend>Choose one</legend>' + "".join(
                f'<label><input type="radio" name="{html.escape(key)}" value="{i}"> '
                f'{convert(o["text"], inline=True)}</label>' for i, o in enumerate(ex["options"])) + "</fieldset>")
        else:
            tolerance = f" (within ±{ex['tolerance']:g})" if _number(ex.get("tolerance")) else ""
            what = "numbers, separated by commas" if isinstance(ex["answer"], list) else \
                "a number" if _number(ex["answer"]) else "your answer"
            body.append(f'<label class="kb-ex-answer">Your answer: {what}{tolerance} '
                        f'<input type="text" autocomplete="off" spellcheck="false"></label>')
        body.append('<p class="kb-ex-actions"><button type="submit" class="md-button md-button--primary">Check</button></p>'
                    '<div class="kb-ex-feedback" aria-live="polite"></div>')
        parts.append(f'<form class="kb-exercise" id="ex-{html.escape(ex["id"])}" data-kb-exercise="{html.escape(key)}" '
                     f'data-kb-kind="{ex["kind"]}" data-kb-key="{_encode(secret)}">{"".join(body)}</form>')
    header = (f'<div class="kb-exercises" data-kb-page="{html.escape(page)}"><p class="kb-ex-progress">'
              f'<span class="kb-ex-count">{len(exercises)} exercises</span> '
              '<button type="button" class="kb-ex-reset md-button">Reset my answers on this page</button></p>')
    return header + "".join(parts) + "</div>", ids


def chapter_progress(output: str, exercises: dict[str, list[str]]) -> str:
    """A chapter index's ``data-kb-chapter`` mark replaced by the ids of the chapter's exercises,
    for exercises.js to count the solved ones."""
    if 'data-kb-chapter="' not in output:
        return output
    chapter = output.split('data-kb-chapter="', 1)[1].split('"', 1)[0]
    ids = [i for page, found in sorted(exercises.items()) if page.startswith(f"{chapter}/") for i in found]
    return output.replace(f'data-kb-chapter="{chapter}"', f"data-kb-exercises='{json.dumps(ids)}'", 1)
