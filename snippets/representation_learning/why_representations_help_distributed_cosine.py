"""Cosine similarity: one-hot word codes are all equally unrelated; learned dense vectors are not."""
import numpy as np
import torch


def cosine(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The cosine similarities of the rows of a and b; matches ``torch.nn.functional.cosine_similarity``.

    Args:
        a: vectors, shape (m, k).
        b: vectors, shape (n, k).

    Returns:
        u . v / (|u| |v|) for every row u of a and v of b, shape (m, n).

    Examples:
        >>> cosine(np.array([[1.0, 0.0]]), np.array([[2.0, 0.0], [0.0, 3.0], [1.0, 1.0]])).round(3).tolist()
        [[1.0, 0.0, 0.707]]
    """
    a = a / np.linalg.norm(a, axis=1, keepdims=True)
    b = b / np.linalg.norm(b, axis=1, keepdims=True)
    return a @ b.T


def ppmi_embedding(counts: np.ndarray, dim: int) -> np.ndarray:
    """Dense word vectors from co-occurrence counts: the leading singular directions of the positive PMI.

    PPMI(i, j) = max(0, log p(i, j) / (p(i) p(j))); the vectors are u_k sqrt(s_k) for the ``dim`` largest s_k.

    Args:
        counts: how often word i occurs with word j, shape (V, V), symmetric.
        dim: the number of dimensions to keep.

    Returns:
        One vector per word, shape (V, dim).

    Examples:
        Words 0 and 1 seldom occur together but share the context word 2: they get the same direction.

        >>> counts = np.array([[0, 1, 8, 1], [1, 0, 8, 1], [8, 8, 0, 1], [1, 1, 1, 0]], dtype=float)
        >>> vec = ppmi_embedding(counts, 2)
        >>> vec.shape, round(float(cosine(vec[:1], vec[1:2])[0, 0]), 3)
        ((4, 2), 1.0)
    """
    p = counts / counts.sum()
    ppmi = np.maximum(0, np.log(np.maximum(p, 1e-12) / np.outer(p.sum(1), p.sum(0))))
    u, s, _ = np.linalg.svd(ppmi)
    return u[:, :dim] * np.sqrt(s[:dim])


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    words = ["cat", "dog", "cow", "horse", "car", "bus", "truck", "bike"]
    topics = [[0, 1, 2, 3], [3, 4, 5, 6, 7]]  # animals; transport (a horse is both)

    # A toy corpus of 2000 six-word sentences, each about one topic, each word stray with probability 0.1.
    topic = rng.integers(2, size=2000)
    on_topic = np.array([rng.choice(topics[t], 6) for t in topic])
    sentences = np.where(rng.random((2000, 6)) < 0.9, on_topic, rng.integers(8, size=(2000, 6)))
    C = np.stack([np.bincount(s, minlength=8) for s in sentences])  # word counts per sentence
    counts = C.T @ C - np.diag((C**2).sum(0))  # co-occurrences of two different positions, i != j

    dense, one_hot = ppmi_embedding(counts, 2), np.eye(8)
    cos_hot, cos_dense = cosine(one_hot, one_hot), cosine(dense, dense)
    ref = torch.nn.functional.cosine_similarity(torch.tensor(dense)[:, None], torch.tensor(dense)[None], dim=-1)
    assert np.allclose(cos_dense, ref.numpy(), atol=1e-12)

    def row(label: str, cells: list[str]) -> None:
        print(f"{label:<25}" + " ".join(f"{c:>6}" for c in cells))

    row("", words)
    for k, coord in enumerate(dense.T):
        row(f"dense vector, coord {k}:", [f"{v:.2f}" for v in coord])
    row("cosine to cat, one-hot:", [f"{c:.2f}" for c in cos_hot[0]])
    for w in (0, 3):
        row(f"cosine to {words[w]}, dense:", [f"{c:.2f}" for c in cos_dense[w]])
    animals, vehicles = [0, 1, 2], [4, 5, 6, 7]
    assert np.all(cos_hot[~np.eye(8, dtype=bool)] == 0)  # one-hot: every pair of distinct words is orthogonal
    assert cos_dense[np.ix_(animals, animals)].min() > 0.9  # animals close together
    assert cos_dense[np.ix_(animals, vehicles)].max() < 0.1  # far from vehicles
    assert cos_dense[3, animals].min() > 0.8  # horse: an animal ...
    assert cos_dense[3, vehicles].min() > cos_dense[np.ix_(animals, vehicles)].max() + 0.1  # ... nearer the vehicles
    assert abs(np.sign(dense[:, 0]).sum()) == 8  # coordinate 0 has one sign for all: it names no topic
