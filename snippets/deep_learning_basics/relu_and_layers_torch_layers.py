"""The same model written by hand and as stacked torch.nn layers; then more layers."""
import numpy as np
import torch


def by_hand(X: np.ndarray, W: np.ndarray, b: np.ndarray, c: np.ndarray, b0: float) -> np.ndarray:
    """y = b0 + c^T sigmoid(b + W x) for every row x of X.

    Args:
        X: the inputs, shape (N, J).
        W: the hidden weights, shape (I, J).
        b: the hidden biases, shape (I,).
        c: the output weights, shape (I,).
        b0: the output bias.

    Returns:
        The outputs, shape (N,).

    Examples:
        >>> by_hand(np.zeros((2, 3)), np.ones((4, 3)), np.zeros(4), np.ones(4), 0.5).tolist()
        [2.5, 2.5]
    """
    return b0 + (1 / (1 + np.exp(-(X @ W.T + b)))) @ c


def mlp(widths: list[int]) -> torch.nn.Sequential:
    """Linear layers of the given widths with a ReLU after every hidden layer (none after the output).

    Args:
        widths: the input size, the hidden widths, the output size.

    Returns:
        The network, as ``torch.nn.Sequential``.

    Examples:
        >>> mlp([3, 4, 1])
        Sequential(
          (0): Linear(in_features=3, out_features=4, bias=True)
          (1): ReLU()
          (2): Linear(in_features=4, out_features=1, bias=True)
        )
    """
    net = torch.nn.Sequential()
    for k, (n_in, n_out) in enumerate(zip(widths, widths[1:])):
        net.append(torch.nn.Linear(n_in, n_out))
        if k < len(widths) - 2:
            net.append(torch.nn.ReLU())  # activation on hidden layers only
    return net


def layer_by_layer(net: torch.nn.Sequential, X: torch.Tensor) -> torch.Tensor:
    """Run a Linear/ReLU stack by hand: r = b + W a for a Linear layer, a = max(0, r) for a ReLU.

    Args:
        net: a Sequential of ``Linear`` and ``ReLU`` modules.
        X: the inputs, shape (N, n_in).

    Returns:
        The outputs, shape (N, n_out); equal to ``net(X)``.

    Examples:
        >>> layer_by_layer(torch.nn.Sequential(torch.nn.ReLU()), torch.tensor([[-1.0, 2.0]]))
        tensor([[0., 2.]])
    """
    a = X
    with torch.no_grad():
        for layer in net:
            a = layer.bias + a @ layer.weight.T if isinstance(layer, torch.nn.Linear) else torch.clamp(a, min=0)
    return a


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    torch.set_default_dtype(torch.float64)
    W, b = rng.normal(size=(4, 3)), rng.normal(size=4)  # hidden layer: 4 neurons, 3 features
    c, b0 = rng.normal(size=4), 0.5  # output: y = b0 + c^T a
    X = rng.normal(size=(6, 3))  # 6 examples

    net = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.Sigmoid(), torch.nn.Linear(4, 1))
    with torch.no_grad():  # copy the same numbers into the layers
        net[0].weight.copy_(torch.tensor(W))
        net[0].bias.copy_(torch.tensor(b))
        net[2].weight.copy_(torch.tensor(c[None]))
        net[2].bias.fill_(b0)
        y_net = net(torch.tensor(X))[:, 0].numpy()
    gap = np.abs(by_hand(X, W, b, c, b0) - y_net).max()
    print(net)
    print(f"max |by hand - torch.nn|: {'< 1e-12' if gap < 1e-12 else f'{gap:.1e}'}")
    assert gap < 1e-12

    # deeper: feed each layer's activations a into the next layer as its input
    torch.manual_seed(0)
    deep = mlp([3, 4, 4, 4, 1])
    with torch.no_grad():
        gap = (layer_by_layer(deep, torch.tensor(X)) - deep(torch.tensor(X))).abs().max().item()
    n_hidden = sum(isinstance(m, torch.nn.ReLU) for m in deep)
    n_params = sum(p.numel() for p in deep.parameters())
    print(f"{n_hidden} hidden layers of 4 ReLU neurons, {n_params} parameters;"
          f" layer-by-layer loop vs nn.Sequential: {'< 1e-12' if gap < 1e-12 else f'{gap:.1e}'}")
    assert gap < 1e-12
    assert n_params == (3 * 4 + 4) + 2 * (4 * 4 + 4) + (4 + 1)
