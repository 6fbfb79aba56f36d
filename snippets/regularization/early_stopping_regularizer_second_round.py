"""Early stopping's second round: two ways to put the validation data back into training."""
import numpy as np

rng = np.random.default_rng(0)
R, d, n_tr, n_va, eta = 20, 60, 40, 20, 0.1  # R independent data sets, trained side by side
scale = 0.93 ** np.arange(d)  # feature scales: a few strong directions, many weak ones
w_true = rng.normal(size=(R, 1, d))


def make(n):
    """R data sets of n examples: X (R, n, d), y (R, n)."""
    X = rng.normal(size=(R, n, d)) * scale
    return X, (X * w_true).sum(-1) + rng.normal(size=(R, n))


def mse(w, X, y):
    """Mean squared error per data set for weights w (R, d)."""
    return ((np.einsum("rnd,rd->rn", X, w) - y) ** 2).mean(-1)


def gd_step(w, X, y):
    """One full-batch gradient step on the MSE, for all R data sets at once."""
    residual = np.einsum("rnd,rd->rn", X, w) - y
    return w - eta * 2 * np.einsum("rnd,rn->rd", X, residual) / X.shape[1]


(Xtr, ytr), (Xva, yva), (Xte, yte) = make(n_tr), make(n_va), make(1000)
Xall, yall = np.concatenate([Xtr, Xva], 1), np.concatenate([ytr, yva], 1)
rows = np.arange(R)

# Round 1: train on the training split, keep the step with the lowest validation loss.
w, path, val = np.zeros((R, d)), [], []
for t in range(400):
    path.append(w)
    val.append(mse(w, Xva, yva))
    w = gd_step(w, Xtr, ytr)
tau = np.argmin(val, axis=0)  # best number of steps, per data set
w_first = np.array(path)[tau, rows]
eps = mse(w_first, Xtr, ytr)  # training loss where round 1 stopped

# Strategy 1: start again from w = 0 and train on all the data for the same tau steps.
w, w_s1 = np.zeros((R, d)), np.zeros((R, d))
for t in range(tau.max() + 1):
    w_s1[tau == t] = w[tau == t]
    w = gd_step(w, Xall, yall)

# Strategy 2: keep w_first and train on all the data until the validation loss < eps.
w_s2, extra = w_first.copy(), np.zeros(R, int)
for t in range(1000):
    going = mse(w_s2, Xva, yva) > eps
    if not going.any():
        break
    w_s2[going] = gd_step(w_s2, Xall, yall)[going]
    extra += going
stuck = np.sum(mse(w_s2, Xva, yva) > eps)

v0, v1, v2 = mse(w_first, Xte, yte), mse(w_s1, Xte, yte), mse(w_s2, Xte, yte)
print(f"{R} data sets, {n_tr} training + {n_va} validation examples, {d} features")
print(f"round 1 stopped after {tau.min()} to {tau.max()} steps (median {int(np.median(tau))})")
print(f"strategy 2 ran {extra.min()} to {extra.max()} extra steps; "
      f"never reached eps in {stuck} data sets")
print(f"{'':38s} mean test MSE   better than round 1")
for name, v in [("round 1 (training split only)", v0), ("strategy 1: retrain for tau steps", v1),
                ("strategy 2: continue until val < eps", v2)]:
    print(f"{name:38s} {v.mean():8.3f}       {np.sum(v < v0):2d} / {R}")
assert 0 < tau.min() and tau.max() < 399  # a real minimum of the validation loss each time
assert v1.mean() < 0.95 * v0.mean() and v2.mean() < 0.95 * v0.mean()  # the extra data helps
assert np.sum(v1 < v0) > R / 2 and np.sum(v2 < v0) > R / 2
assert 0 < stuck < R  # strategy 2's stopping test can fail to trigger
