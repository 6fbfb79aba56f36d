"""The same network twice: sums written out in loops, and r = b + W x, a = sigmoid(r), y = b0 + c.a."""
import numpy as np

rng = np.random.default_rng(0)
n_feat, n_sig = 3, 3                           # 3 features x_j, 3 sigmoids i
W = rng.normal(size=(n_sig, n_feat))           # W[i, j] = w_ij: weight of feature j in sigmoid i
b = rng.normal(size=n_sig)                     # one bias b_i per sigmoid
c = rng.normal(size=n_sig)                     # one height c_i per sigmoid
b0 = 0.5                                       # the constant (the scalar "b" outside)
x = np.array([1.0, -2.0, 0.5])


def sigmoid(z):
    """Elementwise 1 / (1 + exp(-z)); matches torch.sigmoid."""
    return 1 / (1 + np.exp(-z))


def loop_form(x):
    """y = b0 + sum_i c_i sigmoid(b_i + sum_j w_ij x_j), every sum an explicit loop."""
    y = b0
    for i in range(n_sig):
        r_i = b[i]
        for j in range(n_feat):
            r_i += W[i, j] * x[j]
        y += c[i] * sigmoid(r_i)
    return y


def matrix_form(x):
    """The same y with r = b + W x, a = sigmoid(r), y = b0 + c^T a."""
    r = b + W @ x
    a = sigmoid(r)
    return b0 + c @ a


def batch_form(X):
    """(N, 3) inputs -> (N,) outputs: one matrix product for the whole batch."""
    return b0 + sigmoid(X @ W.T + b) @ c


X = rng.normal(size=(5, n_feat))
print(f"loop form:   y = {loop_form(x):.12f}")
print(f"matrix form: y = {matrix_form(x):.12f}")
print("batch of 5, loop vs batch form, max difference:",
      f"{np.abs(batch_form(X) - [loop_form(xn) for xn in X]).max():.1e}")
assert abs(loop_form(x) - matrix_form(x)) < 1e-12
assert np.allclose(batch_form(X), [loop_form(xn) for xn in X], atol=1e-12, rtol=0)

# the double sum as printed in the lecture notes, sum_j sum_i c_i sigmoid(w_ij x_j + b_i):
# features enter different sigmoids instead of being added inside one
garbled = b0 + sum(c[i] * sigmoid(W[i, j] * x[j] + b[i]) for i in range(n_sig) for j in range(n_feat))
print(f"the notes' double sum gives {garbled:.12f}, not the network's output")
assert abs(garbled - matrix_form(x)) > 0.1
