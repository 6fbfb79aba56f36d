"""The hard sigmoid: flat at 0, a straight ramp from x0 to x1, flat at h; torch's Hardsigmoid is one of them."""
import matplotlib.pyplot as plt
import numpy as np
import torch


def hard_sigmoid(x: np.ndarray, x0: float, x1: float, h: float) -> np.ndarray:
    """h * clip((x - x0) / (x1 - x0), 0, 1): 0 left of x0, h right of x1, a straight ramp in between.

    Args:
        x: the inputs, any shape.
        x0: where the ramp starts.
        x1: where the ramp ends (x1 > x0).
        h: the height it climbs to (negative: it steps down).

    Returns:
        The values, the shape of x. With (x0, x1, h) = (-3, 3, 1) it is torch.nn.functional.hardsigmoid.

    Examples:
        >>> hard_sigmoid(np.array([-1.0, 0.5, 1.0, 3.0]), 0.0, 2.0, 4.0).tolist()
        [0.0, 1.0, 2.0, 4.0]
    """
    return h * np.clip((x - x0) / (x1 - x0), 0.0, 1.0)


def hard_sigmoid_cases(x: np.ndarray, x0: float, x1: float, h: float) -> np.ndarray:
    """The same function written as its three cases: 0 for x <= x0, h (x - x0) / (x1 - x0) between, h for x >= x1.

    Args:
        x: the inputs, any shape.
        x0: where the ramp starts.
        x1: where the ramp ends (x1 > x0).
        h: the height of the flat part on the right.

    Returns:
        The values, the shape of x.

    Examples:
        >>> hard_sigmoid_cases(np.array([-1.0, 0.5, 1.0, 3.0]), 0.0, 2.0, -4.0).tolist()
        [0.0, -1.0, -2.0, -4.0]
    """
    return np.where(x <= x0, 0.0, np.where(x >= x1, h, h * (x - x0) / (x1 - x0)))


if __name__ == "__main__":
    x = np.arange(-4, 4.001, 0.125)  # a grid of exact binary fractions that contains every x0 and x1 below
    settings = [(-1.0, 1.0, 1.0), (0.0, 2.0, 2.0), (-2.0, 1.0, -1.5)]
    for x0, x1, h in settings:
        y = hard_sigmoid(x, x0, x1, h)
        assert np.array_equal(y, hard_sigmoid_cases(x, x0, x1, h))  # the clip form is the three cases
        left, ramp, right = x <= x0, (x >= x0) & (x <= x1), x >= x1
        slopes = np.diff(y[ramp]) / np.diff(x[ramp])
        assert np.all(y[left] == 0) and np.all(y[right] == h)  # flat at 0, then flat at h
        assert np.allclose(slopes, h / (x1 - x0), rtol=0, atol=1e-12)  # one straight ramp between them
        assert np.all(np.sign(np.diff(y)) * np.sign(h) >= 0)  # h > 0 only climbs, h < 0 only steps down
        print(f"x0 = {x0:g}, x1 = {x1:g}, h = {h:g}: 0 up to x0, {y[right][0]:+.1f} from x1 on,"
              f" slope on the ramp {slopes[0]:+.3f} = h / (x1 - x0)")

    ours = hard_sigmoid(x, -3.0, 3.0, 1.0)
    theirs = torch.nn.functional.hardsigmoid(torch.tensor(x)).numpy()
    gap = np.abs(ours - theirs).max()
    print(f"torch.nn.functional.hardsigmoid = hard sigmoid with x0 = -3, x1 = 3, h = 1:"
          f" max difference {'< 1e-12' if gap < 1e-12 else f'{gap:.1e}'}")
    assert gap < 1e-12

    fig, ax = plt.subplots(figsize=(6, 3.2))
    for (x0, x1, h), col in zip(settings, ["tab:blue", "tab:orange", "tab:green"]):
        ax.plot(x, hard_sigmoid(x, x0, x1, h), color=col, label=f"x0={x0:g}, x1={x1:g}, h={h:g}")
        ax.plot([x0, x1], [0, h], "o", color=col, ms=4)
    ax.plot(x, theirs, color="gray", ls="--", label="torch hardsigmoid")
    ax.axhline(0, color="black", lw=0.5)
    ax.set_xlabel("x")
    ax.legend(fontsize=8, loc="upper left")
    plt.show()
