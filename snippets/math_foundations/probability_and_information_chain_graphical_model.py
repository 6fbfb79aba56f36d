"""A chain a -> b -> c: the joint from three small factors, and what it saves."""
import numpy as np


def random_conditional(rows: int, k: int, rng: np.random.Generator) -> np.ndarray:
    """A random table of conditional distributions: one distribution over k values per row.

    Args:
        rows: the number of rows (values of the parent; 1 for a variable without parents).
        k: the number of values of the variable.
        rng: the random generator.

    Returns:
        An array of shape (rows, k), every row positive and summing to 1.

    Examples:
        >>> t = random_conditional(2, 3, np.random.default_rng(0))
        >>> t.shape, np.allclose(t.sum(axis=1), 1)
        ((2, 3), True)
    """
    t = rng.random((rows, k))
    return t / t.sum(axis=1, keepdims=True)


def chain_joint(p_a: np.ndarray, p_b_a: np.ndarray, p_c_b: np.ndarray) -> np.ndarray:
    """The joint table p(a, b, c) = p(a) p(b | a) p(c | b) of a chain a -> b -> c.

    Args:
        p_a: p(a), shape (k,).
        p_b_a: p(b | a), shape (k, k), row = value of a.
        p_c_b: p(c | b), shape (k, k), row = value of b.

    Returns:
        The joint, shape (k, k, k), indexed [a, b, c].

    Examples:
        >>> j = chain_joint(np.array([0.5, 0.5]), np.eye(2), np.array([[0.9, 0.1], [0.2, 0.8]]))
        >>> j[0, 0].tolist(), round(float(j.sum()), 12)  # a = 0 forces b = 0
        ([0.45, 0.05], 1.0)
    """
    return p_a[:, None, None] * p_b_a[:, :, None] * p_c_b[None, :, :]


def c_given_ab(joint: np.ndarray) -> np.ndarray:
    """p(c | a, b) from a joint table.

    Args:
        joint: p(a, b, c), shape (k, k, k).

    Returns:
        p(c | a, b), shape (k, k, k): each [a, b, :] sums to 1.

    Examples:
        >>> c_given_ab(np.full((2, 2, 2), 0.125))[1, 0].tolist()
        [0.5, 0.5]
    """
    return joint / joint.sum(axis=2, keepdims=True)


def free_parameters(n: int, k: int) -> tuple[int, int]:
    """Free numbers in a full table of n k-valued variables, and in a chain over them.

    Args:
        n: the number of variables.
        k: the number of values of each.

    Returns:
        (k^n - 1, (k - 1) + (n - 1) k (k - 1)).

    Examples:
        >>> free_parameters(3, 2)
        (7, 5)
    """
    return k**n - 1, (k - 1) + (n - 1) * k * (k - 1)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    k = 3  # every variable takes k values
    p_a = random_conditional(1, k, rng)[0]  # p(a)
    p_b_a = random_conditional(k, k, rng)  # p(b | a), row = value of a
    p_c_b = random_conditional(k, k, rng)  # p(c | b), row = value of b
    joint = chain_joint(p_a, p_b_a, p_c_b)
    assert joint.shape == (k, k, k) and abs(joint.sum() - 1) < 1e-12

    # The graph's claim: once b is known, a tells nothing more about c.
    gap_chain = np.abs(c_given_ab(joint) - p_c_b[None, :, :]).max()
    assert gap_chain < 1e-12
    # A joint table drawn at random has no such structure.
    full = rng.random((k, k, k))
    full /= full.sum()
    cab = c_given_ab(full)
    gap_full = np.abs(cab - cab.mean(axis=0, keepdims=True)).max()
    assert gap_full > 0.05
    print(f"max |p(c|a,b) - p(c|b)|: chain {'< 1e-12' if gap_chain < 1e-12 else f'{gap_chain:.1e}'}, "
          f"random full table {gap_full:.2f}")

    full_3, chain_3 = free_parameters(3, k)
    count = (len(p_a) - 1) + p_b_a.shape[0] * (k - 1) + p_c_b.shape[0] * (k - 1)  # free numbers of the factors
    assert chain_3 == count and full_3 == joint.size - 1
    print(f"{'n':>3} {'k':>2} {'full table':>12} {'chain':>6}")
    for n, kk in [(3, 3), (3, 2), (10, 2), (20, 2), (20, 10)]:
        f, c = free_parameters(n, kk)
        print(f"{n:>3} {kk:>2} {f:>12.4g} {c:>6}")
    assert free_parameters(20, 2) == (2**20 - 1, 39)
