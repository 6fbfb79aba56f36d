"""A piecewise linear curve is exactly a constant plus one hard sigmoid per segment."""
import matplotlib.pyplot as plt
import numpy as np


def hard_sigmoid(x: np.ndarray, x0: float, x1: float, h: float) -> np.ndarray:
    """0 left of x0, h right of x1, a straight ramp in between: h * clip((x - x0) / (x1 - x0), 0, 1).

    Args:
        x: the inputs, any shape.
        x0: where the ramp starts.
        x1: where the ramp ends (x1 > x0).
        h: the height it climbs to (negative: it steps down).

    Returns:
        The values, the shape of x.

    Examples:
        >>> hard_sigmoid(np.array([0.0, 1.5, 2.0, 3.0]), 1.0, 2.0, -4.0).tolist()
        [-0.0, -2.0, -4.0, -4.0]
    """
    return h * np.clip((x - x0) / (x1 - x0), 0.0, 1.0)


def hard_sigmoid_parts(x: np.ndarray, xk: np.ndarray, yk: np.ndarray) -> tuple[float, list[np.ndarray]]:
    """The curve through the knots (xk, yk), flat outside them, as a constant plus one hard sigmoid per segment.

    Args:
        x: where to evaluate, shape (m,).
        xk: the knots' x, increasing, shape (K + 1,).
        yk: the knots' y, shape (K + 1,).

    Returns:
        (constant, parts): the constant yk[0] and K arrays of shape (m,); segment k's hard sigmoid
        ramps over [xk[k], xk[k + 1]] by the segment's rise yk[k + 1] - yk[k].

    Examples:
        >>> c, parts = hard_sigmoid_parts(np.array([0.0, 1.0, 2.0]), np.array([0.0, 1.0, 2.0]), np.array([1.0, 3.0, 2.0]))
        >>> c, (c + sum(parts)).tolist()
        (1.0, [1.0, 3.0, 2.0])
    """
    parts = [hard_sigmoid(x, xk[k], xk[k + 1], yk[k + 1] - yk[k]) for k in range(len(xk) - 1)]
    return float(yk[0]), parts


if __name__ == "__main__":
    xk = np.array([0.5, 1.5, 2.5, 3.5])  # the knots of the target curve
    yk = np.array([1.0, 3.0, 1.5, 2.5])
    x = np.linspace(-1, 5, 601)  # wider than the knots: the flat ends count too

    constant, parts = hard_sigmoid_parts(x, xk, yk)
    rebuilt = constant + np.sum(parts, axis=0)
    target = np.interp(x, xk, yk)  # the curve itself: join the knots, flat outside
    err = np.abs(rebuilt - target).max()
    for k in range(len(parts)):
        print(f"hard sigmoid {k + 1}: ramp on [{xk[k]}, {xk[k + 1]}], height {yk[k + 1] - yk[k]:+.1f}")
    print(f"constant: {constant}")
    print(f"max |constant + sum of hard sigmoids - curve| on {x.size} points: {err:.1e}")
    assert err < 1e-12

    fig, ax = plt.subplots(figsize=(5.2, 3.4))
    ax.plot(x, target, color="tab:red", lw=4, alpha=0.4, label="target curve")
    ax.plot(x, rebuilt, color="black", lw=1, label="constant + sum")
    ax.axhline(yk[0], color="gray", ls=":", label=f"constant {yk[0]}")
    for k, (p, c) in enumerate(zip(parts, ["tab:blue", "tab:orange", "tab:green"])):
        ax.plot(x, p, color=c, ls="--", label=f"hard sigmoid {k + 1}")
    ax.set_xlabel("x")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    plt.show()
