"""Exercises for the early stopping page: the patience rule on a given validation curve."""
import contextlib
import io
import json


def patience_stop(val: list[float], patience: int) -> tuple[int, int]:
    """Early stopping with patience: the epoch training stops and the epoch whose weights are restored.

    Args:
        val: the validation loss after epochs 1, 2, ...
        patience: stop after this many epochs without a new lowest value.

    Returns:
        (t_stop, t_best), 1-based epochs; t_stop is the last epoch if the rule never fires.

    Examples:
        >>> patience_stop([3.0, 2.0, 2.5, 2.6, 1.0], 2)
        (4, 2)
    """
    best, t_best = float("inf"), 0
    for t, v in enumerate(val, 1):
        if v < best:
            best, t_best = v, t
        elif t - t_best >= patience:
            return t, t_best
    return len(val), t_best


def printed(code: str) -> str:
    """What a few lines of code print.

    Args:
        code: the lines.

    Returns:
        Their output, stripped.

    Examples:
        >>> printed("print(2 * 3)")
        '6'
    """
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {})
    return out.getvalue().strip()


if __name__ == "__main__":
    val = [1.00, 0.80, 0.70, 0.72, 0.69, 0.71, 0.73, 0.70, 0.74, 0.75, 0.76, 0.68]
    P = 3
    t_stop, t_best = patience_stop(val, P)
    assert t_stop - t_best == P and min(val[:t_stop]) == val[t_best - 1]

    code = """val = [0.9, 0.6, 0.5, 0.55, 0.48, 0.49, 0.5, 0.47]
best, wait = float("inf"), 0
for t, v in enumerate(val, 1):
    if v < best:
        best, wait = v, 0
    else:
        wait += 1
    if wait == 2:
        break
print(t, best)"""
    out = printed(code)
    loop_val = [0.9, 0.6, 0.5, 0.55, 0.48, 0.49, 0.5, 0.47]
    loop_stop, loop_best = patience_stop(loop_val, 2)
    assert out == f"{loop_stop} {loop_val[loop_best - 1]:g}"  # the loop is the patience rule

    exercises = [
        {"id": "patience-stop-and-restore", "concept": "early-stopping", "kind": "numeric",
         "question": "The validation loss after epochs 1, 2, 3, ... is "
                     f"{', '.join(f'{v:g}' for v in val)}. With patience $P = {P}$, after which epoch does "
                     "training stop, and which epoch's weights are restored? Give the two epochs (1-based).",
         "answer": [t_stop, t_best], "tolerance": 0.1,
         "hint": "Track the lowest value so far; stop once $P$ epochs have passed without a new one.",
         "solution": f"The lowest value before the stop is {val[t_best - 1]:g}, at epoch {t_best}. Epochs "
                     f"{t_best + 1} to {t_stop} bring no new lowest value, so the rule stops after epoch "
                     f"{t_stop} and restores epoch {t_best}. The lower value {val[-1]:g} at epoch {len(val)} is "
                     "never seen: patience trades such late improvements for time."},
        {"id": "patience-predict", "concept": "early-stopping", "kind": "predict",
         "question": "This loop is early stopping with patience 2, without saving weights. What two numbers does "
                     "it print?",
         "code": code, "answer": [float(v) for v in out.split()], "tolerance": 0.001,
         "hint": "`wait` counts the epochs since the last new lowest value, and `t` is 1-based.",
         "solution": f"It prints `{out}`: the lowest value before the stop comes at epoch {loop_best}, and two "
                     f"epochs without a new lowest value end the loop at epoch {loop_stop}, before the lower "
                     f"{loop_val[-1]:g} of the last epoch."},
        {"id": "why-not-test-set", "concept": "early-stopping", "kind": "choice",
         "question": "Why is the stopping epoch chosen on a validation set, not on the test set?",
         "options": [
             {"text": "A test result used to choose the epoch is no longer an unbiased estimate of new-data "
                      "performance",
              "why": "Right: choosing on it makes the reported test result optimistic."},
             {"text": "The test loss does not rise when the model overfits",
              "why": "It does rise; that is what early stopping exploits, on held-out data."},
             {"text": "The validation set is larger than the test set",
              "why": "Size is not the reason; the test set must stay untouched by every choice."},
             {"text": "The training loss would do just as well",
              "why": "The training loss keeps falling, so it never says when to stop."}],
         "answer": 0,
         "hint": "What is the test set for, after training?",
         "solution": "The stopping epoch is a hyperparameter; tuning it on the test set would leak the test "
                     "data into the model and make its test score optimistic."},
    ]
    for ex in exercises:  # the right option is written first; move it to a place that varies with the id
        if ex["kind"] == "choice" and ex["answer"] == 0:
            k = len(ex["id"]) % len(ex["options"])
            ex["options"].insert(k, ex["options"].pop(0))
            ex["answer"] = k
    print(json.dumps(exercises, ensure_ascii=False))
