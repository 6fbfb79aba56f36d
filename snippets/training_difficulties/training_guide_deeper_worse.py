"""A deeper plain network ends with a worse TRAINING loss than a shallow one: an optimization problem."""
import numpy as np
import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
x_train = torch.linspace(-1, 1, 64)[:, None]
y_train = torch.sin(3 * x_train) + 0.1 * torch.randn(64, 1)
x_test = torch.rand(200, 1) * 2 - 1
y_test = torch.sin(3 * x_test) + 0.1 * torch.randn(200, 1)


def mlp(hidden_layers, width=16):
    """A plain ReLU net: 1 -> width -> ... -> width -> 1 with `hidden_layers` hidden layers."""
    layers = [torch.nn.Linear(1, width), torch.nn.ReLU()]
    for _ in range(hidden_layers - 1):
        layers += [torch.nn.Linear(width, width), torch.nn.ReLU()]
    return torch.nn.Sequential(*layers, torch.nn.Linear(width, 1))


def mse(net, x, y):
    """Mean squared error of net on (x, y)."""
    return ((net(x) - y) ** 2).mean()


def train(depth, optimizer, lr, steps=200):
    """Full-batch training of mlp(depth) from a fixed init; returns the net."""
    torch.manual_seed(1)
    net = mlp(depth)
    opt = optimizer(net.parameters(), lr=lr)
    for step in range(steps):
        opt.zero_grad()
        mse(net, x_train, y_train).backward()
        opt.step()
    return net


nets = {"2 hidden layers, SGD": train(2, torch.optim.SGD, lr=0.1),  # same optimizer, same budget
        "10 hidden layers, SGD": train(10, torch.optim.SGD, lr=0.1),
        "10 hidden layers, Adam": train(10, torch.optim.Adam, lr=0.02, steps=100)}
with torch.no_grad():
    constant = ((y_train - y_train.mean()) ** 2).mean().item()  # best loss of a constant prediction
    print(f"{'predicting the mean label':<25} train loss {constant:.4f}")
    for name, net in nets.items():
        print(f"{name:<25} train loss {mse(net, x_train, y_train):.4f},"
              f" test loss {mse(net, x_test, y_test):.4f}")

with torch.no_grad():
    train = [mse(n, x_train, y_train).item() for n in nets.values()]
    test = [mse(n, x_test, y_test).item() for n in nets.values()]
    assert train[1] > 2 * train[0]  # the deeper net is worse on the TRAINING data ...
    assert train[1] > 0.95 * constant  # ... barely better than a constant
    assert test[1] > test[0]  # ... and on the test data: not overfitting
    assert train[2] < train[0]  # a better optimizer trains the same deep net

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
          f" max output difference {same:.1e}")
    assert same < 1e-12
