"""The three steps of machine learning, end to end, on 15 weeks of daily views."""
import numpy as np
import torch

# Daily views of a channel, in thousands, with a weekly rhythm (Mon..Sun) plus noise.
rng = np.random.default_rng(0)
week = np.array([0.9, 1.0, 0.95, 0.9, 0.7, 0.3, 0.4])
views = np.tile(week, 20) + rng.normal(0, 0.1, 140)
train = torch.tensor(views[:105])  # the first 15 weeks; the last 5 stay unseen
x1, label = train[:-1], train[1:]  # feature: yesterday's views; label: today's views


# Step 1: a function with unknown parameters.
def model(x1, b, w):
    """Predicted views y = b + w * x1 (x1: tensor of any shape)."""
    return b + w * x1


# Step 2: a loss that scores a choice of (b, w) on the training data.
def loss(b, w):
    """Mean squared error of the model over all training days; a scalar tensor."""
    return ((model(x1, b, w) - label) ** 2).mean()


# Step 3: optimization. Start from a guess and follow the negative gradient.
b = torch.tensor(0.0, dtype=torch.float64, requires_grad=True)
w = torch.tensor(0.0, dtype=torch.float64, requires_grad=True)
lr = 0.5
history = []
for _ in range(300):
    L = loss(b, w)
    history.append(L.item())
    L.backward()  # fills b.grad = dL/db and w.grad = dL/dw
    with torch.no_grad():
        b -= lr * b.grad
        w -= lr * w.grad
    b.grad, w.grad = None, None
final = loss(b, w).item()

print(f"training examples: {len(label)} (pairs of consecutive days)")
print(f"L at the start, (b, w) = (0, 0):  {history[0]:.4f}")
print(f"L after {len(history)} steps:              {final:.4f}")
print(f"found  b = {b.item():.4f}, w = {w.item():.4f}")

# For this model and loss the best (b, w) also has a closed form (least squares).
X = np.stack([np.ones(104), views[:104]], axis=1)
b_best, w_best = np.linalg.lstsq(X, views[1:105], rcond=None)[0]
print(f"least-squares b = {b_best:.4f}, w = {w_best:.4f}")
assert final < history[0] / 5  # training made the loss much smaller
assert abs(b.item() - b_best) < 1e-6 and abs(w.item() - w_best) < 1e-6

# Use the trained function: predict day 106 from day 105.
pred = model(train[-1], b, w).item()
print(f"day 105 had {views[104]:.3f}k views; the model predicts {pred:.3f}k for day 106"
      f" (it turned out to be {views[105]:.3f}k)")
