"""FGSM adversarial examples, and adversarial training that makes a classifier robust to them."""
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
d, eps = 100, 0.3  # features, L-infinity budget of the attack


def make(n):
    """x (n, d+1): feature 0 is robust (mean +-1), the other d are weak (mean +-0.2); y in {0, 1}."""
    y = torch.randint(0, 2, (n,))
    s = (2 * y - 1).float()[:, None]
    x = torch.randn(n, d + 1) + s * torch.cat([torch.ones(1), torch.full((d,), 0.2)])
    return x, y


# --8<-- [start:fgsm]
def fgsm(model, x, y, eps):
    """x + eps * sign(grad_x loss): the fast gradient sign method, for x (N, D) and labels y (N,)."""
    x = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(x), y)
    (grad,) = torch.autograd.grad(loss, x)
    return (x + eps * grad.sign()).detach()
# --8<-- [end:fgsm]


def train(adversarial, steps=150):
    """A linear softmax classifier trained on clean data, or on clean plus FGSM examples."""
    torch.manual_seed(1)
    model = nn.Linear(d + 1, 2)
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    for _ in range(steps):
        xb, yb = x_train, y_train
        if adversarial:
            xb, yb = torch.cat([x_train, fgsm(model, x_train, y_train, eps)]), torch.cat([yb, yb])
        loss = F.cross_entropy(model(xb), yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
    return model


def accuracy(model, x, y):
    """Fraction of inputs x (N, D) whose predicted class equals y (N,)."""
    with torch.no_grad():
        return (model(x).argmax(1) == y).float().mean().item()


x_train, y_train = make(1000)
x_test, y_test = make(2000)
print(f"FGSM budget eps = {eps} per feature          clean acc   robust acc (FGSM)")
result = {}
for name, adv in [("standard training", False), ("adversarial training", True)]:
    model = train(adv)
    x_adv = fgsm(model, x_test, y_test, eps)
    assert torch.allclose((x_adv - x_test).abs(), torch.tensor(eps), atol=1e-6)  # L-inf step eps
    with torch.no_grad():
        flipped = (model(x_adv).argmax(1) != model(x_test).argmax(1)).float().mean().item()
        w = model.weight[1] - model.weight[0]  # the logit difference is w.x + b
        weak_share = (w[1:].abs().sum() / w.abs().sum()).item()
    clean, robust = accuracy(model, x_test, y_test), accuracy(model, x_adv, y_test)
    result[name] = (clean, robust, weak_share, flipped)
    print(f"{name:40s} {clean:9.3f}   {robust:9.3f}")
    print(f"    predictions flipped by FGSM {flipped:.3f}; "
          f"share of |w| on the weak features {weak_share:.2f}")
(clean_std, robust_std, weak_std, flip_std), (clean_adv, robust_adv, weak_adv, _) = result.values()
assert clean_std > 0.95 and robust_std < 0.5 and flip_std > 0.5  # accurate, yet easily fooled
assert weak_std > 0.9  # because it leans on the many weak features
assert robust_adv > robust_std + 0.3  # adversarial training restores robustness
assert clean_adv < clean_std  # at some cost in clean accuracy
assert weak_adv < weak_std - 0.1  # by leaning on the robust feature
