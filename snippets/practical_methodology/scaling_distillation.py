"""Model compression: train a small net on a big net's outputs at freshly sampled inputs."""
import torch

torch.manual_seed(0)


def truth(x):
    """The function behind the labels: sin(2 x1) cos(x2), for x (n, 2) -> (n, 1)."""
    return torch.sin(2 * x[:, :1]) * torch.cos(x[:, 1:])


def mlp(width):
    """A 2-width-width-1 tanh network in float64."""
    return torch.nn.Sequential(torch.nn.Linear(2, width), torch.nn.Tanh(), torch.nn.Linear(width, width),
                               torch.nn.Tanh(), torch.nn.Linear(width, 1)).double()


def fit(net, x, y, steps, lr=1e-2):
    """Full-batch Adam on the mean squared error -> the trained net."""
    opt = torch.optim.Adam(net.parameters(), lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        torch.nn.functional.mse_loss(net(x), y).backward()
        opt.step()
    return net


def n_params(net):
    """Number of trainable numbers in a network."""
    return sum(p.numel() for p in net.parameters())


x_tr = torch.rand(200, 2, dtype=torch.float64) * 4 - 2          # 200 labelled examples
y_tr = truth(x_tr) + 0.1 * torch.randn(200, 1, dtype=torch.float64)
x_te = torch.rand(1000, 2, dtype=torch.float64) * 4 - 2

teacher = fit(mlp(32), x_tr, y_tr, 250)
with torch.no_grad():  # sample inputs like the data: training points, jittered
    x_new = x_tr.repeat(5, 1) + 0.3 * torch.randn(1000, 2, dtype=torch.float64)
    y_new = teacher(x_new)  # the teacher labels as many points as we care to draw
torch.manual_seed(1)
student = fit(mlp(8), x_new, y_new, 250, lr=3e-2)

with torch.no_grad():
    err_t = torch.nn.functional.mse_loss(teacher(x_te), truth(x_te)).item()
    err_s = torch.nn.functional.mse_loss(student(x_te), truth(x_te)).item()
    gap = torch.nn.functional.mse_loss(student(x_te), teacher(x_te)).item()
    spread = teacher(x_te).var().item()
print(f"parameters: teacher {n_params(teacher)}, student {n_params(student)}")
print(f"test MSE against the true function: teacher {err_t:.4f}, student {err_s:.4f}")
print(f"student vs teacher: MSE {gap:.4f}, while the teacher's outputs vary with variance {spread:.3f}")
assert n_params(student) * 10 < n_params(teacher)
assert gap < 0.02 * spread        # the student reproduces the teacher's function closely ...
assert err_s < 1.5 * err_t        # ... and so stays nearly as accurate with 1/10 of the weights
