"""Maxout: the max over k linear pieces; with pieces (w.x + b, 0) it is exactly ReLU."""
import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)


def maxout(x, W, b):
    """x: (n, d), W: (units, k, d), b: (units, k). Returns (n, units): max_j W[u,j].x + b[u,j]."""
    out = torch.empty(x.shape[0], W.shape[0])
    for u in range(W.shape[0]):
        pieces = torch.stack([x @ W[u, j] + b[u, j] for j in range(W.shape[1])], dim=1)
        out[:, u] = pieces.max(dim=1).values
    return out


n, d, units, k = 200, 5, 3, 4
x = torch.randn(n, d)
W, b = torch.randn(units, k, d), torch.randn(units, k)
# The usual torch implementation: one Linear layer with units*k outputs, then max over groups of k.
layer = torch.nn.Linear(d, units * k)
with torch.no_grad():
    layer.weight.copy_(W.reshape(units * k, d))
    layer.bias.copy_(b.reshape(units * k))
    grouped = layer(x).view(n, units, k).amax(dim=2)
assert torch.allclose(maxout(x, W, b), grouped, atol=1e-12)
diff = (maxout(x, W, b) - grouped).abs().max().item()
print(f"maxout from scratch vs Linear + view + amax: max diff {diff:.1e}")

# ReLU is maxout with k = 2 pieces: w.x + b and the constant 0.
w, c = torch.randn(d), torch.randn(())
W_relu = torch.stack([w, torch.zeros(d)])[None]  # (1, 2, d)
b_relu = torch.stack([c, torch.zeros(())])[None]  # (1, 2)
relu_out = torch.relu(x @ w + c)
same = torch.equal(maxout(x, W_relu, b_relu)[:, 0], relu_out)
print("maxout with pieces (w.x + b, 0) equals torch.relu(w.x + b) bit for bit:", same)
assert same

# On a scalar input a maxout unit is convex and piecewise linear, with at most k linear segments.
t = torch.linspace(-3, 3, 601)[:, None]
shapes = {
    "ReLU: pieces (t, 0)": (torch.tensor([[[1.0], [0.0]]]), torch.zeros(1, 2)),
    "|t|: pieces (t, -t)": (torch.tensor([[[1.0], [-1.0]]]), torch.zeros(1, 2)),
    "random, k = 4": (torch.randn(1, 4, 1), torch.randn(1, 4)),
}
plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, ax = plt.subplots(figsize=(6, 3.6))
styles = [("#1f77b4", "--", 3), ("#2ca02c", "-", 2), ("#d62728", "-", 2)]  # ReLU dashed, on top
for (name, (Wi, bi)), (color, ls, z) in zip(shapes.items(), styles):
    y = maxout(t, Wi, bi)[:, 0]
    convex = bool(((y[2:] - 2 * y[1:-1] + y[:-2]) > -1e-12).all())  # second differences >= 0
    winner = (t @ Wi[0].T + bi[0]).argmax(dim=1)  # which piece is the max at each t
    segments = 1 + int((winner[1:] != winner[:-1]).sum())
    print(f"{name:<20} convex: {convex}, linear segments: {segments} (k = {Wi.shape[1]})")
    assert convex and segments <= Wi.shape[1]
    ax.plot(t[:, 0], y, color=color, linestyle=ls, linewidth=2, zorder=z, label=name)
ax.set_xlabel("input t")
ax.set_ylabel("maxout output")
ax.legend()
ax.grid(alpha=0.3)
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
