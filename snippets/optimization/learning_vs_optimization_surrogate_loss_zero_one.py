"""The 0-1 loss has no useful gradient; the NLL surrogate keeps improving the classifier after the 0-1 loss is 0."""
import torch
import torch.nn.functional as F


def make_data(sets: int, n: int, spread: torch.Tensor, shift: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """``sets`` training sets of n points from two Gaussian classes N(+-shift, diag(spread^2)), labels in {0, 1}.

    Args:
        sets: the number of training sets.
        n: the number of points in each.
        spread: the standard deviation of both classes along each axis, shape (2,).
        shift: the mean of class 1; class 0 has mean -shift, shape (2,).

    Returns:
        (x, y): the points, shape (sets, n, 2), and their labels, shape (sets, n).

    Examples:
        >>> x, y = make_data(3, 5, torch.ones(2, dtype=torch.float64), torch.zeros(2, dtype=torch.float64))
        >>> x.shape, y.shape, set(y.flatten().tolist()) <= {0.0, 1.0}
        (torch.Size([3, 5, 2]), torch.Size([3, 5]), True)
    """
    y = torch.randint(0, 2, (sets, n), dtype=torch.float64)
    return torch.randn(sets, n, 2, dtype=torch.float64) * spread + (2 * y[..., None] - 1) * shift, y


def expected_zero_one(w: torch.Tensor, b: torch.Tensor, spread: torch.Tensor, shift: torch.Tensor) -> torch.Tensor:
    """The exact 0-1 loss of the classifier [x . w + b > 0] on new data from the two Gaussian classes.

    For class 1, x . w + b is normal with mean w . shift + b and standard deviation |w * spread|,
    so it errs with probability Phi(-(w . shift + b) / |w * spread|); class 0 likewise.

    Args:
        w: the weights, shape (..., 2).
        b: the bias, shape (...).
        spread: the standard deviation of both classes along each axis, shape (2,).
        shift: the mean of class 1; class 0 has mean -shift, shape (2,).

    Returns:
        The expected 0-1 loss with equal class priors, shape (...).

    Examples:
        >>> expected_zero_one(torch.tensor([0.0, 1.0]), torch.tensor(0.0), torch.ones(2), torch.tensor([0.0, 1.0]))
        tensor(0.1587)
    """
    s, m = (w * spread).norm(dim=-1), (w * shift).sum(-1)
    return 0.5 * (torch.special.ndtr(-(m + b) / s) + torch.special.ndtr(-(m - b) / s))


def train_logistic(x: torch.Tensor, y: torch.Tensor, w: torch.Tensor, b: torch.Tensor, lr: float,
                   steps: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Gradient descent on the mean NLL (cross entropy) of logistic regression, on several training sets at once.

    dNLL/dw = mean((sigmoid(z) - y) x) and dNLL/db = mean(sigmoid(z) - y), with z = x . w + b.

    Args:
        x: the points, shape (sets, n, d).
        y: the labels in {0, 1}, shape (sets, n).
        w: the starting weights (the same for every set), shape (d,).
        b: the starting bias, a scalar tensor.
        lr: the learning rate.
        steps: the number of steps.

    Returns:
        The weights and the bias after each step: shapes (steps, sets, d) and (steps, sets).

    Examples:
        >>> x, y = torch.tensor([[[-1.0], [1.0]]], dtype=torch.float64), torch.tensor([[0.0, 1.0]], dtype=torch.float64)
        >>> ws, bs = train_logistic(x, y, torch.zeros(1, dtype=torch.float64), torch.tensor(0.0, dtype=torch.float64), 1.0, 3)
        >>> ws.shape, ws[:, 0, 0].round(decimals=3).tolist()  # w keeps growing: 0.5, 0.5 + (1 - sigmoid(0.5)), ...
        (torch.Size([3, 1, 1]), [0.5, 0.878, 1.171])
    """
    w, b, ws, bs = w.expand(len(x), -1), b.expand(len(x)), [], []
    for _ in range(steps):
        r = torch.sigmoid((x @ w[..., None])[..., 0] + b[:, None]) - y
        w, b = w - lr * (r[..., None] * x).mean(1), b - lr * r.mean(1)
        ws.append(w)
        bs.append(b)
    return torch.stack(ws), torch.stack(bs)


if __name__ == "__main__":
    torch.manual_seed(0)
    spread = torch.tensor([1.5, 0.4], dtype=torch.float64)  # wide along x1, narrow along x2
    shift = torch.tensor([0.0, 1.2], dtype=torch.float64)  # the classes differ in x2 only
    sets, n, steps = 40, 40, 200
    x, y = make_data(sets, n, spread, shift)
    w0, b0 = torch.tensor([1.0, 0.2], dtype=torch.float64), torch.tensor(0.0, dtype=torch.float64)  # a poor start
    ws, bs = train_logistic(x, y, w0, b0, 0.5, steps)

    w = w0.clone().requires_grad_(True)  # the first step's gradient, checked against autograd
    gw = torch.autograd.grad(F.binary_cross_entropy_with_logits(x[0] @ w + b0, y[0]), w)[0]
    assert torch.allclose(gw, (w0 - ws[0, 0]) / 0.5, atol=1e-12)

    z = torch.einsum("snd,tsd->tsn", x, ws) + bs[..., None]  # (steps, sets, n)
    nll = F.softplus(-(2 * y - 1) * z).mean(-1)
    train01 = ((z > 0).double() != y).double().mean(-1)
    new01 = expected_zero_one(ws, bs, spread, shift)
    margin = ((2 * y - 1) * z).min(-1).values / ws.norm(dim=-1)  # distance of the closest point to the boundary

    zero = train01 == 0  # (steps, sets)
    first = zero.double().argmax(0)  # the first step with no training error
    stays = torch.stack([zero[f:, s].all() & zero[f, s] for s, f in enumerate(first.tolist())])
    s_ = torch.arange(sets)
    print("training set 0 of 40:")
    for name, k in [("train 0-1 first hits 0", first[0].item()), ("end of training", steps - 1)]:
        print(f"{name:>22}: step {k + 1:3d}  NLL {nll[k, 0]:.4f}  train 0-1 {train01[k, 0]:.3f}  "
              f"0-1 on new data {new01[k, 0]:.4f}  smallest margin {margin[k, 0]:.3f}")
    better = stays & (nll[-1] < nll[first, s_] / 2) & (margin[-1] > margin[first, s_]) & (new01[-1] < new01[first, s_])
    print(f"all 40 training sets: the training 0-1 loss reaches 0 and stays there in {int(stays.sum())};"
          f" after that the NLL halves, the margin grows and the 0-1 loss on new data falls in {int(better.sum())}")
    assert (train01[0] > 0.1).all() and stays.sum() >= 0.9 * sets  # many errors at first, then none
    assert better.sum() >= 0.75 * sets  # the surrogate keeps improving the classifier after the 0-1 loss is 0

    # The 0-1 loss is piecewise constant: nudging either weight leaves it unchanged (its gradient is 0),
    # while the NLL still has a gradient to follow at the same point.
    w_end, b_end = ws[-1, 0], bs[-1, 0]
    for i in range(2):
        e = torch.zeros(2, dtype=torch.float64)
        e[i] = 1e-6
        up, down = (((x[0] @ (w_end + d) + b_end > 0).double() != y[0]).double().mean() for d in (e, -e))
        assert up == down
    w = w_end.clone().requires_grad_(True)
    g = torch.autograd.grad(F.binary_cross_entropy_with_logits(x[0] @ w + b_end, y[0]), w)[0]
    print(f"training set 0 at the end: finite-difference gradient of the 0-1 loss 0.0, NLL gradient norm {g.norm():.2e}")
    assert g.norm() > 1e-4
