"""The same network twice: sums written out in loops, and r = b + W x, a = sigmoid(r), y = b0 + c.a."""
import numpy as np


def sigmoid(z: np.ndarray) -> np.ndarray:
    """Elementwise 1 / (1 + exp(-z)); matches torch.sigmoid.

    Args:
        z: any shape.

    Returns:
        The values in (0, 1), the shape of z.

    Examples:
        >>> sigmoid(np.array([0.0, np.log(3.0)])).round(6).tolist()
        [0.5, 0.75]
    """
    return 1 / (1 + np.exp(-z))


def loop_form(x: np.ndarray, W: np.ndarray, b: np.ndarray, c: np.ndarray, b0: float) -> float:
    """y = b0 + sum_i c_i sigmoid(b_i + sum_j w_ij x_j), every sum an explicit loop.

    Args:
        x: one input, shape (J,).
        W: the weights, shape (I, J): W[i, j] is the weight of feature j in sigmoid i.
        b: one bias per sigmoid, shape (I,).
        c: one height per sigmoid, shape (I,).
        b0: the constant outside the sum.

    Returns:
        The output y, a float.

    Examples:
        >>> loop_form(np.array([2.0]), np.array([[1.0], [-1.0]]), np.array([-2.0, 2.0]), np.array([1.0, 3.0]), 0.5)
        2.5
    """
    y = b0
    for i in range(W.shape[0]):
        r_i = b[i]
        for j in range(W.shape[1]):
            r_i += W[i, j] * x[j]
        y += c[i] * sigmoid(r_i)
    return float(y)


def matrix_form(x: np.ndarray, W: np.ndarray, b: np.ndarray, c: np.ndarray, b0: float) -> float:
    """The same y with r = b + W x, a = sigmoid(r), y = b0 + c^T a.

    Args:
        x: one input, shape (J,).
        W: the weights, shape (I, J).
        b: one bias per sigmoid, shape (I,).
        c: one height per sigmoid, shape (I,).
        b0: the constant outside the sum.

    Returns:
        The output y, a float.

    Examples:
        >>> matrix_form(np.array([2.0]), np.array([[1.0], [-1.0]]), np.array([-2.0, 2.0]), np.array([1.0, 3.0]), 0.5)
        2.5
    """
    r = b + W @ x
    a = sigmoid(r)
    return float(b0 + c @ a)


def batch_form(X: np.ndarray, W: np.ndarray, b: np.ndarray, c: np.ndarray, b0: float) -> np.ndarray:
    """y = b0 + sigmoid(X W^T + b) c: one matrix product for a whole batch.

    Args:
        X: the inputs, one per row, shape (N, J).
        W: the weights, shape (I, J).
        b: one bias per sigmoid, shape (I,).
        c: one height per sigmoid, shape (I,).
        b0: the constant outside the sum.

    Returns:
        The outputs, shape (N,).

    Examples:
        >>> batch_form(np.array([[2.0], [-2.0]]), np.array([[1.0]]), np.array([0.0]), np.array([2.0]), 0.0).round(4).tolist()
        [1.7616, 0.2384]
    """
    return b0 + sigmoid(X @ W.T + b) @ c


def notes_double_sum(x: np.ndarray, W: np.ndarray, b: np.ndarray, c: np.ndarray, b0: float) -> float:
    """The lecture notes' misprint b0 + sum_j sum_i c_i sigmoid(w_ij x_j + b_i): one sigmoid per feature.

    Args:
        x: one input, shape (J,).
        W: the weights, shape (I, J).
        b: one bias per sigmoid, shape (I,).
        c: one height per sigmoid, shape (I,).
        b0: the constant outside the sum.

    Returns:
        The misprinted sum, a float (not the network's output when J > 1).

    Examples:
        >>> notes_double_sum(np.array([0.0, 0.0]), np.array([[1.0, 1.0]]), np.array([0.0]), np.array([1.0]), 0.0)
        1.0
    """
    return float(b0 + sum(c[i] * sigmoid(W[i, j] * x[j] + b[i]) for i in range(W.shape[0]) for j in range(W.shape[1])))


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    n_feat, n_sig = 3, 3  # 3 features x_j, 3 sigmoids i
    W = rng.normal(size=(n_sig, n_feat))  # W[i, j] = w_ij: weight of feature j in sigmoid i
    b = rng.normal(size=n_sig)  # one bias b_i per sigmoid
    c = rng.normal(size=n_sig)  # one height c_i per sigmoid
    b0 = 0.5  # the constant (the scalar "b" outside)
    x = np.array([1.0, -2.0, 0.5])
    X = rng.normal(size=(5, n_feat))

    y_loop, y_matrix = loop_form(x, W, b, c, b0), matrix_form(x, W, b, c, b0)
    batch_gap = np.abs(batch_form(X, W, b, c, b0) - [loop_form(xn, W, b, c, b0) for xn in X]).max()
    print(f"loop form:   y = {y_loop:.12f}")
    print(f"matrix form: y = {y_matrix:.12f}")
    print(f"batch of 5, loop vs batch form, max difference: {'< 1e-12' if batch_gap < 1e-12 else f'{batch_gap:.1e}'}")
    assert abs(y_loop - y_matrix) < 1e-12 and batch_gap < 1e-12

    # the double sum as printed in the lecture notes: features enter different sigmoids
    print(f"the notes' double sum gives {notes_double_sum(x, W, b, c, b0):.12f}, not the network's output")
    worst = max(abs(notes_double_sum(xn, W, b, c, b0) - loop_form(xn, W, b, c, b0)) for xn in [x, *X])
    assert worst > 1e-3  # a different function, not a rounding difference (the forms above agree to 1e-12)
