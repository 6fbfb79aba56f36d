"""The model y = b + w * x1 evaluated for one guess of (b, w), and the same model as nn.Linear."""
import numpy as np
import torch

WEEK = [0.9, 1.0, 0.95, 0.9, 0.7, 0.3, 0.4]  # thousands of views, Monday .. Sunday


def model(x1: np.ndarray, b: float, w: float) -> np.ndarray:
    """The predicted views y = b + w * x1 for an array x1 of any shape; matches torch.nn.Linear(1, 1).

    Examples:
        >>> model(np.array([0.0, 1.0, 2.0]), 0.5, 1.0).tolist()
        [0.5, 1.5, 2.5]
    """
    return b + w * x1


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    views = np.tile(WEEK, 20) + rng.normal(0, 0.1, 140)
    x1 = views[:104]  # feature: yesterday's views, for days 2..105

    b, w = 0.5, 1.0  # a first guess: "today = yesterday + 500 views"
    y = model(x1, b, w)
    print("day  x1 (yesterday)  y = b + w*x1")
    for day in range(2, 9):
        print(f"{day:3d}  {x1[day - 2]:14.3f}  {y[day - 2]:12.3f}")

    # The same function is a linear layer with one input and one output.
    layer = torch.nn.Linear(1, 1, dtype=torch.float64)
    with torch.no_grad():
        layer.weight.fill_(w)
        layer.bias.fill_(b)
        y_torch = layer(torch.tensor(x1).unsqueeze(1)).squeeze(1).numpy()
    print(f"largest difference from torch.nn.Linear: {np.abs(y - y_torch).max():.1e}")
    assert np.allclose(y, y_torch, atol=1e-12)
