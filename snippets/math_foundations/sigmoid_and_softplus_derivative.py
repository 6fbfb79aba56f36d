"""The sigmoid's derivative is sigma(1 - sigma), largest (0.25) at x = 0."""
import io

import matplotlib
import torch

matplotlib.use("Agg")
import matplotlib.pyplot as plt

torch.manual_seed(0)


def sigmoid(x):
    """Elementwise 1 / (1 + exp(-x)) for a tensor x; matches torch.sigmoid."""
    return 1.0 / (1.0 + torch.exp(-x))


x = torch.linspace(-8, 8, 401, dtype=torch.float64, requires_grad=True)
s = sigmoid(x)
(grad,) = torch.autograd.grad(s.sum(), x)  # d sigma / dx at every grid point
formula = (s * (1 - s)).detach()

err = (grad - formula).abs().max().item()
assert torch.allclose(s, torch.sigmoid(x), atol=1e-12)
assert err < 1e-12
assert ((s > 0) & (s < 1)).all()                                  # range (0, 1)
assert torch.allclose(sigmoid(-x), 1 - s, atol=1e-12)             # sigma(-x) = 1 - sigma(x)
i = grad.argmax().item()
assert abs(x[i].item()) < 1e-12 and abs(grad[i].item() - 0.25) < 1e-12  # max slope at 0
assert grad[0].item() < 1e-3 and grad[-1].item() < 1e-3           # saturated tails

print(f"max |autograd - sigma(1 - sigma)| on [-8, 8]: {err:.1e}")
print(f"largest slope: {grad[i].item():.4f} at x = {abs(x[i].item()):.1f}")
print(f"slope at x = -8 and x = 8: {grad[0].item():.2e}, {grad[-1].item():.2e}")

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, ax = plt.subplots(figsize=(6, 3.2))
xs = x.detach().numpy()
ax.plot(xs, s.detach().numpy(), color="tab:blue", label=r"$\sigma(x)$")
ax.plot(xs, grad.numpy(), color="tab:orange", label=r"$\sigma'(x)=\sigma(x)(1-\sigma(x))$")
ax.axhline(0.25, color="gray", lw=0.8, ls=":")
ax.set_xlabel("x")
ax.legend(loc="upper left")
ax.grid(alpha=0.3)
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
