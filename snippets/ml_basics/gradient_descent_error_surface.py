"""The error surface: L(b, w) of the views model over a grid of (b, w), drawn as contours."""
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import LogNorm

WEEK = [0.9, 1.0, 0.95, 0.9, 0.7, 0.3, 0.4]  # thousands of views, Monday .. Sunday


def error_surface(b: np.ndarray, w: np.ndarray, x1: np.ndarray, label: np.ndarray) -> np.ndarray:
    """The MSE of y = b + w * x1 at every point of a grid of parameters.

    Args:
        b: the bias at each grid point, any shape S.
        w: the weight at each grid point, shape S.
        x1: the feature of each training example, shape (N,).
        label: the label of each training example, shape (N,).

    Returns:
        L(b, w) at each grid point, shape S.

    Examples:
        >>> B, W = np.meshgrid([0.0, 1.0], [0.0, 1.0])
        >>> error_surface(B, W, np.array([1.0, 2.0]), np.array([1.0, 2.0])).tolist()
        [[2.5, 0.5], [0.0, 1.0]]
    """
    y = b[..., None] + w[..., None] * x1  # shape S + (N,)
    return ((y - label) ** 2).mean(axis=-1)


def least_squares(x1: np.ndarray, label: np.ndarray) -> tuple[float, float]:
    """The exact minimum `(b*, w*)` of the MSE of `y = b + w * x1`, by least squares.

    Examples:
        >>> [round(v, 6) for v in least_squares(np.array([0.0, 1.0, 2.0]), np.array([1.0, 3.0, 5.0]))]
        [1.0, 2.0]
    """
    X = np.stack([np.ones_like(x1), x1], 1)  # X @ (b, w) = b + w * x1
    b, w = np.linalg.lstsq(X, label, rcond=None)[0]
    return float(b), float(w)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    views = np.tile(WEEK, 20) + rng.normal(0, 0.1, 140)
    x1, label = views[:104], views[1:105]

    n = 40  # a 40 x 40 grid of (b, w)
    b_grid, w_grid = np.meshgrid(np.linspace(-0.6, 1.4, n), np.linspace(-0.6, 1.4, n))
    L = error_surface(b_grid, w_grid, x1, label)
    i, j = np.unravel_index(L.argmin(), L.shape)
    b_star, w_star = least_squares(x1, label)
    L_star = error_surface(np.array(b_star), np.array(w_star), x1, label)
    print(f"lowest grid point: b = {b_grid[i, j]:.3f}, w = {w_grid[i, j]:.3f}, L = {L[i, j]:.4f}")
    print(f"exact minimum:     b = {b_star:.3f}, w = {w_star:.3f}, L = {L_star:.4f}")
    # L is quadratic in (b, w), with Hessian H = 2 X^T X / N: positive definite, so one bowl, one minimum
    X = np.stack([np.ones(104), x1], 1)
    curvatures = np.linalg.eigvalsh(2 * X.T @ X / 104)
    assert np.all(curvatures > 0)
    # some grid point is within half a diagonal of the star, so the grid's best is at most
    # (1/2) lambda_max (step^2 / 2) above the minimum
    step = 2.0 / (n - 1)
    assert 0 <= L[i, j] - L_star <= 0.5 * curvatures[-1] * step**2 / 2
    low = L < 1.5 * L_star  # "the low region": within 50% of the best loss
    r = np.corrcoef(b_grid[low], w_grid[low])[0, 1]
    print(f"grid points with L < 1.5 * L_min: {low.sum()} of {L.size}; corr(b, w) there: {r:.2f}")
    assert r < -0.8  # a long diagonal valley: a larger w with a smaller b fits about as well

    fig, ax = plt.subplots(figsize=(6, 3.6))
    levels = L_star * np.geomspace(1, L.max() / L_star, 13)
    cs = ax.contourf(b_grid, w_grid, L, levels=levels, cmap="coolwarm", norm=LogNorm(),
                     rasterized=True)  # the filled bands as an image: a much lighter page
    ax.contour(b_grid, w_grid, L, levels=[1.5 * L_star], colors="k", linewidths=1.5)
    ax.plot(b_star, w_star, "*", color="gold", markeredgecolor="k", markersize=14,
            label="minimum of L", linestyle="none")
    ax.plot([], [], "k-", label="L = 1.5 x minimum")
    ax.set_xlabel("b (bias)")
    ax.set_ylabel("w (weight)")
    ax.set_title("error surface L(b, w): blue = low loss, red = high loss")
    fig.colorbar(cs, ax=ax, label="L (MSE)", format="%.2f")
    ax.legend(loc="upper right")
    plt.show()
