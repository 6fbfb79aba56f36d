"""Exercises for the page on better features and unseen data: what yesterday cannot see in a weekly
rhythm, which feature helps, and why the training loss flatters and the testing loss must stay unused."""
import contextlib
import io
import json

import numpy as np

WEEK = [0.9, 1.0, 0.95, 0.9, 0.7, 0.3, 0.4]  # thousands of views, Monday .. Sunday


def printed(code: str) -> str:
    """What a few lines of code print, run in a fresh namespace that has numpy as np.

    Args:
        code: the lines.

    Returns:
        Their output, stripped.

    Examples:
        >>> printed("print(np.arange(3).sum())")
        '3'
    """
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {"np": np})
    return out.getvalue().strip()


def lag_mse(pattern: np.ndarray, lag: int) -> float:
    """The MSE of predicting a repeating pattern by its value `lag` days earlier (weight 1, bias 0).

    Examples:
        >>> lag_mse(np.array([1.0, 3.0]), 1)
        4.0
    """
    return float(np.mean((np.roll(pattern, lag) - pattern) ** 2))


if __name__ == "__main__":
    week = np.array(WEEK)
    mse_yesterday, mse_last_week = lag_mse(week, 1), lag_mse(week, 7)
    assert mse_last_week == 0 and mse_yesterday > 0.05

    # which single past day predicts a Monday best, on 20 noisy weeks?
    rng = np.random.default_rng(0)
    views = np.tile(WEEK, 20) + rng.normal(0, 0.1, 140)
    mondays = np.arange(14, 140, 7)
    errs = {lag: float(np.mean((views[mondays - lag] - views[mondays]) ** 2)) for lag in (1, 2, 7)}
    assert min(errs, key=errs.get) == 7

    code_noise = """rng = np.random.default_rng(1)
x = rng.normal(size=30)
y = 2 * x + rng.normal(size=30)
A1 = np.c_[np.ones(30), x]
A2 = np.c_[A1, rng.normal(size=30)]      # plus a feature of pure noise
mse = lambda A: np.mean((A @ np.linalg.lstsq(A, y, rcond=None)[0] - y) ** 2)
print(mse(A2) <= mse(A1))"""
    out_noise = printed(code_noise)
    assert out_noise == "True"

    first, n_train, T = 14, 105, 140
    n_train_examples, n_test_examples = n_train - first, T - n_train

    exercises = [
        {"id": "yesterday-on-a-pure-rhythm", "concept": "domain-knowledge-features", "kind": "numeric",
         "question": f"The views repeat the week ${', '.join(f'{v:g}' for v in WEEK)}$ (Monday to Sunday) exactly, "
                     "with no noise. Predict each day by yesterday's views ($w = 1$, $b = 0$). What is the MSE over "
                     "a week? Give 4 decimals.",
         "answer": round(mse_yesterday, 9), "tolerance": 0.00015,
         "hint": "Seven day-to-day changes, Sunday to Monday included; square and average them.",
         "solution": "The changes are $(" + ", ".join(f"{d:+.2f}" for d in week - np.roll(week, 1))
                     + f")$ and their mean square is ${mse_yesterday:.4f}$. The same day last week would predict "
                     f"with an MSE of {mse_last_week:g}: the rhythm is knowledge the 1-day model cannot use."},
        {"id": "best-single-feature-for-monday", "concept": "domain-knowledge-features", "kind": "choice",
         "question": "On the page's 20 noisy weeks, you may use one past day, unweighted, to predict each Monday. "
                     "Which gives the smallest squared error?",
         "options": [
             {"text": "The previous Monday (7 days before)",
              "why": "Right: it is the same point of the weekly rhythm, so only the noise differs."},
             {"text": "Yesterday, a Sunday", "why": "Sundays are quiet; a Monday is far busier than the day before."},
             {"text": "Two days before, a Saturday", "why": "Also on the quiet weekend: far from a Monday's level."}],
         "answer": 0,
         "hint": "Which of these days sits at the same place in the week?",
         "solution": f"Mean squared errors on the {len(mondays)} Mondays: " + ", ".join(
             f"{lag} day{'s' if lag > 1 else ''} before {errs[lag]:.3f}" for lag in (1, 2, 7)) + "."},
        {"id": "noise-feature-training-loss", "concept": "training-vs-testing-loss", "kind": "predict",
         "question": "A least-squares fit gets an extra feature that is pure noise. What does this print?",
         "code": code_noise, "answer": out_noise,
         "hint": "Could the bigger model copy the smaller one?",
         "solution": f"It prints `{out_noise}`: setting the noise feature's weight to 0 gives the smaller model, so "
                     "the best training fit of the bigger one is at least as good, whatever the draw. On new "
                     "data the noise feature has nothing to offer: only the training loss is flattered."},
        {"id": "count-training-examples", "concept": "training-vs-testing-loss", "kind": "numeric",
         "question": f"The series has {T} days; days up to {n_train} are training data. A model sees the previous "
                     f"{first} days, so the first day it can predict is day {first + 1}. How many training "
                     "examples does it have?",
         "answer": n_train_examples, "tolerance": 0.5,
         "hint": "Count the predicted days that fall in the training period.",
         "solution": f"Days {first + 1} to {n_train}: ${n_train} - {first} = {n_train_examples}$ training examples, "
                     f"and {n_test_examples} testing days after them."},
        {"id": "peeking-at-the-test", "concept": "training-vs-testing-loss", "kind": "choice",
         "question": "You try 50 settings (past days, learning rate, ...) and keep the one with the lowest testing "
                     "loss. How good is that testing loss as an estimate for new data?",
         "options": [
             {"text": "Optimistic: the choice was fitted to the testing set",
              "why": "Right: the best of 50 scores on one set is partly luck on that set."},
             {"text": "Unbiased, since no parameters were fitted to the testing data",
              "why": "The choice among 50 settings was made on it, which is a kind of fitting."},
             {"text": "Pessimistic", "why": "Picking the minimum of many noisy scores biases it downwards, not up."}],
         "answer": 0,
         "hint": "Among 50 noisy scores, is the smallest one typical?",
         "solution": "Choose settings on a separate validation set and look at the testing set once, at the end."},
    ]
    for ex in exercises:  # the right option is written first; move it to a place that varies with the id
        if ex["kind"] == "choice" and ex["answer"] == 0:
            k = len(ex["id"]) % len(ex["options"])
            ex["options"].insert(k, ex["options"].pop(0))
            ex["answer"] = k
    print(json.dumps(exercises, ensure_ascii=False))
