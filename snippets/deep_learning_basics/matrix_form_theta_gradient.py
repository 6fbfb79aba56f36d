"""theta: every unknown parameter in one vector; g = grad L(theta), by hand and by autograd."""
import torch


def grad_by_hand(X: torch.Tensor, y_hat: torch.Tensor, W: torch.Tensor, b: torch.Tensor, c: torch.Tensor,
                 b0: torch.Tensor) -> torch.Tensor:
    """The gradient of L = mean((y - y_hat)^2) for y = b0 + c a, a = sigmoid(b + W x), backpropagation written out.

    Args:
        X: the inputs, shape (N, J).
        y_hat: the labels, shape (N,).
        W: the hidden weights, shape (I, J) (``Linear(J, I).weight``).
        b: the hidden biases, shape (I,).
        c: the output weights, shape (1, I) (``Linear(I, 1).weight``).
        b0: the output bias, shape (1,).

    Returns:
        g, shape (I J + I + I + 1,): dL/dW row by row, dL/db, dL/dc, dL/db0, in the order of
        ``parameters_to_vector(Sequential(Linear(J, I), Sigmoid(), Linear(I, 1)).parameters())``.

    Examples:
        >>> g = grad_by_hand(torch.zeros(2, 1), torch.ones(2), torch.ones(1, 1), torch.zeros(1), torch.ones(1, 1), torch.zeros(1))
        >>> g.tolist()  # x = 0, so dL/dW = 0; the model outputs 0.5 where the labels are 1
        [0.0, -0.25, -0.5, -1.0]
    """
    with torch.no_grad():
        a = torch.sigmoid(X @ W.T + b)  # (N, I)
        y = a @ c[0] + b0  # (N,)
        dy = 2 * (y - y_hat) / len(X)  # dL/dy_n
        dr = dy[:, None] * c * a * (1 - a)  # dL/dr_n = dL/dy_n c_i sigma'(r_i)
        return torch.cat([(dr.T @ X).reshape(-1), dr.sum(0), (dy @ a).reshape(-1), dy.sum(0, keepdim=True)])


def mse(model: torch.nn.Module, X: torch.Tensor, y_hat: torch.Tensor) -> torch.Tensor:
    """L(theta): the mean squared error of a one-output model.

    Args:
        model: maps (N, J) inputs to (N, 1) outputs.
        X: the inputs, shape (N, J).
        y_hat: the labels, shape (N,).

    Returns:
        The loss, a scalar tensor.

    Examples:
        >>> mse(torch.nn.Identity(), torch.tensor([[1.0], [3.0]]), torch.tensor([0.0, 1.0])).item()
        2.5
    """
    return torch.mean((model(X)[:, 0] - y_hat) ** 2)


if __name__ == "__main__":
    torch.manual_seed(0)
    torch.set_default_dtype(torch.float64)
    X = torch.randn(20, 3)  # N = 20 examples, 3 features
    y_hat = torch.sin(X[:, 0]) + 0.5 * X[:, 1]  # labels
    model = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.Sigmoid(), torch.nn.Linear(4, 1))
    W, b = model[0].weight, model[0].bias  # (4, 3) and (4,)
    c, b0 = model[2].weight, model[2].bias  # (1, 4) and (1,)

    theta = torch.nn.utils.parameters_to_vector(model.parameters())
    print(f"theta has {theta.numel()} entries: W {W.numel()} + b {b.numel()} + c {c.numel()} + b0 {b0.numel()}")
    loss = mse(model, X, y_hat)
    loss.backward()
    g = torch.cat([p.grad.reshape(-1) for p in model.parameters()])  # same order as theta
    gap = (grad_by_hand(X, y_hat, W, b, c, b0) - g).abs().max().item()
    print(f"L(theta0) = {loss.item():.6f}")
    print("g (first 6 entries, autograd):", [round(v, 5) for v in g[:6].tolist()])
    print(f"max |g_by_hand - g_autograd| {'< 1e-12' if gap < 1e-12 else f'= {gap:.1e}'}")
    assert theta.numel() == 4 * 3 + 4 + 4 + 1 == g.numel()
    assert gap < 1e-12

    # one gradient-descent step on the whole vector: theta1 = theta0 - eta g
    eta = 0.1
    with torch.no_grad():
        torch.nn.utils.vector_to_parameters(theta - eta * g, model.parameters())
        loss1 = mse(model, X, y_hat)
    print(f"after theta1 = theta0 - {eta} g:  L(theta1) = {loss1.item():.6f}")
    assert loss1 < loss
