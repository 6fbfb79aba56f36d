"""Domain adaptation through a shared representation learned from both domains' unlabelled inputs."""
import numpy as np

rng = np.random.default_rng(0)
a, b, c = 0.4 * np.ones(5), np.ones(5), np.ones(5)   # how strongly each word group tracks the sentiment


def reviews(n, domain):
    """n reviews as 15 word features: 5 words used in both domains, 5 source-only, 5 target-only."""
    s = rng.choice([-1.0, 1.0], n)                   # the sentiment, the same task in both domains
    shared = s[:, None] * a + rng.standard_normal((n, 5))
    own = s[:, None] * (b if domain == "source" else c) + rng.standard_normal((n, 5))
    absent = np.zeros((n, 5))                        # the other domain's words never appear
    parts = [shared, own, absent] if domain == "source" else [shared, absent, own]
    return np.concatenate(parts, 1), (s > 0).astype(int)


def class_means(x, y):
    """Nearest-class-mean classifier: the (2, k) class means."""
    return np.stack([x[y == 0].mean(0), x[y == 1].mean(0)])


def accuracy(means, x, y):
    """Fraction of rows of x whose nearest class mean has the right label."""
    return np.mean(((x[:, None] - means[None]) ** 2).sum(-1).argmin(1) == y)


x_src, y_src = reviews(2000, "source")               # labelled
x_tgt, y_tgt = reviews(2000, "target")               # labels never used for training
x_test, y_test = reviews(2000, "target")

raw = class_means(x_src, y_src)                      # trained on source labels, raw word features
acc_src, acc_raw = accuracy(raw, *reviews(2000, "source")), accuracy(raw, x_test, y_test)
print(f"raw words,   tested on source: {acc_src:.3f}")
print(f"raw words,   tested on target: {acc_raw:.3f}")

# Shared code: the top principal direction of ALL unlabelled inputs (the optimum of a linear
# autoencoder with one hidden unit).  Source-only and target-only words both correlate with the
# shared words, so the direction weights all three groups.
x_all = np.concatenate([x_src, x_tgt])
centre = x_all.mean(0)
direction = np.linalg.svd(x_all - centre, full_matrices=False)[2][0]
code = lambda x: (x - centre) @ direction[:, None]
shared = class_means(code(x_src), y_src)
acc_shared = accuracy(shared, code(x_test), y_test)
print(f"shared code, tested on target: {acc_shared:.3f}")
print("mean |weight| of shared, source-only, target-only words in the code:",
      " ".join(f"{np.abs(direction[i:i + 5]).mean():.2f}" for i in (0, 5, 10)))
assert acc_src > 0.95 and acc_raw < acc_src - 0.1     # the domain gap
assert acc_shared > acc_raw + 0.1 and acc_shared > 0.95  # closed without a single target label
assert acc_shared > acc_src - 0.02                 # almost as good as on the source domain
weight = np.abs(direction)
assert weight[10:].min() > 0.1 and weight[10:].mean() > 0.8 * weight[:10].mean()  # target words load too
