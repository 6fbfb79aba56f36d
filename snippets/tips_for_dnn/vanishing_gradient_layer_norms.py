"""Vanishing gradients: gradient norm per layer, deep sigmoid net vs the same net with ReLU."""
import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.ticker import FormatStrFormatter
import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
depth, width = 10, 64
x = torch.randn(256, width)
y = torch.randn(256, 1)
# One set of weights (He-scaled, std sqrt(2/fan_in)), shared by both activations.
weights = [torch.randn(width, width) * (2 / width) ** 0.5 for _ in range(depth)]
head = torch.randn(width, 1) * (1 / width) ** 0.5


def layer_grad_norms(act):
    """Run the net with activation `act`; return the gradient norm of each layer's weights."""
    ws = [w.clone().requires_grad_() for w in weights]
    h = x
    for w in ws:
        h = act(h @ w)
    loss = ((h @ head - y) ** 2).mean()
    loss.backward()
    return [w.grad.norm().item() for w in ws]


sig = layer_grad_norms(torch.sigmoid)
rel = layer_grad_norms(torch.relu)
print("layer  |dL/dW| sigmoid   |dL/dW| ReLU")
for i, (s, r) in enumerate(zip(sig, rel), start=1):
    print(f"{i:>5}  {s:15.3e}  {r:12.3e}")
print(f"input layer / output layer, sigmoid: {sig[0] / sig[-1]:.1e}")
print(f"input layer / output layer, ReLU:    {rel[0] / rel[-1]:.1e}")

# Sigmoid: the gradient shrinks at every layer on the way back to the input.
assert all(a < b for a, b in zip(sig, sig[1:]))
assert sig[0] / sig[-1] < 1e-4
# ReLU with the same weights: all ten layers' gradients stay within a factor of 30 of each other.
assert max(rel) / min(rel) < 30
# sigma'(z) = sigma(z)(1 - sigma(z)) never exceeds 1/4: every sigmoid layer damps the gradient.
z = torch.linspace(-8, 8, 1601, requires_grad=True)
torch.sigmoid(z).sum().backward()
assert abs(z.grad.max().item() - 0.25) < 1e-12

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, ax = plt.subplots(figsize=(6, 3.6))
layers = range(1, depth + 1)
ax.semilogy(layers, sig, "o-", color="#d62728", label="sigmoid")
ax.semilogy(layers, rel, "s-", color="#1f77b4", label="ReLU")
ax.yaxis.set_major_formatter(FormatStrFormatter("%.0e"))  # plain labels, no mathtext
ax.set_xlabel("layer (1 = next to the input)")
ax.set_ylabel("gradient norm of the layer's weights")
ax.set_xticks(list(layers))
ax.grid(True, which="major", alpha=0.3)
ax.legend()
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
