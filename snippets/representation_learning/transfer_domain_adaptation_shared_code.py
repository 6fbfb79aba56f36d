"""Domain adaptation through a shared representation learned from both domains' unlabelled inputs."""
import numpy as np


def reviews(rng: np.random.Generator, n: int, domain: str,
            strengths: tuple[float, float, float] = (0.4, 1.0, 1.0)) -> tuple[np.ndarray, np.ndarray]:
    """n reviews as 15 word features: 5 words used in both domains, 5 source-only, 5 target-only.

    Args:
        rng: the random generator.
        n: the number of reviews.
        domain: "source" or "target"; the other domain's 5 words are absent (zero).
        strengths: how strongly the shared, source-only and target-only words track the sentiment.

    Returns:
        (x, y): the word features, shape (n, 15), and the sentiment labels in {0, 1}, shape (n,).

    Examples:
        >>> x, y = reviews(np.random.default_rng(0), 4, "target")
        >>> x.shape, bool((x[:, 5:10] == 0).all())
        ((4, 15), True)
    """
    a, b, c = (s * np.ones(5) for s in strengths)
    s = rng.choice([-1.0, 1.0], n)                   # the sentiment, the same task in both domains
    shared = s[:, None] * a + rng.standard_normal((n, 5))
    own = s[:, None] * (b if domain == "source" else c) + rng.standard_normal((n, 5))
    absent = np.zeros((n, 5))                        # the other domain's words never appear
    parts = [shared, own, absent] if domain == "source" else [shared, absent, own]
    return np.concatenate(parts, 1), (s > 0).astype(int)


def class_means(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Nearest-class-mean classifier: the mean of each class.

    Args:
        x: the inputs, shape (n, k).
        y: the labels in {0, 1}, shape (n,).

    Returns:
        The class means, shape (2, k).

    Examples:
        >>> class_means(np.array([[0.0], [2.0], [4.0]]), np.array([0, 0, 1])).tolist()
        [[1.0], [4.0]]
    """
    return np.stack([x[y == 0].mean(0), x[y == 1].mean(0)])


def accuracy(means: np.ndarray, x: np.ndarray, y: np.ndarray) -> float:
    """Fraction of rows of x whose nearest class mean has the right label.

    Args:
        means: the class means, shape (2, k).
        x: the inputs, shape (n, k).
        y: the labels in {0, 1}, shape (n,).

    Returns:
        The accuracy, a float in [0, 1].

    Examples:
        >>> accuracy(np.array([[0.0], [4.0]]), np.array([[1.0], [3.0]]), np.array([0, 0]))
        0.5
    """
    return float(np.mean(((x[:, None] - means[None]) ** 2).sum(-1).argmin(1) == y))


def top_direction(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The centre and top principal direction of the rows of x: the optimum of a linear
    autoencoder with one hidden unit (up to sign).

    Args:
        x: the inputs, shape (n, k).

    Returns:
        (centre, direction), each shape (k,); the direction has unit length.

    Examples:
        >>> centre, d = top_direction(np.array([[0.0, 0.0], [2.0, 0.1], [4.0, 0.0]]))
        >>> centre.round(3).tolist(), round(abs(float(d[0])), 3)
        ([2.0, 0.033], 1.0)
    """
    centre = x.mean(0)
    return centre, np.linalg.svd(x - centre, full_matrices=False)[2][0]


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    x_src, y_src = reviews(rng, 2000, "source")          # labelled
    x_tgt, y_tgt = reviews(rng, 2000, "target")          # labels never used for training
    x_test, y_test = reviews(rng, 2000, "target")

    raw = class_means(x_src, y_src)                      # trained on source labels, raw word features
    acc_src, acc_raw = accuracy(raw, *reviews(rng, 2000, "source")), accuracy(raw, x_test, y_test)
    print(f"raw words,   tested on source: {acc_src:.3f}")
    print(f"raw words,   tested on target: {acc_raw:.3f}")

    # Shared code: the top principal direction of ALL unlabelled inputs.  Source-only and
    # target-only words both correlate with the shared words, so the direction weights all three.
    centre, direction = top_direction(np.concatenate([x_src, x_tgt]))
    code_src, code_test = (x_src - centre) @ direction[:, None], (x_test - centre) @ direction[:, None]
    acc_shared = accuracy(class_means(code_src, y_src), code_test, y_test)
    print(f"shared code, tested on target: {acc_shared:.3f}")
    print("mean |weight| of shared, source-only, target-only words in the code:",
          " ".join(f"{np.abs(direction[i:i + 5]).mean():.2f}" for i in (0, 5, 10)))
    assert acc_src > 0.95 and acc_raw < acc_src - 0.1     # the domain gap
    assert acc_shared > acc_raw + 0.1 and acc_shared > 0.95  # closed without a single target label
    assert acc_shared > acc_src - 0.02                 # almost as good as on the source domain
    weight = np.abs(direction)
    assert weight[10:].min() > 0.1 and weight[10:].mean() > 0.8 * weight[:10].mean()  # target words load too
