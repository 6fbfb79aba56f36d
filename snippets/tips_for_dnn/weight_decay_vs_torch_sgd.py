"""L2 weight decay: w <- (1 - eta*lam) w - eta*grad equals torch.optim.SGD(weight_decay=lam)."""
import torch


def decay_by_hand(x: torch.Tensor, y: torch.Tensor, w: torch.Tensor, b: torch.Tensor, eta: float, lam: float,
                  steps: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Gradient descent on mean((x w + b - y)^2) that first shrinks w by 1 - eta*lam; the bias is not decayed.

    Args:
        x: the inputs, shape (n, d).
        y: the targets, shape (n,).
        w: the starting weights, shape (d,).
        b: the starting bias, shape ().
        eta: the learning rate.
        lam: the decay strength.
        steps: the number of updates.

    Returns:
        The final (w, b).

    Examples:
        >>> w, b = decay_by_hand(torch.zeros(2, 1), torch.zeros(2), torch.tensor([1.0]), torch.tensor(0.0), 0.1, 0.5, 2)
        >>> round(w.item(), 6), b.item()  # no data gradient: only the decay, 0.95 per step
        (0.9025, 0.0)
    """
    for _ in range(steps):
        r = x @ w + b - y
        gw, gb = 2 * x.T @ r / len(y), 2 * r.mean()  # dL/dw, dL/db
        w, b = (1 - eta * lam) * w - eta * gw, b - eta * gb
    return w, b


def torch_sgd(x: torch.Tensor, y: torch.Tensor, w: torch.Tensor, b: torch.Tensor, eta: float, weight_decay: float,
              steps: int) -> tuple[torch.Tensor, torch.Tensor]:
    """torch.optim.SGD with weight_decay on the weight only (a parameter group), not on the bias.

    Args:
        x: the inputs, shape (n, d).
        y: the targets, shape (n,).
        w: the starting weights, shape (d,).
        b: the starting bias, shape ().
        eta: the learning rate.
        weight_decay: SGD's weight_decay for w.
        steps: the number of updates.

    Returns:
        The final (w, b).

    Examples:
        >>> w, b = torch_sgd(torch.zeros(2, 1), torch.zeros(2), torch.tensor([1.0]), torch.tensor(0.0), 0.1, 0.5, 2)
        >>> round(w.item(), 6), b.item()
        (0.9025, 0.0)
    """
    model = torch.nn.Linear(x.shape[1], 1)
    with torch.no_grad():
        model.weight.copy_(w[None]), model.bias.copy_(b[None])
    opt = torch.optim.SGD([{"params": [model.weight], "weight_decay": weight_decay},
                           {"params": [model.bias], "weight_decay": 0.0}], lr=eta)
    for _ in range(steps):
        opt.zero_grad()
        ((model(x)[:, 0] - y) ** 2).mean().backward()
        opt.step()
    return model.weight.detach()[0], model.bias.detach()[0]


def descend_penalised(x: torch.Tensor, y: torch.Tensor, w: torch.Tensor, b: torch.Tensor, eta: float, coef: float,
                      steps: int) -> torch.Tensor:
    """Plain gradient descent, with gradients from autograd, on mean((x w + b - y)^2) + coef |w|^2.

    Args:
        x: the inputs, shape (n, d).
        y: the targets, shape (n,).
        w: the starting weights, shape (d,).
        b: the starting bias, shape ().
        eta: the learning rate.
        coef: the factor in front of the squared norm of w.
        steps: the number of updates.

    Returns:
        The final w, shape (d,).

    Examples:
        >>> w = descend_penalised(torch.zeros(2, 1), torch.zeros(2), torch.tensor([1.0]), torch.tensor(0.0), 0.1, 0.25, 2)
        >>> round(w.item(), 6)  # the gradient of 0.25 w^2 is 0.5 w: the same 0.95 per step
        0.9025
    """
    wt, bt = w.clone().requires_grad_(), b.clone().requires_grad_()
    for _ in range(steps):
        loss = ((x @ wt + bt - y) ** 2).mean() + coef * (wt**2).sum()
        gw, gb = torch.autograd.grad(loss, [wt, bt])
        with torch.no_grad():
            wt -= eta * gw
            bt -= eta * gb
    return wt.detach()


if __name__ == "__main__":
    torch.manual_seed(0)
    torch.set_default_dtype(torch.float64)
    n, d, eta, lam, steps = 50, 5, 0.05, 0.5, 100
    x = torch.randn(n, d)
    y = x @ torch.randn(d) + 0.1 * torch.randn(n)
    w0, b0 = torch.randn(d), torch.randn(())

    w, b = decay_by_hand(x, y, w0, b0, eta, lam, steps)  # 1. from scratch
    w_torch, b_torch = torch_sgd(x, y, w0, b0, eta, lam, steps)  # 2. torch adds lam * w to the gradient
    w_pen = descend_penalised(x, y, w0, b0, eta, lam / 2, steps)  # 3. descent on L + (lam/2)|w|^2
    print(f"shrink factor per step 1 - eta*lam = {1 - eta * lam}")
    print("from scratch:               ", w.numpy().round(6))
    print("SGD(weight_decay=lam):      ", w_torch.numpy().round(6))
    print("descent on L + (lam/2)|w|^2:", w_pen.numpy().round(6))
    assert torch.allclose(w, w_torch, atol=1e-12) and torch.allclose(b, b_torch, atol=1e-12)
    assert torch.allclose(w, w_pen, atol=1e-12)
    # The penalty lam * ||w||^2 (no 1/2) is a different model: it needs weight_decay = 2 * lam.
    w_no_half = descend_penalised(x, y, w0, b0, eta, lam, steps)
    print(f"descent on L + lam |w|^2 ends {(w_no_half - w).abs().max().item():.3f} away (max entry); "
          "SGD(weight_decay=2*lam) matches it")
    assert (w_no_half - w).abs().max() > 1e-2
    assert torch.allclose(w_no_half, torch_sgd(x, y, w0, b0, eta, 2 * lam, steps)[0], atol=1e-12)

    # Decay pulls the weights toward 0 compared with no decay at all.
    w_plain = descend_penalised(x, y, w0, b0, eta, 0.0, steps)
    print(f"|w| after {steps} steps: no decay {w_plain.norm().item():.4f}, with decay {w.norm().item():.4f}")
    assert w.norm() < 0.9 * w_plain.norm()
