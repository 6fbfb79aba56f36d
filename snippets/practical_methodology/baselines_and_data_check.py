"""Exercises for "Baselines and the data question": default models, early stopping, learning curves."""
import contextlib
import io
import json


def run_code(code: str) -> str:
    """Run a few lines as a fresh script and return what they printed, stripped.

    Examples:
        >>> run_code("print(2 + 3)")
        '5'
    """
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {"__name__": "__exercise__"})
    return out.getvalue().strip()


def expected_test_mse(noise_var: float, d: int, n: int) -> float:
    """Expected test MSE of least squares with d standard-normal features and n examples: s^2 (1 + d / (n - d - 1)).

    Examples:
        >>> expected_test_mse(1.0, 10, 31)
        1.5
    """
    return noise_var * (1 + d / (n - d - 1))


def expected_train_mse(noise_var: float, d: int, n: int) -> float:
    """Expected training MSE of least squares with d parameters and n examples: s^2 (1 - d / n).

    Examples:
        >>> expected_train_mse(1.0, 10, 40)
        0.75
    """
    return noise_var * (1 - d / n)


def examples_needed(d: int, excess: float) -> int:
    """The smallest n with d / (n - d - 1) <= excess: test MSE within a factor (1 + excess) of the noise floor.

    Examples:
        >>> examples_needed(10, 0.5)
        31
    """
    n = d + 2
    while d / (n - d - 1) > excess + 1e-12:
        n += 1
    return n


if __name__ == "__main__":
    exercises = []

    # default-baselines
    exercises.append({
        "id": "baseline-for-sequences", "concept": "default-baselines", "kind": "choice",
        "question": "The input is a variable-length recording of accelerometer readings, and the output is one "
                    "activity label per reading. Which first model is the sensible default?",
        "options": [
            {"text": "A fully connected network on the flattened recording", "why": "It needs a fixed-size input and ignores the order of the readings."},
            {"text": "A gated recurrent network (LSTM or GRU)", "why": "Input and output are sequences: the default family for sequences."},
            {"text": "A hand-designed model with a new kind of unit", "why": "The first system should be a known default, changed only when a measurement says so."},
        ],
        "answer": 1,
        "hint": "Look at the shape of the input and of the output.",
        "solution": "Sequences in, a sequence of labels out: start from a gated RNN, with ReLU-family units wherever "
                    "there are feedforward layers, and Adam or SGD with momentum.",
    })
    val_err = [0.40, 0.31, 0.27, 0.25, 0.26, 0.24, 0.25, 0.26, 0.27, 0.28, 0.29, 0.30]
    code = (f"val_err = {val_err}\n"
            "best, best_epoch = 1.0, 0\n"
            "for epoch, err in enumerate(val_err, 1):\n"
            "    if err < best:\n"
            "        best, best_epoch = err, epoch\n"
            "    elif epoch - best_epoch >= 3:   # patience 3\n"
            "        break\n"
            "print(epoch)")
    stop = int(run_code(code))
    best_epoch = 1 + val_err.index(min(val_err[:stop]))
    exercises.append({
        "id": "early-stopping-epoch", "concept": "default-baselines", "kind": "predict",
        "question": "Early stopping, part of every default baseline, reads the validation error after each epoch. "
                    "At which epoch does this loop stop?",
        "code": code, "answer": stop, "tolerance": 0.5,
        "hint": "Find the epoch of the lowest error so far, then count the patience.",
        "solution": f"The lowest error, {min(val_err):.2f}, comes at epoch {best_epoch}; no later epoch beats it, "
                    f"and at epoch {stop} three epochs have passed without improvement, so the loop stops there "
                    f"and keeps the weights of epoch {best_epoch}.",
    })
    assert stop == best_epoch + 3

    # gather-more-data
    s2, d, n = 1.0, 10, 50
    test = expected_test_mse(s2, d, n)
    exercises.append({
        "id": "learning-curve-test-error", "concept": "gather-more-data", "kind": "numeric",
        "question": f"Least-squares regression with $d = {d}$ standard-normal features, label noise of variance "
                    f"$\\sigma^2 = {s2:g}$ and $n = {n}$ training examples: what is the expected test MSE, to 3 decimals?",
        "answer": test, "tolerance": 0.0015,
        "hint": "Use $\\sigma^2 \\left(1 + \\frac{d}{n - d - 1}\\right)$.",
        "solution": f"$1 + {d}/({n} - {d} - 1) = 1 + {d}/{n - d - 1} = {test:.3f}$.",
    })
    excess = 0.05
    need = examples_needed(d, excess)
    exercises.append({
        "id": "learning-curve-how-many", "concept": "gather-more-data", "kind": "numeric",
        "question": f"Same model ($d = {d}$, $\\sigma^2 = {s2:g}$). What is the smallest training-set size $n$ at which "
                    f"the expected test MSE is at most ${1 + excess:.2f}$?",
        "answer": need, "tolerance": 0.5,
        "hint": f"Solve $\\frac{{d}}{{n - d - 1}} \\le {excess}$ for $n$.",
        "solution": f"$n - {d} - 1 \\ge {d}/{excess} = {d / excess:.0f}$, so $n \\ge {need}$; about "
                    f"{need / n:.1f} times the {n} examples of the previous exercise, to remove most of the remaining "
                    f"excess error {test - s2:.3f}.",
    })
    assert expected_test_mse(s2, d, need) <= s2 + excess + 1e-12 < expected_test_mse(s2, d, need - 1)
    s2b, db, nb = 0.25, 20, 80
    train = expected_train_mse(s2b, db, nb)
    exercises.append({
        "id": "learning-curve-train-error", "concept": "gather-more-data", "kind": "numeric",
        "question": f"Least squares with $d = {db}$ parameters on $n = {nb}$ examples, noise variance "
                    f"$\\sigma^2 = {s2b}$: what is the expected training MSE, to 4 decimals?",
        "answer": train, "tolerance": 0.00015,
        "hint": "The training error sits below the noise floor: $\\sigma^2 (1 - d/n)$.",
        "solution": f"${s2b} \\cdot (1 - {db}/{nb}) = {train:.4f}$, below the floor {s2b}: the fit spends its "
                    f"{db} parameters following part of the noise.",
    })
    tr, te, goal = 0.18, 0.19, 0.05
    exercises.append({
        "id": "more-data-or-not", "concept": "gather-more-data", "kind": "choice",
        "question": f"Training error {tr:.0%}, test error {te:.0%}, target {goal:.0%}. What should come first?",
        "options": [
            {"text": "Collect ten times more data of the same kind", "why": "The model does not even fit the data it has; more of the same will not lower the training error."},
            {"text": "A bigger model and better-tuned optimization", "why": "Training performance is not acceptable: that is the first thing to fix."},
            {"text": "Stronger weight decay", "why": "Regularization narrows a train-test gap, and there is hardly any gap here."},
        ],
        "answer": 1,
        "hint": "Ask the first question of the decision procedure: is training performance acceptable?",
        "solution": f"The training error {tr:.0%} is far above the target {goal:.0%} and the gap to the test error is "
                    f"only {te - tr:.0%}: the model underfits. Make it bigger and tune the optimizer; if a large, "
                    "well-tuned model still fails, suspect the data's quality, not its quantity.",
    })
    assert tr > goal and te - tr < 0.02
    print(json.dumps(exercises, ensure_ascii=False))
