"""Domain knowledge as a feature: predict today's views from the last 1 or the last 7 days."""
import io

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt

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
mse_train, mse_test, weights, pred = {}, {}, {}, {}
for k in (1, 7):
    X = features(k)
    theta = np.linalg.lstsq(X[train], label[train], rcond=None)[0]  # the exact minimizer of MSE
    pred[k], weights[k] = X @ theta, theta[1:]
    mse_train[k] = np.mean((pred[k][train] - label[train]) ** 2)
    mse_test[k] = np.mean((pred[k][test] - label[test]) ** 2)
    print(f"{k} past day{'s' if k > 1 else ' '}: "
          f"training MSE {mse_train[k]:.4f}, testing MSE {mse_test[k]:.4f}")

print("weights of the 7-day model, w_1 (yesterday) .. w_7 (a week ago):", weights[7].round(2))
assert mse_train[7] < mse_train[1] / 3 and mse_test[7] < mse_test[1] / 3  # both losses drop
assert np.argmax(np.abs(weights[7])) == 6  # the largest weight: the same weekday last week
assert 0 < weights[1][0] < 1  # the 1-day model follows yesterday, damped
weekday = np.arange(first, len(views))[test] % 7  # 0 = Monday, ..., 6 = Sunday
miss = (pred[1] - label)[test]
print(f"1-day model on test Mondays: mean error {miss[weekday == 0].mean():+.2f}, "
      f"on test Saturdays: {miss[weekday == 5].mean():+.2f}")
# too low on every Monday (after a quiet Sunday), too high on every Saturday (after a Friday)
assert miss[weekday == 0].max() < 0 < miss[weekday == 5].min()

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, ax = plt.subplots(figsize=(6, 3.6))
days = np.arange(first + 1, len(views) + 1)[-21:]  # the last three (test) weeks
ax.plot(days, label[-21:], "o-", color="k", lw=1.5, ms=4, label="true views (label)")
ax.plot(days, pred[1][-21:], "s--", color="tab:orange", ms=4, label="model with 1 past day")
ax.plot(days, pred[7][-21:], "^--", color="tab:blue", ms=4, label="model with 7 past days")
ax.set_xticks(days[::7], [f"Mon, day {d}" for d in days[::7]])
ax.set_xlabel("the last three weeks (testing data)")
ax.set_ylabel("views (thousands)")
ax.set_ylim(0, 1.45)
ax.legend(loc="upper center", ncols=3, fontsize=8)
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
