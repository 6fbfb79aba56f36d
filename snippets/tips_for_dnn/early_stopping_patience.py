"""Early stopping: wait `patience` epochs for a new best validation loss, then restore the best."""
import copy

import matplotlib.pyplot as plt
import torch
from matplotlib.ticker import FormatStrFormatter, NullFormatter


def mse(model: torch.nn.Module, x: torch.Tensor, y: torch.Tensor) -> float:
    """The mean squared error of a model on (x, y), without tracking gradients.

    Args:
        model: maps (N, d) to (N, 1).
        x: the inputs, shape (N, d).
        y: the targets, shape (N, 1).

    Returns:
        The error, a float.

    Examples:
        >>> mse(torch.nn.Identity(), torch.tensor([[1.0], [2.0]]), torch.tensor([[0.0], [0.0]]))
        2.5
    """
    with torch.no_grad():
        return ((model(x) - y) ** 2).mean().item()


def train(x_train: torch.Tensor, y_train: torch.Tensor, x_val: torch.Tensor, y_val: torch.Tensor, lr: float,
          patience: int | None = None, max_epochs: int = 300) -> tuple[torch.nn.Linear, list[float], list[float], int]:
    """Full-batch gradient descent on a linear model from w = 0, with early stopping if patience is given.

    Args:
        x_train: the training inputs, shape (n, d).
        y_train: the training targets, shape (n, 1).
        x_val: the validation inputs, shape (m, d).
        y_val: the validation targets, shape (m, 1).
        lr: the learning rate.
        patience: stop after this many epochs without a new best validation loss, then restore
            the best weights; None trains for max_epochs.
        max_epochs: the most epochs to train.

    Returns:
        (model, training losses, validation losses, best epoch): one loss per epoch trained.

    Examples:
        >>> x, y = torch.ones(4, 1), torch.ones(4, 1)
        >>> model, tr, va, best = train(x, y, x, 0.5 * y, lr=0.25, patience=2)
        >>> len(va), best, model.weight.item()  # w = 0.5, 0.75, 0.875: validation is best at the first
        (3, 0, 0.5)
    """
    model = torch.nn.Linear(x_train.shape[1], 1, bias=False)
    torch.nn.init.zeros_(model.weight)
    train_curve, val_curve = [], []
    best, best_epoch, best_state, waited = float("inf"), -1, None, 0
    for epoch in range(max_epochs):
        model.zero_grad()
        ((model(x_train) - y_train) ** 2).mean().backward()
        with torch.no_grad():
            model.weight -= lr * model.weight.grad
        train_curve.append(mse(model, x_train, y_train))
        val_curve.append(mse(model, x_val, y_val))
        if val_curve[-1] < best:
            best, best_epoch, waited = val_curve[-1], epoch, 0
            best_state = copy.deepcopy(model.state_dict())
        elif patience is not None:
            waited += 1
            if waited == patience:
                break
    if patience is not None:
        model.load_state_dict(best_state)  # go back to the best weights seen, not the last ones
    return model, train_curve, val_curve, best_epoch


if __name__ == "__main__":
    torch.manual_seed(0)
    torch.set_default_dtype(torch.float64)
    n, p, noise = 30, 30, 1.0  # as many weights as training examples: the model can fit the noise
    w_true = torch.randn(p, 1) / p**0.5
    x_train, x_val = torch.randn(n, p), torch.randn(200, p)
    y_train = x_train @ w_true + noise * torch.randn(n, 1)
    y_val = x_val @ w_true + noise * torch.randn(200, 1)

    patience = 20
    model, train_curve, val_curve, best_epoch = train(x_train, y_train, x_val, y_val, 0.1, patience)
    _, full_train, full_val, _ = train(x_train, y_train, x_val, y_val, 0.1, patience=None)
    stop_epoch = len(val_curve) - 1
    restored = mse(model, x_val, y_val)
    print(f"best validation loss {min(val_curve):.4f} at epoch {best_epoch}; stopped at epoch {stop_epoch}")
    print(f"validation loss of the weights at the stop: {val_curve[-1]:.4f}; of the restored weights: {restored:.4f}")
    print(f"training without early stopping ends at validation loss {full_val[-1]:.4f}"
          f" ({full_val[-1] / restored:.1f} times the restored one; train loss {full_train[-1]:.1e})")
    assert stop_epoch == best_epoch + patience < len(full_val) - 1
    assert abs(restored - min(val_curve)) < 1e-12  # the restored model is the best one seen
    assert val_curve[-1] > restored and full_val[-1] > 1.25 * restored

    fig, ax = plt.subplots(figsize=(6, 3.6))
    ax.semilogy(full_train, color="#1f77b4", label="training loss")
    ax.semilogy(full_val, color="#d62728", linestyle=":", label="validation loss, no early stopping")
    ax.semilogy(val_curve, color="#d62728", linewidth=2.5, label="validation loss until the stop")
    ax.axvline(best_epoch, color="#2ca02c", linestyle="--", label="best epoch (weights restored)")
    ax.axvline(stop_epoch, color="#7f7f7f", linestyle="--", label=f"stop (best + patience {patience})")
    ax.yaxis.set_major_formatter(FormatStrFormatter("%g"))  # plain labels, no mathtext
    ax.yaxis.set_minor_formatter(NullFormatter())
    ax.set_xlabel("epoch")
    ax.set_ylabel("mean squared error")
    ax.legend(fontsize=8)
    plt.show()
