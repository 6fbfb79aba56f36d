"""A badly conditioned matrix amplifies a tiny input error; solve beats the explicit inverse."""
from collections.abc import Callable

import numpy as np


def amplification(solver: Callable[[np.ndarray, np.ndarray], np.ndarray], A: np.ndarray, b: np.ndarray,
                  db: np.ndarray) -> float:
    """How much solving A x = b amplifies a relative error of b: (|dx| / |x|) / (|db| / |b|).

    Args:
        solver: returns x for (A, b), e.g. ``np.linalg.solve``.
        A: the matrix, shape (n, n).
        b: the right-hand side, shape (n,).
        db: the perturbation of b, shape (n,).

    Returns:
        The relative change of x divided by the relative change of b (at most cond(A)).

    Examples:
        >>> A = np.diag([1.0, 0.01])  # cond 100: b along the first axis, db along the second
        >>> round(amplification(np.linalg.solve, A, np.array([1.0, 0.0]), np.array([0.0, 1e-6])), 6)
        100.0
    """
    x, x2 = solver(A, b), solver(A, b + db)
    return float((np.linalg.norm(x2 - x) / np.linalg.norm(x)) / (np.linalg.norm(db) / np.linalg.norm(b)))


def hilbert(n: int) -> np.ndarray:
    """The n x n Hilbert matrix H_ij = 1 / (i + j - 1), with i, j = 1, ..., n: notoriously ill-conditioned.

    Args:
        n: the size.

    Returns:
        H, shape (n, n).

    Examples:
        >>> hilbert(3)[0].tolist(), float(hilbert(3)[2, 2])  # first row, and 1 / (3 + 3 - 1)
        ([1.0, 0.5, 0.3333333333333333], 0.2)
    """
    i = np.arange(1, n + 1)
    return 1.0 / (i[:, None] + i[None, :] - 1)


def rel(v: np.ndarray, ref: np.ndarray) -> float:
    """The relative 2-norm distance |v - ref| / |ref|.

    Args:
        v: a vector, shape (n,).
        ref: the reference, shape (n,).

    Returns:
        A float.

    Examples:
        >>> rel(np.array([1.0, 1.1]), np.array([1.0, 1.0])) < 0.0708
        True
    """
    return float(np.linalg.norm(v - ref) / np.linalg.norm(ref))


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    # 1) Sensitivity belongs to the problem: x = A^{-1} b with cond(A) ~ 4e6.
    A = np.array([[1.0, 1.0], [1.0, 1.0 + 1e-6]])
    kappa = np.linalg.cond(A)  # sigma_max / sigma_min
    U, S, Vt = np.linalg.svd(A)
    b = U[:, 0]  # the direction A stretches most
    db = 1e-10 * U[:, 1]  # a tiny error in the direction it stretches least
    amp_solve = amplification(np.linalg.solve, A, b, db)
    amp_inv = amplification(lambda M, v: np.linalg.inv(M) @ v, A, b, db)
    print(f"condition number: {kappa:.3e}")
    print(f"relative error amplification: solve {amp_solve:.3e}, inverse {amp_inv:.3e}")
    assert kappa > 1e6
    assert abs(amp_solve / kappa - 1) < 0.01 and abs(amp_inv / kappa - 1) < 0.01
    # kappa is the worst case: random perturbations are amplified by at most kappa.
    ratios = [amplification(np.linalg.solve, A, b, 1e-10 * rng.standard_normal(2)) for _ in range(200)]
    assert max(ratios) <= kappa * 1.001
    print(f"largest amplification over 200 random errors: {max(ratios):.3e} (<= kappa)")

    # 2) Rounding error: solving (LU factorization) vs forming the inverse, on a 10 x 10 Hilbert matrix.
    n = 10
    H = hilbert(n)
    x_true = np.ones(n)
    rhs = H @ x_true
    x_solve, x_inv = np.linalg.solve(H, rhs), np.linalg.inv(H) @ rhs
    res_solve, res_inv = rel(H @ x_solve, rhs), rel(H @ x_inv, rhs)
    print(f"Hilbert {n}x{n}: cond {np.linalg.cond(H):.2e}")
    print(f"  solve:   residual {'< 1e-14' if res_solve < 1e-14 else f'{res_solve:.1e}'}"
          f"   error in x {rel(x_solve, x_true):.1e}")
    print(f"  inverse: residual {res_inv:.1e}   error in x {rel(x_inv, x_true):.1e}")
    assert res_solve < 1e-14 and res_inv > 1e3 * res_solve
    assert rel(x_solve, x_true) < rel(x_inv, x_true)
    assert rel(x_solve, x_true) > 1e-12  # even solve loses digits: the problem is ill-conditioned
