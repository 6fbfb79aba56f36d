"""Learning curve: train and test error as the training set doubles (log-scale x axis)."""
import io

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt

rng = np.random.default_rng(0)
d, noise = 20, 1.0  # 20 features; the label noise variance 1.0 is the error no model can beat
w_true = rng.normal(size=d)

sizes = [30 * 2**k for k in range(8)]  # 30, 60, ..., 3840: double each time
train_err, test_err = [], []
for n in sizes:
    tr, te = [], []
    for _ in range(25):  # average over 25 draws of the training set
        X = rng.normal(size=(n, d))
        y = X @ w_true + noise * rng.normal(size=n)
        w = np.linalg.solve(X.T @ X, X.T @ y)  # least squares via the normal equations
        tr.append(np.mean((X @ w - y) ** 2))
        # a fresh test point x ~ N(0, I) has expected squared error noise^2 + |w - w_true|^2
        te.append(noise**2 + np.sum((w - w_true) ** 2))
    train_err.append(np.mean(tr))
    test_err.append(np.mean(te))
train_err, test_err = np.array(train_err), np.array(test_err)
theory = noise**2 * (1 + d / (np.array(sizes) - d - 1))  # expected test MSE of least squares

print("    n   train   test   theory(test)")
for n, a, b, c in zip(sizes, train_err, test_err, theory):
    print(f"{n:5d}  {a:6.3f}  {b:6.3f}  {c:6.3f}")

gains = -np.diff(test_err)
print("test-error gain from each doubling:", np.round(gains, 3))
assert np.all(gains > 0)                      # more data always helped here ...
assert np.all(np.diff(gains) < 0)             # ... but each doubling helps less
assert np.all(np.diff(test_err - train_err) < 0)  # the train-test gap closes
assert np.all(train_err < noise**2) and np.all(test_err > noise**2)  # both approach the noise floor
assert np.allclose(test_err[1:], theory[1:], rtol=0.1)

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, ax = plt.subplots(figsize=(6, 3.6))
ax.plot(sizes, test_err, "o-", color="tab:red", label="test error")
ax.plot(sizes, train_err, "s-", color="tab:blue", label="training error")
ax.axhline(noise**2, color="k", ls=":", lw=1, label="noise floor (Bayes error)")
ax.set_xscale("log", base=2)
ax.set_xticks(sizes, [str(n) for n in sizes])
ax.set_ylim(0, 3)
ax.set_xlabel("training-set size (log scale)")
ax.set_ylabel("mean squared error")
ax.legend(fontsize=8)
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
