"""Anomaly detection: flag inputs unlike the training data (z-score vs reconstruction error)."""
import numpy as np

rng = np.random.default_rng(0)
A = 2 * rng.normal(size=(5, 2))                   # normal data lie near a 2-D plane in 5-D


def normal_data(n):
    """n points near the plane x = A z, shape (n, 5)."""
    return rng.normal(size=(n, 2)) @ A.T + rng.normal(0, 0.1, size=(n, 5))


train = normal_data(1000)
mu, sd = train.mean(0), train.std(0)
_, _, Vt = np.linalg.svd(train - mu, full_matrices=False)
P = Vt[:2].T                                      # basis of the plane (a linear autoencoder)


def z_score(x):
    """(n, 5) -> (n,) largest per-feature |x - mean| / std."""
    return np.abs((x - mu) / sd).max(axis=1)


def recon_error(x):
    """(n, 5) -> (n,) distance to the plane: encode to 2 numbers, decode, compare."""
    xc = x - mu
    return np.linalg.norm(xc - xc @ P @ P.T, axis=1)


z_thr = 3.0                                        # the classic "3 standard deviations"
r_thr = np.quantile(recon_error(train), 0.99)      # 1% of training data may be flagged
on_plane = mu + P @ [1.0, -1.0]                    # an ordinary point, on the plane
off_plane = on_plane + 1.0 * Vt[2]                 # one unit off the plane
far_away = mu + 6 * sd                             # simply huge values
tests = {"ordinary": on_plane, "off the plane": off_plane, "far away": far_away}
print(f"thresholds: z > {z_thr}, reconstruction error > {r_thr:.3f}")
for name, x in tests.items():
    z, r = z_score(x[None])[0], recon_error(x[None])[0]
    print(f"{name:<14} max z {z:5.2f} {'FLAG' if z > z_thr else 'ok  '}"
          f"   recon error {r:6.3f} {'FLAG' if r > r_thr else 'ok'}")
fresh = normal_data(2000)
false_alarms = (recon_error(fresh) > r_thr).mean()
print(f"false alarms on fresh normal data: {false_alarms:.1%}")

assert recon_error(on_plane[None])[0] < r_thr and z_score(on_plane[None])[0] < z_thr
assert recon_error(off_plane[None])[0] > 2 * r_thr     # caught by reconstruction error...
assert z_score(off_plane[None])[0] < z_thr             # ...but every feature looks normal
assert z_score(far_away[None])[0] > z_thr and recon_error(far_away[None])[0] > r_thr
assert false_alarms < 0.03
