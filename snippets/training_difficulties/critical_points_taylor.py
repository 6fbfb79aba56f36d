"""Second-order Taylor approximation of L(w) = (1 - w1*w2)^2 around a point theta'."""
import io

import matplotlib
import numpy as np
import torch

matplotlib.use("Agg")
import matplotlib.pyplot as plt

torch.manual_seed(0)


def loss(w):
    """L(w) = (1 - w1*w2)^2, the one-example model y_hat = w1*w2*x with x = y = 1; w has shape (2,)."""
    return (1.0 - w[0] * w[1]) ** 2


theta0 = torch.tensor([0.6, 0.9], dtype=torch.float64)  # theta', not a critical point
g = torch.autograd.functional.jacobian(loss, theta0)
H = torch.autograd.functional.hessian(loss, theta0)
d = torch.tensor([0.8, -0.6], dtype=torch.float64)  # a unit direction


def taylor(v, order):
    """L(theta') + v^T g (+ 1/2 v^T H v if order == 2) for a step v of shape (2,)."""
    out = loss(theta0) + v @ g
    return out + 0.5 * v @ H @ v if order == 2 else out


print(f"L(theta') = {loss(theta0):.4f}, g = {np.round(g.numpy(), 4).tolist()}")
print("   r   true L    1st order  2nd order  |err1|     |err2|")
errs = []
for r in [0.4, 0.2, 0.1, 0.05]:
    v = r * d
    true, t1, t2 = loss(theta0 + v), taylor(v, 1), taylor(v, 2)
    errs.append((abs(true - t1).item(), abs(true - t2).item()))
    print(f"{r:5.2f}  {true:.6f}  {t1:.6f}   {t2:.6f}   {errs[-1][0]:.2e}   {errs[-1][1]:.2e}")
e1, e2 = np.array(errs).T
print(f"error ratio when r halves: 1st order {np.round(e1[:-1] / e1[1:], 2)},"
      f" 2nd order {np.round(e2[:-1] / e2[1:], 2)}")
assert np.all(e2 < e1)  # the Hessian term makes the approximation better
assert np.all((e1[:-1] / e1[1:] > 3) & (e1[:-1] / e1[1:] < 5))  # first-order error ~ r^2
assert np.all((e2[:-1] / e2[1:] > 6) & (e2[:-1] / e2[1:] < 10))  # second-order error ~ r^3

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, ax = plt.subplots(figsize=(6, 3.6))
ts = torch.linspace(-1, 1, 101, dtype=torch.float64)
W = theta0 + ts[:, None] * d  # 101 points on the line
ax.plot(ts, loss(W.T), color="black", lw=2, label="true L")
ax.plot(ts, loss(theta0) + ts * (d @ g), "--", color="tab:orange", label="1st order (g)")
second = loss(theta0) + ts * (d @ g) + 0.5 * ts**2 * (d @ H @ d)
ax.plot(ts, second, ":", color="tab:blue", lw=2, label="2nd order (g and H)")
ax.plot([0], [loss(theta0)], "o", color="red", label="theta'")
ax.set(xlabel="t, where theta = theta' + t d", ylabel="L", ylim=(-0.3, 1.5),
       title="Taylor approximations along one direction")
ax.legend(fontsize=8)
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
