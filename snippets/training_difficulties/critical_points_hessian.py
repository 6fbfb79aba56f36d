"""The Hessian of L(w1, w2) = mean (y - w1*w2*x)^2, by hand and by torch.autograd.functional.hessian."""
import numpy as np
import torch

torch.manual_seed(0)
rng = np.random.default_rng(0)
x = rng.normal(size=8)
y = 1.5 * x + 0.1 * rng.normal(size=8)  # data made by w1*w2 close to 1.5


def loss(w):
    """Mean squared error of the model y_hat = w1 * w2 * x; w is a float64 tensor of shape (2,)."""
    X, Y = torch.from_numpy(x), torch.from_numpy(y)
    return ((Y - w[0] * w[1] * X) ** 2).mean()


def hessian_by_hand(w1, w2):
    """2x2 Hessian of the loss above from the hand-derived second derivatives; matches autograd."""
    r = y - w1 * w2 * x  # residuals
    h11 = np.mean(2 * w2**2 * x**2)  # d/dw1 of mean(-2 w2 x r)
    h22 = np.mean(2 * w1**2 * x**2)
    h12 = np.mean(-2 * x * r + 2 * w1 * w2 * x**2)  # product rule on w2 * r
    return np.array([[h11, h12], [h12, h22]])


points = [(0.0, 0.0), (1.0, 1.5), (-0.7, 2.0)]
for w1, w2 in points:
    w = torch.tensor([w1, w2], dtype=torch.float64)
    H_auto = torch.autograd.functional.hessian(loss, w).numpy()
    H_hand = hessian_by_hand(w1, w2)
    err = np.abs(H_auto - H_hand).max()
    print(f"theta' = ({w1:+.1f}, {w2:+.1f})  H by hand = {np.round(H_hand, 4).tolist()}"
          f"  max |hand - autograd| = {err:.1e}")
    assert err < 1e-6
    assert np.allclose(H_auto, H_auto.T)  # second derivatives commute: H is symmetric
    if w1 == w2 == 0:
        assert np.all(np.diag(H_auto) == 0) and H_auto[0, 1] != 0  # only the cross term survives at 0
