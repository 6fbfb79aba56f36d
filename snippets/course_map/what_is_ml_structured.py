"""Structured learning: the words of a sentence depend on each other, so they cannot be chosen one by one."""
import numpy as np

VOCAB = ["a", "the", "two", "cat", "cats", "sleeps", "sleep"]
VALID = [("a", "cat", "sleeps"), ("the", "cat", "sleeps"), ("the", "cats", "sleep"), ("two", "cats", "sleep")]


def fit_independent(data: np.ndarray, vocab_size: int) -> np.ndarray:
    """Each position on its own: the frequency of every word at every position.

    Args:
        data: sentences as word indices, shape (n, L).
        vocab_size: the number of words V.

    Returns:
        p[position, word], shape (L, V); each row sums to 1.

    Examples:
        >>> fit_independent(np.array([[0, 1], [0, 0]]), 2).tolist()
        [[1.0, 0.0], [0.5, 0.5]]
    """
    counts = np.stack([np.bincount(col, minlength=vocab_size) for col in data.T]).astype(float)
    return counts / counts.sum(1, keepdims=True)


def fit_next_word(data: np.ndarray, vocab_size: int) -> tuple[np.ndarray, np.ndarray]:
    """One word after another: the first word's frequency, then p(next word | previous word).

    Args:
        data: sentences as word indices, shape (n, L).
        vocab_size: the number of words V.

    Returns:
        p(first word), shape (V,), and p[previous, next], shape (V, V) (rows of unseen words are 0).

    Examples:
        >>> first, nxt = fit_next_word(np.array([[0, 1], [1, 0]]), 2)
        >>> first.tolist(), nxt.tolist()
        ([0.5, 0.5], [[0.0, 1.0], [1.0, 0.0]])
    """
    first = np.bincount(data[:, 0], minlength=vocab_size) / len(data)
    pairs = np.zeros((vocab_size, vocab_size))
    np.add.at(pairs, (data[:, :-1].ravel(), data[:, 1:].ravel()), 1)
    return first, pairs / np.maximum(pairs.sum(1, keepdims=True), 1)


def sample(first: np.ndarray, nxt: np.ndarray | None, table: np.ndarray | None, length: int, n: int,
           rng: np.random.Generator) -> np.ndarray:
    """Draw n sentences: each word from ``table[position]`` (independent), or from ``nxt[previous word]``.

    Args:
        first: p(first word), shape (V,).
        nxt: p[previous, next], shape (V, V), or None to draw positions independently.
        table: p[position, word], shape (L, V), used when ``nxt`` is None.
        length: the number of words L.
        n: how many sentences.
        rng: the random generator.

    Returns:
        Word indices, shape (n, length).

    Examples:
        >>> sample(np.array([1.0, 0.0]), np.array([[0.0, 1.0], [1.0, 0.0]]), None, 3, 2,
        ...        np.random.default_rng(0)).tolist()
        [[0, 1, 0], [0, 1, 0]]
    """
    out = np.zeros((n, length), dtype=int)
    for i in range(n):
        out[i, 0] = rng.choice(len(first), p=first)
        for t in range(1, length):
            p = table[t] if nxt is None else nxt[out[i, t - 1]]
            out[i, t] = rng.choice(len(p), p=p)
    return out


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    index = {w: k for k, w in enumerate(VOCAB)}
    valid = {tuple(index[w] for w in s) for s in VALID}
    data = np.array([[index[w] for w in VALID[k]] for k in rng.integers(0, len(VALID), 200)])
    print(f"{len(VOCAB)} words, 3 positions: {len(VOCAB) ** 3} possible outputs, {len(VALID)} of them correct")
    table = fit_independent(data, len(VOCAB))
    first, nxt = fit_next_word(data, len(VOCAB))
    rates = {}
    for name, (nx, tb) in {"each word on its own": (None, table), "word after word": (nxt, None)}.items():
        s = sample(first, nx, tb, 3, 1000, rng)
        rates[name] = np.mean([tuple(row) not in valid for row in s])
        print(f"{name:<21} sample: {' '.join(VOCAB[k] for k in s[0]):<18} wrong sentences: {rates[name]:.1%}")
    # exact rate for independent positions: 1 - sum over valid sentences of the product of the marginals
    exact = 1 - sum(np.prod([table[t, w] for t, w in enumerate(s)]) for s in valid)
    print(f"exact rate of wrong sentences with independent positions: {exact:.1%}")
    assert exact > 0.4 and abs(rates["each word on its own"] - exact) < 0.05
    assert rates["word after word"] == 0  # each word conditioned on the previous one: always agrees
