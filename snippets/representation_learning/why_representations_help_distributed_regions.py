"""n binary features name up to 2^n regions of input space; a one-hot code with n units names n."""
from itertools import combinations, product
from math import comb

import matplotlib.pyplot as plt
import numpy as np


def binary_codes(points: np.ndarray, normals: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """The code of each point under n threshold features h_i(x) = [w_i . x + b_i > 0].

    Args:
        points: the inputs, shape (N, d).
        normals: the weight vectors w_i, shape (n, d).
        offsets: the biases b_i, shape (n,).

    Returns:
        A 0/1 array, shape (N, n).

    Examples:
        >>> binary_codes(np.array([[1.0, -1.0], [-1.0, 1.0]]), np.eye(2), np.zeros(2)).tolist()
        [[1, 0], [0, 1]]
    """
    return (points @ normals.T + offsets > 0).astype(int)


def one_hot_codes(points: np.ndarray, prototypes: np.ndarray) -> np.ndarray:
    """The winner-take-all code: the index of the nearest of n prototypes.

    Args:
        points: the inputs, shape (N, d).
        prototypes: the prototypes, shape (n, d).

    Returns:
        One index per point, shape (N,).

    Examples:
        >>> one_hot_codes(np.array([[0.1, 0.0], [2.0, 2.1]]), np.array([[0.0, 0.0], [2.0, 2.0]])).tolist()
        [0, 1]
    """
    return ((points[:, None, :] - prototypes[None]) ** 2).sum(-1).argmin(1)


def count(codes: np.ndarray) -> int:
    """The number of distinct codes, i.e. of regions the points were found in.

    Args:
        codes: a 0/1 array of shape (N, n), or labels of shape (N,).

    Returns:
        The number of distinct rows (or labels).

    Examples:
        >>> count(np.array([[0, 1], [1, 1], [0, 1]])), count(np.array([2, 2, 0]))
        (2, 2)
    """
    return len(np.unique(codes, axis=0))


def points_at_crossings(normals: np.ndarray, offsets: np.ndarray, radius: float = 1e-6) -> np.ndarray:
    """Points just inside every region that meets a vertex of an arrangement of hyperplanes w_i . x + b_i = 0.

    At a vertex v where d of the hyperplanes cross (rows M of ``normals``), the 2^d points
    v + radius M^{-1} s, s in {-1, 1}^d, lie one in each region around v. In general position every
    region has a vertex on its boundary, so these points visit every region, and counting their
    distinct codes counts the regions.

    Args:
        normals: the w_i, shape (n, d), n >= d, any d of them linearly independent.
        offsets: the b_i, shape (n,).
        radius: how far from the vertex, small against the distance from a vertex to the other hyperplanes.

    Returns:
        The points, shape (C(n, d) * 2^d, d).

    Examples:
        >>> pts = points_at_crossings(np.eye(2), np.zeros(2))  # two lines: one vertex, four quadrants
        >>> pts.shape, count(binary_codes(pts, np.eye(2), np.zeros(2)))
        ((4, 2), 4)
    """
    d = normals.shape[1]
    signs = np.array(list(product([-1.0, 1.0], repeat=d)))  # (2^d, d)
    out = []
    for idx in combinations(range(len(normals)), d):
        M = normals[list(idx)]
        out.append(np.linalg.solve(M, -offsets[list(idx)]) + radius * np.linalg.solve(M, signs.T).T)
    return np.concatenate(out)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    print(" n | one-hot | binary, d = n (2^n) | binary, d = 2 (1 + n + n(n-1)/2)")
    for n in range(2, 7):
        W_n = np.linalg.qr(rng.standard_normal((n, n)))[0]  # n hyperplanes in R^n, at right angles
        pts_n = 10 * rng.standard_normal((20_000, n))  # random inputs: which codes occur?
        dist_n = count(binary_codes(pts_n, W_n, rng.uniform(-0.5, 0.5, n)))
        W_2, b_2 = rng.standard_normal((n, 2)), rng.standard_normal(n)  # n random lines in the plane
        dist_2 = count(binary_codes(points_at_crossings(W_2, b_2), W_2, b_2))
        protos = rng.standard_normal((n, 2))
        g = np.linspace(-6, 6, 101)
        hot = count(one_hot_codes(np.concatenate([protos, np.stack(np.meshgrid(g, g), -1).reshape(-1, 2)]), protos))
        print(f" {n} | {hot:7d} | {dist_n:19d} | {dist_2:3d}")
        assert hot == n and dist_n == 2**n and dist_2 == comb(n, 0) + comb(n, 1) + comb(n, 2)

    # Picture for n = 3 in the plane: one-hot gives 3 regions, three binary features give 7.
    fig, axes = plt.subplots(1, 2, figsize=(8, 3.6))
    g = np.linspace(-3, 3, 150)
    pts = np.stack(np.meshgrid(g, g), -1).reshape(-1, 2)
    protos = np.array([[-1.5, -1.0], [1.5, -1.0], [0.0, 1.5]])
    angles = 0.5 + 2 * np.pi * np.arange(3) / 3  # three lines around a central triangle
    normals, offsets = np.stack([np.cos(angles), np.sin(angles)], 1), -0.8 * np.ones(3)
    bits = binary_codes(pts, normals, offsets)
    hot = one_hot_codes(pts, protos)
    assert count(hot) == 3 and count(bits) == 7
    panels = [(hot, f"one-hot: 3 units, {count(hot)} regions"),
              (bits @ np.array([4, 2, 1]), f"3 binary features: {count(bits)} regions")]
    for ax, (label, title) in zip(axes, panels):
        ax.imshow(label.reshape(len(g), len(g)), origin="lower", extent=(-3, 3, -3, 3), cmap="Pastel1",
                  interpolation="nearest")
        ax.set_title(title, fontsize=10)
    for code in np.unique(bits, axis=0):  # write each region's code at its centre
        inside = (bits == code).all(1)
        cx, cy = pts[inside].mean(0)
        axes[1].text(cx, cy, "".join(map(str, code)), ha="center", va="center", fontsize=9)
    for p in protos:
        axes[0].plot(*p, "k*")
    plt.show()
