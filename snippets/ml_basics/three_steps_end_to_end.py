"""The three steps of machine learning, end to end, on 15 weeks of daily views."""
import numpy as np
import torch

WEEK = [0.9, 1.0, 0.95, 0.9, 0.7, 0.3, 0.4]  # thousands of views, Monday .. Sunday


# Step 1: a function with unknown parameters.
def model(x1: torch.Tensor, b: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
    """The predicted views y = b + w * x1, for a tensor x1 of any shape.

    Examples:
        >>> model(torch.tensor([1.0, 2.0]), torch.tensor(0.5), torch.tensor(2.0))
        tensor([2.5000, 4.5000])
    """
    return b + w * x1


# Step 2: a loss that scores a choice of (b, w) on the training data.
def loss(b: torch.Tensor, w: torch.Tensor, x1: torch.Tensor, label: torch.Tensor) -> torch.Tensor:
    """The mean squared error of the model over the training examples (x1 (N,), label (N,)); a scalar.

    Examples:
        >>> loss(torch.tensor(0.0), torch.tensor(1.0), torch.tensor([1.0, 2.0]), torch.tensor([1.0, 4.0]))
        tensor(2.)
    """
    return ((model(x1, b, w) - label) ** 2).mean()


# Step 3: optimization. Start from a guess and follow the negative gradient.
def train(x1: torch.Tensor, label: torch.Tensor, lr: float, steps: int) -> tuple[float, float, list[float]]:
    """Gradient descent on the loss from (b, w) = (0, 0), with the gradient from autograd.

    Args:
        x1: the feature of each training example, shape (N,).
        label: the label of each training example, shape (N,).
        lr: the learning rate.
        steps: the number of updates.

    Returns:
        The final b and w, and the loss before each update.

    Examples:
        >>> b, w, history = train(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 3.0]), lr=0.5, steps=200)
        >>> round(b, 4), round(w, 4), history[0]
        (1.0, 2.0, 5.0)
    """
    b = torch.zeros((), dtype=x1.dtype, requires_grad=True)
    w = torch.zeros((), dtype=x1.dtype, requires_grad=True)
    history = []
    for _ in range(steps):
        L = loss(b, w, x1, label)
        history.append(L.item())
        L.backward()  # fills b.grad = dL/db and w.grad = dL/dw
        with torch.no_grad():
            b -= lr * b.grad
            w -= lr * w.grad
        b.grad, w.grad = None, None
    return b.item(), w.item(), history


if __name__ == "__main__":
    # Daily views of a channel, in thousands, with a weekly rhythm (Mon..Sun) plus noise.
    rng = np.random.default_rng(0)
    views = np.tile(WEEK, 20) + rng.normal(0, 0.1, 140)
    train_days = torch.tensor(views[:105])  # the first 15 weeks; the last 5 stay unseen
    x1, label = train_days[:-1], train_days[1:]  # feature: yesterday's views; label: today's views

    b, w, history = train(x1, label, lr=0.5, steps=300)
    final = loss(torch.tensor(b, dtype=torch.float64), torch.tensor(w, dtype=torch.float64), x1, label).item()
    print(f"training examples: {len(label)} (pairs of consecutive days)")
    print(f"L at the start, (b, w) = (0, 0):  {history[0]:.4f}")
    print(f"L after {len(history)} steps:              {final:.4f}")
    print(f"found  b = {b:.4f}, w = {w:.4f}")

    # For this model and loss the best (b, w) also has a closed form (least squares).
    X = np.stack([np.ones(104), views[:104]], axis=1)
    b_best, w_best = np.linalg.lstsq(X, views[1:105], rcond=None)[0]
    print(f"least-squares b = {b_best:.4f}, w = {w_best:.4f}")
    assert final < history[0] / 5  # training made the loss much smaller
    assert abs(b - b_best) < 1e-6 and abs(w - w_best) < 1e-6  # step 3 found the best (b, w)

    # Use the trained function: predict day 106 from day 105.
    pred = model(train_days[-1], torch.tensor(b, dtype=torch.float64), torch.tensor(w, dtype=torch.float64)).item()
    print(f"day 105 had {views[104]:.3f}k views; the model predicts {pred:.3f}k for day 106"
          f" (it turned out to be {views[105]:.3f}k)")
