"""A deeper plain network ends with a worse TRAINING loss than a shallow one: an optimization problem."""
import torch


def mlp(hidden_layers: int, width: int = 16) -> torch.nn.Sequential:
    """A plain ReLU network 1 -> width -> ... -> width -> 1 with ``hidden_layers`` hidden layers.

    Args:
        hidden_layers: the number of hidden layers (Linear + ReLU).
        width: the units per hidden layer.

    Returns:
        The network; its Linear layers sit at the even indices 0, 2, ..., 2 * hidden_layers.

    Examples:
        >>> net = mlp(3, width=4)
        >>> len(net), sum(p.numel() for p in net.parameters())  # 8 + 20 + 20 + 5 weights and biases
        (7, 53)
    """
    layers = [torch.nn.Linear(1, width), torch.nn.ReLU()]
    for _ in range(hidden_layers - 1):
        layers += [torch.nn.Linear(width, width), torch.nn.ReLU()]
    return torch.nn.Sequential(*layers, torch.nn.Linear(width, 1))


def train(net: torch.nn.Module, x: torch.Tensor, y: torch.Tensor, optimizer: type[torch.optim.Optimizer],
          lr: float, steps: int) -> float:
    """Full-batch training of ``net`` on the mean squared error; returns the final training loss.

    Args:
        net: the model, trained in place.
        x: the inputs, shape (n, 1).
        y: the targets, shape (n, 1).
        optimizer: the optimizer class, for example ``torch.optim.SGD``.
        lr: the learning rate.
        steps: the number of updates.

    Returns:
        The training loss after the last update.

    Examples:
        >>> _ = torch.manual_seed(0)
        >>> net = torch.nn.Linear(1, 1)
        >>> round(train(net, torch.ones(4, 1), torch.full((4, 1), 3.0), torch.optim.SGD, 0.1, 100), 6)
        0.0
    """
    opt = optimizer(net.parameters(), lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        ((net(x) - y) ** 2).mean().backward()
        opt.step()
    with torch.no_grad():
        return ((net(x) - y) ** 2).mean().item()


if __name__ == "__main__":
    torch.manual_seed(0)
    torch.set_default_dtype(torch.float64)
    x_train = torch.linspace(-1, 1, 64)[:, None]
    y_train = torch.sin(3 * x_train) + 0.1 * torch.randn(64, 1)
    x_test = torch.rand(200, 1) * 2 - 1
    y_test = torch.sin(3 * x_test) + 0.1 * torch.randn(200, 1)
    mse = lambda net, x, y: ((net(x) - y) ** 2).mean().item()

    nets = {}
    for name, depth, optimizer, lr in [("2 hidden layers, SGD", 2, torch.optim.SGD, 0.1),  # same optimizer,
                                       ("10 hidden layers, SGD", 10, torch.optim.SGD, 0.1),  # same budget
                                       ("10 hidden layers, Adam", 10, torch.optim.Adam, 0.02)]:
        torch.manual_seed(1)  # the same initial weights for both 10-layer nets
        nets[name] = mlp(depth)
        train(nets[name], x_train, y_train, optimizer, lr, steps=200)
    with torch.no_grad():
        constant = ((y_train - y_train.mean()) ** 2).mean().item()  # best loss of a constant prediction
        print(f"{'predicting the mean label':<25} train loss {constant:.4f}")
        for name, net in nets.items():
            print(f"{name:<25} train loss {mse(net, x_train, y_train):.4f}, test loss {mse(net, x_test, y_test):.4f}")
        train_loss = [mse(n, x_train, y_train) for n in nets.values()]
        test_loss = [mse(n, x_test, y_test) for n in nets.values()]
        assert train_loss[1] > 2 * train_loss[0]  # the deeper net is worse on the TRAINING data ...
        assert train_loss[1] > 0.95 * constant  # ... barely better than a constant
        assert test_loss[1] > test_loss[0]  # ... and on the test data: not overfitting
        assert train_loss[2] < 0.2 * constant and train_loss[2] < train_loss[1] / 5  # a better optimizer trains it

        # The deep net could have done at least as well: copy the shallow net, make the extra layers identities.
        # After a ReLU every value is >= 0, so relu(I a + 0) = a exactly.
        deep, shallow = mlp(10), nets["2 hidden layers, SGD"]
        for k in (0, 2):  # the shallow net's two hidden Linear layers
            deep[k].load_state_dict(shallow[k].state_dict())
        for k in range(4, 20, 2):  # the eight extra hidden layers
            deep[k].weight.copy_(torch.eye(16))
            deep[k].bias.zero_()
        deep[20].load_state_dict(shallow[4].state_dict())
        same = (deep(x_train) - shallow(x_train)).abs().max().item()
        print(f"10-layer net built from the 2-layer one: train loss {mse(deep, x_train, y_train):.4f},"
              f" max output difference {'< 1e-12' if same < 1e-12 else f'{same:.1e}'}")
        assert same < 1e-12
