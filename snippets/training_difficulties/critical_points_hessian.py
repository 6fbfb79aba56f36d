"""The Hessian of L(w1, w2) = mean (y - w1*w2*x)^2, by hand and by torch.autograd.functional.hessian."""
import numpy as np
import torch


def chain_mse(w: torch.Tensor, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Mean squared error of the model y_hat = w1 w2 x.

    Args:
        w: the weights (w1, w2), shape (2,).
        x: the inputs, shape (n,).
        y: the targets, shape (n,).

    Returns:
        The loss, a scalar tensor.

    Examples:
        >>> chain_mse(torch.tensor([1.0, 2.0]), torch.tensor([1.0, 2.0]), torch.tensor([2.0, 3.0])).item()
        0.5
    """
    return ((y - w[0] * w[1] * x) ** 2).mean()


def hessian_by_hand(w1: float, w2: float, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The Hessian of :func:`chain_mse` at (w1, w2) from the hand-derived second derivatives.

    Args:
        w1: the first weight.
        w2: the second weight.
        x: the inputs, shape (n,).
        y: the targets, shape (n,).

    Returns:
        The symmetric matrix of second derivatives, shape (2, 2); it matches
        ``torch.autograd.functional.hessian``.

    Examples:
        >>> hessian_by_hand(0.0, 0.0, np.array([1.0]), np.array([1.0])).tolist()  # the saddle at the origin
        [[0.0, -2.0], [-2.0, 0.0]]
    """
    r = y - w1 * w2 * x  # residuals
    h11 = np.mean(2 * w2**2 * x**2)  # d/dw1 of mean(-2 w2 x r)
    h22 = np.mean(2 * w1**2 * x**2)
    h12 = np.mean(-2 * x * r + 2 * w1 * w2 * x**2)  # product rule on w2 * r
    return np.array([[h11, h12], [h12, h22]])


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    x = rng.normal(size=8)
    y = 1.5 * x + 0.1 * rng.normal(size=8)  # data made by w1*w2 close to 1.5
    X, Y = torch.from_numpy(x), torch.from_numpy(y)
    for w1, w2 in [(0.0, 0.0), (1.0, 1.5), (-0.7, 2.0)]:
        w = torch.tensor([w1, w2], dtype=torch.float64)
        H_auto = torch.autograd.functional.hessian(lambda w: chain_mse(w, X, Y), w).numpy()
        H_hand = hessian_by_hand(w1, w2, x, y)
        err = np.abs(H_auto - H_hand).max()
        print(f"theta' = ({w1:+.1f}, {w2:+.1f})  H by hand = {np.round(H_hand, 4).tolist()}"
              f"  max |hand - autograd| {'< 1e-12' if err < 1e-12 else f'= {err:.1e}'}")
        assert err < 1e-6
        assert np.allclose(H_auto, H_auto.T)  # second derivatives commute: H is symmetric
        if w1 == w2 == 0:
            assert np.all(np.diag(H_auto) == 0) and H_auto[0, 1] != 0  # only the cross term survives at 0
