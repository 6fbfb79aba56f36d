"""Learning-rate decay: closed-form schedules against torch.optim.lr_scheduler, and what decay fixes."""
import io
import math

import matplotlib
import numpy as np
import torch

matplotlib.use("Agg")
import matplotlib.pyplot as plt

torch.manual_seed(0)
T, lr0 = 150, 0.1
schedules = {  # name: (eta_t in closed form, the torch scheduler that should produce it)
    "step: x0.5 every 50": (lambda t: lr0 * 0.5 ** (t // 50),
                            lambda o: torch.optim.lr_scheduler.StepLR(o, 50, 0.5)),
    "exponential: x0.98": (lambda t: lr0 * 0.98**t,
                           lambda o: torch.optim.lr_scheduler.ExponentialLR(o, 0.98)),
    "cosine to 0": (lambda t: lr0 * (1 + math.cos(math.pi * t / T)) / 2,
                    lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=T)),
}


def torch_lrs(make_scheduler):
    """The learning rate that a torch scheduler hands to the optimizer at steps 0..T-1."""
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=lr0)
    sched, out = make_scheduler(opt), []
    for _ in range(T):
        out.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return np.array(out)


def loss(w):
    """The valley of the 'stuck' example: steep across w1, gentle along w2; minimum 0 at (0, 0)."""
    return torch.sqrt(1 + 100 * w[0] ** 2) - 1 + 0.05 * w[1] ** 2


def train(make_scheduler=None):
    """RMSprop(lr=0.1) from (0.3, 4) for T steps, with an optional scheduler; returns losses and w1."""
    w = torch.tensor([0.3, 4.0], dtype=torch.float64, requires_grad=True)
    opt, out = torch.optim.RMSprop([w], lr=lr0), []
    sched = make_scheduler(opt) if make_scheduler else None
    for _ in range(T):
        opt.zero_grad()
        L = loss(w)
        L.backward()
        out.append((L.item(), w[0].item()))
        opt.step()
        if sched:
            sched.step()
    return np.array(out)


plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(8.5, 3.4), layout="constrained")
t = np.arange(T)
for name, (formula, make) in schedules.items():
    ours, theirs = np.array([formula(s) for s in t]), torch_lrs(make)
    print(f"{name:<22} max |closed form - torch| = {np.abs(ours - theirs).max():.1e}")
    assert np.abs(ours - theirs).max() < 1e-6
    ax1.plot(t, ours, label=name)
ax1.set(xlabel="step t", ylabel="learning rate", title="decay schedules")
ax1.legend(fontsize=8)

(const, w1), (cosine, _) = train().T, train(schedules["cosine to 0"][1]).T
print(f"RMSprop, constant lr: last 50 losses in [{const[-50:].min():.1e}, {const[-50:].max():.1e}],"
      f" w1 = {w1[-3]:+.3f}, {w1[-2]:+.3f}, {w1[-1]:+.3f}")
print(f"RMSprop, cosine decay: last 50 losses in [{cosine[-50:].min():.1e}, {cosine[-50:].max():.1e}]")
assert const[-50:].min() > 0.01 and np.all(w1[-51:-1] * w1[-50:] < 0)  # constant lr: it keeps bouncing
assert abs(abs(w1[-1] - w1[-2]) - lr0) < 1e-3  # in this loop |g| / sigma = 1: every jump is lr long
assert cosine[-50:].max() < 1e-6 * const[-50:].min()  # decayed lr: it settles
ax2.semilogy(t, const, color="tab:red", label="RMSprop, constant lr")
ax2.semilogy(t, cosine, color="tab:blue", label="RMSprop, cosine decay")
ax2.set(xlabel="step", ylabel="loss", title="decay ends the oscillation", ylim=(1e-12, 10))
ax2.set_yticks([1e-12, 1e-8, 1e-4, 1], ["1e-12", "1e-8", "1e-4", "1"])  # plain labels: faster than mathtext
ax2.minorticks_off()
ax2.legend(fontsize=8)
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
