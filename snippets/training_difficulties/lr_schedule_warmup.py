"""Warmup then cosine decay: a closed form against SequentialLR(LinearLR, CosineAnnealingLR) and LambdaLR."""
import io
import math

import matplotlib
import numpy as np
import torch

matplotlib.use("Agg")
import matplotlib.pyplot as plt

torch.manual_seed(0)
T, W, lr0, start = 200, 20, 0.1, 0.01  # total steps, warmup steps, peak lr, first lr / peak lr


def warmup_cosine(t):
    """Learning rate at step t: linear from start*lr0 to lr0 over W steps, then cosine down to 0 at T."""
    if t < W:
        return lr0 * (start + (1 - start) * t / W)
    return lr0 * (1 + math.cos(math.pi * (t - W) / (T - W))) / 2


def torch_lrs(make_scheduler):
    """The learning rate that a torch scheduler hands to the optimizer at steps 0..T-1."""
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=lr0)
    sched, out = make_scheduler(opt), []
    for _ in range(T):
        out.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return np.array(out)


sequential = lambda o: torch.optim.lr_scheduler.SequentialLR(o, [
    torch.optim.lr_scheduler.LinearLR(o, start_factor=start, end_factor=1.0, total_iters=W),
    torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=T - W)], milestones=[W])
lambda_lr = lambda o: torch.optim.lr_scheduler.LambdaLR(o, lambda t: warmup_cosine(t) / lr0)
ours = np.array([warmup_cosine(t) for t in range(T)])
seq = torch_lrs(sequential)
d_seq, d_lam = np.abs(ours - seq).max(), np.abs(ours - torch_lrs(lambda_lr)).max()
print(f"closed form vs SequentialLR(LinearLR, CosineAnnealingLR): max difference {d_seq:.1e}")
print(f"closed form vs LambdaLR: max difference {d_lam:.1e}")
marks = (0, W // 2, W, (T + W) // 2, T - 1)
print(f"lr at steps {marks}: {[round(warmup_cosine(t), 5) for t in marks]}")
assert d_seq < 1e-6 and d_lam < 1e-6
assert np.argmax(ours) == W and np.all(np.diff(ours[:W + 1]) > 0) and np.all(np.diff(ours[W:]) < 0)

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, ax = plt.subplots(figsize=(6, 3.2))
ax.plot(ours, color="tab:blue", lw=2, label="closed form")
ax.plot(np.arange(0, T, 5), seq[::5], "o", color="tab:orange", ms=3, label="SequentialLR")
ax.axvline(W, color="gray", ls=":", lw=1)
ax.text(W + 2, 0.002, "end of warmup", color="gray", fontsize=8)
ax.set(xlabel="step t", ylabel="learning rate", title="linear warmup, then cosine decay")
ax.legend(fontsize=8)
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
