"""Classification: score every option, answer with the best one (Go: 361 options)."""
import numpy as np
import torch


def softmax(z: np.ndarray) -> np.ndarray:
    """Scores to probabilities that sum to 1; matches ``torch.softmax(z, 0)``.

    Args:
        z: the scores, shape (K,); -inf marks an option that is not allowed.

    Returns:
        The probabilities, shape (K,), in the same order as the scores.

    Examples:
        >>> softmax(np.array([0.0, np.log(3.0), -np.inf])).round(3).tolist()
        [0.25, 0.75, 0.0]
    """
    e = np.exp(z - z.max())  # subtracting the max avoids overflow
    return e / e.sum()


def next_move(board: np.ndarray, W: np.ndarray) -> tuple[tuple[int, int], np.ndarray]:
    """A linear policy for Go: score every point with W @ board, forbid the occupied ones, pick the best.

    Args:
        board: the position, shape (n, n): 0 empty, 1 black, -1 white.
        W: the policy's weights, shape (n * n, n * n).

    Returns:
        (row, column) of the chosen empty point, and the probability of every point, shape (n * n,).

    Examples:
        >>> move, p = next_move(np.array([[1, 0], [0, 0]]), np.zeros((4, 4)))  # all ties: the first empty point
        >>> move, p.round(3).tolist()
        ((0, 1), [0.0, 0.333, 0.333, 0.333])
    """
    n = board.shape[0]
    scores = (W @ board.reshape(-1)).astype(float)  # one score per point
    scores[board.reshape(-1) != 0] = -np.inf  # occupied points are not options
    p = softmax(scores)
    return divmod(int(np.argmax(p)), n), p


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    board = rng.choice([0, 1, -1], size=(19, 19), p=[0.8, 0.1, 0.1])  # 0 empty, 1 black, -1 white
    W = rng.normal(0, 0.05, size=(361, 361))  # a fixed, untrained "policy"
    (row, col), p = next_move(board, W)
    top = np.argsort(p)[::-1][:3]
    print(f"{(board != 0).sum()} stones on the board, {(board == 0).sum()} legal options")
    for k in top:
        print(f"point {divmod(int(k), 19)}: probability {p[k]:.4f}")
    print(f"chosen move: row {row}, column {col}")

    scores, free = W @ board.reshape(-1), board.reshape(-1) == 0
    assert np.allclose(softmax(scores), torch.softmax(torch.tensor(scores), 0).numpy(), atol=1e-12)
    assert board[row, col] == 0  # the answer is one of the allowed options
    assert p[~free].sum() == 0 and abs(p.sum() - 1) < 1e-12  # occupied points get exactly zero
    assert divmod(int(top[0]), 19) == (row, col)  # the chosen move is the most probable one ...
    assert top[0] == np.flatnonzero(free)[np.argmax(scores[free])]  # ... and the best-scoring empty point
