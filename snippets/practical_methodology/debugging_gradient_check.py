"""Gradient checking: centred differences vs autograd, and torch.autograd.gradcheck on a custom op."""
import torch

torch.manual_seed(0)
x = torch.randn(16, 3, dtype=torch.float64)
y = torch.randn(16, 1, dtype=torch.float64)
params = [torch.randn(3, 4, dtype=torch.float64), torch.randn(4, dtype=torch.float64),
          torch.randn(4, 1, dtype=torch.float64)]


def loss_fn(W1, b1, W2):
    """Mean squared error of a 3-4-1 tanh network on (x, y) -> scalar."""
    return ((torch.tanh(x @ W1 + b1) @ W2 - y) ** 2).mean()


def numerical_grad(f, params, eps, centred=True):
    """Finite-difference gradient of scalar f(*params), one entry at a time -> list like params."""
    grads = []
    for k, p in enumerate(params):
        g = torch.zeros_like(p)
        for i in range(p.numel()):
            e = torch.zeros_like(p).view(-1)
            e[i] = eps
            plus = [q + e.view_as(q) if j == k else q for j, q in enumerate(params)]
            minus = [q - e.view_as(q) if j == k else q for j, q in enumerate(params)]
            lo = f(*minus) if centred else f(*params)
            g.view(-1)[i] = (f(*plus) - lo) / (2 * eps if centred else eps)
        grads.append(g)
    return grads


def rel_error(a, b):
    """|a - b| / (|a| + |b|) over all entries of two lists of tensors."""
    a, b = torch.cat([t.flatten() for t in a]), torch.cat([t.flatten() for t in b])
    return ((a - b).norm() / (a.norm() + b.norm())).item()


leaves = [p.clone().requires_grad_() for p in params]
auto = torch.autograd.grad(loss_fn(*leaves), leaves)
print(" eps     centred rel. error   forward rel. error")
errs = {}
for eps in [1e-2, 1e-4, 1e-6]:
    errs[eps] = (rel_error(auto, numerical_grad(loss_fn, params, eps)),
                 rel_error(auto, numerical_grad(loss_fn, params, eps, centred=False)))
    print(f"{eps:5.0e}   {errs[eps][0]:18.1e}   {errs[eps][1]:18.1e}")
assert errs[1e-6][0] < 1e-8                             # backprop agrees with the centred difference
assert 50 < errs[1e-2][1] / errs[1e-4][1] < 200          # forward error ~ eps: 100x smaller eps, 100x
assert errs[1e-2][0] / errs[1e-4][0] > 1000              # centred error ~ eps^2: ~10^4x
assert errs[1e-4][0] / errs[1e-6][0] < 1000              # ... until round-off sets a floor


class SiLU(torch.autograd.Function):
    """x * sigmoid(x) with a hand-written backward; matches torch.nn.functional.silu."""

    @staticmethod
    def forward(ctx, x, buggy=False):
        ctx.save_for_backward(x)
        ctx.buggy = buggy
        return x * torch.sigmoid(x)

    @staticmethod
    def backward(ctx, grad_out):
        (x,) = ctx.saved_tensors
        s = torch.sigmoid(x)
        d = s if ctx.buggy else s * (1 + x * (1 - s))  # the bug forgets the product rule
        return grad_out * d, None


z = torch.randn(20, dtype=torch.float64, requires_grad=True)
ok = torch.autograd.gradcheck(lambda t: SiLU.apply(t), (z,))
bad = torch.autograd.gradcheck(lambda t: SiLU.apply(t, True), (z,), raise_exception=False)
print(f"gradcheck, correct backward: {ok};  gradcheck, buggy backward: {bad}")
assert ok and not bad
g_ours = torch.autograd.grad(SiLU.apply(z).sum(), z)[0]
g_torch = torch.autograd.grad(torch.nn.functional.silu(z).sum(), z)[0]
assert torch.allclose(g_ours, g_torch, atol=1e-12)
