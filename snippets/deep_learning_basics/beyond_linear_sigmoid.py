"""c * sigmoid(b + w x): w sets the slope, b shifts it, c sets the height."""
import io

import matplotlib
import numpy as np
import torch

matplotlib.use("Agg")
import matplotlib.pyplot as plt


def csig(x, c, b, w):
    """c * sigmoid(b + w x), elementwise on an array x; matches c * torch.sigmoid."""
    return c / (1 + np.exp(-(b + w * x)))


x = np.linspace(-6, 6, 241)
settings = {
    "vary w (slope)": [(1, 0, w) for w in (0.5, 1, 4)],
    "vary b (shift)": [(1, b, 1) for b in (-2, 0, 2)],
    "vary c (height)": [(c, 0, 1) for c in (0.5, 1, 2)],
}
for (c, b, w) in dict.fromkeys(sum(settings.values(), [])):  # each distinct setting once
    # the midpoint sits at x = -b/w with value c/2 and slope c*w/4 (checked with autograd)
    x_mid = torch.tensor(-b / w, dtype=torch.float64, requires_grad=True)
    y_mid = c * torch.sigmoid(b + w * x_mid)
    y_mid.backward()
    assert abs(y_mid.item() - c / 2) < 1e-12 and abs(x_mid.grad.item() - c * w / 4) < 1e-12
    assert np.allclose(csig(x, c, b, w), c * torch.sigmoid(torch.tensor(b + w * x)).numpy(), atol=1e-12)
    assert csig(x, c, b, w).min() > 0 and csig(x, c, b, w).max() < c   # always inside (0, c)
    print(f"c={c:<4} b={b:<3} w={w:<4} midpoint x = {x_mid.item():+.1f}:"
          f" value {y_mid.item():.3f}, slope {x_mid.grad.item():.3f}")
# a steep sigmoid is close to a hard step: the gap shrinks as w grows
gaps = [np.abs(csig(x, 1, 0, w) - (x > 0)).max(where=np.abs(x) > 0.5, initial=0) for w in (1, 4, 16)]
print("max gap to a step (|x| > 0.5) for w = 1, 4, 16:", np.round(gaps, 4))
assert gaps[0] > gaps[1] > gaps[2] and gaps[2] < 1e-3

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, axes = plt.subplots(1, 3, figsize=(9, 2.8), sharey=True)
for ax, (title, rows) in zip(axes, settings.items()):
    for (c, b, w), col in zip(rows, ["tab:blue", "tab:orange", "tab:green"]):
        ax.plot(x, csig(x, c, b, w), color=col, label=f"c={c}, b={b}, w={w}")
    ax.set_title(title, fontsize=10)
    ax.set_xlabel("x")
    ax.legend(fontsize=7, loc="upper left")
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
