"""Two ReLUs make one hard sigmoid, so ReLUs can rebuild any piecewise linear curve."""
import matplotlib.pyplot as plt
import numpy as np


def relu(z: np.ndarray) -> np.ndarray:
    """max(0, z) elementwise; matches torch.relu.

    Args:
        z: any shape.

    Returns:
        The values, the shape of z.

    Examples:
        >>> relu(np.array([-1.5, 0.0, 2.0])).tolist()
        [0.0, 0.0, 2.0]
    """
    return np.maximum(0.0, z)


def hard_sigmoid(x: np.ndarray, x0: float, x1: float, h: float) -> np.ndarray:
    """0 left of x0, h right of x1, a straight ramp in between: h * clip((x - x0) / (x1 - x0), 0, 1).

    Args:
        x: the inputs, any shape.
        x0: where the ramp starts.
        x1: where the ramp ends (x1 > x0).
        h: the height it climbs to.

    Returns:
        The values, the shape of x.

    Examples:
        >>> hard_sigmoid(np.array([0.0, 1.5, 3.0]), 1.0, 2.0, 4.0).tolist()
        [0.0, 2.0, 4.0]
    """
    return h * np.clip((x - x0) / (x1 - x0), 0.0, 1.0)


def two_relus(x: np.ndarray, x0: float, x1: float, h: float) -> np.ndarray:
    """The same hard sigmoid as h max(0, w x - w x0) - h max(0, w x - w x1), with w = 1 / (x1 - x0).

    Args:
        x: the inputs, any shape.
        x0: where the first ReLU switches on.
        x1: where the second switches on and cancels the rise (x1 > x0).
        h: the height of the step.

    Returns:
        The values, the shape of x.

    Examples:
        >>> two_relus(np.array([0.0, 1.5, 3.0]), 1.0, 2.0, 4.0).tolist()
        [0.0, 2.0, 4.0]
    """
    w = 1.0 / (x1 - x0)
    return h * relu(w * x - w * x0) - h * relu(w * x - w * x1)  # second ReLU cancels the rise


if __name__ == "__main__":
    x = np.arange(-64, 65) / 16  # a grid of exactly representable numbers
    hs, rr = hard_sigmoid(x, 1.0, 2.0, 1.5), two_relus(x, 1.0, 2.0, 1.5)
    print(f"hard sigmoid vs two ReLUs on {x.size} grid points: identical = {np.array_equal(hs, rr)}")
    assert np.array_equal(hs, rr)  # bit-for-bit, not just close

    # the piecewise linear curve of this chapter with 2 ReLUs per segment (6 in all)
    xk, yk = np.array([0.5, 1.5, 2.5, 3.5]), np.array([1.0, 3.0, 1.5, 2.5])
    xs = np.linspace(-1, 5, 601)
    y = yk[0] + sum(two_relus(xs, xk[k], xk[k + 1], yk[k + 1] - yk[k]) for k in range(3))
    err = np.abs(y - np.interp(xs, xk, yk)).max()
    print(f"curve from a constant + 6 ReLUs, max error: {'< 1e-12' if err < 1e-12 else f'{err:.1e}'}")
    assert err < 1e-12

    fig, ax = plt.subplots(figsize=(6, 3.2))
    ax.plot(x, 1.5 * relu(x - 1), color="tab:blue", ls="--", label="1.5 max(0, x - 1)")
    ax.plot(x, -1.5 * relu(x - 2), color="tab:orange", ls="--", label="-1.5 max(0, x - 2)")
    ax.plot(x, rr, color="black", lw=2, label="sum = hard sigmoid")
    ax.set_xlabel("x")
    ax.set_ylim(-3.2, 4.7)
    ax.legend(fontsize=8, loc="upper left")
    plt.show()
