"""When gradient descent stops: an iteration budget, or a gradient that is (nearly) zero."""
import numpy as np

rng = np.random.default_rng(0)
week = np.array([0.9, 1.0, 0.95, 0.9, 0.7, 0.3, 0.4])  # thousands of views, Mon..Sun
views = np.tile(week, 20) + rng.normal(0, 0.1, 140)
x1, label = views[:104], views[1:105]
X = np.stack([np.ones(104), x1], axis=1)  # X @ (b, w) = b + w * x1


def descend(lr, max_steps, tol, start=(1.2, -0.4)):
    """Gradient descent on the MSE; returns (theta, steps taken, |gradient|, why it stopped)."""
    theta = np.array(start)
    for step in range(max_steps):
        g = 2 * X.T @ (X @ theta - label) / len(label)
        if np.linalg.norm(g) < tol:
            return theta, step, np.linalg.norm(g), "gradient below tol"
        theta = theta - lr * g
    g = 2 * X.T @ (X @ theta - label) / len(label)
    return theta, max_steps, np.linalg.norm(g), "budget used up"


def L(theta):
    """MSE of the model with theta = (b, w)."""
    return np.mean((X @ theta - label) ** 2)


L_min = L(np.linalg.lstsq(X, label, rcond=None)[0])
runs = {"A": (0.5, 1000, 1e-4), "B": (0.5, 20, 1e-4), "C": (0.02, 1000, 1e-4)}
out = {}
print("run   lr  max_steps   tol   steps  |gradient|  L - L_min  stopped because")
for name, (lr, max_steps, tol) in runs.items():
    theta, steps, gnorm, why = out[name] = descend(lr, max_steps, tol)
    print(f"{name:>3} {lr:4} {max_steps:10} {tol:5.0e} {steps:7} {gnorm:11.1e} "
          f"{L(theta) - L_min:10.1e}  {why}")

theta, steps, gnorm, why = out["A"]
assert why == "gradient below tol" and steps < 1000 and L(theta) - L_min < 1e-6
assert out["B"][3] == "budget used up" and out["B"][2] > 100 * 1e-4  # stopped far from flat
assert L(out["B"][0]) - L_min > 1e-3  # ... and visibly above the minimum
assert out["C"][3] == "budget used up" and out["C"][2] > 1e-4  # small lr: 1000 steps not enough
