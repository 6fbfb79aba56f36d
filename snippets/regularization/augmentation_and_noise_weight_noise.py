"""Weight noise: a penalty on the output's sensitivity to the weights, so it favors flat solutions;
for a linear model it changes nothing."""
import math

import numpy as np
import torch


def tanh_net(params: list[torch.Tensor], x: torch.Tensor) -> torch.Tensor:
    """R one-hidden-layer networks f(x) = v . tanh(a x + b) + c on scalar inputs, evaluated side by side.

    Args:
        params: [a (..., R, 1, H), b (..., R, 1, H), v (..., R, H, 1), c (..., R, 1, 1)]; extra leading
            dimensions (e.g. several perturbed copies of the weights) broadcast.
        x: the inputs, shape (R, n, 1).

    Returns:
        The outputs, shape (..., R, n).

    Examples:
        >>> ones = [torch.ones(1, 1, 2), torch.zeros(1, 1, 2), torch.ones(1, 2, 1), torch.zeros(1, 1, 1)]
        >>> [round(v, 4) for v in tanh_net(ones, torch.tensor([[[0.0], [1.0]]]))[0].tolist()]  # 2 tanh(x)
        [0.0, 1.5232]
    """
    a, b, v, c = params
    return (torch.tanh(x @ a + b) @ v + c).squeeze(-1)


def weight_sensitivity(params: list[torch.Tensor], x: torch.Tensor) -> torch.Tensor:
    """The mean over the inputs of ||grad_W f(x)||^2, from its closed form, for each of R networks.

    Args:
        params: [a, b, v, c] as in ``tanh_net``, without extra leading dimensions.
        x: the inputs, shape (R, n, 1).

    Returns:
        Shape (R,). Weight noise of variance eta raises the squared error by about eta times this.

    Examples:
        >>> p = [torch.zeros(1, 1, 1), torch.zeros(1, 1, 1), torch.ones(1, 1, 1), torch.zeros(1, 1, 1)]
        >>> weight_sensitivity(p, torch.tensor([[[2.0]]])).tolist()  # df/dc = 1, df/da = 2, df/db = 1
        [6.0]
    """
    a, b, v, c = params
    h = torch.tanh(x @ a + b)  # (R, n, H)
    dh = (1 - h**2) * v.transpose(1, 2)  # df/d(pre-activation)
    per_example = (h**2).sum(-1) + 1 + (dh**2).sum(-1) * (x[..., 0] ** 2 + 1)  # df/dv, df/dc, df/da, df/db
    return per_example.mean(-1)


def train(init: list[torch.Tensor], x: torch.Tensor, y: torch.Tensor, eta: float, gen: torch.Generator,
          steps: int = 200, lr: float = 0.03) -> list[torch.Tensor]:
    """Full-batch Adam on the squared error, computed at weights W + e, e ~ N(0, eta I) fresh every step.

    Args:
        init: the initial [a, b, v, c] of R networks (see ``tanh_net``).
        x: the inputs, shape (R, n, 1).
        y: the targets, shape (R, n).
        eta: the variance of the weight noise (0: plain training).
        gen: the random generator for the noise.
        steps: the number of Adam steps.
        lr: the learning rate.

    Returns:
        The trained [a, b, v, c].

    Examples:
        >>> x = torch.linspace(-1, 1, 5, dtype=torch.float64).reshape(1, 5, 1)
        >>> p0 = [torch.ones(1, 1, 2, dtype=torch.float64), torch.zeros(1, 1, 2, dtype=torch.float64),
        ...       torch.zeros(1, 2, 1, dtype=torch.float64), torch.zeros(1, 1, 1, dtype=torch.float64)]
        >>> p = train(p0, x, x[..., 0], 0.0, torch.Generator().manual_seed(0))
        >>> ((tanh_net(p, x) - x[..., 0]) ** 2).mean().item() < 0.01  # from 0.5 at the start
        True
    """
    params = [p.clone().requires_grad_() for p in init]
    opt = torch.optim.Adam(params, lr=lr)
    for _ in range(steps):
        noisy = [p + math.sqrt(eta) * torch.randn(p.shape, generator=gen, dtype=p.dtype) for p in params]
        loss = ((tanh_net(noisy, x) - y) ** 2).mean(1).sum()  # the networks do not interact
        opt.zero_grad()
        loss.backward()
        opt.step()
    return [p.detach() for p in params]


