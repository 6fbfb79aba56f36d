"""Exercises for "Preprocessing for computer vision": mean subtraction, test-time augmentation, GCN and LCN."""
import contextlib
import io
import json

import numpy as np


def run_code(code: str) -> str:
    """Run a few lines as a fresh script and return what they printed, stripped.

    Examples:
        >>> run_code("print(2 + 3)")
        '5'
    """
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {"__name__": "__exercise__"})
    return out.getvalue().strip()


def gcn(X: np.ndarray, s: float = 1.0, lam: float = 0.0, eps: float = 1e-8) -> np.ndarray:
    """Global contrast normalization: s (X - mean) / max(eps, sqrt(lam + mean((X - mean)^2))).

    Examples:
        >>> gcn(np.array([1.0, 3.0])).tolist()
        [-1.0, 1.0]
    """
    c = X - X.mean()
    return s * c / max(eps, np.sqrt(lam + np.mean(c**2)))


def lcn_centre(window: np.ndarray, eps: float = 1e-8) -> float:
    """The LCN value of a window's centre pixel: (x - window mean) / max(eps, window std).

    Examples:
        >>> lcn_centre(np.array([0.0, 1.0, 2.0]))
        0.0
    """
    x = window[len(window) // 2]
    return float((x - window.mean()) / max(eps, window.std()))


if __name__ == "__main__":
    exercises = []

    # cv-preprocessing
    exercises.append({
        "id": "mean-from-which-set", "concept": "cv-preprocessing", "kind": "choice",
        "question": "For per-pixel mean subtraction, which images is the mean image computed from?",
        "options": [
            {"text": "Training, validation and test images together", "why": "The test images would leak into preprocessing: the test score would no longer measure new data."},
            {"text": "The training images only, then subtracted from every image", "why": "The same fixed mean is applied everywhere, and nothing is learned from the test set."},
            {"text": "Each set's own images", "why": "The three sets would be shifted differently, and a single test image has no set to average over."},
        ],
        "answer": 1,
        "hint": "Preprocessing is part of the model: what may the model see before it is tested?",
        "solution": "Compute the mean on the training set and subtract that same mean image from training, validation "
                    "and test images.",
    })
    code = ("import numpy as np\n"
            "train = np.array([[100., 120.], [110., 130.], [120., 140.]])   # 3 images of 2 pixels\n"
            "test = np.array([115., 125.])\n"
            "print((test - train.mean(axis=0)).tolist())")
    printed = json.loads(run_code(code))
    exercises.append({
        "id": "mean-subtract-test", "concept": "cv-preprocessing", "kind": "predict",
        "question": "What does this print? Give the two numbers.",
        "code": code, "answer": printed, "tolerance": 0.01,
        "hint": "Average each pixel over the training images, then subtract from the test image.",
        "solution": f"The mean image is {np.mean([[100, 120], [110, 130], [120, 140]], axis=0).tolist()}, so the test "
                    f"image becomes {printed}.",
    })
    views = np.array([[0.50, 0.30, 0.20], [0.20, 0.45, 0.35], [0.25, 0.40, 0.35]])
    code = ("import numpy as np\n"
            f"views = np.array([{views[0].tolist()},   # class probabilities: the image as is\n"
            f"                  {views[1].tolist()},   # shifted one pixel\n"
            f"                  {views[2].tolist()}])  # mirrored\n"
            "print(views.mean(axis=0).argmax())")
    tta = int(run_code(code))
    assert tta != views[0].argmax()
    exercises.append({
        "id": "tta-vote", "concept": "cv-preprocessing", "kind": "predict",
        "question": "Test-time augmentation averages the outputs over three views of one image. Which class does it "
                    "predict? Predict what this prints.",
        "code": code, "answer": tta, "tolerance": 0.1,
        "hint": "Average each column, then take the largest.",
        "solution": f"The averages are {np.round(views.mean(0), 3).tolist()}, so class {tta}, although the unaugmented "
                    f"view alone would say class {views[0].argmax()}.",
    })

    # contrast-normalization
    img = np.array([[1.0, 2.0], [3.0, 6.0]])
    g0, g1 = gcn(img)[1, 1], gcn(img, lam=1.0)[1, 1]
    var = np.mean((img - img.mean()) ** 2)
    exercises.append({
        "id": "gcn-pixel", "concept": "contrast-normalization", "kind": "numeric",
        "question": f"A 2 x 2 grey image has pixels {img.ravel().tolist()}. After GCN with $s = 1$, $\\lambda = 0$ and a "
                    "tiny $\\varepsilon$, what value does the brightest pixel take, to 3 decimals?",
        "answer": g0, "tolerance": 0.0015,
        "hint": "Subtract the image mean, then divide by the standard deviation of the four pixels (dividing by 4, not 3).",
        "solution": f"Mean {img.mean():g}; squared deviations average to {var:g}; "
                    f"$({img.max():g} - {img.mean():g})/\\sqrt{{{var:g}}} = {g0:.3f}$.",
    })
    exercises.append({
        "id": "gcn-lambda", "concept": "contrast-normalization", "kind": "numeric",
        "question": "Same image, now with $\\lambda = 1$. What value does the brightest pixel take, to 3 decimals?",
        "answer": g1, "tolerance": 0.0015,
        "hint": "$\\lambda$ is added to the variance under the square root.",
        "solution": f"$({img.max():g} - {img.mean():g})/\\sqrt{{{var:g} + 1}} = {g1:.3f}$: smaller than {g0:.3f}, "
                    "because $\\lambda$ damps the rescaling; it matters most for images whose variance is not much "
                    "larger than $\\lambda$.",
    })
    code = ("import numpy as np\n"
            "gcn = lambda X, s: s * (X - X.mean()) / X.std()\n"
            "X = np.random.default_rng(0).uniform(0, 255, size=(8, 8))\n"
            "print(round(np.linalg.norm(gcn(3 * X + 7, s=2)), 6))")
    norm = float(run_code(code))
    assert abs(norm - 2 * np.sqrt(64)) < 1e-6
    exercises.append({
        "id": "gcn-sphere", "concept": "contrast-normalization", "kind": "predict",
        "question": "What does this print? (The image is random, but the answer is not.)",
        "code": code, "answer": norm, "tolerance": 0.001,
        "hint": "After GCN with $\\lambda = 0$ the mean square of the pixels is $s^2$, whatever the input.",
        "solution": f"The sum of squares is $64 s^2$, so the norm is $s \\sqrt{{64}} = 2 \\cdot 8 = {norm:g}$; the "
                    "contrast (3) and brightness (+7) changes are removed.",
    })
    window = np.array([2.0, 4.0, 9.0])
    v = lcn_centre(window)
    exercises.append({
        "id": "lcn-centre", "concept": "contrast-normalization", "kind": "numeric",
        "question": f"LCN over a window of 3 pixels along a row: the pixel of value {window[1]:g} has neighbours "
                    f"{window[0]:g} and {window[2]:g}. What is its normalized value (population standard deviation, "
                    "tiny $\\varepsilon$), to 3 decimals?",
        "answer": v, "tolerance": 0.0015,
        "hint": "Subtract the window's mean and divide by the window's standard deviation.",
        "solution": f"Window mean {window.mean():g}, standard deviation {window.std():.4f}; "
                    f"$({window[1]:g} - {window.mean():g})/{window.std():.4f} = {v:.3f}$.",
    })
    exercises.append({
        "id": "gcn-or-lcn-shadow", "concept": "contrast-normalization", "kind": "choice",
        "question": "An image has one half in deep shadow, with faint edges inside it. Which normalization makes those "
                    "edges as strong as the edges in the sunlit half?",
        "options": [
            {"text": "LCN", "why": "Each window is rescaled by its own standard deviation, so faint local edges are amplified."},
            {"text": "GCN", "why": "GCN is one affine map of the whole image: it keeps the ratio of contrasts between the halves."},
            {"text": "Per-pixel mean subtraction", "why": "It shifts intensities and leaves every contrast unchanged."},
        ],
        "answer": 0,
        "hint": "Which method's scale factor depends on the position in the image?",
        "solution": "LCN: the shadowed windows are divided by their own small standard deviation. The price is that the "
                    "noise of dark regions is amplified too, which $\\varepsilon$ or a larger window limits.",
    })
    print(json.dumps(exercises, ensure_ascii=False))
