"""FGSM adversarial examples, and adversarial training that makes a classifier robust to them."""
from collections.abc import Callable

import torch
import torch.nn.functional as F
from torch import nn


def make(n: int, d: int) -> tuple[torch.Tensor, torch.Tensor]:
    """n examples with one robust feature (class means +-1) and d weak ones (class means +-0.2 each).

    Args:
        n: the number of examples.
        d: the number of weak features.

    Returns:
        (x (n, d + 1), feature 0 the robust one; labels y (n,) in {0, 1}).

    Examples:
        >>> x, y = make(4, 10)
        >>> x.shape, y.shape
        (torch.Size([4, 11]), torch.Size([4]))
    """
    y = torch.randint(0, 2, (n,))
    s = (2 * y - 1).float()[:, None]
    x = torch.randn(n, d + 1) + s * torch.cat([torch.ones(1), torch.full((d,), 0.2)])
    return x, y


def fgsm(model: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor, y: torch.Tensor, eps: float) -> torch.Tensor:
    """The fast gradient sign method: x + eps * sign(grad_x cross_entropy(model(x), y)).

    Args:
        model: maps inputs (N, D) to logits (N, K).
        x: the inputs, shape (N, D).
        y: the labels, shape (N,).
        eps: the L-infinity budget.

    Returns:
        The adversarial inputs, shape (N, D), each coordinate moved by exactly eps.

    Examples:
        >>> model = nn.Linear(2, 2)
        >>> _ = model.weight.data.copy_(torch.tensor([[1.0, -1.0], [-1.0, 1.0]]))
        >>> fgsm(model, torch.zeros(1, 2), torch.tensor([0]), 0.5).tolist()  # away from class 0
        [[-0.5, 0.5]]
    """
    x = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(x), y)
    (grad,) = torch.autograd.grad(loss, x)
    return (x + eps * grad.sign()).detach()


def train(x: torch.Tensor, y: torch.Tensor, adversarial: bool, eps: float, steps: int = 150,
          init_seed: int = 1) -> nn.Linear:
    """A linear softmax classifier trained with Adam on clean data, or on clean plus fresh FGSM examples.

    Args:
        x: the training inputs, shape (N, D).
        y: the labels, shape (N,).
        adversarial: also train on ``fgsm(model, x, y, eps)``, regenerated at every step.
        eps: the FGSM budget.
        steps: the number of Adam steps.
        init_seed: the seed of the initial weights (the same for both kinds of training).

    Returns:
        The trained ``nn.Linear(D, 2)``.

    Examples:
        >>> x, y = torch.tensor([[-1.0], [1.0]]), torch.tensor([0, 1])
        >>> train(x, y, adversarial=True, eps=0.1)(x).argmax(1).tolist()
        [0, 1]
    """
    torch.manual_seed(init_seed)
    model = nn.Linear(x.shape[1], 2)
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    for _ in range(steps):
        xb, yb = x, y
        if adversarial:
            xb, yb = torch.cat([x, fgsm(model, x, y, eps)]), torch.cat([y, y])
        loss = F.cross_entropy(model(xb), yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
    return model


def accuracy(model: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor, y: torch.Tensor) -> float:
    """The fraction of inputs whose predicted class (argmax of the logits) equals the label.

    Args:
        model: maps inputs (N, D) to logits (N, K).
        x: the inputs, shape (N, D).
        y: the labels, shape (N,).

    Returns:
        A float in [0, 1].

    Examples:
        >>> accuracy(lambda x: x, torch.tensor([[1.0, 0.0], [1.0, 2.0]]), torch.tensor([0, 0]))
        0.5
    """
    with torch.no_grad():
        return (model(x).argmax(1) == y).float().mean().item()


if __name__ == "__main__":
    torch.manual_seed(0)
    d, eps = 100, 0.3  # weak features, L-infinity budget of the attack
    x_train, y_train = make(1000, d)
    x_test, y_test = make(2000, d)
    print(f"FGSM budget eps = {eps} per feature          clean acc   robust acc (FGSM)")
    result = {}
    for name, adv in [("standard training", False), ("adversarial training", True)]:
        model = train(x_train, y_train, adv, eps)
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