if __name__ == "__main__":
    gen = torch.Generator().manual_seed(0)
    R, n, H, eta = 10, 20, 16, 0.01
    x = torch.linspace(-2, 2, n, dtype=torch.float64).expand(R, n)[..., None]
    init = [torch.randn(R, 1, H, generator=gen, dtype=torch.float64), torch.randn(R, 1, H, generator=gen, dtype=torch.float64),
            torch.randn(R, H, 1, generator=gen, dtype=torch.float64) / math.sqrt(H), torch.zeros(R, 1, 1, dtype=torch.float64)]

    # 1) The closed form is autograd's, and to first order weight noise adds eta ||grad_W f||^2 to the squared error.
    one = [p[:1].clone().requires_grad_() for p in init]
    grads = torch.autograd.grad(tanh_net(one, x[:1, 3:4]).sum(), one)
    assert abs(sum((g**2).sum() for g in grads) - weight_sensitivity(one, x[:1, 3:4])) < 1e-12
    small = 1e-4
    with torch.no_grad():
        three, x3 = [p[:3] for p in init], x[:3]
        f0 = tanh_net(three, x3)  # targets equal to the outputs: a perfect fit
        noisy = [p + math.sqrt(small) * torch.randn((4000, *p.shape), generator=gen, dtype=p.dtype) for p in three]
        ratio = (((tanh_net(noisy, x3) - f0) ** 2).mean((0, 2)) / (small * weight_sensitivity(three, x3)))
    print(f"extra squared error under weight noise / (eta ||grad_W f||^2), 3 random networks: "
          f"{ratio.min():.2f} to {ratio.max():.2f}")
    assert (ratio - 1).abs().max() < 0.05

    # 2) Linear regression: the expected loss gains eta ||x||^2, the same for every w, so the optimum stays.
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 5))
    y_lin = X @ rng.normal(size=5) + 0.3 * rng.normal(size=40)
    w, avg, sd = np.zeros(5), np.zeros(5), 0.5  # weight noise of variance 0.25
    for t in range(4000):
        w -= 0.01 * 2 * X.T @ (X @ (w + sd * rng.normal(size=5)) - y_lin) / 40
        avg += w / 2000 if t >= 2000 else 0
    w_ols = np.linalg.lstsq(X, y_lin, rcond=None)[0]
    w_ridge = np.linalg.solve(X.T @ X / 40 + sd**2 * np.eye(5), X.T @ y_lin / 40)  # what input noise gives
    print(f"linear regression trained with weight noise: |w - w_OLS| = {np.linalg.norm(avg - w_ols):.3f}, "
          f"while |w_ridge - w_OLS| = {np.linalg.norm(w_ridge - w_ols):.3f}")
    assert np.linalg.norm(avg - w_ols) < np.linalg.norm(w_ridge - w_ols) / 5

    # 3) A nonlinear network: training with weight noise finds flatter weights (10 data sets side by side).
    y = torch.sin(2 * x[..., 0]) + 0.1 * torch.randn(R, n, generator=gen, dtype=torch.float64)
    plain, noisy_trained = train(init, x, y, 0.0, gen), train(init, x, y, eta, gen)
    print(f"{'':16s} train MSE  ||grad_W f||^2  MSE under weight noise (eta = {eta}), medians over {R} data sets")
    sens = {}
    for name, p in [("plain", plain), ("weight noise", noisy_trained)]:
        with torch.no_grad():
            mse = ((tanh_net(p, x) - y) ** 2).mean(1)
            pert = [q + math.sqrt(eta) * torch.randn((200, *q.shape), generator=gen, dtype=q.dtype) for q in p]
            sens[name] = weight_sensitivity(p, x)
            print(f"{name:16s} {mse.median():9.4f}  {sens[name].median():14.2f}  "
                  f"{((tanh_net(pert, x) - y) ** 2).mean((0, 2)).median():8.4f}")
    flatter = int((sens["weight noise"] < sens["plain"]).sum())
    print(f"trained with weight noise, the network is less sensitive to its weights in {flatter} of {R} data sets")
    assert flatter >= 8  # usually, not always
