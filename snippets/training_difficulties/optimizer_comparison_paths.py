"""SGD, momentum, AdaGrad, RMSProp and Adam on one ill-conditioned error surface."""
import io

import matplotlib
import numpy as np
import torch

matplotlib.use("Agg")
import matplotlib.pyplot as plt

torch.manual_seed(0)
curv = torch.tensor([1.0, 100.0], dtype=torch.float64)  # curvatures: flat along w1, steep along w2
w0 = torch.tensor([-4.5, 1.0], dtype=torch.float64)


def loss(w):
    """L(w) = (w1^2 + 100 w2^2) / 2, a valley 100 times steeper across than along; w has shape (2,)."""
    return 0.5 * (curv * w**2).sum()


def path(make_optimizer, steps=100):
    """Iterates (steps + 1, 2) of a torch optimizer started at w0."""
    w = w0.clone().requires_grad_(True)
    opt, out = make_optimizer([w]), [w0.clone()]
    for _ in range(steps):
        opt.zero_grad()
        loss(w).backward()
        opt.step()
        out.append(w.detach().clone())
    return torch.stack(out).numpy()


optimizers = {  # SGD gets the largest stable rate: it must stay below 2 / 100
    "SGD, lr 0.019": lambda p: torch.optim.SGD(p, lr=0.019),
    "momentum 0.9, lr 0.01": lambda p: torch.optim.SGD(p, lr=0.01, momentum=0.9),
    "AdaGrad, lr 1": lambda p: torch.optim.Adagrad(p, lr=1.0),
    "RMSProp, lr 0.1": lambda p: torch.optim.RMSprop(p, lr=0.1),
    "Adam, lr 0.3": lambda p: torch.optim.Adam(p, lr=0.3),
}
plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, ax = plt.subplots(figsize=(7, 3.8))
g1, g2 = np.meshgrid(np.linspace(-5, 1.5, 60), np.linspace(-1.3, 1.3, 60))
ax.contour(g1, g2, 0.5 * (g1**2 + 100 * g2**2), levels=[0.1, 0.5, 2, 5, 10, 20, 40, 80], colors="lightgray")
final, paths = {}, {}
for (name, make), style in zip(optimizers.items(), ["-", "-", "--", "-.", ":"]):
    P = paths[name.split(",")[0]] = path(make)
    final[name] = loss(torch.tensor(P[-1])).item()
    print(f"{name:<22} loss after 100 steps: {final[name]:.1e}   ends at w = ({P[-1, 0]:+.3f}, {P[-1, 1]:+.3f})")
    ax.plot(P[:, 0], P[:, 1], style, lw=1.2, label=name)
ax.plot([0], [0], "*", color="black", ms=10, label="minimum")
ax.set(xlabel="w1 (flat direction)", ylabel="w2 (steep direction)",
       title="100 steps from (-4.5, 1) on L = (w1² + 100 w2²)/2")
ax.legend(fontsize=7, loc="upper right")
names = list(final)
assert all(final[n] < final[names[0]] / 100 for n in names[1:])  # all four beat plain SGD by 100x or more
assert paths["SGD"][:, 0].max() < 0  # SGD never reaches the minimum along w1
assert paths["momentum 0.9"][:, 0].max() > 0 and paths["Adam"][:, 0].max() > 0  # these overshoot it
for name in ["AdaGrad", "RMSProp", "Adam"]:  # per-coordinate scaling: the first step is diagonal
    step = np.abs(paths[name][1] - paths[name][0])
    assert abs(step[0] - step[1]) < 1e-6 * step[0], name
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
