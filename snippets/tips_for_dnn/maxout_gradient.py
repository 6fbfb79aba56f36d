"""Training maxout: only each unit's winning piece gets a gradient; which piece wins depends on x."""
import torch


def maxout_net(x: torch.Tensor, W: torch.Tensor, b: torch.Tensor, v: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """A maxout layer h_u = max_j (W[u, j] . x + b[u, j]) followed by a linear output y = v . h.

    Leading batch dimensions of W, b and v (one independent network each) are allowed.

    Args:
        x: the inputs, shape (n, d).
        W: the pieces' weights, shape (..., units, k, d).
        b: the pieces' biases, shape (..., units, k).
        v: the output weights, shape (..., units).

    Returns:
        (y, winners): the outputs, shape (..., n), and the winning piece of each unit, shape (..., n, units).

    Examples:
        >>> W = torch.tensor([[[1.0], [-1.0]]])  # one unit, pieces t and -t: |t|
        >>> y, win = maxout_net(torch.tensor([[-2.0], [3.0]]), W, torch.zeros(1, 2), torch.ones(1))
        >>> y.tolist(), win.tolist()
        ([2.0, 3.0], [[1], [0]])
    """
    z = torch.einsum("...ukd,nd->...nuk", W, x) + b[..., None, :, :]
    h, winner = z.max(dim=-1)
    return (h * v[..., None, :]).sum(-1), winner


def win_counts(winners: torch.Tensor, k: int) -> torch.Tensor:
    """How many inputs each piece of each unit wins.

    Args:
        winners: the winning piece per input and unit, shape (..., n, units).
        k: the number of pieces per unit.

    Returns:
        The counts, shape (..., units, k).

    Examples:
        >>> win_counts(torch.tensor([[0, 1], [0, 0], [2, 1]]), 3).tolist()
        [[2, 0, 1], [1, 2, 0]]
    """
    return torch.nn.functional.one_hot(winners, k).sum(-3)


if __name__ == "__main__":
    torch.manual_seed(0)
    torch.set_default_dtype(torch.float64)
    units, k, d = 3, 3, 4
    W = torch.randn(units, k, d, requires_grad=True)
    b = torch.randn(units, k, requires_grad=True)
    v = torch.randn(units)  # output weights: y = v . h

    # One input: the gradient of y reaches only the winning piece of each unit.
    x = torch.randn(1, d)
    y, winner = maxout_net(x, W, b, v)
    y.sum().backward()
    win = winner[0]
    print("winning piece per unit:", win.tolist())
    print("rows of dy/dW with a nonzero entry, per unit:",
          [torch.nonzero(W.grad[u].abs().sum(dim=1)).flatten().tolist() for u in range(units)])
    grad_W, grad_b = torch.zeros(units, k, d), torch.zeros(units, k)  # by hand: v[u] x and v[u] for the winner
    for u in range(units):
        grad_W[u, win[u]], grad_b[u, win[u]] = v[u] * x[0], v[u]
    assert torch.allclose(W.grad, grad_W, atol=1e-12) and torch.allclose(b.grad, grad_b, atol=1e-12)
    with torch.no_grad():  # for this input the network is the thin linear network of the winners alone
        thin = sum(v[u] * (W[u, win[u]] @ x[0] + b[u, win[u]]) for u in range(units))
    assert torch.allclose(y[0], thin, atol=1e-12)
    print(f"y = {y.item():.6f}; the thin linear network of winners gives {thin.item():.6f}")

    # A batch: piece j of unit u collects v[u] x from exactly the inputs it wins, and nothing else.
    W.grad, b.grad = None, None
    xs = torch.randn(64, d)
    ys, winners = maxout_net(xs, W, b, v)
    ys.sum().backward()
    counts = win_counts(winners, k)
    print("how many of 64 inputs each piece wins (rows: units, columns: pieces):")
    print(counts.numpy())
    print("gradient norm per piece over the batch:")
    print(W.grad.norm(dim=2).numpy().round(3))
    by_hand = torch.stack([torch.stack([v[u] * xs[winners[:, u] == j].sum(dim=0) for j in range(k)])
                           for u in range(units)])
    assert torch.allclose(W.grad, by_hand, atol=1e-12)

    # 200 more random layers, the same 64 inputs: a piece that wins no input gets no gradient at all.
    Ws = torch.randn(200, units, k, d, requires_grad=True)
    ys, winners = maxout_net(xs, Ws, torch.randn(200, units, k), torch.randn(200, units))
    ys.sum().backward()
    counts, trained = win_counts(winners, k), Ws.grad.norm(dim=-1) > 0
    assert torch.equal(trained, counts > 0)  # trained exactly when it wins some input
    dead = int((counts == 0).any(-1).any(-1).sum())
    print(f"random layers with a piece that wins none of the 64 inputs (and so is never trained): {dead} of 200")
    assert dead >= 10  # it happens: not every piece is sure to be trained
