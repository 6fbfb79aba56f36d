"""Early stopping: wait `patience` epochs for a new best validation loss, then restore the best."""
import copy
import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.ticker import FormatStrFormatter, NullFormatter
import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
n, p = 30, 30  # as many weights as training examples: the model can fit the noise
w_true = torch.randn(p, 1) / p**0.5
x_train, x_val = torch.randn(n, p), torch.randn(200, p)
y_train = x_train @ w_true + 0.5 * torch.randn(n, 1)
y_val = x_val @ w_true + 0.5 * torch.randn(200, 1)


def mse(model, x, y):
    """Mean squared error of model on (x, y), as a float."""
    with torch.no_grad():
        return ((model(x) - y) ** 2).mean().item()


def train(patience=None, max_epochs=300):
    """Full-batch gradient descent from w = 0; returns model, train/val curves, best epoch."""
    model = torch.nn.Linear(p, 1, bias=False)
    torch.nn.init.zeros_(model.weight)
    train_curve, val_curve = [], []
    best, best_epoch, best_state, waited = float("inf"), -1, None, 0
    for epoch in range(max_epochs):
        model.zero_grad()
        ((model(x_train) - y_train) ** 2).mean().backward()
        with torch.no_grad():
            model.weight -= 0.1 * model.weight.grad  # learning rate 0.1
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


patience = 20
model, train_curve, val_curve, best_epoch = train(patience)
_, full_train, full_val, _ = train(patience=None)
stop_epoch = len(val_curve) - 1
restored = mse(model, x_val, y_val)
print(f"best validation loss {min(val_curve):.4f} at epoch {best_epoch}; "
      f"stopped at epoch {stop_epoch}")
print(f"validation loss of the weights at the stop: {val_curve[-1]:.4f}; "
      f"of the restored weights: {restored:.4f}")
print(f"training without early stopping ends at validation loss {full_val[-1]:.4f} "
      f"(train loss {full_train[-1]:.1e})")
assert stop_epoch == best_epoch + patience < len(full_val) - 1
assert abs(restored - min(val_curve)) < 1e-12  # the restored model is the best one seen
assert val_curve[-1] > restored and full_val[-1] > 1.5 * restored

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
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
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
