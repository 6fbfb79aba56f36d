"""Activation variance through 10 tanh layers under small, Xavier and large initialization."""
import io
import math

import matplotlib
import torch

matplotlib.use("Agg")
import matplotlib.pyplot as plt

torch.manual_seed(0)
width, depth = 128, 10
x = torch.randn(200, width, dtype=torch.float64)


def xavier_uniform(fan_out, fan_in):
    """W ~ U(-a, a), a = sqrt(6 / (fan_in + fan_out)), so Var(W) = 2 / (fan_in + fan_out)."""
    a = math.sqrt(6.0 / (fan_in + fan_out))
    return (torch.rand(fan_out, fan_in, dtype=torch.float64) * 2 - 1) * a


# torch's xavier_uniform_ uses the same bound and variance.
w = torch.nn.init.xavier_uniform_(torch.empty(width, width, dtype=torch.float64))
bound = math.sqrt(6.0 / (2 * width))
assert w.abs().max() <= bound and abs(w.var().item() / (2 / (2 * width)) - 1) < 0.02
assert abs(xavier_uniform(width, width).var().item() / (1 / width) - 1) < 0.02

inits = {"small: N(0, 0.01^2)": lambda: torch.randn(width, width, dtype=torch.float64) * 0.01,
         "Xavier (normalized)": lambda: xavier_uniform(width, width),
         "large: N(0, 1)": lambda: torch.randn(width, width, dtype=torch.float64)}
variances, saturated = {}, {}
for name, make in inits.items():
    h, var = x, []
    for _ in range(depth):
        h = torch.tanh(h @ make().T)
        var.append(h.var().item())
    variances[name] = var
    saturated[name] = (h.abs() > 0.99).double().mean().item()   # units stuck at +-1: tanh' ~ 0
    print(f"{name:>20}: variance at layers 1, 5, 10 = "
          f"{var[0]:.2e}, {var[4]:.2e}, {var[9]:.2e};  saturated units {saturated[name]:.0%}")

small, xav, large = variances.values()
assert small[9] < 1e-15                               # the signal dies: variance x ~0.01^2 * width per layer
assert all(b < 0.1 * a for a, b in zip(small, small[1:]))
assert saturated["large: N(0, 1)"] > 0.5 and large[9] > 0.8   # everything pinned at +-1
assert 0.02 < xav[9] < 0.5 and saturated["Xavier (normalized)"] < 0.01  # signal survives, unsaturated

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, ax = plt.subplots(figsize=(6, 3.4))
for (name, var), c in zip(variances.items(), ["tab:blue", "tab:green", "tab:red"]):
    ax.semilogy(range(1, depth + 1), var, "o-", color=c, ms=4, label=name)
ax.set_xlabel("layer")
ax.set_ylabel("variance of tanh activations")
ax.legend(fontsize=8)
ax.grid(alpha=0.3)
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
