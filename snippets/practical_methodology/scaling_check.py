"""Exercises for "Training and running at scale": data and model parallelism, compression, cascades."""
import contextlib
import io
import json

import numpy as np


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


def combine_shards(sizes: list[int], grads: list[float]) -> float:
    """The full-batch mean gradient from per-shard mean gradients: the size-weighted average.

    Examples:
        >>> combine_shards([1, 3], [4.0, 0.0])
        1.0
    """
    return sum(n * g for n, g in zip(sizes, grads)) / sum(sizes)


def mlp_parameters(widths: list[int]) -> int:
    """Weights and biases of a fully connected network with layer widths [d_in, h1, ..., d_out].

    Examples:
        >>> mlp_parameters([2, 8, 8, 1])
        105
    """
    return sum(a * b + b for a, b in zip(widths[:-1], widths[1:]))


def cascade_cost(cheap: float, expensive: float, passed: float) -> float:
    """Expected cost per input of a two-stage cascade: every input pays the cheap stage, survivors the expensive one.

    Examples:
        >>> cascade_cost(4, 64, 0.25)
        20.0
    """
    return cheap + passed * expensive


if __name__ == "__main__":
    exercises = []

    # data-parallelism
    sizes, grads = [10, 30], [2.0, -1.0]
    full = combine_shards(sizes, grads)
    plain = sum(grads) / len(grads)
    exercises.append({
        "id": "shard-weighted-average", "concept": "data-parallelism", "kind": "numeric",
        "question": f"A minibatch is split into shards of {sizes[0]} and {sizes[1]} examples. The mean gradients of the "
                    f"loss over the two shards (one parameter) are ${grads[0]}$ and ${grads[1]}$. What is the "
                    "gradient of the mean loss over the whole minibatch?",
        "answer": full, "tolerance": 0.001,
        "hint": "Weight each shard by its share of the examples.",
        "solution": f"${sizes[0]}/{sum(sizes)} \\cdot {grads[0]} + {sizes[1]}/{sum(sizes)} \\cdot ({grads[1]}) = {full}$. "
                    f"A plain average would give ${plain}$, over-weighting the small shard.",
    })
    N, K, per = 48_000, 8, 100
    sync, asyn = N // (K * per), N // per
    exercises.append({
        "id": "updates-per-epoch", "concept": "data-parallelism", "kind": "numeric",
        "question": f"{N:,} training examples, {K} workers, {per} examples per worker per gradient. How many parameter "
                    "updates make one epoch with synchronous data parallelism, and how many with asynchronous SGD "
                    "(each worker applies its own update)? Answer synchronous first.",
        "answer": [sync, asyn], "tolerance": 0.5,
        "hint": "A synchronous step consumes all the workers' shards; an asynchronous update consumes one worker's.",
        "solution": f"Synchronous: one update per ${K} \\cdot {per} = {K * per}$ examples, ${N} / {K * per} = {sync}$. "
                    f"Asynchronous: one per {per} examples, {asyn} updates, each computed at slightly stale parameters.",
    })
    code = ("L, lr, delay = 1.0, 1.5, 2    # curvature, step (stable without delay: lr < 2/L)\n"
            "w = [1.0] * (delay + 1)\n"
            "for t in range(60):\n"
            "    w.append(w[-1] - lr * L * w[-1 - delay])   # gradient from `delay` updates ago\n"
            "print(abs(w[-1]) > 1)")
    printed = run_code(code)
    assert printed == "True"
    # the hint and the solution: no delay at 1.5/L, or the same delay at 0.1/L, converges
    assert run_code(code.replace("delay = 1.0, 1.5, 2", "delay = 1.0, 1.5, 0")) == "False"
    assert run_code(code.replace("delay = 1.0, 1.5, 2", "delay = 1.0, 0.1, 2")) == "False"
    exercises.append({
        "id": "stale-gradient", "concept": "data-parallelism", "kind": "predict",
        "question": "Gradient descent on $L w^2/2$ with gradients that are two updates stale. Does it blow up? "
                    "Predict what this prints, `True` or `False`.",
        "code": code, "answer": printed,
        "hint": "Without the delay, a step of $1.5/L$ overshoots but converges. With it, each step corrects an error "
                "that older steps already corrected.",
        "solution": f"It prints `{printed}`: the stale updates keep overshooting and the iterate grows. A smaller step "
                    "(e.g. $0.1/L$) converges with the same delay; asynchronous SGD needs more conservative learning rates.",
    })

    # model-parallelism
    d_in, d_out, dev = 4096, 1024, 4
    per_dev = d_in * d_out // dev
    exercises.append({
        "id": "weights-per-device", "concept": "model-parallelism", "kind": "numeric",
        "question": f"A linear layer maps {d_in} inputs to {d_out} outputs. Split by output units over {dev} devices, "
                    "how many entries of the weight matrix does each device store?",
        "answer": per_dev, "tolerance": 0.5,
        "hint": "Each device holds a block of rows of $W$.",
        "solution": f"$W$ has ${d_out} \\times {d_in} = {d_in * d_out}$ entries; each device holds {d_out // dev} rows: "
                    f"${d_out // dev} \\times {d_in} = {per_dev}$.",
    })
    rng = np.random.default_rng(0)
    W, x = rng.normal(size=(6, 8)), rng.normal(size=8)
    summed = W[:, :4] @ x[:4] + W[:, 4:] @ x[4:]
    assert np.allclose(summed, W @ x) and not np.allclose(np.concatenate([W[:, :4] @ x[:4], W[:, 4:] @ x[4:]])[:6], W @ x)
    exercises.append({
        "id": "input-split-combine", "concept": "model-parallelism", "kind": "choice",
        "question": "A layer $y = Wx$ is split by input features: device 1 holds the first half of the columns of $W$ "
                    "and of $x$, device 2 the second half. How are the two results combined into $y$?",
        "options": [
            {"text": "Concatenate them", "why": "Concatenation joins disjoint outputs, as in the split by output units."},
            {"text": "Add them", "why": "$Wx = W_1 x_1 + W_2 x_2$: each device computes a partial sum of every output."},
            {"text": "Average them", "why": "Averaging halves the result: each partial product is a part of the sum, not an estimate of it."},
        ],
        "answer": 1,
        "hint": "Write $Wx$ with $W = [W_1\\ W_2]$ and $x = [x_1; x_2]$.",
        "solution": "Block multiplication gives $Wx = W_1 x_1 + W_2 x_2$, so the partial products are summed (checked "
                    "here on a random $6 \\times 8$ layer).",
    })

    # model-compression
    teacher, student = [2, 64, 64, 1], [2, 16, 16, 1]
    n_t, n_s = mlp_parameters(teacher), mlp_parameters(student)
    exercises.append({
        "id": "student-size", "concept": "model-compression", "kind": "numeric",
        "question": f"A teacher network has layer widths {teacher}, a student {student} (weights and biases in every "
                    "layer). What fraction of the teacher's parameters does the student have, to 3 decimals?",
        "answer": n_s / n_t, "tolerance": 0.0015,
        "hint": "A layer from $a$ to $b$ units has $ab + b$ parameters.",
        "solution": f"Teacher: {' + '.join(str(a * b + b) for a, b in zip(teacher[:-1], teacher[1:]))} = {n_t}; "
                    f"student: {' + '.join(str(a * b + b) for a, b in zip(student[:-1], student[1:]))} = {n_s}; "
                    f"ratio {n_s / n_t:.3f}. The hidden-to-hidden layer dominates and shrinks with the square of the width.",
    })
    exercises.append({
        "id": "why-students-work", "concept": "model-compression", "kind": "choice",
        "question": "Why can a student much smaller than the teacher reproduce it well?",
        "options": [
            {"text": "The teacher's size was needed to learn the function from limited data, not to represent it", "why": "Once learned, the function can be labelled on as many inputs as we like, and a small model fits it."},
            {"text": "Compression removes the teacher's overfitting", "why": "The student copies the teacher's function, including its errors; it does not regularize it."},
            {"text": "The student is trained on the same labelled examples as the teacher", "why": "It is trained on the teacher's outputs at many new inputs, which is what makes it work."},
        ],
        "answer": 0,
        "hint": "What limits learning from a small labelled set, and what changes once the teacher exists?",
        "solution": "A big, regularized model is needed to learn from few labels; the teacher can then label unlimited "
                    "fresh inputs, and on that large set a small model suffices.",
    })

    # dynamic-structure
    cheap, expensive, passed = 4, 64, 0.08
    cost = cascade_cost(cheap, expensive, passed)
    exercises.append({
        "id": "cascade-saving", "concept": "dynamic-structure", "kind": "numeric",
        "question": f"A cheap stage costs {cheap} multiply-adds per input and lets {passed:.0%} of the inputs through to "
                    f"an expensive stage of {expensive} multiply-adds. What fraction of the expensive model's cost does "
                    "the cascade save, to 3 decimals?",
        "answer": 1 - cost / expensive, "tolerance": 0.0015,
        "hint": "Every input pays for the cheap stage; only the survivors pay for the expensive one.",
        "solution": f"Cost per input ${cheap} + {passed} \\cdot {expensive} = {cost:.2f}$ against {expensive}: "
                    f"$1 - {cost:.2f}/{expensive} = {1 - cost / expensive:.3f}$ saved.",
    })
    keep1, r2 = 0.99, 0.95
    exercises.append({
        "id": "cascade-recall", "concept": "dynamic-structure", "kind": "numeric",
        "question": f"The cheap stage keeps {keep1:.0%} of the positives; the expensive model alone has recall {r2}. "
                    "If the two stages miss positives independently, what is the cascade's recall, to 4 decimals?",
        "answer": keep1 * r2, "tolerance": 0.00015,
        "hint": "A positive is detected only if both stages accept it.",
        "solution": f"${keep1} \\cdot {r2} = {keep1 * r2:.4f}$: a high-recall filter costs the cascade only "
                    f"{r2 - keep1 * r2:.4f} of recall.",
    })
    print(json.dumps(exercises, ensure_ascii=False))
