"""y = b + sum_i c_i sigmoid(b_i + w_i x): more sigmoids, smaller error."""
import matplotlib.pyplot as plt
import numpy as np


def sigmoid_features(x: np.ndarray, n: int, lo: float = -3.0, hi: float = 3.0) -> np.ndarray:
    """A column of ones and n sigmoids spread evenly over [lo, hi], each ramp about one spacing wide.

    Args:
        x: the inputs, shape (m,).
        n: the number of sigmoids.
        lo: the left end of the interval.
        hi: the right end of the interval.

    Returns:
        The features, shape (m, n + 1): column 0 is 1, column i is sigmoid(b_i + w_i x).

    Examples:
        >>> sigmoid_features(np.array([0.0]), 2).round(4).tolist()
        [[1.0, 0.8808, 0.1192]]
    """
    step = (hi - lo) / n
    centers = lo + step * (np.arange(n) + 0.5)  # sigmoid i is centred at x = -b_i / w_i
    w = 4 / step
    return np.c_[np.ones_like(x), 1 / (1 + np.exp(-w * (x[:, None] - centers)))]


def fit_sum_of_sigmoids(x: np.ndarray, target: np.ndarray, n: int) -> tuple[np.ndarray, float, np.ndarray]:
    """The least-squares constant b and heights c_1..c_n for n evenly spread sigmoids.

    Args:
        x: the inputs, shape (m,), inside [-3, 3].
        target: the values to fit, shape (m,).
        n: the number of sigmoids.

    Returns:
        (fitted curve of shape (m,), RMS error, coefficients (b, c_1, ..., c_n) of shape (n + 1,)).

    Examples:
        >>> x = np.linspace(-3, 3, 7)
        >>> y, rms, coef = fit_sum_of_sigmoids(x, 2 + sigmoid_features(x, 1)[:, 1], 1)
        >>> round(rms, 8), coef.round(6).tolist()
        (0.0, [2.0, 1.0])
    """
    F = sigmoid_features(x, n)
    coef, *_ = np.linalg.lstsq(F, target, rcond=None)
    y = F @ coef
    return y, float(np.sqrt(np.mean((y - target) ** 2))), coef


if __name__ == "__main__":
    x = np.linspace(-3, 3, 301)
    target = np.sin(2 * x) + 0.3 * x**2  # a smooth curve, not piecewise linear
    ns = [1, 2, 4, 8, 16, 32]
    fits = {n: fit_sum_of_sigmoids(x, target, n) for n in ns}
    for n in ns:
        print(f"{n:3d} sigmoids: RMS error {fits[n][1]:.4f}")
    errs = [fits[n][1] for n in ns]
    assert all(e1 > e2 for e1, e2 in zip(errs, errs[1:]))  # every doubling helps
    assert errs[-1] < 0.01 * errs[0]

    # outside the fitted interval the sum levels off: a finite sum of sigmoids is bounded
    x_far = np.array([6.0])
    y_far = (sigmoid_features(x_far, 32) @ fits[32][2])[0]
    target_far = np.sin(2 * x_far[0]) + 0.3 * x_far[0] ** 2
    print(f"at x = 6, outside [-3, 3]: 32-sigmoid fit {y_far:.3f}, target {target_far:.3f}")
    assert abs(y_far - target_far) > 100 * errs[-1]

    fig, (ax, ax2) = plt.subplots(1, 2, figsize=(9, 3.2), gridspec_kw={"width_ratios": [1.6, 1]})
    ax.plot(x, target, color="black", lw=3, alpha=0.3, label="target")
    for n, col in zip([2, 4, 16], ["tab:blue", "tab:orange", "tab:green"]):
        ax.plot(x, fits[n][0], color=col, lw=1.2, label=f"{n} sigmoids")
    ax.set_xlabel("x")
    ax.legend(fontsize=8, loc="upper center")
    ax2.loglog(ns, errs, "o-", color="tab:red")
    ax2.set_xlabel("number of sigmoids")
    ax2.set_ylabel("RMS error")
    ax2.set_xticks(ns, [str(n) for n in ns])
    ax2.minorticks_off()
    fig.subplots_adjust(wspace=0.3)
    plt.show()
