"""Exercises for "The process and its metrics": the loop's diagnosis, precision, recall, F1, the PR curve, coverage."""
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


def diagnose(train_err: float, val_err: float, target: float) -> str:
    """The loop's diagnosis: "underfitting", "overfitting" or "target met".

    Examples:
        >>> diagnose(0.3, 0.3, 0.1), diagnose(0.01, 0.2, 0.1), diagnose(0.05, 0.07, 0.1)
        ('underfitting', 'overfitting', 'target met')
    """
    return "underfitting" if train_err > target else "overfitting" if val_err > target else "target met"


def precision_recall_f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision TP/(TP+FP), recall TP/(TP+FN) and F1 = 2 TP / (2 TP + FP + FN).

    Examples:
        >>> [round(v, 3) for v in precision_recall_f1(3, 1, 2)]
        [0.75, 0.6, 0.667]
    """
    return tp / (tp + fp), tp / (tp + fn), 2 * tp / (2 * tp + fp + fn)


def precision_at_positives(ranked: list[int]) -> list[float]:
    """The precision at the rank of each positive, labels (1 = positive) sorted by decreasing score.

    Examples:
        >>> precision_at_positives([1, 0, 1])
        [1.0, 0.6666666666666666]
    """
    found, out = 0, []
    for k, label in enumerate(ranked, 1):
        if label:
            found += 1
            out.append(found / k)
    return out


if __name__ == "__main__":
    exercises = []

    # methodology-process: the diagnosis picks the fix
    target, tr, va = 0.08, 0.015, 0.21
    assert diagnose(tr, va, target) == "overfitting"
    exercises.append({
        "id": "loop-next-change", "concept": "methodology-process", "kind": "choice",
        "question": f"The target error is {target:.0%}. The current model has a training error of {tr:.1%} "
                    f"and a validation error of {va:.0%}. Which change does the loop call for next?",
        "options": [
            {"text": "A bigger model", "why": "The training error is already below the target: capacity is not what is missing."},
            {"text": "More data or stronger regularization", "why": "Training is fine, validation is not: the model overfits, and these close the gap."},
            {"text": "Train for more epochs", "why": "More epochs lower the training error further, which is already low; the gap would grow."},
            {"text": "Raise the target to 21%", "why": "The target comes from the application, not from what the current model happens to reach."},
        ],
        "answer": 1,
        "hint": "Compare the training error with the target first, then the validation error.",
        "solution": f"Training error {tr:.1%} is below the target {target:.0%}, so the model fits its data; "
                    f"validation error {va:.0%} is above it. That is overfitting: gather more data or regularize more.",
    })
    flip = 0.12
    exercises.append({
        "id": "loop-bayes-floor", "concept": "methodology-process", "kind": "choice",
        "question": f"In a data set, each label is wrong with probability {flip:.0%}, independently of the input. "
                    "The application asks for a test error of at most 10% against these labels. What should the team do?",
        "options": [
            {"text": "Train a much larger model", "why": "No model can predict a label flip that does not depend on the input."},
            {"text": "Tune the learning rate", "why": "Optimization cannot go below the error the noise forces."},
            {"text": "Get cleaner labels, or revisit the target", "why": f"The Bayes error is {flip:.0%}, above the 10% target: with these labels the target is out of reach."},
        ],
        "answer": 2,
        "hint": "What error would even a perfect predictor of the true class make against these labels?",
        "solution": f"A perfect predictor of the true class is still wrong whenever a label was flipped, {flip:.0%} of the "
                    f"time. That Bayes error exceeds the 10% target, so no model can meet it: fix the labels or the target.",
    })
    assert flip > 0.10

    # precision-recall-f1
    tp, fp, fn, tn = 38, 12, 22, 928
    p, r, f1 = precision_recall_f1(tp, fp, fn)
    exercises.append({
        "id": "pr-from-matrix", "concept": "precision-recall-f1", "kind": "numeric",
        "question": f"A detector is run on 1000 cases: $TP = {tp}$, $FP = {fp}$, $FN = {fn}$, $TN = {tn}$. "
                    "Give its precision and recall, in that order, to 3 decimals.",
        "answer": [p, r], "tolerance": 0.0015,
        "hint": "Precision divides by everything reported; recall by everything that is really positive.",
        "solution": f"$P = {tp}/({tp}+{fp}) = {p:.3f}$, $R = {tp}/({tp}+{fn}) = {r:.3f}$.",
    })
    exercises.append({
        "id": "f1-from-matrix", "concept": "precision-recall-f1", "kind": "numeric",
        "question": "For the same detector, what is $F_1$, to 3 decimals?",
        "answer": f1, "tolerance": 0.0015,
        "hint": "$F_1 = 2\\,TP / (2\\,TP + FP + FN)$, or the harmonic mean of $P$ and $R$.",
        "solution": f"$F_1 = 2 \\cdot {tp} / (2 \\cdot {tp} + {fp} + {fn}) = {f1:.3f}$, below the arithmetic mean "
                    f"${(p + r) / 2:.3f}$ of $P$ and $R$.",
    })
    code = ("y = [1] * 30 + [0] * 970   # 3% of the cases are positive\n"
            "pred = [1] * 1000          # report every case\n"
            "tp = sum(p * t for p, t in zip(pred, y))\n"
            "print(round(tp / sum(pred), 3), tp / sum(y))")
    printed = run_code(code).split()
    assert printed == ["0.03", "1.0"]
    exercises.append({
        "id": "always-positive-precision", "concept": "precision-recall-f1", "kind": "predict",
        "question": "A lazy detector reports every case. What does this print (two numbers: its precision, then its recall)?",
        "code": code, "answer": [float(v) for v in printed], "tolerance": 0.0005,
        "hint": "Every real positive is reported; most reports are not positives.",
        "solution": f"It prints `{' '.join(printed)}`: recall is perfect, and precision falls to the share of positives "
                    "in the data. The mirror image of the always-negative trap on the page.",
    })

    # pr-curve
    ranked = [1, 0, 1, 1, 0, 0, 1, 0]
    precs = precision_at_positives(ranked)
    ap = sum(precs) / len(precs)
    exercises.append({
        "id": "ap-by-hand", "concept": "pr-curve", "kind": "numeric",
        "question": "Sorted by decreasing score, the labels of eight examples are "
                    f"$({', '.join(map(str, ranked))})$ (1 = positive). What is the area under the step-wise PR curve "
                    "(average precision), to 3 decimals?",
        "answer": ap, "tolerance": 0.0015,
        "hint": "Average the precision at the ranks where a new positive is found.",
        "solution": "Positives at ranks " + ", ".join(str(k) for k, v in enumerate(ranked, 1) if v)
                    + ": precisions " + ", ".join(f"{q:.3f}" for q in precs) + f"; their mean is {ap:.3f}.",
    })
    ranked2 = [0, 1, 1, 0, 1, 0, 0, 0, 1, 0]
    k_full = max(k for k, v in enumerate(ranked2, 1) if v)
    p_full = sum(ranked2) / k_full
    exercises.append({
        "id": "pr-full-recall", "concept": "pr-curve", "kind": "numeric",
        "question": f"Another ranking: $({', '.join(map(str, ranked2))})$. Lowering the threshold step by step, "
                    "what is the precision at the first point where recall reaches 1, to 3 decimals?",
        "answer": p_full, "tolerance": 0.0015,
        "hint": "Find the rank of the last positive; everything above it is reported.",
        "solution": f"The last positive is at rank {k_full}, so {sum(ranked2)} of the top {k_full} are positive: "
                    f"$P = {sum(ranked2)}/{k_full} = {p_full:.3f}$. Going further right only adds negatives, down to "
                    f"the positive rate {sum(ranked2) / len(ranked2):.3f}.",
    })

    # coverage
    conf = [0.97, 0.55, 0.88, 0.62, 0.99, 0.71, 0.93, 0.80]
    right = [1, 0, 1, 1, 1, 0, 0, 1]
    code = (f"conf  = {conf}\n"
            f"right = {right}   # 1 where the predicted class is correct\n"
            "answered = [c >= 0.75 for c in conf]\n"
            "print(sum(answered) / len(conf))")
    cov = float(run_code(code))
    answered = [c >= 0.75 for c in conf]
    acc = sum(r for r, a in zip(right, answered) if a) / sum(answered)
    exercises.append({
        "id": "coverage-threshold", "concept": "coverage", "kind": "predict",
        "question": "A classifier answers only when its confidence is at least 0.75. What does this print?",
        "code": code, "answer": cov, "tolerance": 0.001,
        "hint": "Coverage counts the answered examples, right or wrong.",
        "solution": f"{sum(answered)} of {len(conf)} confidences reach 0.75: coverage ${cov:.3f}$.",
    })
    exercises.append({
        "id": "coverage-accuracy", "concept": "coverage", "kind": "numeric",
        "question": "In the same code, what is the accuracy on the answered examples, to 3 decimals?",
        "answer": acc, "tolerance": 0.0015,
        "hint": "Keep only the examples with confidence at least 0.75, then count the correct ones.",
        "solution": f"Of the {sum(answered)} answered, {sum(r for r, a in zip(right, answered) if a)} are right: "
                    f"{acc:.3f}, against {sum(right) / len(right):.3f} when all {len(right)} are answered.",
    })
    assert acc > sum(right) / len(right)
    print(json.dumps(exercises, ensure_ascii=False))
