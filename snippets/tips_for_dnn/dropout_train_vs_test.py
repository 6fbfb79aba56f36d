"""Two dropout conventions, p the drop probability: weights times (1 - p) at test, or activations over (1 - p) in training."""
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


def mask_probabilities(masks: torch.Tensor, p: float) -> torch.Tensor:
    """P(m) = (1 - p)^(kept) p^(dropped) for each mask, p the drop probability.

    Args:
        masks: keep/drop masks, shape (k, n).
        p: the probability of dropping a unit, as in torch.nn.Dropout(p).

    Returns:
        The probabilities, shape (k,).

    Examples:
        >>> mask_probabilities(all_masks(2), 0.25).tolist()
        [0.0625, 0.1875, 0.1875, 0.5625]
    """
    kept = masks.sum(1)
    return (1 - p) ** kept * p ** (masks.shape[1] - kept)


def sgd_with_dropout(X: torch.Tensor, y: torch.Tensor, w0: torch.Tensor, masks: torch.Tensor, scale: float,
                     lr: float, batch: int) -> torch.Tensor:
    """SGD on the squared error of a linear unit z = w . (m * x * scale) whose inputs are dropped.

    Args:
        X: the inputs, shape (N, n).
        y: the targets, shape (N,).
        w0: the starting weights, shape (n,).
        masks: one mask per example and step, shape (steps, N, n); row t is used at step t.
        scale: 1 for the scale-at-test rule, 1 / (1 - p) for inverted dropout.
        lr: the learning rate.
        batch: step t uses the examples t * batch mod N onward.

    Returns:
        The weights after every step, shape (steps, n).

    Examples:
        >>> X, y = torch.ones(2, 1, dtype=torch.float64), torch.ones(2, dtype=torch.float64)
        >>> sgd_with_dropout(X, y, torch.zeros(1, dtype=torch.float64), torch.ones(3, 2, 1, dtype=torch.float64), 1.0, 0.25, 2)[:, 0].tolist()
        [0.5, 0.75, 0.875]
    """
    w, path = w0.clone(), []
    for t, m in enumerate(masks):
        idx = torch.arange(t * batch, (t + 1) * batch) % len(X)
        xm = X[idx] * m[idx] * scale
        w = w - lr * 2 * xm.T @ (xm @ w - y[idx]) / batch  # gradient of the mean squared error
        path.append(w)
    return torch.stack(path)


if __name__ == "__main__":
    torch.manual_seed(0)
    torch.set_default_dtype(torch.float64)
    p, n = 0.2, 10  # p: each input unit is dropped with probability p, kept with probability 1 - p
    drop = torch.nn.Dropout(p)  # training mode: zero each entry with probability p, scale the rest by 1/(1 - p)
    big = torch.randn(100_000)
    out = drop(big)
    kept = (out != 0).double()
    print(f"fraction dropped by torch.nn.Dropout({p}): {1 - kept.mean().item():.4f}")
    assert abs((1 - kept.mean()).item() - p) < 0.005  # 4 standard errors of a fraction of 100000 draws
    assert torch.allclose(out, big * kept / (1 - p), atol=1e-12)  # inverted dropout, by hand
    drop.eval()
    assert torch.equal(drop(big), big)  # at test time torch's dropout does nothing
    print("torch train mode: x * mask / (1 - p); eval mode: x unchanged (both checked)")

    # Exact: the mean of the weighted sum over all 2^n masks equals the test-time weighted sum, for any weights.
    a, w, b = torch.randn(n), torch.randn(n), torch.randn(())  # the activations feeding one unit, its weights
    masks = all_masks(n)
    prob = mask_probabilities(masks, p)
    for name, scale, test in [("scale at test", 1.0, (1 - p) * w @ a + b), ("inverted", 1 / (1 - p), w @ a + b)]:
        mean_train = prob @ ((masks * a * scale) @ w + b)
        print(f"{name:>13}: mean training output {mean_train.item():.6f}, test output {test.item():.6f}")
        assert abs(mean_train - test) < 1e-12
    wrong = p * w @ a + b  # the drop probability mistaken for the keep probability
    print(f"test output if the weights were scaled by p instead: {wrong.item():.6f}")
    assert abs(wrong - (1 - p) * w @ a - b) > 1e-6
    # Approximate: after a nonlinearity the mean over masks is no longer the test-time value.
    sig_gap = (prob @ torch.sigmoid((masks * a) @ w + b) - torch.sigmoid((1 - p) * w @ a + b)).abs().item()
    print(f"after a sigmoid: |mean over masks - test output| = {sig_gap:.4f}")
    assert sig_gap > 1e-6

    # One model, two parametrisations: inverted weights v act like w = v / (1 - p). Same masks, same data:
    X = torch.randn(200, n)
    y = X @ torch.randn(n) + 0.1 * torch.randn(200)
    step_masks = (torch.rand(300, 200, n) > p).double()
    w0 = 0.1 * torch.randn(n)
    w_run = sgd_with_dropout(X, y, w0, step_masks, 1.0, lr=0.05, batch=20)
    v_run = sgd_with_dropout(X, y, (1 - p) * w0, step_masks, 1 / (1 - p), lr=0.05, batch=20)
    v_slow = sgd_with_dropout(X, y, (1 - p) * w0, step_masks, 1 / (1 - p), lr=0.05 * (1 - p) ** 2, batch=20)
    same_lr = (v_run[-1] - (1 - p) * w_run[-1]).abs().max().item()
    scaled_lr = (v_slow - (1 - p) * w_run).abs().max().item()
    print(f"SGD, 300 steps: max |v - (1 - p) w| with the same learning rate {same_lr:.3f};"
          f" with lr times (1 - p)^2 {'< 1e-12' if scaled_lr < 1e-12 else f'{scaled_lr:.1e}'}")
    assert same_lr > 1e-3 and scaled_lr < 1e-12

    # torch's own random masks: 20000 training passes average out to the test output.
    drop.train()
    samples = drop(a.expand(20_000, n)) @ w + b
    se = samples.std() / len(samples) ** 0.5
    z = (abs(samples.mean() - (w @ a + b)) / se).item()
    print(f"average of 20000 torch dropout passes: {samples.mean().item():.4f}, {z:.1f} standard errors"
          f" from the test output {(w @ a + b).item():.4f}")
    assert z < 4  # a larger gap would mean a bias, not sampling noise
