"""Softmax from scratch, checked against torch, and what temperature does to it."""
import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import torch

torch.manual_seed(0)


def softmax(z, T=1.0):
    """Softmax of logits z (..., K) at temperature T; matches torch.softmax(z / T, -1)."""
    s = z / T
    s = s - s.max(axis=-1, keepdims=True)  # exp never overflows; the result is unchanged
    e = np.exp(s)
    return e / e.sum(axis=-1, keepdims=True)


z = np.array([2.0, 1.0, 0.5, -1.0])
K = len(z)
batch = torch.randn(5, K, dtype=torch.float64) * 10
diff = np.abs(softmax(batch.numpy()) - torch.softmax(batch, -1).numpy()).max()
assert diff < 1e-12
assert np.allclose(softmax(z + 100.0), softmax(z))  # shift invariance
print(f"max |ours - torch.softmax| on a 5x{K} batch: {diff:.1e}")
# With cross entropy on top, the gradient with respect to the logits is softmax(z) - onehot(y).
zt = torch.tensor(z, requires_grad=True)
torch.nn.functional.cross_entropy(zt[None], torch.tensor([2])).backward()
assert np.allclose(zt.grad.numpy(), softmax(z) - np.eye(K)[2], atol=1e-12)
print("d(cross entropy)/dz = softmax(z) - onehot(y):", np.round(zt.grad.numpy(), 4))

print("   T   probabilities                 T*logsumexp(z/T)")
for T in [100.0, 10.0, 1.0, 0.1, 0.01]:
    p = softmax(z, T)
    lse = T * (np.log(np.exp((z - z.max()) / T).sum()) + z.max() / T)
    print(f"{T:6.2f}  {np.array2string(p, precision=4, suppress_small=True):30s} {lse:.4f}")
    assert z.max() - 1e-9 <= lse <= z.max() + T * np.log(K) + 1e-9  # max <= smooth max <= max + T log K

onehot = np.eye(K)[z.argmax()]
cold, hot = softmax(z, 0.01), softmax(z, 1000.0)
assert np.abs(cold - onehot).max() < 1e-6  # T -> 0: the one-hot argmax
assert np.abs(hot - 1 / K).max() < 1e-3  # T -> infinity: uniform
lse_cold = 0.01 * np.log(np.exp((z - z.max()) / 0.01).sum()) + z.max()
assert abs(lse_cold - z.max()) < 1e-6  # the smooth version of max is log-sum-exp
print("argmax one-hot:", onehot, " gap at T=0.01:", f"{np.abs(cold - onehot).max():.1e}")

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
Ts = np.logspace(-2, 2, 120)
P = np.array([softmax(z, T) for T in Ts])
fig, ax = plt.subplots(figsize=(6, 3.6))
for k in range(K):
    ax.plot(Ts, P[:, k], label=f"class {k} (z = {z[k]:g})")
ax.axhline(1 / K, color="gray", ls=":", lw=1)
ax.set(xscale="log", xlabel="temperature T", ylabel="softmax(z / T)", ylim=(0, 1.02))
ax.legend(fontsize=8)
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
