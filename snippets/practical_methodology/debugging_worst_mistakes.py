"""List the most confidently wrong test predictions: here they expose mislabelled examples."""
import torch


def most_confident_mistakes(prob: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """The misclassified examples, the most confident prediction first.

    Args:
        prob: predicted class probabilities, shape (n, classes).
        y: the labels, shape (n,).

    Returns:
        The indices of the examples whose most probable class is not their label, sorted by the
        probability of the predicted class, highest first; shape (number of mistakes,).

    Examples:
        >>> prob = torch.tensor([[0.9, 0.1], [0.4, 0.6], [0.2, 0.8], [0.7, 0.3]])
        >>> most_confident_mistakes(prob, torch.tensor([0, 0, 0, 1])).tolist()
        [2, 3, 1]
    """
    conf, pred = prob.max(dim=1)
    wrong = torch.nonzero(pred != y).flatten()
    return wrong[torch.argsort(conf[wrong], descending=True, stable=True)]


def softmax_regression(x: torch.Tensor, y: torch.Tensor, classes: int, steps: int = 200,
                       lr: float = 0.5) -> torch.nn.Module:
    """A linear layer trained on the cross-entropy by full-batch gradient descent.

    Args:
        x: the inputs, shape (n, d), float64.
        y: the labels, shape (n,).
        classes: the number of classes.
        steps: the number of updates.
        lr: the learning rate.

    Returns:
        The trained ``torch.nn.Linear(d, classes)``; softmax of its output gives the probabilities.

    Examples:
        >>> x = torch.tensor([[-2.0], [-1.0], [1.0], [2.0]], dtype=torch.float64)
        >>> model = softmax_regression(x, torch.tensor([0, 0, 1, 1]), classes=2)
        >>> model(x).argmax(1).tolist()
        [0, 0, 1, 1]
    """
    model = torch.nn.Linear(x.shape[1], classes).double()
    for _ in range(steps):
        model.zero_grad()
        torch.nn.functional.cross_entropy(model(x), y).backward()
        with torch.no_grad():
            for p in model.parameters():
                p -= lr * p.grad
    return model


if __name__ == "__main__":
    torch.manual_seed(0)
    centers = 1.2 * torch.tensor([[0.0, 2.0], [-2.0, -1.0], [2.0, -1.0]], dtype=torch.float64)
    y_tr, y_te = torch.randint(0, 3, (300,)), torch.randint(0, 3, (600,))
    x_tr = centers[y_tr] + torch.randn(300, 2, dtype=torch.float64)  # three Gaussian blobs
    x_te = centers[y_te] + torch.randn(600, 2, dtype=torch.float64)
    planted = torch.arange(0, 600, 60)  # 10 annotation errors planted in the test labels
    y_te[planted] = (y_te[planted] + 1) % 3
    model = softmax_regression(x_tr, y_tr, classes=3)
    with torch.no_grad():
        prob = torch.softmax(model(x_te), dim=1)
    conf, pred = prob.max(dim=1)
    worst = most_confident_mistakes(prob, y_te)
    print(f"test accuracy {(pred == y_te).double().mean():.3f}; {len(worst)} mistakes, most confident first:")
    print("  index  label  predicted  confidence  planted label error?")
    for i in worst[:12].tolist():
        print(f"  {i:5d}  {y_te[i].item():5d}  {pred[i].item():9d}  {conf[i].item():10.3f}  "
              f"{'yes' if i in planted else ''}")
    is_planted = torch.isin(worst, planted)
    top = int(is_planted[: len(planted)].sum())
    print(f"planted errors: {top} of the top {len(planted)}, {is_planted.double().mean():.0%} of all mistakes")
    print(f"mean confidence: planted errors {conf[worst[is_planted]].mean():.3f}, "
          f"genuine mistakes {conf[worst[~is_planted]].mean():.3f}")
    # the top of the list is dominated by the planted label errors, not by genuinely hard examples
    assert top >= 7 and top / len(planted) > is_planted.double().mean() + 0.2
    assert conf[worst[is_planted]].mean() > conf[worst[~is_planted]].mean() + 0.1
