"""List the most confidently wrong test predictions: here they expose mislabelled examples."""
import torch

torch.manual_seed(0)
centers = 1.6 * torch.tensor([[0.0, 2.0], [-2.0, -1.0], [2.0, -1.0]], dtype=torch.float64)


def make(n):
    """Three Gaussian blobs -> (x (n, 2), y (n,))."""
    y = torch.randint(0, 3, (n,))
    return centers[y] + torch.randn(n, 2, dtype=torch.float64), y


x_tr, y_tr = make(300)
x_te, y_te = make(300)
flipped = torch.arange(0, 300, 50)  # 6 annotation errors planted in the test labels
y_te[flipped] = (y_te[flipped] + 1) % 3

model = torch.nn.Linear(2, 3).double()  # softmax regression, full-batch gradient descent
for _ in range(200):
    model.zero_grad()
    torch.nn.functional.cross_entropy(model(x_tr), y_tr).backward()
    with torch.no_grad():
        for p in model.parameters():
            p -= 0.5 * p.grad

with torch.no_grad():
    prob = torch.softmax(model(x_te), dim=1)
conf, pred = prob.max(dim=1)
wrong = torch.nonzero(pred != y_te).flatten()
worst = wrong[torch.argsort(conf[wrong], descending=True)]
acc = (pred == y_te).double().mean()
print(f"test accuracy {acc:.3f}; {len(wrong)} mistakes, most confident first:")
print("  index  label  predicted  confidence  planted label error?")
for i in worst[:10].tolist():
    print(f"  {i:5d}  {y_te[i].item():5d}  {pred[i].item():9d}  {conf[i].item():10.3f}  "
          f"{'yes' if i in flipped else ''}")

assert torch.all(pred[worst] != y_te[worst])
assert torch.all(torch.diff(conf[worst]) <= 0)
# the top of the list is dominated by the planted label errors, not by genuinely hard examples
top = set(worst[: len(flipped)].tolist())
assert len(top & set(flipped.tolist())) >= 5
is_planted = torch.isin(wrong, flipped)
print(f"mean confidence: planted errors {conf[wrong[is_planted]].mean():.3f}, "
      f"genuine mistakes {conf[wrong[~is_planted]].mean():.3f}")
assert conf[wrong[is_planted]].mean() > conf[wrong[~is_planted]].mean() + 0.2
