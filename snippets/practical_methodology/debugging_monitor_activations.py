"""Forward hooks record activations: dead ReLUs and saturated tanh units after a preprocessing bug."""
import torch

torch.manual_seed(0)
raw = 100 + 5 * torch.randn(256, 20, dtype=torch.float64)  # raw features: mean 100, std 5
standardised = (raw - raw.mean(0)) / raw.std(0)

net = torch.nn.Sequential(torch.nn.Linear(20, 64), torch.nn.ReLU(),
                          torch.nn.Linear(64, 64), torch.nn.Tanh(),
                          torch.nn.Linear(64, 1)).double()
record = {}


def keep(name):
    """Forward hook that stores the module's output under `name`."""
    def hook(module, inputs, output):
        record[name] = output.detach()
    return hook


def keep_grad_ratio(module, grad_input, grad_output):
    """Backward hook on tanh: |dL/dz| / |dL/da| is the average slope tanh'(z) the gradient sees."""
    record["tanh slope"] = (grad_input[0].norm() / grad_output[0].norm()).item()


net[1].register_forward_hook(keep("relu"))
net[3].register_forward_hook(keep("tanh"))
net[3].register_full_backward_hook(keep_grad_ratio)

stats = {}
for name, x in [("standardised inputs", standardised), ("raw inputs (bug)", raw)]:
    net(x).sum().backward()
    relu, tanh = record["relu"], record["tanh"]
    dead = (relu == 0).all(dim=0).double().mean().item()          # zero for every example
    saturated = (tanh.abs() > 0.99).double().mean(dim=0)           # per unit: share of examples
    frac_sat = (saturated > 0.9).double().mean().item()             # units saturated 90% of the time
    hist = torch.histc(tanh, bins=5, min=-1, max=1) / tanh.numel()
    stats[name] = (dead, frac_sat, record["tanh slope"])
    print(f"{name}:")
    print(f"  dead ReLU units       {dead:.2f}")
    print(f"  saturated tanh units  {frac_sat:.2f}")
    print(f"  mean tanh slope seen by the gradient {record['tanh slope']:.3f}")
    print("  tanh output histogram over [-1, 1] in 5 bins:", " ".join(f"{h:.2f}" for h in hist))

good, bad = stats["standardised inputs"], stats["raw inputs (bug)"]
assert good[0] == 0 and bad[0] > 0.25      # the bug kills a large share of ReLUs
assert good[1] == 0 and bad[1] > 0.5       # and pins most tanh units at +-1
assert bad[2] < 0.2 * good[2]               # so almost no gradient flows through them
