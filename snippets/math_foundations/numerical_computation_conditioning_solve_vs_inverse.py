"""A badly conditioned matrix amplifies a tiny input error; solve beats the explicit inverse."""
import numpy as np

rng = np.random.default_rng(0)

# 1) Sensitivity belongs to the problem: x = A^{-1} b with cond(A) ~ 4e6.
A = np.array([[1.0, 1.0], [1.0, 1.0 + 1e-6]])
kappa = np.linalg.cond(A)                 # sigma_max / sigma_min
U, S, Vt = np.linalg.svd(A)
b = U[:, 0]                               # the direction A stretches most
db = 1e-10 * U[:, 1]                      # a tiny error in the direction it stretches least


def amplification(solver):
    """(relative change of x) / (relative change of b) for the perturbation db."""
    x, x2 = solver(A, b), solver(A, b + db)
    return (np.linalg.norm(x2 - x) / np.linalg.norm(x)) / (np.linalg.norm(db) / np.linalg.norm(b))


amp_solve = amplification(np.linalg.solve)
amp_inv = amplification(lambda M, v: np.linalg.inv(M) @ v)
print(f"condition number: {kappa:.3e}")
print(f"relative error amplification: solve {amp_solve:.3e}, inverse {amp_inv:.3e}")
assert kappa > 1e6
assert abs(amp_solve / kappa - 1) < 0.01 and abs(amp_inv / kappa - 1) < 0.01
# kappa is the worst case: random perturbations are amplified by at most kappa.
ratios = []
for _ in range(200):
    e = 1e-10 * rng.standard_normal(2)
    x, x2 = np.linalg.solve(A, b), np.linalg.solve(A, b + e)
    ratios.append((np.linalg.norm(x2 - x) / np.linalg.norm(x)) / (np.linalg.norm(e) / np.linalg.norm(b)))
assert max(ratios) <= kappa * 1.001
print(f"largest amplification over 200 random errors: {max(ratios):.3e} (<= kappa)")

# 2) Rounding error: solving (LU factorization) vs forming the inverse, on a 10 x 10 Hilbert matrix.
n = 10
i = np.arange(n)
H = 1.0 / (i[:, None] + i[None, :] + 1)
x_true = np.ones(n)
rhs = H @ x_true
x_solve, x_inv = np.linalg.solve(H, rhs), np.linalg.inv(H) @ rhs


def rel(v, ref):
    """Relative 2-norm distance of v from ref."""
    return np.linalg.norm(v - ref) / np.linalg.norm(ref)


print(f"Hilbert {n}x{n}: cond {np.linalg.cond(H):.2e}")
print(f"  solve:   residual {rel(H @ x_solve, rhs):.1e}   error in x {rel(x_solve, x_true):.1e}")
print(f"  inverse: residual {rel(H @ x_inv, rhs):.1e}   error in x {rel(x_inv, x_true):.1e}")
assert rel(H @ x_solve, rhs) < 1e-14 and rel(H @ x_inv, rhs) > 1e3 * rel(H @ x_solve, rhs)
assert rel(x_solve, x_true) < rel(x_inv, x_true)
assert rel(x_solve, x_true) > 1e-12   # even solve loses digits: the problem is ill-conditioned
