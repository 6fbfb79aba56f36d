"""A tiny GAN learns a 1-D Gaussian: the generated mean and spread approach the data's."""
import io

import matplotlib
import numpy as np
import torch
from torch import nn

matplotlib.use("Agg")
import matplotlib.pyplot as plt

torch.manual_seed(0)
F = nn.functional
MU, SIGMA, BATCH = 3.0, 0.8, 64                       # the data distribution N(3, 0.8^2)
G = nn.Sequential(nn.Linear(1, 16), nn.Tanh(), nn.Linear(16, 1))          # noise z -> sample
D = nn.Sequential(nn.Linear(1, 32), nn.LeakyReLU(0.2), nn.Linear(32, 1))  # sample -> logit of "real"
opt_g = torch.optim.Adam(G.parameters(), lr=0.005, betas=(0.5, 0.999))
opt_d = torch.optim.Adam(D.parameters(), lr=0.02, betas=(0.5, 0.999))   # the critic learns faster
z_eval = torch.randn(2000, 1)
real_label, fake_label = torch.ones(BATCH, 1), torch.zeros(BATCH, 1)


def samples():
    """2000 generated samples (fixed noise z_eval) as a numpy array."""
    with torch.no_grad():
        return G(z_eval).squeeze(1).numpy()


start = samples()
history = [(start.mean(), start.std())]
for step in range(250):
    real, fake = MU + SIGMA * torch.randn(BATCH, 1), G(torch.randn(BATCH, 1))
    # Discriminator: maximise log D(real) + log(1 - D(fake)); fake is detached so G is untouched.
    opt_d.zero_grad()
    (F.binary_cross_entropy_with_logits(D(real), real_label)
     + F.binary_cross_entropy_with_logits(D(fake.detach()), fake_label)).backward()
    opt_d.step()
    # Generator (non-saturating form): maximise log D(fake).
    opt_g.zero_grad()
    F.binary_cross_entropy_with_logits(D(fake), real_label).backward()
    opt_g.step()
    if step % 5 == 4:
        now = samples()
        history.append((now.mean(), now.std()))

end, hist = samples(), np.array(history)
(m0, s0), (m1, s1) = hist[0], hist[-1]
skew = np.mean(((end - end.mean()) / end.std()) ** 3)        # 0 for any Gaussian
print(f"data:                  mean {MU:.3f}  std {SIGMA:.3f}")
print(f"generator at step   0: mean {m0:.3f}  std {s0:.3f}")
print(f"generator at step 250: mean {m1:.3f}  std {s1:.3f}")
print(f"largest generated mean on the way: {hist[:, 0].max():.3f}; final skewness {skew:.2f}")
assert abs(m1 - MU) < 0.15 and abs(s1 - SIGMA) < 0.15
assert abs(m1 - MU) < abs(m0 - MU) / 10 and abs(s1 - SIGMA) < abs(s0 - SIGMA) / 3
assert m0 < MU - 1 and s0 < SIGMA / 1.5                      # started off-centre and too narrow
assert hist[:, 0].max() > MU + 0.3                           # the mean overshot before settling
assert abs(skew) > 0.3                                        # right moments, wrong shape

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9, 3.4))
grid = np.linspace(-1.5, 6, 200)
density = np.exp(-0.5 * ((grid - MU) / SIGMA) ** 2) / (SIGMA * np.sqrt(2 * np.pi))
ax1.plot(grid, density, "k", label="data density")
bins = np.linspace(-1.5, 6, 50)
ax1.hist(start, bins=bins, density=True, histtype="step", color="tab:red", label="G at step 0")
ax1.hist(end, bins=bins, density=True, histtype="step", color="tab:blue", label="G at step 250")
ax1.set_xlabel("x")
ax1.legend(fontsize=8)
steps = 5 * np.arange(len(hist))
ax2.plot(steps, hist[:, 0], color="tab:blue", label="generated mean")
ax2.plot(steps, hist[:, 1], color="tab:orange", label="generated std")
ax2.axhline(MU, color="tab:blue", ls=":")
ax2.axhline(SIGMA, color="tab:orange", ls=":")
ax2.set_xlabel("training step")
ax2.legend(fontsize=8)
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
