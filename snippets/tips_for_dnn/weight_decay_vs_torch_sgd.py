"""L2 weight decay: w <- (1 - eta*lam) w - eta*grad equals torch.optim.SGD(weight_decay=lam)."""
import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
n, d, eta, lam, steps = 50, 5, 0.05, 0.5, 100
x = torch.randn(n, d)
y = x @ torch.randn(d) + 0.1 * torch.randn(n)
w0, b0 = torch.randn(d), torch.randn(())


def grad_mse(w, b):
    """Gradient of L = mean((x w + b - y)^2) with respect to (w, b), by hand."""
    r = x @ w + b - y
    return 2 * x.T @ r / n, 2 * r.mean()


# 1. From scratch: shrink w by (1 - eta*lam), then the usual step; the bias is not decayed.
w, b = w0.clone(), b0.clone()
for _ in range(steps):
    gw, gb = grad_mse(w, b)
    w, b = (1 - eta * lam) * w - eta * gw, b - eta * gb


def torch_sgd(weight_decay):
    """torch.optim.SGD with weight_decay on the weight only, not the bias; returns final (w, b)."""
    model = torch.nn.Linear(d, 1)
    with torch.no_grad():
        model.weight.copy_(w0[None]), model.bias.copy_(b0[None])
    opt = torch.optim.SGD([{"params": [model.weight], "weight_decay": weight_decay},
                           {"params": [model.bias], "weight_decay": 0.0}], lr=eta)
    for _ in range(steps):
        opt.zero_grad()
        ((model(x)[:, 0] - y) ** 2).mean().backward()
        opt.step()
    return model.weight.detach()[0], model.bias.detach()[0]


def sgd_on_penalised_loss(coef):
    """Plain gradient descent (autograd) on L + coef * ||w||^2; returns the final w."""
    wt, bt = w0.clone().requires_grad_(), b0.clone().requires_grad_()
    for _ in range(steps):
        loss = ((x @ wt + bt - y) ** 2).mean() + coef * (wt**2).sum()
        gw, gb = torch.autograd.grad(loss, [wt, bt])
        with torch.no_grad():
            wt -= eta * gw
            bt -= eta * gb
    return wt.detach()


# 2. torch: weight_decay=lam adds lam * w to the gradient before the step.
w_torch, b_torch = torch_sgd(lam)
# 3. Both are gradient descent on L + (lam/2) ||w||^2: its gradient is grad L + lam * w.
w_pen = sgd_on_penalised_loss(lam / 2)
print(f"shrink factor per step 1 - eta*lam = {1 - eta * lam}")
print("from scratch:               ", w.numpy().round(6))
print("SGD(weight_decay=lam):      ", w_torch.numpy().round(6))
print("descent on L + (lam/2)|w|^2:", w_pen.numpy().round(6))
assert torch.allclose(w, w_torch, atol=1e-12) and torch.allclose(b, b_torch, atol=1e-12)
assert torch.allclose(w, w_pen, atol=1e-12)
# The penalty lam * ||w||^2 (no 1/2) is a different model: it needs weight_decay = 2 * lam.
w_no_half = sgd_on_penalised_loss(lam)
print(f"descent on L + lam |w|^2 ends {(w_no_half - w).abs().max().item():.3f} away (max entry); "
      "SGD(weight_decay=2*lam) matches it")
assert (w_no_half - w).abs().max() > 1e-2
assert torch.allclose(w_no_half, torch_sgd(2 * lam)[0], atol=1e-12)

# Decay pulls the weights toward 0 compared with no decay at all.
w_plain = sgd_on_penalised_loss(0.0)
print(f"|w| after {steps} steps: no decay {w_plain.norm().item():.4f}, "
      f"with decay {w.norm().item():.4f}")
assert w.norm() < 0.9 * w_plain.norm()
