"""c * sigmoid(b + w x): w sets the slope, b shifts it, c sets the height."""
import matplotlib.pyplot as plt
import numpy as np
import torch


def csig(x: np.ndarray, c: float, b: float, w: float) -> np.ndarray:
    """c * sigmoid(b + w x), elementwise; matches c * torch.sigmoid(b + w * x).

    Args:
        x: the inputs, any shape.
        c: the height: the curve runs from 0 towards c.
        b: the shift: the centre sits at x = -b / w.
        w: the steepness: the slope at the centre is c w / 4.

    Returns:
        The values, the shape of x.

    Examples:
        >>> csig(np.array([-2.0, 0.0]), 3.0, 2.0, 1.0).round(4).tolist()
        [1.5, 2.6424]
    """
    return c / (1 + np.exp(-(b + w * x)))


def centre_value_and_slope(c: float, b: float, w: float) -> tuple[float, float, float]:
    """Where c * sigmoid(b + w x) is centred, its value there and its slope there (by autograd).

    Args:
        c: the height.
        b: the shift.
        w: the steepness (not 0).

    Returns:
        (x_mid, value, slope) with x_mid = -b / w; the formulas say value = c / 2, slope = c w / 4.

    Examples:
        >>> centre_value_and_slope(2.0, 1.0, 4.0)
        (-0.25, 1.0, 2.0)
    """
    x_mid = torch.tensor(-b / w, dtype=torch.float64, requires_grad=True)
    y_mid = c * torch.sigmoid(b + w * x_mid)
    y_mid.backward()
    return x_mid.item(), y_mid.item(), x_mid.grad.item()


if __name__ == "__main__":
    x = np.linspace(-6, 6, 241)
    settings = {
        "vary w (slope)": [(1, 0, w) for w in (0.5, 1, 4)],
        "vary b (shift)": [(1, b, 1) for b in (-2, 0, 2)],
        "vary c (height)": [(c, 0, 1) for c in (0.5, 1, 2)],
    }
    for c, b, w in dict.fromkeys(sum(settings.values(), [])):  # each distinct setting once
        x_mid, y_mid, slope = centre_value_and_slope(c, b, w)
        assert abs(y_mid - c / 2) < 1e-12 and abs(slope - c * w / 4) < 1e-12
        assert np.allclose(csig(x, c, b, w), c * torch.sigmoid(torch.tensor(b + w * x)).numpy(), atol=1e-12)
        assert csig(x, c, b, w).min() > 0 and csig(x, c, b, w).max() < c  # always inside (0, c)
        print(f"c={c:<4} b={b:<3} w={w:<4} midpoint x = {x_mid:+.1f}: value {y_mid:.3f}, slope {slope:.3f}")
    # a steep sigmoid is close to a hard step: the gap shrinks as w grows
    gaps = [np.abs(csig(x, 1, 0, w) - (x > 0)).max(where=np.abs(x) > 0.5, initial=0) for w in (1, 4, 16)]
    print("max gap to a step (|x| > 0.5) for w = 1, 4, 16:", np.round(gaps, 4))
    assert gaps[0] > gaps[1] > gaps[2] and gaps[2] < 1e-3

    fig, axes = plt.subplots(1, 3, figsize=(9, 2.8), sharey=True)
    for ax, (title, rows) in zip(axes, settings.items()):
        for (c, b, w), col in zip(rows, ["tab:blue", "tab:orange", "tab:green"]):
            ax.plot(x, csig(x, c, b, w), color=col, label=f"c={c}, b={b}, w={w}")
        ax.set_title(title, fontsize=10)
        ax.set_xlabel("x")
        ax.legend(fontsize=7, loc="upper left")
    plt.show()
