"""Six kinds of function, told apart by the type of their input and output."""
import numpy as np

rng = np.random.default_rng(0)
CLASSES = ["cat", "dog", "bird"]
W_vec = rng.normal(size=(3, 4))           # 4 input features -> 3 class scores
W_img = rng.normal(size=(3, 8 * 8))       # 8x8 image -> 3 class scores
W_seq = rng.normal(size=(2, 5))           # 5-dim frames -> 2 speakers
W_gen = rng.normal(size=(8 * 8, 5))       # 5-dim summary -> 8x8 image
WORDS = {"我": "I", "爱": "love", "深度学习": "deep learning"}


def vector_to_scalar(x):
    """(4,) features -> float: regression, e.g. tomorrow's value."""
    return float(0.5 + np.array([0.2, -0.1, 0.4, 0.3]) @ x)


def vector_to_class(x):
    """(4,) features -> one of CLASSES: classification."""
    return CLASSES[int(np.argmax(W_vec @ x))]


def matrix_to_class(img):
    """(8, 8) image -> one of CLASSES: image classification."""
    return CLASSES[int(np.argmax(W_img @ img.reshape(-1)))]


def sequence_to_class(frames):
    """(T, 5) frames of any length T -> speaker id: pool over time, then score."""
    return int(np.argmax(W_seq @ frames.mean(axis=0)))


def sequence_to_sequence(tokens):
    """list of words -> list of words: a (word-by-word) translation."""
    return [WORDS[t] for t in tokens]


def sequence_to_matrix(frames):
    """(T, 5) description -> (8, 8) image with pixels in (0, 1): generation."""
    return 1 / (1 + np.exp(-(W_gen @ frames.mean(axis=0)))).reshape(8, 8)


x, img = rng.normal(size=4), rng.normal(size=(8, 8))
short, long = rng.normal(size=(3, 5)), rng.normal(size=(11, 5))
rows = [
    ("vector -> scalar", "4 numbers", f"{vector_to_scalar(x):.4f}"),
    ("vector -> class", "4 numbers", vector_to_class(x)),
    ("matrix -> class", "8x8 image", matrix_to_class(img)),
    ("sequence -> class", "3 frames", f"speaker {sequence_to_class(short)}"),
    ("sequence -> class", "11 frames", f"speaker {sequence_to_class(long)}"),
    ("sequence -> sequence", "3 words", sequence_to_sequence(["我", "爱", "深度学习"])),
    ("sequence -> matrix", "11 frames", f"image of shape {sequence_to_matrix(long).shape}"),
]
for kind, what_in, out in rows:
    print(f"{kind:<22} in: {what_in:<10} out: {out}")

assert isinstance(vector_to_scalar(x), float)  # one number, not a choice
# a classifier only ever answers with one of the given options, and each one is reachable
assert {vector_to_class(v) for v in rng.normal(size=(300, 4))} == set(CLASSES)
assert {matrix_to_class(m) for m in rng.normal(size=(300, 8, 8))} == set(CLASSES)
assert {sequence_to_class(rng.normal(size=(T, 5))) for T in range(1, 60)} == {0, 1}
assert sequence_to_sequence(["爱", "我"]) == ["love", "I"]  # output follows the input
out_img = sequence_to_matrix(short)
assert out_img.shape == (8, 8) and ((out_img > 0) & (out_img < 1)).all()
