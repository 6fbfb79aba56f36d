"""Adversarial attack (FGSM): a tiny signed-gradient step flips a trained classifier."""
import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
d, mu = 400, 0.1                       # 400 "pixels"; the class means differ by 0.2 in each
y = torch.randint(0, 2, (2000,)).double()
X = torch.randn(2000, d) + mu * (2 * y[:, None] - 1)
model = torch.nn.Linear(d, 1)          # logistic regression: p(class 1) = sigmoid(w.x + b)
opt = torch.optim.Adam(model.parameters(), lr=0.01)
bce = torch.nn.functional.binary_cross_entropy_with_logits
for _ in range(100):
    opt.zero_grad()
    bce(model(X)[:, 0], y).backward()
    opt.step()


def fgsm(model, x, y, eps):
    """(n, d) inputs, (n,) labels -> x + eps * sign(grad_x loss), the fast gradient sign method."""
    x = x.clone().requires_grad_(True)
    bce(model(x)[:, 0], y, reduction="sum").backward()
    return (x + eps * x.grad.sign()).detach(), x.grad


y_test = torch.randint(0, 2, (1000,)).double()
X_test = torch.randn(1000, d) + mu * (2 * y_test[:, None] - 1)
acc = lambda X_: ((model(X_)[:, 0] > 0).double() == y_test).double().mean().item()
w = model.weight.detach()[0]
sign_y = 2 * y_test - 1                                  # +1 for class 1, -1 for class 0
p = torch.sigmoid(model(X_test)[:, 0]).detach()
print("noise std per pixel: 1.0")
print("  eps   clean  random +-eps   FGSM")
rows = {}
for eps in [0.0, 0.05, 0.1, 0.2]:
    X_adv, grad = fgsm(model, X_test, y_test, eps)
    X_rand = X_test + eps * (2 * torch.randint(0, 2, X_test.shape) - 1)
    rows[eps] = acc(X_test), acc(X_rand), acc(X_adv)
    print(f"{eps:5.2f}  {rows[eps][0]:.3f}  {rows[eps][1]:.3f}         {rows[eps][2]:.3f}")
    # for logistic regression the input gradient is (p - y) w: autograd agrees
    assert torch.allclose(grad, (p - y_test)[:, None] * w, atol=1e-10)
    assert (X_adv - X_test).abs().max() <= eps + 1e-12   # no pixel moved by more than eps
    # each logit moves by exactly eps * ||w||_1 against the true class
    shift = (model(X_adv) - model(X_test))[:, 0].detach()
    assert torch.allclose(shift, -eps * w.abs().sum() * sign_y, atol=1e-9)

logit = model(X_test[:1]).item()
eps_star = abs(logit) / w.abs().sum().item()             # smallest eps that reaches the boundary
logit_adv = model(fgsm(model, X_test[:1], y_test[:1], 1.01 * eps_star)[0]).item()
print(f"example 0: label {int(y_test[0])}, logit {logit:+.2f}; FGSM with eps = {1.01 * eps_star:.3f}"
      f" gives logit {logit_adv:+.2f}")
assert min(min(r[:2]) for r in rows.values()) > 0.9      # clean and random noise: still right
assert rows[0.05][2] > rows[0.1][2] > rows[0.2][2]      # the larger eps, the worse
assert rows[0.2][2] < 0.2                                # FGSM at eps = 0.2: mostly wrong
assert (logit > 0) != (logit_adv > 0) and eps_star < 0.2  # a small step flips example 0
