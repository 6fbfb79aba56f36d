"""ReLU: c * max(0, b + w x) is zero up to a kink at x = -b/w, then a straight line."""
import matplotlib.pyplot as plt
import numpy as np
import torch


def relu_unit(x: np.ndarray, c: float, b: float, w: float) -> np.ndarray:
    """c * max(0, b + w x) elementwise; matches c * torch.relu(b + w * x).

    Args:
        x: the inputs, any shape.
        c: the output scale (negative: the line goes down).
        b: the bias: the kink sits at x = -b / w.
        w: the weight (negative: the active side is left of the kink).

    Returns:
        The values, the shape of x.

    Examples:
        >>> relu_unit(np.array([-2.0, 0.0, 1.0]), 2.0, 1.0, -1.0).tolist()
        [6.0, 2.0, 0.0]
    """
    return c * np.maximum(0.0, b + w * x)


if __name__ == "__main__":
    x = np.linspace(-3, 3, 241)
    settings = [(1.0, 0.0, 1.0), (1.0, 1.0, 2.0), (-0.5, -1.0, 1.0), (1.0, 1.0, -1.0)]
    for c, b, w in settings:
        y = relu_unit(x, c, b, w)
        kink = 0.0 - b / w  # 0.0 - avoids printing "-0.00"
        on = (b + w * x) > 0  # the "active" side of the kink
        slope = np.polyfit(x[on], y[on], 1)[0]  # fitted slope where it is on
        print(f"c={c:+.1f} b={b:+.1f} w={w:+.1f}: kink at x={kink:+.2f}, slope {slope:+.2f} on the active side, 0 on the other")
        assert np.allclose(y, c * torch.relu(torch.tensor(b + w * x)).numpy(), atol=1e-12)
        assert np.all(y[~on] == 0) and abs(slope - c * w) < 1e-9
        assert np.all(on == (x > kink)) if w > 0 else np.all(on == (x < kink))

    fig, ax = plt.subplots(figsize=(6, 3.4))
    for (c, b, w), col in zip(settings, ["tab:blue", "tab:orange", "tab:green", "tab:purple"]):
        ax.plot(x, relu_unit(x, c, b, w), color=col, label=f"c={c}, b={b}, w={w}")
    ax.axhline(0, color="gray", lw=0.5)
    ax.set_xlabel("x")
    ax.set_ylabel("c max(0, b + w x)")
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    plt.show()
