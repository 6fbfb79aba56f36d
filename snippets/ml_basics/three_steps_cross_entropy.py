"""Cross entropy by hand (softmax, then -sum label * log p), checked against F.cross_entropy."""
import torch
import torch.nn.functional as F


def softmax(z: torch.Tensor) -> torch.Tensor:
    """Row-wise softmax of scores; matches ``torch.softmax(z, dim=1)``.

    Args:
        z: the scores (logits), shape (N, C).

    Returns:
        Probabilities, shape (N, C); each row is positive and sums to 1.

    Examples:
        >>> softmax(torch.tensor([[0.0, 0.0], [1000.0, 0.0]]))  # no overflow for large scores
        tensor([[0.5000, 0.5000],
                [1.0000, 0.0000]])
    """
    z = z - z.max(dim=1, keepdim=True).values  # same result, no overflow in exp
    return z.exp() / z.exp().sum(dim=1, keepdim=True)


def cross_entropy(z: torch.Tensor, label: torch.Tensor) -> torch.Tensor:
    """The mean over N of -sum_c label[n, c] log softmax(z)[n, c]; matches ``F.cross_entropy``.

    Args:
        z: the scores (logits), shape (N, C).
        label: one-hot or soft labels, shape (N, C); each row sums to 1.

    Returns:
        The loss, a scalar tensor.

    Examples:
        >>> round(cross_entropy(torch.tensor([[0.0, 0.0]]), torch.tensor([[1.0, 0.0]])).item(), 4)  # ln 2
        0.6931
    """
    return -(label * softmax(z).log()).sum(dim=1).mean()


if __name__ == "__main__":
    # Scores (logits) of a 3-class classifier for 4 examples, and their true classes.
    z = torch.tensor([[2.0, 0.5, -1.0],   # confident, right
                      [0.2, 0.1, 0.0],    # unsure
                      [-1.0, 3.0, 0.0],   # confident, wrong (true class 0)
                      [0.0, 0.0, 4.0]], dtype=torch.float64)
    classes = torch.tensor([0, 1, 0, 2])
    onehot = F.one_hot(classes, num_classes=3).double()

    p = softmax(z)
    per_example = -(onehot * p.log()).sum(dim=1)
    print("p(true class):", [round(v, 3) for v in p[range(4), classes].tolist()])
    print("per-example e:", [round(v, 3) for v in per_example.tolist()])
    ours = cross_entropy(z, onehot)
    theirs = F.cross_entropy(z, classes)  # takes raw scores and class indices
    print(f"cross entropy by hand {ours.item():.6f}   F.cross_entropy {theirs.item():.6f}")
    assert torch.allclose(p, torch.softmax(z, dim=1), atol=1e-12)
    assert abs(ours.item() - theirs.item()) < 1e-12
    # with a one-hot label, e_n is simply -log p(true class)
    assert torch.allclose(per_example, -p[range(4), classes].log(), atol=1e-12)
    # confident and right costs least; confident and wrong costs most
    assert per_example.argmin() == 3 and per_example.argmax() == 2
    assert per_example[2] > per_example.sum() / 2  # one confident mistake is most of the loss

    # Gradient with respect to the scores: (softmax(z) - label) / N, simple and bounded.
    z_grad = z.clone().requires_grad_()
    F.cross_entropy(z_grad, classes).backward()
    assert torch.allclose(z_grad.grad, (p - onehot) / 4, atol=1e-12)

    # The label may itself be a distribution ("70% class 0, 30% class 1").
    soft = torch.tensor([[0.7, 0.3, 0.0]] * 4, dtype=torch.float64)
    ce_soft = cross_entropy(z, soft)
    assert abs(ce_soft.item() - F.cross_entropy(z, soft).item()) < 1e-12
    # cross entropy = entropy of the label + KL(label || prediction); only the KL part depends on z
    entropy = -torch.special.xlogy(soft, soft).sum(dim=1).mean()  # 0 * log 0 counts as 0
    kl = F.kl_div(torch.log_softmax(z, dim=1), soft, reduction="batchmean")
    print(f"soft label: cross entropy {ce_soft.item():.6f} "
          f"= entropy {entropy.item():.6f} + KL {kl.item():.6f}")
    assert abs(ce_soft.item() - (entropy + kl).item()) < 1e-12

    # A common slip: passing probabilities instead of scores gives a different number.
    wrong = F.cross_entropy(p, classes).item()
    print(f"F.cross_entropy(softmax(z), ...) = {wrong:.6f}  <- softmax applied twice")
    assert abs(wrong - theirs.item()) > 0.1
