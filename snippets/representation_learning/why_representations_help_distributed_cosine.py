"""Cosine similarity: one-hot word codes are all equally unrelated; learned dense vectors are not."""
import numpy as np
import torch

rng = np.random.default_rng(0)
words = ["cat", "dog", "cow", "horse", "car", "bus", "truck", "bike"]
topics = [[0, 1, 2, 3], [3, 4, 5, 6, 7]]                 # animals; transport (a horse is both)

# A toy corpus: each 6-word sentence is about one topic, with a 10% chance per word of a stray word.
counts = np.zeros((8, 8))
for _ in range(400):
    pool = topics[rng.integers(2)]
    sentence = np.where(rng.random(6) < 0.9, rng.choice(pool, 6), rng.integers(8, size=6))
    for i in sentence:
        for j in sentence:
            counts[i, j] += i != j                    # co-occurrence within a sentence


def cosine(a, b):
    """(m, n) cosine similarities of the rows of a (m, k) and b (n, k); matches F.cosine_similarity."""
    a = a / np.linalg.norm(a, axis=1, keepdims=True)
    b = b / np.linalg.norm(b, axis=1, keepdims=True)
    return a @ b.T


# Dense 2-D embeddings: positive pointwise mutual information, max(0, log p(i,j) / (p(i) p(j))),
# then its two leading singular directions.
p = counts / counts.sum()
ppmi = np.maximum(0, np.log(np.maximum(p, 1e-12) / np.outer(p.sum(1), p.sum(0))))
u, s, _ = np.linalg.svd(ppmi)
dense = u[:, :2] * np.sqrt(s[:2])
one_hot = np.eye(8)
cos_hot, cos_dense = cosine(one_hot, one_hot), cosine(dense, dense)
ref = torch.nn.functional.cosine_similarity(torch.tensor(dense)[:, None], torch.tensor(dense)[None], dim=-1)
assert np.allclose(cos_dense, ref.numpy(), atol=1e-12)

row = lambda label, cells: print(f"{label:<25}" + " ".join(f"{c:>6}" for c in cells))
row("", words)
for k, coord in enumerate(dense.T):
    row(f"dense vector, coord {k}:", [f"{v:.2f}" for v in coord])
row("cosine to cat, one-hot:", [f"{c:.2f}" for c in cos_hot[0]])
for w in (0, 3):
    row(f"cosine to {words[w]}, dense:", [f"{c:.2f}" for c in cos_dense[w]])
animals, vehicles = [0, 1, 2], [4, 5, 6, 7]
assert np.all(cos_hot[~np.eye(8, dtype=bool)] == 0)    # one-hot: every pair of distinct words is orthogonal
assert cos_dense[np.ix_(animals, animals)].min() > 0.9                       # animals close together
assert cos_dense[np.ix_(animals, vehicles)].max() < 0.1                     # far from vehicles
assert cos_dense[3, vehicles].min() > cos_dense[np.ix_(animals, vehicles)].max() + 0.2  # horse in between
assert cos_dense[3, animals].min() > 0.8
assert abs(np.sign(dense[:, 0]).sum()) == 8            # coordinate 0 has one sign for all: it names no topic
