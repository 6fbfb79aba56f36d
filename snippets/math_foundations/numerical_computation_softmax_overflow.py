"""Naive softmax overflows at x = 1000; subtracting the max and log-sum-exp do not."""
import numpy as np
import torch


def softmax_naive(x: np.ndarray) -> np.ndarray:
    """exp(x) / sum(exp(x)), exactly as the formula reads.

    Args:
        x: the scores, shape (K,).

    Returns:
        The probabilities, shape (K,); ``nan`` where exp overflows or underflows.

    Examples:
        >>> softmax_naive(np.array([0.0, 0.0])).tolist()
        [0.5, 0.5]
    """
    e = np.exp(x)
    return e / e.sum()


def softmax_stable(x: np.ndarray) -> np.ndarray:
    """softmax(x - max x): the same value with no overflow; matches ``torch.softmax``.

    Args:
        x: the scores, shape (K,).

    Returns:
        The probabilities, shape (K,), summing to 1.

    Examples:
        >>> softmax_stable(np.array([1000.0, 1000.0])).tolist()
        [0.5, 0.5]
    """
    e = np.exp(x - x.max())
    return e / e.sum()


def logsumexp(x: np.ndarray) -> float:
    """log(sum(exp(x))) computed as m + log(sum(exp(x - m))) with m = max x; matches ``torch.logsumexp``.

    Args:
        x: the scores, shape (K,).

    Returns:
        log sum_j e^(x_j), a float.

    Examples:
        >>> round(logsumexp(np.array([1000.0, 1000.0])), 6)  # 1000 + log 2
        1000.693147
    """
    m = x.max()
    return float(m + np.log(np.exp(x - m).sum()))


if __name__ == "__main__":
    cases = {"large": np.array([1000.0, 999.0, 998.0]),
             "very negative": np.array([-1000.0, -1001.0, -1002.0]),
             "ordinary": np.array([1.0, 0.0, -1.0])}
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for name, x in cases.items():
            naive, stable = softmax_naive(x), softmax_stable(x)
            ref = torch.softmax(torch.from_numpy(x), dim=0).numpy()
            lse, lse_ref = logsumexp(x), torch.logsumexp(torch.from_numpy(x), dim=0).item()
            print(f"{name:>13}: naive {np.array2string(naive, precision=4)}  "
                  f"stable {np.array2string(stable, precision=4)}  log-sum-exp {lse:.4f}")
            assert np.allclose(stable, ref, atol=1e-12) and abs(lse - lse_ref) < 1e-9
            assert abs(stable.sum() - 1) < 1e-12
            naive_lse = np.log(np.exp(x).sum())
            if name == "ordinary":
                assert np.allclose(naive, stable, atol=1e-12) and abs(naive_lse - lse) < 1e-12
            else:
                assert np.isnan(naive).all()  # inf/inf or 0/0
                assert np.isinf(naive_lse)  # log(inf) or log(0)

    # Softmax does not change when a constant is added to every input, which is why the shift is exact.
    x = cases["ordinary"]
    assert np.allclose(softmax_stable(x), softmax_stable(x + 1000.0), atol=1e-12)
    # The three "large" inputs are the "ordinary" ones shifted by 999: same probabilities.
    assert np.allclose(softmax_stable(cases["large"]), softmax_stable(x), atol=1e-12)
    # The limits of float64, and where exp crosses them:
    fi = np.finfo(np.float64)
    print(f"largest float64 {fi.max:.3e}, smallest normal {fi.tiny:.3e}, "
          f"smallest subnormal {fi.smallest_subnormal:.3e}")
    with np.errstate(over="ignore", under="ignore"):
        print(f"exp(709) = {np.exp(709.0):.3e}, exp(710) = {np.exp(710.0)}, exp(-746) = {np.exp(-746.0)}")
        assert np.isfinite(np.exp(709.0)) and np.isinf(np.exp(710.0)) and np.exp(-746.0) == 0
