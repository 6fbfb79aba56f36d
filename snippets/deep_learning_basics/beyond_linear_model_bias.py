"""Model bias: no straight line fits a piecewise linear target, however well it is trained."""
import matplotlib.pyplot as plt
import numpy as np


def fit_line_gd(x: np.ndarray, y: np.ndarray, lr: float, steps: int) -> tuple[float, float, np.ndarray, float]:
    """Gradient descent on L(b, w) = mean((b + w x - y)^2), from b = w = 0.

    Args:
        x: the inputs, shape (n,).
        y: the targets, shape (n,).
        lr: the learning rate.
        steps: the number of updates.

    Returns:
        (b, w, losses, grad_norm): the final parameters, the loss before each update,
        shape (steps,), and the length of the gradient at the final (b, w).

    Examples:
        >>> b, w, losses, g = fit_line_gd(np.array([0.0, 1.0, 2.0]), np.array([1.0, 3.0, 5.0]), 0.1, 2000)
        >>> round(b, 6), round(w, 6), losses.shape, g < 1e-9
        (1.0, 2.0, (2000,), True)
    """
    b, w, losses = 0.0, 0.0, []
    for _ in range(steps):
        e = b + w * x - y
        losses.append(np.mean(e**2))
        b, w = b - lr * 2 * e.mean(), w - lr * 2 * (e * x).mean()  # dL/db = 2 mean(e), dL/dw = 2 mean(e x)
    e = b + w * x - y
    return float(b), float(w), np.array(losses), float(np.hypot(2 * e.mean(), 2 * (e * x).mean()))


def least_squares_line(x: np.ndarray, y: np.ndarray) -> tuple[float, float, float]:
    """The best line of all for the mean squared error, in closed form.

    Args:
        x: the inputs, shape (n,).
        y: the targets, shape (n,).

    Returns:
        (b, w, loss): the least-squares intercept and slope and their mean squared error.

    Examples:
        >>> b, w, loss = least_squares_line(np.array([0.0, 1.0, 2.0]), np.array([0.0, 2.0, 1.0]))
        >>> round(b, 4), round(w, 4), round(loss, 4)
        (0.5, 0.5, 0.5)
    """
    A = np.c_[np.ones_like(x), x]
    (b, w), *_ = np.linalg.lstsq(A, y, rcond=None)
    return float(b), float(w), float(np.mean((A @ [b, w] - y) ** 2))


if __name__ == "__main__":
    xk = np.array([0.5, 1.5, 2.5, 3.5])  # the knots of the target curve
    yk = np.array([1.0, 3.0, 1.5, 2.5])
    x = np.linspace(0, 4, 81)
    y = np.interp(x, xk, yk)  # flat outside [0.5, 3.5]

    b, w, losses, grad_norm = fit_line_gd(x, y, lr=0.1, steps=1000)
    b_ls, w_ls, best = least_squares_line(x, y)
    g_text = "< 1e-12" if grad_norm < 1e-12 else f"{grad_norm:.1e}"  # a bound, not rounding noise
    print(f"gradient descent: b = {b:.4f}, w = {w:.4f}, loss {losses[-1]:.4f}, |gradient| {g_text}")
    print(f"least squares:    b = {b_ls:.4f}, w = {w_ls:.4f}, loss {best:.4f}")
    print(f"loss after 10, 100, 1000 steps: {losses[9]:.4f} {losses[99]:.4f} {losses[-1]:.4f}")
    assert abs(losses[-1] - best) < 1e-9 and grad_norm < 1e-6  # the optimiser has finished...
    assert losses[99] - best < 1e-3  # (it was done after ~100 steps)
    assert best > 0.25 * y.var()  # ...and the loss stays high

    fig, ax = plt.subplots(figsize=(6, 3.2))
    ax.plot(x, y, color="tab:red", lw=2, label="target (piecewise linear)")
    ax.plot(x, b_ls + w_ls * x, color="tab:blue", ls="--", label="best line b + w x")
    ax.scatter(xk, yk, color="tab:red", zorder=3, s=20)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.legend(loc="lower right", fontsize=9)
    plt.show()
