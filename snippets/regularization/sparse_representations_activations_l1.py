"""An L1 penalty on hidden activations makes the representation sparse, not the weights."""
import torch
from torch import nn

torch.manual_seed(0)
n, d, width = 256, 8, 32
x = torch.randn(n, 3) @ torch.randn(3, d)  # 8-d data that lies on a 3-d subspace


def train(lam, steps=200):
    """ReLU autoencoder, loss = MSE + lam * mean_i ||h_i||_1; returns (h, recon MSE, encoder)."""
    torch.manual_seed(1)  # same initial weights for every lam
    enc, dec = nn.Linear(d, width), nn.Linear(width, d)
    opt = torch.optim.Adam([*enc.parameters(), *dec.parameters()], lr=0.02)
    for _ in range(steps):
        h = torch.relu(enc(x))
        loss = ((dec(h) - x) ** 2).mean() + lam * h.abs().sum(1).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    with torch.no_grad():
        h = torch.relu(enc(x))
        return h, ((dec(h) - x) ** 2).mean().item(), enc


print(f"data variance {x.var().item():.3f}")
print("penalty   zero activations   active units per example   recon MSE   small weights")
results = {}
for lam in [0.0, 0.03]:
    h, mse, enc = train(lam)
    zeros = (h == 0).float().mean().item()
    active = (h > 0).float().sum(1).mean().item()
    small_w = (enc.weight.abs() < 0.01).float().mean().item()
    results[lam] = (zeros, active, mse, small_w)
    print(f"{lam:7.2f}   {zeros:16.3f}   {active:24.1f}   {mse:9.4f}   {small_w:13.3f}")
(z0, a0, m0, s0), (z1, a1, m1, s1) = results[0.0], results[0.03]
assert z1 > z0 + 0.2 and a1 < a0 / 2  # far more exact zeros in the code
assert m1 < 0.01 * x.var()  # and the data are still reconstructed well
assert s1 < 0.1 and s1 < s0 + 0.02  # the weights themselves are not sparser
