"""The loss L(b, w): the mean of the per-day errors, for a few guesses of (b, w)."""
import numpy as np

WEEK = [0.9, 1.0, 0.95, 0.9, 0.7, 0.3, 0.4]  # thousands of views, Monday .. Sunday


def loss(b: float, w: float, x1: np.ndarray, label: np.ndarray) -> tuple[float, np.ndarray]:
    """The mean absolute error of y = b + w * x1 against the labels, and the error of each example.

    Args:
        b: the bias.
        w: the weight.
        x1: the feature of each example, shape (N,).
        label: the label of each example, shape (N,).

    Returns:
        L, the mean of the errors, and the errors e_n = |y_n - label_n|, shape (N,).

    Examples:
        >>> L, e = loss(0.5, 1.0, np.array([1.0, 2.0]), np.array([1.0, 3.0]))
        >>> L, e.tolist()
        (0.5, [0.5, 0.5])
    """
    e = np.abs(b + w * x1 - label)  # one error per day
    return float(e.mean()), e


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    views = np.tile(WEEK, 20) + rng.normal(0, 0.1, 140)
    x1, label = views[:104], views[1:105]  # yesterday's views -> today's views (the label)

    y = 0.5 + 1.0 * x1
    L, e = loss(0.5, 1.0, x1, label)
    print("(b, w) = (0.5, 1.0)")
    print("day  x1 (yesterday)  y (predicted)  label (true)  e = |y - label|")
    for n in range(7):
        print(f"{n + 2:3d}  {x1[n]:14.3f}  {y[n]:13.3f}  {label[n]:12.3f}  {e[n]:15.3f}")
    print(f"... {len(e)} days in all;  L = mean of e = {L:.4f}")

    guesses = [(0.5, 1.0, "today = yesterday + 0.5"),
               (0.0, 1.0, "today = yesterday"),
               (0.7, 0.0, "today = 0.7, whatever yesterday was")]
    Ls = [loss(b, w, x1, label)[0] for b, w, _ in guesses]
    for (b, w, name), L_bw in zip(guesses, Ls):
        print(f"L({b}, {w}) = {L_bw:.4f}   {name}")
    over = np.mean(y > label)
    print(f"days on which the first guess predicts too many views: {over:.0%}")
    assert over > 0.8  # it overshoots almost every day ...
    assert Ls[0] > max(Ls[1:])  # ... so its loss is the largest of the three
    assert Ls[1] < Ls[2]  # repeating yesterday beats a constant
