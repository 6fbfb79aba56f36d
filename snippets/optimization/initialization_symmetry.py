"""Identical initial weights keep hidden units identical for ever; random ones break the tie."""
import torch

torch.manual_seed(0)
x = torch.linspace(-2, 2, 64, dtype=torch.float64)[:, None]
y = torch.sin(2 * x)                                  # needs several different tanh units


def train(W1, b1, W2, b2, steps=300, lr=0.1):
    """Full-batch GD on a 1-4-1 tanh net; returns the trained parameters and the final MSE."""
    params = [t.clone().requires_grad_(True) for t in (W1, b1, W2, b2)]
    for _ in range(steps):
        W1, b1, W2, b2 = params
        loss = ((torch.tanh(x @ W1.T + b1) @ W2.T + b2 - y) ** 2).mean()
        grads = torch.autograd.grad(loss, params)
        with torch.no_grad():
            for p, g in zip(params, grads):
                p -= lr * g
    return [p.detach() for p in params], loss.item()


H = 4
same = dict(W1=torch.full((H, 1), 0.5, dtype=torch.float64), b1=torch.zeros(H, dtype=torch.float64),
            W2=torch.full((1, H), 0.5, dtype=torch.float64), b2=torch.zeros(1, dtype=torch.float64))
rand = dict(W1=torch.randn(H, 1, dtype=torch.float64), b1=torch.randn(H, dtype=torch.float64),
            W2=torch.randn(1, H, dtype=torch.float64) * 0.5, b2=torch.zeros(1, dtype=torch.float64))

(W1s, b1s, W2s, _), loss_same = train(**same)
(W1r, b1r, W2r, _), loss_rand = train(**rand)
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

