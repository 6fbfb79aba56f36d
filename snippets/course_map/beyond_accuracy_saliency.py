"""Explainable AI: a saliency map is the gradient of the output w.r.t. each input pixel."""
import io

import matplotlib
import numpy as np
import torch

matplotlib.use("Agg")
import matplotlib.pyplot as plt

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
# 8x8 noise images; the label is 1 when the 3x3 patch at rows 1-3, cols 4-6 is bright
X, X_test = torch.randn(1000, 8, 8), torch.randn(1000, 8, 8)
patch = torch.zeros(8, 8, dtype=torch.bool)
patch[1:4, 4:7] = True
y, y_test = (X[:, patch].mean(1) > 0).double(), (X_test[:, patch].mean(1) > 0).double()
model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(64, 16), torch.nn.Tanh(),
                            torch.nn.Linear(16, 1))
opt = torch.optim.Adam(model.parameters(), lr=0.01)
for _ in range(200):
    opt.zero_grad()
    loss = torch.nn.functional.binary_cross_entropy_with_logits(model(X)[:, 0], y)
    loss.backward()
    opt.step()
acc = ((model(X_test)[:, 0] > 0).double() == y_test).double().mean().item()


def saliency(model, x):
    """(8, 8) image -> (8, 8) |d score / d pixel|, by autograd."""
    x = x.clone().requires_grad_(True)
    model(x[None])[0, 0].backward()
    return x.grad.abs()


x0 = X[0]
s = saliency(model, x0)
# the same gradient by central finite differences, pixel by pixel
h, fd = 1e-6, torch.zeros(64)
with torch.no_grad():
    for k in range(64):
        e = torch.zeros(8, 8)
        e.view(-1)[k] = h
        fd[k] = (model((x0 + e)[None]) - model((x0 - e)[None]))[0, 0] / (2 * h)
share = (s[patch].sum() / s.sum()).item()
print(f"test accuracy {acc:.3f}")
print(f"share of saliency inside the 3x3 patch: {share:.2f} (the patch is {9 / 64:.2f} of the image)")
print(f"autograd vs finite differences: max difference {(fd.abs() - s.reshape(-1)).abs().max():.1e}")
assert acc > 0.9
assert torch.allclose(fd.abs(), s.reshape(-1), atol=1e-6)
assert share > 0.5 and s[patch].min() > s[~patch].max()

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, axes = plt.subplots(1, 2, figsize=(6, 3.2))
for ax, img, title in [(axes[0], x0, "input image"), (axes[1], s, "saliency |d score / d pixel|")]:
    ax.imshow(img.numpy(), cmap="gray" if ax is axes[0] else "viridis")
    ax.add_patch(plt.Rectangle((3.5, 0.5), 3, 3, fill=False, ec="red", lw=2))
    ax.set_title(title, fontsize=10)
    ax.set_xticks([]), ax.set_yticks([])
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
