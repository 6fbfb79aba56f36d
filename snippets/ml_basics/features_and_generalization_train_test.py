"""Training loss vs testing loss: fit on the first 15 weeks, score on the 5 weeks after."""
import numpy as np

rng = np.random.default_rng(0)
week = np.array([0.9, 1.0, 0.95, 0.9, 0.7, 0.3, 0.4])  # thousands of views, Mon..Sun
views = np.tile(week, 20) + rng.normal(0, 0.1, 140)
first, n_train = 28, 105  # predict days 29..140; days up to 105 are training data


def features(k):
    """Rows (1, views 1 day ago, ..., views k days ago) for each predicted day: shape (112, k+1)."""
    lags = [views[first - j: len(views) - j] for j in range(1, k + 1)]
    return np.stack([np.ones(len(views) - first)] + lags, axis=1)


label = views[first:]
train, test = slice(0, n_train - first), slice(n_train - first, None)
print(f"training days: {label[train].size} (days {first + 1}..{n_train}), "
      f"testing days: {label[test].size} (days {n_train + 1}..{len(views)})")
print("past days  parameters  training MSE  testing MSE  test - train")
rows = []
for k in (1, 7, 28):
    X = features(k)
    theta = np.linalg.lstsq(X[train], label[train], rcond=None)[0]  # fitted on training days only
    e = X @ theta - label
    rows.append((np.mean(e[train] ** 2), np.mean(e[test] ** 2)))
    tr, te = rows[-1]
    print(f"{k:9d}  {k + 1:10d}  {tr:12.4f}  {te:11.4f}  {te - tr:+12.4f}")

(tr1, te1), (tr7, te7), (tr28, te28) = rows
assert tr1 > tr7 > tr28  # more inputs never hurt the loss on the data the model was fitted to
assert te7 < te1  # the weekly pattern also helps on unseen days
assert te1 < tr1  # possible by chance: only 35 test days, and 2 parameters cannot adapt much
assert te7 > tr7 and te28 > tr28  # unseen days are harder than the days the model has seen
assert te28 - tr28 > 1.2 * (te7 - tr7)  # and the gap widens with the number of parameters
