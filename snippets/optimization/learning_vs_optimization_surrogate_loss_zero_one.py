"""0-1 loss has no useful gradient; the NLL surrogate keeps improving after it reaches 0."""
import torch
import torch.nn.functional as F

torch.manual_seed(0)
SPREAD = torch.tensor([1.5, 0.4], dtype=torch.float64)   # wide along x1, narrow along x2
SHIFT = torch.tensor([0.0, 1.2], dtype=torch.float64)    # the classes differ in x2 only


def make_data(n):
    """Two Gaussian classes in 2-D, labels in {0, 1}."""
    y = torch.randint(0, 2, (n,), dtype=torch.float64)
    return torch.randn(n, 2, dtype=torch.float64) * SPREAD + (2 * y[:, None] - 1) * SHIFT, y


def zero_one(w, b, x, y):
    """Fraction of points misclassified by the linear classifier [x w + b > 0]."""
    return ((x @ w + b > 0).double() != y).double().mean().item()


x, y = make_data(40)
x_test, y_test = make_data(2000)
w = torch.tensor([1.0, 0.2], dtype=torch.float64, requires_grad=True)   # a poor start
b = torch.zeros((), dtype=torch.float64, requires_grad=True)
history = []
for step in range(1, 201):
    nll = F.binary_cross_entropy_with_logits(x @ w + b, y)
    gw, gb = torch.autograd.grad(nll, (w, b))
    with torch.no_grad():
        w -= 0.5 * gw                                  # plain gradient descent, lr = 0.5
        b -= 0.5 * gb
        margin = ((2 * y - 1) * (x @ w + b)).min().item() / w.norm().item()
        history.append((step, F.binary_cross_entropy_with_logits(x @ w + b, y).item(),
                        zero_one(w, b, x, y), zero_one(w, b, x_test, y_test), margin))

first = next(h for h in history if h[2] == 0.0)   # first step with zero training errors
last = history[-1]
for name, h in [("train 0-1 first hits 0", first), ("end of training", last)]:
    print(f"{name:>22}: step {h[0]:3d}  NLL {h[1]:.4f}  train 0-1 {h[2]:.3f}  "
          f"test 0-1 {h[3]:.4f}  smallest margin {h[4]:.3f}")
assert 1 < first[0] < 20 and history[0][2] > 0.1      # many errors at first, none after a few steps
assert all(h[2] == 0.0 for h in history[first[0]:])   # once at 0, training 0-1 loss stays there ...
assert last[1] < 0.2 * first[1]                       # ... while the NLL keeps falling,
assert last[3] < 0.2 * first[3]                       # the TEST 0-1 loss keeps falling,
assert last[4] > 2 * first[4]                         # and the classes are pushed further apart

# The 0-1 loss is piecewise constant: nudging any parameter leaves it unchanged (gradient 0),
# while the NLL has a non-zero gradient at the same point.
with torch.no_grad():
    for i in range(2):
        e = torch.zeros(2, dtype=torch.float64)
        e[i] = 1e-6
        assert zero_one(w + e, b, x, y) == zero_one(w - e, b, x, y)
nll = F.binary_cross_entropy_with_logits(x @ w + b, y)
(g,) = torch.autograd.grad(nll, w)
print(f"finite-difference gradient of the 0-1 loss: 0.0;  NLL gradient norm {g.norm().item():.2e}")
assert g.norm().item() > 1e-4
