"""Identical initial weights keep hidden units identical for ever; random ones break the tie."""
import torch


def train_tanh_net(x: torch.Tensor, y: torch.Tensor, W1: torch.Tensor, b1: torch.Tensor, W2: torch.Tensor,
                   b2: torch.Tensor, steps: int = 300, lr: float = 0.1) -> tuple[list[torch.Tensor], float]:
    """Full-batch gradient descent on the MSE of a one-hidden-layer tanh network, tanh(x W1^T + b1) W2^T + b2.

    Args:
        x: the inputs, shape (n, d).
        y: the targets, shape (n, k).
        W1: the first layer's weights, shape (H, d).
        b1: its biases, shape (H,).
        W2: the second layer's weights, shape (k, H).
        b2: its biases, shape (k,).
        steps: the number of steps.
        lr: the learning rate.

    Returns:
        ([W1, b1, W2, b2] after training, the MSE before the last step).

    Examples:
        >>> x, y = torch.tensor([[0.0], [1.0]]), torch.tensor([[0.0], [0.5]])
        >>> (W1, b1, W2, b2), mse = train_tanh_net(x, y, torch.ones(2, 1), torch.zeros(2), torch.ones(1, 2),
        ...                                        torch.zeros(1), steps=50)
        >>> W1.flatten().tolist() == [W1[0, 0].item()] * 2, mse < 0.01  # equal units stay equal
        (True, True)
    """
    params = [t.clone().requires_grad_(True) for t in (W1, b1, W2, b2)]
    for _ in range(steps):
        W1, b1, W2, b2 = params
        loss = ((torch.tanh(x @ W1.T + b1) @ W2.T + b2 - y) ** 2).mean()
        grads = torch.autograd.grad(loss, params)
        with torch.no_grad():
            for p, g in zip(params, grads):
                p -= lr * g
    return [p.detach() for p in params], loss.item()


if __name__ == "__main__":
    torch.manual_seed(0)
    x = torch.linspace(-2, 2, 64, dtype=torch.float64)[:, None]
    y = torch.sin(2 * x)  # needs several different tanh units
    H, f64 = 4, torch.float64
    same = dict(W1=torch.full((H, 1), 0.5, dtype=f64), b1=torch.zeros(H, dtype=f64),
                W2=torch.full((1, H), 0.5, dtype=f64), b2=torch.zeros(1, dtype=f64))
    rand = dict(W1=torch.randn(H, 1, dtype=f64), b1=torch.randn(H, dtype=f64),
                W2=torch.randn(1, H, dtype=f64) * 0.5, b2=torch.zeros(1, dtype=f64))

    (W1s, b1s, W2s, _), loss_same = train_tanh_net(x, y, **same)
    (W1r, b1r, W2r, _), loss_rand = train_tanh_net(x, y, **rand)
    spread_same = (W1s - W1s[0]).abs().max().item() + (b1s - b1s[0]).abs().max().item()
    spread_rand = (W1r - W1r[0]).abs().max().item()
    print(f"identical init: hidden weights after training {W1s.flatten().numpy().round(4)}, "
          f"spread {spread_same:.1e}, MSE {loss_same:.4f}")
    print(f"random init:    hidden weights after training {W1r.flatten().numpy().round(4)}, "
          f"MSE {loss_rand:.4f}")
    # Same start -> same gradient -> same update: the four units stay one unit, copied four times.
    assert spread_same == 0.0 and (W2s - W2s[0, 0]).abs().max().item() == 0.0
    assert spread_rand > 0.5
    assert loss_rand < 0.5 * loss_same
