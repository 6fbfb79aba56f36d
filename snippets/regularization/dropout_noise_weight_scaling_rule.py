"""The weight scaling inference rule, in both conventions, checked over all 2^n dropout masks."""
import itertools

import torch


def all_masks(n: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Every dropout mask over n units (1 = kept) and its probability when each unit is dropped with p.

    Args:
        n: the number of droppable units.

    Returns:
        (masks (2^n, n) of 0.0 and 1.0, number of kept units per mask (2^n,)).

    Examples:
        >>> masks, kept = all_masks(2)
        >>> masks.tolist(), kept.tolist()
        ([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], [0.0, 1.0, 1.0, 2.0])
    """
    masks = torch.tensor(list(itertools.product([0.0, 1.0], repeat=n)), dtype=torch.float64)
    return masks, masks.sum(1)


def mask_probabilities(masks: torch.Tensor, p: float) -> torch.Tensor:
    """P(mask) = (1 - p)^(number kept) * p^(number dropped), p being the drop probability.

    Args:
        masks: masks of 0.0 (dropped) and 1.0 (kept), shape (M, n).
        p: the drop probability, as in ``torch.nn.Dropout(p)``.

    Returns:
        The probabilities, shape (M,).

    Examples:
        >>> mask_probabilities(torch.tensor([[1.0, 1.0], [1.0, 0.0]], dtype=torch.float64), 0.25).tolist()
        [0.5625, 0.1875]
    """
    kept = masks.sum(1)
    return (1 - p) ** kept * p ** (masks.shape[1] - kept)


def softmax_ensembles(V: torch.Tensor, b: torch.Tensor, x: torch.Tensor,
                      p: float) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """A softmax unit softmax(V (m * x) + b) under dropout of its inputs: three ways to combine the masks.

    Args:
        V: the weights, shape (K, n).
        b: the biases, shape (K,).
        x: the input, shape (n,).
        p: the drop probability.

    Returns:
        (weight-scaled network softmax(V ((1 - p) x) + b), renormalized geometric mean over all masks,
        arithmetic mean over all masks), each of shape (K,).

    Examples:
        >>> V, b, x = torch.eye(2, dtype=torch.float64), torch.zeros(2, dtype=torch.float64), torch.tensor([2.0, 0.0], dtype=torch.float64)
        >>> [t.round(decimals=4).tolist() for t in softmax_ensembles(V, b, x, 0.5)]
        [[0.7311, 0.2689], [0.7311, 0.2689], [0.6904, 0.3096]]
    """
    masks, _ = all_masks(len(x))
    prob = mask_probabilities(masks, p)
    log_members = torch.log_softmax((masks * x) @ V.T + b, dim=1)  # (2^n, K)
    geometric = torch.softmax((prob[:, None] * log_members).sum(0), dim=0)
    arithmetic = (prob[:, None] * log_members.exp()).sum(0)
    return torch.softmax(V @ ((1 - p) * x) + b, dim=0), geometric, arithmetic


if __name__ == "__main__":
    torch.manual_seed(0)
    n, p = 4, 0.2  # n inputs, each dropped with probability p (kept with 1 - p)
    x = torch.randn(n, dtype=torch.float64)
    w = torch.randn(n, dtype=torch.float64)
    masks, _ = all_masks(n)
    prob = mask_probabilities(masks, p)
    print(f"{n} inputs -> {len(masks)} masks (sub-networks), probabilities sum to {prob.sum().item():.6f}")
    assert len(masks) == 2**n and abs(prob.sum().item() - 1) < 1e-12

    # Convention A: train with y = w.(m*x); at test time multiply the weights by 1 - p.
    mean_a, test_a = (prob * ((masks * x) @ w)).sum(), ((1 - p) * w) @ x
    # Convention B ("inverted dropout", torch): train with y = w.(m*x)/(1 - p); test with w unchanged.
    mean_b, test_b = (prob * (((masks * x) / (1 - p)) @ w)).sum(), w @ x
    print(f"A: mean over masks {mean_a.item():+.6f}   weights scaled by 1 - p at test {test_a.item():+.6f}")
    print(f"B: mean over masks {mean_b.item():+.6f}   plain weights at test           {test_b.item():+.6f}")
    assert abs(mean_a - test_a) < 1e-12 and abs(mean_b - test_b) < 1e-12

    drop = torch.nn.Dropout(p=p)  # torch's argument is the DROP probability, the p of this page
    big = torch.ones(100000, dtype=torch.float64)
    y_train = drop.train()(big)
    values = sorted(set(y_train.tolist()))
    print(f"torch Dropout(p = {p}) in train mode outputs {values} (0 or 1/(1 - p) = {1 / (1 - p):.2f}), "
          f"mean {y_train.mean().item():.3f}; eval mode is the identity")
    assert values == [0.0, 1 / (1 - p)] and torch.equal(drop.eval()(big), big)

    # Two inputs, p = 1/2: the four sub-networks, written out, and their average.
    pairs = list(itertools.product([1, 0], repeat=2))
    for m in pairs:
        print(f"  mask {m}: " + (" + ".join(f"w{i + 1}x{i + 1}" for i in range(2) if m[i]) or "0"))
    coef = [sum(m[i] for m in pairs) / len(pairs) for i in range(2)]
    print("  average: " + " + ".join(f"{c:g}*w{i + 1}x{i + 1}" for i, c in enumerate(coef)))
    w2, x2 = w[:2], x[:2]
    average = sum(w2 @ (torch.tensor(m, dtype=torch.float64) * x2) for m in pairs) / 4
    assert coef == [0.5, 0.5] and abs(average - 0.5 * w2 @ x2) < 1e-12

    # Softmax output: weight scaling gives the (renormalized) geometric mean of all masks exactly.
    V, b = torch.randn(3, n, dtype=torch.float64), torch.randn(3, dtype=torch.float64)
    scaled, geometric, arithmetic = softmax_ensembles(V, b, x, p)
    print(f"softmax unit: weight-scaled net {scaled.numpy().round(6)}")
    print(f"              geometric mean    {geometric.numpy().round(6)}")
    print(f"              arithmetic mean   {arithmetic.numpy().round(6)}")
    assert torch.allclose(geometric, scaled, atol=1e-12)
    assert (arithmetic - scaled).abs().max() > 1e-4  # the arithmetic mean is only approximated
