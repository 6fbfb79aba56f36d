"""MAE and MSE by hand, checked against torch.nn.L1Loss and torch.nn.MSELoss."""
import numpy as np
import torch

rng = np.random.default_rng(0)
week = np.array([0.9, 1.0, 0.95, 0.9, 0.7, 0.3, 0.4])  # thousands of views, Mon..Sun
views = np.tile(week, 20) + rng.normal(0, 0.1, 140)
x1, label = views[:104], views[1:105]


def mae(y, label):
    """Mean absolute error of two arrays of shape (N,); matches torch.nn.L1Loss()."""
    return np.mean(np.abs(y - label))


def mse(y, label):
    """Mean squared error of two arrays of shape (N,); matches torch.nn.MSELoss()."""
    return np.mean((y - label) ** 2)


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

# Where each loss pulls: the best constant prediction is the median for MAE, the mean for MSE.
c = np.linspace(0, 2, 2001)
best_mae = c[np.argmin([mae(k, viral) for k in c])]
best_mse = c[np.argmin([mse(k, viral) for k in c])]
print(f"best constant under MAE {best_mae:.3f} (median {np.median(viral):.3f}); "
      f"under MSE {best_mse:.3f} (mean {viral.mean():.3f})")
assert abs(best_mae - np.median(viral)) < 2e-3 and abs(best_mse - viral.mean()) < 1e-3
