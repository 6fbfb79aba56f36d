"""A chain a -> b -> c: the joint from three small factors, and what it saves."""
import numpy as np

rng = np.random.default_rng(0)
k = 3  # every variable takes k values


def random_conditional(rows, k, rng):
    """A (rows, k) array whose rows are probability distributions over k values."""
    t = rng.random((rows, k))
    return t / t.sum(axis=1, keepdims=True)


p_a = random_conditional(1, k, rng)[0]          # p(a)
p_b_a = random_conditional(k, k, rng)           # p(b | a), row = value of a
p_c_b = random_conditional(k, k, rng)           # p(c | b), row = value of b

# p(a, b, c) = p(a) p(b | a) p(c | b)
joint = p_a[:, None, None] * p_b_a[:, :, None] * p_c_b[None, :, :]
assert joint.shape == (k, k, k) and abs(joint.sum() - 1) < 1e-12


def c_given_ab(j):
    """p(c | a, b) from a (k, k, k) joint table."""
    return j / j.sum(axis=2, keepdims=True)


# The graph's claim: once b is known, a tells nothing more about c.
gap_chain = np.abs(c_given_ab(joint) - p_c_b[None, :, :]).max()
assert gap_chain < 1e-12
# A joint table drawn at random has no such structure.
full = rng.random((k, k, k))
full /= full.sum()
cab = c_given_ab(full)
gap_full = np.abs(cab - cab.mean(axis=0, keepdims=True)).max()
assert gap_full > 0.05
print(f"max |p(c|a,b) - p(c|b)|: chain {gap_chain:.1e}, random full table {gap_full:.2f}")


def free_parameters(n, k):
    """Free numbers in a full table of n k-valued variables and in a chain over them."""
    return k**n - 1, (k - 1) + (n - 1) * k * (k - 1)


full_3, chain_3 = free_parameters(3, k)
count = (len(p_a) - 1) + p_b_a.shape[0] * (k - 1) + p_c_b.shape[0] * (k - 1)
assert chain_3 == count and full_3 == joint.size - 1
print(f"{'n':>3} {'k':>2} {'full table':>12} {'chain':>6}")
for n, kk in [(3, 3), (3, 2), (10, 2), (20, 2), (20, 10)]:
    f, c = free_parameters(n, kk)
    print(f"{n:>3} {kk:>2} {f:>12.4g} {c:>6}")
assert free_parameters(20, 2) == (2**20 - 1, 39)
