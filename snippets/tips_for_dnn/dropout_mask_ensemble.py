"""Dropout as an ensemble of 2^n sub-networks: weight scaling is exact for a linear unit only."""
from collections.abc import Callable

import torch


def all_masks(n: int) -> torch.Tensor:
    """Every keep (1) / drop (0) mask on n units.

    Args:
        n: the number of units.

    Returns:
        The masks, shape (2^n, n), float64.

    Examples:
        >>> all_masks(2).tolist()
        [[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]
    """
    return ((torch.arange(2**n)[:, None] >> torch.arange(n)) & 1).double()


def ensemble_vs_scaled(a: torch.Tensor, w: torch.Tensor, b: float, p: float,
                       f: Callable[[torch.Tensor], torch.Tensor]) -> tuple[float, float]:
    """The average output of all 2^n dropout sub-networks of the unit f(w . a + b), and the weight-scaled unit.

    Args:
        a: the unit's inputs, shape (n,); each is dropped with probability p.
        w: its weights, shape (n,).
        b: its bias (never dropped).
        p: the drop probability, as in torch.nn.Dropout(p).
        f: the activation, applied elementwise.

    Returns:
        (sum over masks m of P(m) f(w . (m * a) + b), f((1 - p) w . a + b)).

    Examples:
        >>> a, w = torch.tensor([1.0, 2.0], dtype=torch.float64), torch.tensor([3.0, -0.5], dtype=torch.float64)
        >>> ensemble_vs_scaled(a, w, 0.0, 0.5, lambda z: z)
        (1.0, 1.0)
        >>> ensemble_vs_scaled(a, w, 0.0, 0.5, torch.relu)  # the sub-network that keeps only x2 gives -1, cut to 0
        (1.25, 1.0)
    """
    masks = all_masks(len(a))
    kept = masks.sum(1)
    prob = (1 - p) ** kept * p ** (len(a) - kept)
    return (prob @ f((masks * a) @ w + b)).item(), f((1 - p) * w @ a + b).item()


if __name__ == "__main__":
    torch.manual_seed(0)
    torch.set_default_dtype(torch.float64)
    # The two-input example, drop probability 1/2: four equally likely sub-networks.
    x1, x2, w1, w2 = 1.0, 2.0, 3.0, -0.5
    subnets = {"keep both": w1 * x1 + w2 * x2, "drop x1": w2 * x2, "drop x2": w1 * x1, "drop both": 0.0}
    for name, z in subnets.items():
        print(f"  {name:<10} z = {z:+.2f}")
    ensemble = sum(subnets.values()) / 4
    scaled = 0.5 * w1 * x1 + 0.5 * w2 * x2  # weights multiplied by 1 - p = 1/2
    print(f"ensemble average {ensemble:+.4f}; weight-scaled network {scaled:+.4f}")
    misprint = (w1 * x1 + w2 * x2 + w2 * x2 + w1 * x2 + 0) / 4  # w1*x2 in place of w1*x1
    print(f"with w1*x2 in place of the drop-x2 term: {misprint:+.4f}")
    assert ensemble == scaled and abs(misprint - scaled) > 0.1

    # n = 12 inputs, every one of the 2^12 masks, each weighted by its probability.
    n, p = 12, 0.5
    a, w, b = torch.randn(n), torch.randn(n), 0.3
    print(f"\n{2**n} sub-networks, p = {p}")
    print(f"{'unit':<8}{'ensemble mean':>15}{'weight-scaled':>15}{'gap':>11}")
    gaps = {}
    for name, f in [("linear", lambda z: z), ("sigmoid", torch.sigmoid), ("ReLU", torch.relu)]:
        mean_out, scaled_out = ensemble_vs_scaled(a, w, b, p, f)
        gaps[name] = mean_out - scaled_out
        shown = "< 1e-12" if abs(gaps[name]) < 1e-12 else f"{gaps[name]:.2e}"
        print(f"{name:<8}{mean_out:>15.6f}{scaled_out:>15.6f}{shown:>11}")
    assert abs(gaps["linear"]) < 1e-12  # exact: the mean of a linear function is the function of the mean
    assert abs(gaps["sigmoid"]) > 1e-6  # only approximate once a nonlinearity follows the dropout
    assert gaps["ReLU"] > 1e-6  # ReLU is convex, so the ensemble mean lies above (Jensen's inequality)

    # For a sigmoid unit the weighted *geometric* mean of the ensemble, renormalised over the two
    # classes, is exactly sigmoid(weight-scaled z): sigma/(1 - sigma) = e^z turns products into sums.
    log_on, _ = ensemble_vs_scaled(a, w, b, p, torch.nn.functional.logsigmoid)
    log_off, _ = ensemble_vs_scaled(a, w, b, p, lambda z: torch.nn.functional.logsigmoid(-z))
    geo = torch.exp(torch.tensor(log_on)) / (torch.exp(torch.tensor(log_on)) + torch.exp(torch.tensor(log_off)))
    z_scaled = (1 - p) * w @ a + b
    print(f"renormalised geometric mean of the sigmoid ensemble: {geo.item():.12f}")
    print(f"sigmoid of the weight-scaled pre-activation:         {torch.sigmoid(z_scaled).item():.12f}")
    assert abs(geo.item() - torch.sigmoid(z_scaled).item()) < 1e-12
