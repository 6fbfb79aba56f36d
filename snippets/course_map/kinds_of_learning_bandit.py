"""Reinforcement learning on a bandit: learn the best action from rewards alone, no labelled action."""
import numpy as np
import torch


def policy_gradient(p_win: np.ndarray, runs: int, steps: int, lr: float, rng: np.random.Generator) -> np.ndarray:
    """REINFORCE on a bandit: a softmax policy over the arms, pushed towards the actions that paid.

    Each step every run picks an arm from its policy pi = softmax(theta), gets reward 1 with
    that arm's probability (else 0), and moves theta += lr (r - baseline) (onehot(arm) - pi),
    the gradient of log pi(arm) scaled by how much better than usual the reward was.

    Args:
        p_win: each arm's probability of paying 1, shape (K,); the learner never sees it.
        runs: independent learners, run side by side.
        steps: actions per learner.
        lr: the learning rate.
        rng: the random generator.

    Returns:
        Each run's final policy, shape (runs, K).

    Examples:
        >>> pi = policy_gradient(np.array([0.0, 1.0]), runs=2, steps=200, lr=0.5, rng=np.random.default_rng(0))
        >>> (pi[:, 1] > 0.9).tolist()
        [True, True]
    """
    theta, baseline = np.zeros((runs, len(p_win))), np.zeros((runs, 1))
    for _ in range(steps):
        pi = np.exp(theta - theta.max(1, keepdims=True))
        pi /= pi.sum(1, keepdims=True)
        arm = (rng.random((runs, 1)) > pi.cumsum(1)).sum(1)  # one draw from each row of pi
        r = (rng.random(runs) < p_win[arm]).astype(float)[:, None]
        theta += lr * (r - baseline) * (np.eye(len(p_win))[arm] - pi)
        baseline += 0.05 * (r - baseline)  # a running mean of the reward
    pi = np.exp(theta - theta.max(1, keepdims=True))
    return pi / pi.sum(1, keepdims=True)


def greedy(p_win: np.ndarray, runs: int, steps: int, rng: np.random.Generator) -> np.ndarray:
    """Always play the arm with the best average reward so far (ties at random): no exploration.

    Args:
        p_win: each arm's probability of paying 1, shape (K,).
        runs: independent learners.
        steps: actions per learner.
        rng: the random generator.

    Returns:
        The arm each run plays at the end, shape (runs,).

    Examples:
        >>> greedy(np.array([1.0, 1.0]), runs=3, steps=10, rng=np.random.default_rng(0)).shape
        (3,)
    """
    total, count = np.zeros((runs, len(p_win))), np.zeros((runs, len(p_win)))
    for _ in range(steps):
        mean = total / np.maximum(count, 1)
        best = mean + 1e-9 * rng.random(mean.shape)  # a tiny random tie-breaker
        arm = best.argmax(1)
        total[np.arange(runs), arm] += rng.random(runs) < p_win[arm]
        count[np.arange(runs), arm] += 1
    return (total / np.maximum(count, 1) + 1e-9 * rng.random(total.shape)).argmax(1)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    theta = torch.tensor(rng.normal(size=5), requires_grad=True)  # the update's direction, by autograd:
    torch.log_softmax(theta, 0)[2].backward()  # d log pi(arm 2) / d theta = onehot(2) - pi
    pi0 = torch.softmax(theta, 0).detach().numpy()
    assert np.allclose(theta.grad.numpy(), np.eye(5)[2] - pi0, atol=1e-12)
    p_win = np.array([0.2, 0.3, 0.5, 0.4, 0.8])  # five slot machines; arm 4 is the best
    pi = policy_gradient(p_win, runs=200, steps=1000, lr=0.2, rng=rng)
    found = np.mean(pi.argmax(1) == 4)
    print(f"policy gradient: picks the best arm at the end in {found:.0%} of 200 runs,"
          f" with probability {np.median(pi[:, 4]):.2f} (median)")
    stuck = np.mean(greedy(p_win, runs=200, steps=1000, rng=rng) != 4)
    print(f"greedy, no exploration: stuck on a worse arm in {stuck:.0%} of 200 runs")
    assert found > 0.9 and np.median(pi[:, 4]) > 0.8  # rewards alone taught it the best action
    assert stuck > 0.3  # its own choices decide what it sees: an early lucky arm is never left
