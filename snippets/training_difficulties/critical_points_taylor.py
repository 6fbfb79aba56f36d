"""Second-order Taylor approximation of L(w) = (1 - w1*w2)^2 around a point theta'."""
import matplotlib.pyplot as plt
import numpy as np
import torch


def two_weight_loss(w: torch.Tensor) -> torch.Tensor:
    """L(w) = (1 - w1 w2)^2, the one-example model y_hat = w1 w2 x with x = y = 1.

    Args:
        w: the weights (w1, w2), shape (2, ...): one point, or several along the trailing axes.

    Returns:
        The loss, shape (...).

    Examples:
        >>> two_weight_loss(torch.tensor([0.5, 0.5])).item()
        0.5625
    """
    return (1.0 - w[0] * w[1]) ** 2


def taylor(value: torch.Tensor, g: torch.Tensor, H: torch.Tensor, v: torch.Tensor, order: int) -> torch.Tensor:
    """The Taylor approximation L(theta') + v^T g (+ 1/2 v^T H v for ``order == 2``) of the loss at theta' + v.

    Args:
        value: L(theta'), a scalar.
        g: the gradient at theta', shape (p,).
        H: the Hessian at theta', shape (p, p).
        v: the step away from theta', shape (p,).
        order: 1 (the tangent plane) or 2 (the quadratic).

    Returns:
        The approximation, a scalar.

    Examples:
        >>> g, H = torch.tensor([1.0, 0.0]), torch.tensor([[2.0, 0.0], [0.0, 4.0]])
        >>> taylor(torch.tensor(3.0), g, H, torch.tensor([1.0, 1.0]), order=1).item()
        4.0
        >>> taylor(torch.tensor(3.0), g, H, torch.tensor([1.0, 1.0]), order=2).item()  # 4 + (2 + 4) / 2
        7.0
    """
    out = value + v @ g
    return out + 0.5 * v @ H @ v if order == 2 else out


if __name__ == "__main__":
    loss = two_weight_loss
    theta0 = torch.tensor([0.6, 0.9], dtype=torch.float64)  # theta', not a critical point
    g = torch.autograd.functional.jacobian(loss, theta0)
    H = torch.autograd.functional.hessian(loss, theta0)
    d = torch.tensor([0.8, -0.6], dtype=torch.float64)  # a unit direction

    print(f"L(theta') = {loss(theta0):.4f}, g = {np.round(g.numpy(), 4).tolist()}")
    print("   r   true L    1st order  2nd order  |err1|     |err2|")
    errs = []
    for r in [0.4, 0.2, 0.1, 0.05]:
        v = r * d
        true, t1, t2 = loss(theta0 + v), taylor(loss(theta0), g, H, v, 1), taylor(loss(theta0), g, H, v, 2)
        errs.append((abs(true - t1).item(), abs(true - t2).item()))
        print(f"{r:5.2f}  {true:.6f}  {t1:.6f}   {t2:.6f}   {errs[-1][0]:.2e}   {errs[-1][1]:.2e}")
    e1, e2 = np.array(errs).T
    print(f"error ratio when r halves: 1st order {np.round(e1[:-1] / e1[1:], 2)},"
          f" 2nd order {np.round(e2[:-1] / e2[1:], 2)}")
    assert np.all(e2 < e1)  # the Hessian term makes the approximation better
    assert np.all((e1[:-1] / e1[1:] > 3) & (e1[:-1] / e1[1:] < 5))  # first-order error ~ r^2
    assert np.all((e2[:-1] / e2[1:] > 6) & (e2[:-1] / e2[1:] < 10))  # second-order error ~ r^3

    fig, ax = plt.subplots(figsize=(6, 3.6))
    ts = torch.linspace(-1, 1, 101, dtype=torch.float64)
    W = theta0 + ts[:, None] * d  # 101 points on the line
    ax.plot(ts, loss(W.T), color="black", lw=2, label="true L")
    ax.plot(ts, loss(theta0) + ts * (d @ g), "--", color="tab:orange", label="1st order (g)")
    second = loss(theta0) + ts * (d @ g) + 0.5 * ts**2 * (d @ H @ d)
    ax.plot(ts, second, ":", color="tab:blue", lw=2, label="2nd order (g and H)")
    ax.plot([0], [loss(theta0)], "o", color="red", label="theta'")
    ax.set(xlabel="t, where theta = theta' + t d", ylabel="L", ylim=(-0.3, 1.5),
           title="Taylor approximations along one direction")
    ax.legend(fontsize=8)
    plt.show()
