"""Regression: predict tomorrow's value (a number) from the last 7 days."""
import numpy as np

rng = np.random.default_rng(0)
days = np.arange(400)
# a daily series with a weekly rhythm, a slow trend and noise (think: page views)
series = 5 + 0.01 * days + 2 * np.sin(2 * np.pi * days / 7) + rng.normal(0, 0.3, days.size)


def windows(s, k=7):
    """(T,) series -> (T-k, k) inputs of k past days and (T-k,) next-day targets."""
    X = np.stack([s[i : i + k] for i in range(s.size - k)])
    return X, s[k:]


X, y = windows(series)
train, test = slice(0, 300), slice(300, None)   # fit on the past, judge on the future
A = np.c_[np.ones(len(X)), X]                   # y = b + sum_j w_j x_j
theta, *_ = np.linalg.lstsq(A[train], y[train], rcond=None)
pred = A[test] @ theta
b, w = theta[0], theta[1:]

mae_model = np.abs(pred - y[test]).mean()
mae_yesterday = np.abs(X[test, -1] - y[test]).mean()   # "same as yesterday"
mae_last_week = np.abs(X[test, 0] - y[test]).mean()    # "same as 7 days ago"
print("weights on days t-7 ... t-1:", np.round(w, 2))
print(f"bias b = {b:.3f}")
print(f"test MAE  model: {mae_model:.3f}   same as yesterday: {mae_yesterday:.3f}"
      f"   same as a week ago: {mae_last_week:.3f}")
print(f"tomorrow's prediction from the last 7 days: {b + w @ series[-7:]:.3f}")

assert np.argmax(np.abs(w)) == 0                  # the day a week ago matters most
assert mae_model < 0.9 * mae_last_week and mae_last_week < 0.5 * mae_yesterday
