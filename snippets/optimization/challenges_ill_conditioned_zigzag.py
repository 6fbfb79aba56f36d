"""Gradient descent zig-zags and crawls when the Hessian's condition number is large."""
import matplotlib.pyplot as plt
import numpy as np


def gd_quadratic(kappa: float, start: np.ndarray, steps: int = 5000, tol: float = 1e-6) -> np.ndarray:
    """Gradient descent on f = (theta1^2 + kappa theta2^2) / 2 with the best fixed step, 2 / (1 + kappa).

    The gradient is exact (H theta with H = diag(1, kappa)); it stops once f has fallen by the factor ``tol``.

    Args:
        kappa: the condition number of the Hessian (curvature of theta2; theta1 has curvature 1).
        start: the starting point, shape (2,).
        steps: the most steps to take.
        tol: stop when f < tol * f(start).

    Returns:
        The iterates, start included, shape (k + 1, 2) after k steps.

    Examples:
        >>> gd_quadratic(1.0, np.array([10.0, 1.0])).tolist()  # kappa = 1: one step reaches the minimum
        [[10.0, 1.0], [0.0, 0.0]]
        >>> gd_quadratic(3.0, np.array([1.0, 1.0]))[:3, 1].tolist()  # the steep coordinate flips sign
        [1.0, -0.5, 0.25]
    """
    h = np.array([1.0, kappa])
    lr = 2.0 / (1.0 + kappa)
    theta, path = np.asarray(start, dtype=float), []
    f0 = 0.5 * theta @ (h * theta)
    for _ in range(steps):
        path.append(theta.copy())
        if 0.5 * theta @ (h * theta) < tol * f0:
            break
        theta = theta - lr * h * theta  # the gradient is exact: H theta
    return np.array(path)


if __name__ == "__main__":
    start = np.array([10.0, 1.0])
    print(f"{'kappa':>6} {'steps to reduce f by 1e6':>25} {'predicted':>10}")
    steps = {}
    for kappa in (1, 2, 10, 50, 250):
        steps[kappa] = len(gd_quadratic(kappa, start)) - 1
        r = (kappa - 1) / (kappa + 1)  # every coordinate shrinks by |r| per step
        pred = 1 if r == 0 else int(np.ceil(np.log(1e6) / (2 * np.log(1 / r))))
        print(f"{kappa:>6} {steps[kappa]:>25} {pred:>10}")
        assert abs(steps[kappa] - pred) <= 1
    assert steps[1] == 1 and steps[250] / steps[50] > 4.5 and steps[50] / steps[10] > 4.5  # ~ kappa

    path = gd_quadratic(50.0, start)
    signs = np.sign(path[:20, 1])
    assert np.all(signs[1:] == -signs[:-1])  # the steep coordinate flips sign every step
    print(f"steep coordinate, first 6 iterates: {np.round(path[:6, 1], 3)}")
    print(f"shallow coordinate, first 6 iterates: {np.round(path[:6, 0], 3)}")

    # Second-order view of one step theta - eps g:  df = -eps g.g + eps^2/2 g.H.g  (exact for a quadratic).
    H = np.diag([1.0, 50.0])
    g = H @ start
    for eps in (2 / 51, 2.1 / 50):
        new = start - eps * g
        df = 0.5 * new @ H @ new - 0.5 * start @ H @ start
        predicted = -eps * (g @ g) + 0.5 * eps**2 * (g @ H @ g)
        assert abs(df - predicted) < 1e-9
        print(f"eps = {eps:.4f}: first-order term {-eps * (g @ g):9.3f}, "
              f"curvature term {0.5 * eps**2 * (g @ H @ g):9.3f}, change in f {df:9.3f}")
    assert 0.5 * (2.1 / 50) ** 2 * (g @ H @ g) > 2.1 / 50 * (g @ g)  # curvature wins: f goes up

    fig, ax = plt.subplots(figsize=(6, 3.4))
    xs, ys = np.meshgrid(np.linspace(-11, 11, 60), np.linspace(-1.5, 1.5, 60))
    ax.contour(xs, ys, 0.5 * (xs**2 + 50 * ys**2), levels=12, colors="gray", linewidths=0.6)
    ax.plot(path[:60, 0], path[:60, 1], ".-", color="tab:red", ms=3, lw=0.8,
            label=r"GD, $\kappa = 50$, first 60 steps")
    ax.plot(0, 0, "*", color="black", ms=9)
    ax.set_xlabel(r"$\theta_1$ (curvature 1)")
    ax.set_ylabel(r"$\theta_2$ (curvature 50)")
    ax.legend(loc="upper right", fontsize=8)
    plt.show()
