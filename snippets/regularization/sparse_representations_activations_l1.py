"""An L1 penalty on hidden activations makes the representation sparse, not the weights."""
import torch
from torch import nn


def train_autoencoder(x: torch.Tensor, width: int, lam: float, init_seed: int, steps: int = 200,
                      lr: float = 0.02) -> tuple[nn.Linear, nn.Linear]:
    """A ReLU autoencoder trained with Adam on MSE + lam * mean_i ||h_i||_1, h = relu(enc(x)).

    Args:
        x: the data, shape (n, d).
        width: the number of code units.
        lam: the weight of the L1 penalty on the code.
        init_seed: the seed of the initial weights (the same for every lam, to compare like with like).
        steps: the number of Adam steps.
        lr: the learning rate.

    Returns:
        (encoder d -> width, decoder width -> d).

    Examples:
        >>> x = torch.linspace(-2, 2, 64).reshape(64, 1) @ torch.ones(1, 4)  # 4-d data on a line
        >>> enc, dec = train_autoencoder(x, 8, 0.0, init_seed=0)
        >>> bool(((dec(torch.relu(enc(x))) - x) ** 2).mean() < 0.01 * x.var())
        True
    """
    torch.manual_seed(init_seed)
    enc, dec = nn.Linear(x.shape[1], width), nn.Linear(width, x.shape[1])
    opt = torch.optim.Adam([*enc.parameters(), *dec.parameters()], lr=lr)
    for _ in range(steps):
        h = torch.relu(enc(x))
        loss = ((dec(h) - x) ** 2).mean() + lam * h.abs().sum(1).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    return enc, dec


def code_stats(h: torch.Tensor) -> tuple[float, float, int]:
    """How sparse a code is.

    Args:
        h: the codes of n examples, shape (n, width), non-negative.

    Returns:
        (fraction of exact zeros, mean number of active units per example, number of units active
        for at least one example).

    Examples:
        >>> code_stats(torch.tensor([[1.0, 0.0, 0.0], [2.0, 3.0, 0.0]]))
        (0.5, 1.5, 2)
    """
    return (h == 0).float().mean().item(), (h > 0).float().sum(1).mean().item(), int((h > 0).any(0).sum())


if __name__ == "__main__":
    torch.manual_seed(0)
    n, d, width = 256, 8, 32
    x = torch.randn(n, 3) @ torch.randn(3, d)  # 8-d data that lies on a 3-d subspace
    print(f"data variance {x.var().item():.3f}")
    print("penalty   zero activations   active units per example   units used   recon MSE   small weights")
    results = {}
    for lam in [0.0, 0.03]:
        enc, dec = train_autoencoder(x, width, lam, init_seed=1)
        with torch.no_grad():
            h = torch.relu(enc(x))
            mse = ((dec(h) - x) ** 2).mean().item()
        zeros, active, used = code_stats(h)
        small_w = (enc.weight.abs() < 0.01).float().mean().item()  # near-zero encoder weights
        results[lam] = (zeros, active, used, mse, small_w)
        print(f"{lam:7.2f}   {zeros:16.3f}   {active:24.1f}   {used:10d}   {mse:9.4f}   {small_w:13.3f}")
    (z0, a0, u0, m0, s0), (z1, a1, u1, m1, s1) = results[0.0], results[0.03]
    assert z1 > z0 + 0.15 and a1 < 0.6 * a0  # far more exact zeros: few units per example
    assert a1 < 0.75 * u1  # each example uses only part of the units still in use
    assert m1 < 0.01 * x.var()  # and the data are still reconstructed well
    assert s0 < 0.1 and s1 < 0.1  # while the weights stay dense: fewer than 1 in 10 near zero
