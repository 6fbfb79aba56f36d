"""MAE and MSE by hand, checked against torch.nn.L1Loss and torch.nn.MSELoss."""
import numpy as np
import torch

WEEK = [0.9, 1.0, 0.95, 0.9, 0.7, 0.3, 0.4]  # thousands of views, Monday .. Sunday


def mae(y: np.ndarray, label: np.ndarray) -> float:
    """Mean absolute error of predictions y and labels, both of shape (N,); matches torch.nn.L1Loss().

    Examples:
        >>> mae(np.array([1.0, 2.0]), np.array([2.0, 4.0]))
        1.5
    """
    return float(np.mean(np.abs(y - label)))


def mse(y: np.ndarray, label: np.ndarray) -> float:
    """Mean squared error of predictions y and labels, both of shape (N,); matches torch.nn.MSELoss().

    Examples:
        >>> mse(np.array([1.0, 2.0]), np.array([2.0, 4.0]))
        2.5
    """
    return float(np.mean((y - label) ** 2))


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    views = np.tile(WEEK, 20) + rng.normal(0, 0.1, 140)
    x1, label = views[:104], views[1:105]

    y = 0.0 + 1.0 * x1  # the guess (b, w) = (0, 1): today = yesterday
    t_y, t_label = torch.tensor(y), torch.tensor(label)
    mae_torch = torch.nn.L1Loss()(t_y, t_label).item()
    mse_torch = torch.nn.MSELoss()(t_y, t_label).item()
    print(f"MAE by hand {mae(y, label):.6f}   torch.nn.L1Loss  {mae_torch:.6f}")
    print(f"MSE by hand {mse(y, label):.6f}   torch.nn.MSELoss {mse_torch:.6f}")
    assert abs(mae(y, label) - mae_torch) < 1e-12
    assert abs(mse(y, label) - mse_torch) < 1e-12

    # One day goes viral: 2000 extra views that yesterday could not predict.
    viral = label.copy()
    viral[50] += 2.0
    mae_up = mae(y, viral) / mae(y, label)
    mse_up = mse(y, viral) / mse(y, label)
    print(f"after one viral day: MAE {mae_up - 1:+.0%}, MSE {mse_up - 1:+.0%}")
    assert mse_up - 1 > 3 * (mae_up - 1)  # squaring lets one large error weigh far more

    # Where each loss pulls: the best constant prediction is a median for MAE, the mean for MSE.
    c = np.linspace(0, 2, 2001)
    mae_c, mse_c = np.array([mae(k, viral) for k in c]), np.array([mse(k, viral) for k in c])
    lo, hi = np.sort(viral)[[51, 52]]  # 104 labels: every value between the two middle ones is a median
    print(f"best constant under MAE: any value in [{lo:.4f}, {hi:.4f}] (the medians),"
          f" MAE {mae_c.min():.4f}; under MSE {c[mse_c.argmin()]:.3f} (mean {viral.mean():.3f})")
    flat = c[mae_c < mae_c.min() + 1e-12]  # the grid points where the MAE is lowest
    assert lo - 1e-3 <= flat.min() and flat.max() <= hi + 1e-3  # the MAE is lowest at the medians ...
    assert abs(mae(np.median(viral), viral) - mae_c.min()) < 1e-4  # ... np.median among them
    assert abs(c[mse_c.argmin()] - viral.mean()) < 1e-3  # the MSE is lowest at the mean
