"""Look at the training result first: 1-NN is perfect on its training set by construction, a deep net may not be."""
import torch


def diagnose(train_acc: float, test_acc: float, majority: float, margin: float = 0.1) -> str:
    """The row of the diagnosis table for a classifier's training and test accuracy.

    Args:
        train_acc: the accuracy on the training data.
        test_acc: the accuracy on the test data.
        majority: the accuracy of always predicting the most common training label.
        margin: how far above the majority rate counts as learning something, and how large a gap
            between training and test accuracy counts as a gap.

    Returns:
        "training problem", "overfitting" or "good on both".

    Examples:
        >>> diagnose(1.0, 0.7, 0.6), diagnose(0.62, 0.61, 0.6), diagnose(0.9, 0.88, 0.6)
        ('overfitting', 'training problem', 'good on both')
    """
    if train_acc < majority + margin:
        return "training problem"  # do not judge the test result yet
    return "overfitting" if train_acc - test_acc > margin else "good on both"


def nearest_neighbour(x_train: torch.Tensor, y_train: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    """1-nearest-neighbour classification: each point gets the label of the closest training point.

    Args:
        x_train: the training inputs, shape (n, d).
        y_train: their labels, shape (n,).
        x: the points to classify, shape (m, d).

    Returns:
        The predicted labels, shape (m,).

    Examples:
        >>> nearest_neighbour(torch.tensor([[0.0], [1.0]]), torch.tensor([0.0, 1.0]), torch.tensor([[0.2], [0.9]])).tolist()
        [0.0, 1.0]
    """
    return y_train[torch.cdist(x, x_train).argmin(1)]


def train_net(depth: int, act: type[torch.nn.Module], x: torch.Tensor, y: torch.Tensor, steps: int,
              lr: float) -> torch.nn.Sequential:
    """A network of `depth` hidden layers of 32 units, trained by full-batch gradient descent on the logistic loss.

    Args:
        depth: the number of hidden layers.
        act: the activation module, e.g. torch.nn.Sigmoid.
        x: the inputs, shape (n, d).
        y: the labels 0 or 1, shape (n,).
        steps: the number of gradient steps.
        lr: the learning rate.

    Returns:
        The trained network; it outputs a logit per input, shape (n, 1).

    Examples:
        >>> _ = torch.manual_seed(0)
        >>> net = train_net(1, torch.nn.ReLU, torch.tensor([[-1.0], [1.0]]), torch.tensor([0.0, 1.0]), 100, 0.5)
        >>> (net(torch.tensor([[-1.0], [1.0]]))[:, 0] > 0).tolist()
        [False, True]
    """
    layers, n_in = [], x.shape[1]
    for _ in range(depth):
        layers += [torch.nn.Linear(n_in, 32), act()]
        n_in = 32
    net = torch.nn.Sequential(*layers, torch.nn.Linear(n_in, 1))
    opt = torch.optim.SGD(net.parameters(), lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        torch.nn.functional.binary_cross_entropy_with_logits(net(x)[:, 0], y).backward()
        opt.step()
    return net


if __name__ == "__main__":
    torch.manual_seed(0)
    x, x_test = torch.rand(500, 2) * 4 - 2, torch.rand(2000, 2) * 4 - 2  # inside the circle r^2 < 1.5 is class 1,
    y, y_test = (((v**2).sum(1) < 1.5).float() for v in (x, x_test))  # and 10% of the labels are flipped
    y, y_test = ((lab + (torch.rand(len(lab)) < 0.1)) % 2 for lab in (y, y_test))
    majority = max(y.mean().item(), 1 - y.mean().item())
    print(f"always predicting the majority label: training accuracy {majority:.3f}")
    print(f"{'':<32}{'train acc':>10}{'test acc':>10}   diagnosis")
    models = {"1-nearest neighbour": lambda v: nearest_neighbour(x, y, v)}
    for name, depth, act in [("8 sigmoid layers, 300 GD steps", 8, torch.nn.Sigmoid),
                             ("1 ReLU layer, 300 GD steps", 1, torch.nn.ReLU)]:
        net = train_net(depth, act, x, y, steps=300, lr=0.5)
        models[name] = lambda v, net=net: (net(v)[:, 0] > 0).float()
    rows = {}
    with torch.no_grad():
        for name, predict in models.items():
            acc = [(predict(v) == lab).float().mean().item() for v, lab in ((x, y), (x_test, y_test))]
            rows[name] = diagnose(*acc, majority)
            print(f"{name:<32}{acc[0]:>10.3f}{acc[1]:>10.3f}   {rows[name]}")
    assert rows["1-nearest neighbour"] == "overfitting"  # perfect on its training set, by construction
    assert rows["8 sigmoid layers, 300 GD steps"] == "training problem"  # the deep net did not fit its own data
    assert rows["1 ReLU layer, 300 GD steps"] == "good on both"
