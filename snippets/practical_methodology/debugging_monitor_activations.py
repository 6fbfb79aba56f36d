"""Forward and backward hooks record activations: dead ReLUs and saturated tanh units after a preprocessing bug."""
import torch


def activation_stats(net: torch.nn.Sequential, x: torch.Tensor, relu: int, tanh: int) -> dict[str, float]:
    """Run x through net with hooks on one ReLU and one tanh layer, and summarise what they saw.

    Args:
        net: the network; ``net[relu]`` is a ReLU module and ``net[tanh]`` a Tanh module.
        x: a batch of inputs, shape (n, d).
        relu: the index of the ReLU module in net.
        tanh: the index of the Tanh module in net.

    Returns:
        "dead": the share of ReLU units that output 0 for every example; "saturated": the share of
        tanh units with |output| > 0.99 on at least 90% of the examples; "slope": |dL/dz| / |dL/da|
        through the tanh layer for L = sum of the outputs, the average slope tanh'(z) that the
        gradient sees; "hist": the share of tanh outputs in 5 equal bins over [-1, 1].

    Examples:
        >>> net = torch.nn.Sequential(torch.nn.Linear(1, 2), torch.nn.ReLU(), torch.nn.Linear(2, 2), torch.nn.Tanh())
        >>> with torch.no_grad():
        ...     _ = net[0].weight.copy_(torch.tensor([[1.0], [-1.0]])), net[0].bias.zero_()
        >>> activation_stats(net, torch.tensor([[1.0], [2.0]]), relu=1, tanh=3)["dead"]  # unit 2 never fires
        0.5
    """
    record = {}
    hooks = [net[relu].register_forward_hook(lambda m, i, out: record.update(relu=out.detach())),
             net[tanh].register_forward_hook(lambda m, i, out: record.update(tanh=out.detach())),
             net[tanh].register_full_backward_hook(  # grad_input: dL/dz, grad_output: dL/da, a = tanh(z)
                 lambda m, g_in, g_out: record.update(slope=(g_in[0].norm() / g_out[0].norm()).item()))]
    net.zero_grad()
    net(x).sum().backward()
    for h in hooks:
        h.remove()
    a = record["tanh"]
    return {"dead": (record["relu"] == 0).all(dim=0).double().mean().item(),
            "saturated": ((a.abs() > 0.99).double().mean(dim=0) > 0.9).double().mean().item(),
            "slope": record["slope"], "hist": (torch.histc(a, bins=5, min=-1, max=1) / a.numel()).tolist()}


if __name__ == "__main__":
    torch.manual_seed(0)
    raw = 100 + 5 * torch.randn(256, 20, dtype=torch.float64)  # raw features: mean 100, std 5
    standardised = (raw - raw.mean(0)) / raw.std(0)
    net = torch.nn.Sequential(torch.nn.Linear(20, 64), torch.nn.ReLU(), torch.nn.Linear(64, 64), torch.nn.Tanh(),
                              torch.nn.Linear(64, 1)).double()
    stats = {}
    for name, x in [("standardised inputs", standardised), ("raw inputs (bug)", raw)]:
        stats[name] = s = activation_stats(net, x, relu=1, tanh=3)
        print(f"{name}:")
        print(f"  dead ReLU units       {s['dead']:.2f}")
        print(f"  saturated tanh units  {s['saturated']:.2f}")
        print(f"  mean tanh slope seen by the gradient {s['slope']:.3f}")
        print("  tanh output histogram over [-1, 1] in 5 bins:", " ".join(f"{h:.2f}" for h in s["hist"]))
    good, bad = stats["standardised inputs"], stats["raw inputs (bug)"]
    assert good["dead"] == 0 and bad["dead"] > 0.25  # the bug kills a large share of ReLUs
    assert good["saturated"] == 0 and bad["saturated"] > 0.5  # and pins most tanh units at +-1
    assert bad["slope"] < good["slope"] / 3  # so much less gradient flows through them
