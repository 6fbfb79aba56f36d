"""Classification: score every option, answer with the best one (Go: 361 options)."""
import numpy as np
import torch

rng = np.random.default_rng(0)
board = rng.choice([0, 1, -1], size=(19, 19), p=[0.8, 0.1, 0.1])  # 0 empty, 1 black, -1 white
W = rng.normal(0, 0.05, size=(361, 361))                          # a fixed, untrained "policy"


def softmax(z):
    """(K,) scores -> (K,) probabilities summing to 1; matches torch.softmax."""
    e = np.exp(z - z.max())   # subtracting the max avoids overflow
    return e / e.sum()


def next_move(board):
    """(19, 19) board -> (row, col) of the chosen empty point, and the probabilities."""
    scores = W @ board.reshape(-1)                      # one score per point
    scores[board.reshape(-1) != 0] = -np.inf            # occupied points are not options
    p = softmax(scores)
    return divmod(int(np.argmax(p)), 19), p


(row, col), p = next_move(board)
top = np.argsort(p)[::-1][:3]
print(f"{(board != 0).sum()} stones on the board, {(board == 0).sum()} legal options")
for k in top:
    print(f"point {divmod(int(k), 19)}: probability {p[k]:.4f}")
print(f"chosen move: row {row}, column {col}")

torch_p = torch.softmax(torch.tensor(W @ board.reshape(-1)), 0).numpy()
free = board.reshape(-1) == 0
assert np.allclose(softmax(W @ board.reshape(-1)), torch_p, atol=1e-12)
assert board[row, col] == 0                       # the answer is one of the allowed options
assert p[~free].sum() == 0 and abs(p.sum() - 1) < 1e-12
assert np.argmax(p) == np.argmax(np.where(free, W @ board.reshape(-1), -np.inf))
