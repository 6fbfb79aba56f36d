"""A VAE on toy 2-D data: reparameterised sampling, the two ELBO terms, and joint training."""
import torch
from torch import nn
from torch.distributions import Normal, kl_divergence

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
t = torch.rand(256, 1) * 2 - 1
x = torch.cat([t, t**2], 1) + 0.05 * torch.randn(256, 2)   # points near a parabola: one hidden factor
encoder = nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 2))  # -> (mean, log-variance) of q(z|x)
decoder = nn.Sequential(nn.Linear(1, 16), nn.Tanh(), nn.Linear(16, 2))  # z -> mean of p(x|z)
NOISE = 0.1                                                              # std of p(x|z), fixed


def elbo_terms(x):
    """Per-example (reconstruction log-likelihood, KL(q(z|x) || N(0,1))) and (mu, logvar, eps)."""
    mu, logvar = encoder(x).chunk(2, dim=1)
    eps = torch.randn_like(mu)
    z = mu + torch.exp(0.5 * logvar) * eps                 # reparameterisation: noise enters as an input
    recon = Normal(decoder(z), NOISE).log_prob(x).sum(1)   # one-sample estimate of E_q[log p(x|z)]
    kl = 0.5 * (mu**2 + logvar.exp() - 1 - logvar).sum(1)  # closed form for Gaussians
    return recon, kl, (mu, logvar, eps, z)


# 1) The closed-form KL agrees with torch.distributions.
recon, kl, (mu, logvar, eps, z) = elbo_terms(x)
kl_torch = kl_divergence(Normal(mu, torch.exp(0.5 * logvar)), Normal(0.0, 1.0)).sum(1)
print(f"closed-form KL vs torch.distributions: max difference {(kl - kl_torch).abs().max().item():.1e}")
assert torch.allclose(kl, kl_torch, atol=1e-12)

# 2) Gradients flow through the sample: dz/dmu = 1 and dz/dlogvar = 0.5 * sigma * eps.
d_mu, d_logvar = torch.autograd.grad(z.sum(), (mu, logvar), retain_graph=True)
assert torch.allclose(d_mu, torch.ones_like(mu))
assert torch.allclose(d_logvar, 0.5 * torch.exp(0.5 * logvar) * eps, atol=1e-12)
# A plain .sample() is a dead end for gradients; .rsample() is the reparameterised one.
q = Normal(mu, torch.exp(0.5 * logvar))
print("requires grad:  q.sample()", q.sample().requires_grad, "  q.rsample()", q.rsample().requires_grad)
assert not q.sample().requires_grad and q.rsample().requires_grad

# 3) One loss, one backward pass: encoder and decoder get gradients together.
loss = (kl - recon).mean()                                  # negative ELBO
loss.backward()
params = [*encoder.parameters(), *decoder.parameters()]
assert all(p.grad.abs().sum() > 0 for p in params)

# 4) Train both networks jointly by maximising the ELBO.
opt = torch.optim.Adam(params, lr=0.01)
start = -loss.item()
for step in range(300):
    opt.zero_grad()
    recon, kl, _ = elbo_terms(x)
    (kl - recon).mean().backward()
    opt.step()
with torch.no_grad():
    recon, kl, _ = elbo_terms(x)
    gen = decoder(torch.randn(500, 1))                     # new data: decode draws from the prior
    gap = (gen[:, 1] - gen[:, 0] ** 2).abs().mean().item()  # distance from the parabola, vertically
print(f"ELBO per example: {start:.1f} -> {(recon - kl).mean().item():.2f}")
print(f"  reconstruction term {recon.mean().item():.2f}, KL term {kl.mean().item():.2f}")
span = (gen[:, 0].min().item(), gen[:, 0].max().item())
data_gap = (x[:, 1] - x[:, 0] ** 2).abs().mean().item()
print(f"generated points: mean |x2 - x1^2| = {gap:.3f} (training data: {data_gap:.3f}), "
      f"x1 spans [{span[0]:.2f}, {span[1]:.2f}]")
assert (recon - kl).mean().item() > start + 15 and kl.mean().item() > 0.5
assert gap < data_gap and span[0] < -0.7 and span[1] > 0.7
