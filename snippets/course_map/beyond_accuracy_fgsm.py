"""Adversarial attack (FGSM): a tiny signed-gradient step flips a trained classifier."""
import torch
import torch.nn.functional as F


def train_logistic(X: torch.Tensor, y: torch.Tensor, steps: int = 100, lr: float = 0.01) -> torch.nn.Linear:
    """Logistic regression, p(class 1) = sigmoid(w . x + b), trained by full-batch Adam.

    Args:
        X: the inputs, shape (n, d).
        y: the labels, 0. or 1., shape (n,).
        steps: Adam updates.
        lr: Adam's learning rate.

    Returns:
        The trained layer (d inputs, 1 output: the logit).

    Examples:
        >>> X = torch.tensor([[1.0], [-1.0]]); y = torch.tensor([1.0, 0.0])
        >>> model = train_logistic(X, y, steps=50, lr=0.1)
        >>> (model(X)[:, 0] > 0).tolist()
        [True, False]
    """
    model = torch.nn.Linear(X.shape[1], 1, dtype=X.dtype)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        F.binary_cross_entropy_with_logits(model(X)[:, 0], y).backward()
        opt.step()
    return model


def fgsm(model: torch.nn.Module, x: torch.Tensor, y: torch.Tensor, eps: float) -> tuple[torch.Tensor, torch.Tensor]:
    """The fast gradient sign method: x + eps * sign(grad_x loss), every input moved by eps.

    Args:
        model: maps inputs (n, d) to logits (n, 1).
        x: the inputs, shape (n, d).
        y: the true labels, 0. or 1., shape (n,).
        eps: the size of the perturbation in every coordinate.

    Returns:
        The perturbed inputs (n, d), and the gradient of the summed loss with respect to x (n, d).

    Examples:
        >>> model = torch.nn.Linear(2, 1, bias=False)
        >>> with torch.no_grad():
        ...     model.weight[:] = torch.tensor([[1.0, -2.0]])
        >>> fgsm(model, torch.zeros(1, 2), torch.tensor([1.0]), 0.1)[0]  # push the logit down
        tensor([[-0.1000,  0.1000]])
    """
    x = x.clone().requires_grad_(True)
    F.binary_cross_entropy_with_logits(model(x)[:, 0], y, reduction="sum").backward()
    return (x + eps * x.grad.sign()).detach(), x.grad


def accuracy(model: torch.nn.Module, X: torch.Tensor, y: torch.Tensor) -> float:
    """The fraction of inputs X (n, d) whose predicted class (logit > 0) equals the label y (n,).

    Examples:
        >>> accuracy(torch.nn.Identity(), torch.tensor([[1.0], [-1.0]]), torch.tensor([1.0, 1.0]))
        0.5
    """
    return ((model(X)[:, 0] > 0).to(y.dtype) == y).to(y.dtype).mean().item()


if __name__ == "__main__":
    torch.manual_seed(0)
    torch.set_default_dtype(torch.float64)
    d, mu = 400, 0.1  # 400 "pixels"; the class means differ by 0.2 in each

    def draw(n: int) -> tuple[torch.Tensor, torch.Tensor]:  # noise of std 1 per pixel
        y = torch.randint(0, 2, (n,)).double()
        return torch.randn(n, d) + mu * (2 * y[:, None] - 1), y

    model = train_logistic(*draw(2000))
    X_test, y_test = draw(1000)
    w, sign_y = model.weight.detach()[0], 2 * y_test - 1  # sign_y: +1 for class 1, -1 for class 0
    p = torch.sigmoid(model(X_test)[:, 0]).detach()
    print("noise std per pixel: 1.0")
    print("  eps   clean  random +-eps   FGSM")
    rows = {}
    for eps in [0.0, 0.05, 0.1, 0.2]:
        X_adv, grad = fgsm(model, X_test, y_test, eps)
        X_rand = X_test + eps * (2 * torch.randint(0, 2, X_test.shape) - 1)
        rows[eps] = accuracy(model, X_test, y_test), accuracy(model, X_rand, y_test), accuracy(model, X_adv, y_test)
        print(f"{eps:5.2f}  {rows[eps][0]:.3f}  {rows[eps][1]:.3f}         {rows[eps][2]:.3f}")
        assert torch.allclose(grad, (p - y_test)[:, None] * w, atol=1e-10)  # autograd = the closed form (p - y) w
        assert (X_adv - X_test).abs().max() <= eps + 1e-12  # no pixel moved by more than eps
        shift = (model(X_adv) - model(X_test))[:, 0].detach()  # every logit moves by eps ||w||_1, the wrong way
        assert torch.allclose(shift, -eps * w.abs().sum() * sign_y, atol=1e-9)

    margin = (model(X_test)[:, 0].detach() * sign_y)  # > 0: classified correctly
    k = torch.where(margin > 0)[0][margin[margin > 0].argsort()[len(margin[margin > 0]) // 2]]  # median margin
    logit = model(X_test[k : k + 1]).item()
    eps_star = abs(logit) / w.abs().sum().item()  # the smallest eps that reaches the boundary
    logit_adv = model(fgsm(model, X_test[k : k + 1], y_test[k : k + 1], 1.01 * eps_star)[0]).item()
    print(f"a typical correct example (median margin): label {int(y_test[k])}, logit {logit:+.2f};"
          f" FGSM with eps = {1.01 * eps_star:.3f} gives logit {logit_adv:+.2f}")
    assert min(min(r[:2]) for r in rows.values()) > 0.9  # clean and random noise: still right
    assert rows[0.05][2] > rows[0.1][2] > rows[0.2][2]  # the larger eps, the worse
    assert rows[0.2][2] < 0.2  # FGSM at eps = 0.2: mostly wrong
    assert (logit > 0) != (logit_adv > 0) and eps_star < 0.2  # a step under 0.2 flips a typical example
