"""A VAE on toy 2-D data: reparameterised sampling, the two ELBO terms, and joint training."""
import torch
from torch import nn
from torch.distributions import Normal, kl_divergence


def kl_to_standard_normal(mu: torch.Tensor, logvar: torch.Tensor) -> torch.Tensor:
    """KL(N(mu, diag exp(logvar)) || N(0, I)) in closed form, per example.

    Args:
        mu: the means, shape (n, k).
        logvar: the log-variances, shape (n, k).

    Returns:
        The KL divergence of each row in nats, shape (n,). Matches
        torch.distributions.kl_divergence summed over the k coordinates.

    Examples:
        >>> kl_to_standard_normal(torch.tensor([[0.0], [1.0]]), torch.tensor([[0.0], [0.0]])).tolist()
        [0.0, 0.5]
    """
    return 0.5 * (mu**2 + logvar.exp() - 1 - logvar).sum(1)


def elbo_terms(encoder: nn.Module, decoder: nn.Module, x: torch.Tensor,
               noise: float) -> tuple[torch.Tensor, torch.Tensor, tuple[torch.Tensor, ...]]:
    """The two terms of the ELBO with one reparameterised sample of the code per example.

    Args:
        encoder: maps x, shape (n, d), to (mean, log-variance) of q(z|x), shape (n, 2k).
        decoder: maps a code z, shape (n, k), to the mean of p(x|z), shape (n, d).
        x: the data, shape (n, d).
        noise: the fixed standard deviation of p(x|z).

    Returns:
        (recon, kl, (mu, logvar, eps, z)): the one-sample estimate of E_q[log p(x|z)] and
        KL(q(z|x) || N(0, I)), each shape (n,), and the tensors of the sample, each shape (n, k).

    Examples:
        >>> enc, dec = nn.Linear(2, 2), nn.Linear(1, 2)
        >>> recon, kl, (mu, logvar, eps, z) = elbo_terms(enc, dec, torch.zeros(3, 2), 0.1)
        >>> recon.shape, kl.shape, z.shape
        (torch.Size([3]), torch.Size([3]), torch.Size([3, 1]))
    """
    mu, logvar = encoder(x).chunk(2, dim=1)
    eps = torch.randn_like(mu)
    z = mu + torch.exp(0.5 * logvar) * eps                 # reparameterisation: noise enters as an input
    recon = Normal(decoder(z), noise).log_prob(x).sum(1)   # one-sample estimate of E_q[log p(x|z)]
    return recon, kl_to_standard_normal(mu, logvar), (mu, logvar, eps, z)


if __name__ == "__main__":
    torch.manual_seed(0)
    torch.set_default_dtype(torch.float64)
    t = torch.rand(256, 1) * 2 - 1
    x = torch.cat([t, t**2], 1) + 0.05 * torch.randn(256, 2)   # points near a parabola: one hidden factor
    encoder = nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 2))  # -> (mean, log-variance) of q(z|x)
    decoder = nn.Sequential(nn.Linear(1, 16), nn.Tanh(), nn.Linear(16, 2))  # z -> mean of p(x|z)
    noise = 0.1                                                             # std of p(x|z), fixed

    # 1) The closed-form KL agrees with torch.distributions.
    recon, kl, (mu, logvar, eps, z) = elbo_terms(encoder, decoder, x, noise)
    kl_torch = kl_divergence(Normal(mu, torch.exp(0.5 * logvar)), Normal(0.0, 1.0)).sum(1)
    assert torch.allclose(kl, kl_torch, atol=1e-12)
    print("closed-form KL vs torch.distributions: max difference < 1e-12")

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
        recon, kl, _ = elbo_terms(encoder, decoder, x, noise)
        (kl - recon).mean().backward()
        opt.step()
    with torch.no_grad():
        recon, kl, _ = elbo_terms(encoder, decoder, x, noise)
        gen = decoder(torch.randn(500, 1))                     # new data: decode draws from the prior
        gap = (gen[:, 1] - gen[:, 0] ** 2).abs().mean().item()  # distance from the parabola, vertically
    print(f"ELBO per example: {start:.1f} -> {(recon - kl).mean().item():.2f}")
    print(f"  reconstruction term {recon.mean().item():.2f}, KL term {kl.mean().item():.2f}")
    span = (gen[:, 0].min().item(), gen[:, 0].max().item())
    data_gap = (x[:, 1] - x[:, 0] ** 2).abs().mean().item()
    print(f"generated points: mean |x2 - x1^2| = {gap:.3f} (training data: {data_gap:.3f}), "
          f"x1 spans [{span[0]:.2f}, {span[1]:.2f}]")
    assert (recon - kl).mean().item() > start + 15 and kl.mean().item() > 0.5
    assert gap < 1.5 * data_gap and span[0] < -0.7 and span[1] > 0.7  # as close as the data, and as wide
