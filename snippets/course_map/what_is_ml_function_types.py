"""Six kinds of function, told apart by the type of their input and output."""
import numpy as np

CLASSES = ["cat", "dog", "bird"]
WORDS = {"我": "I", "爱": "love", "深度学习": "deep learning"}


def vector_to_scalar(x: np.ndarray, w: np.ndarray, b: float) -> float:
    """Regression: a vector of features to one number, b + w . x.

    Args:
        x: the features, shape (d,).
        w: the weights, shape (d,).
        b: the bias.

    Returns:
        One float, e.g. tomorrow's value.

    Examples:
        >>> vector_to_scalar(np.array([1.0, 2.0]), np.array([0.5, -1.0]), 0.25)
        -1.25
    """
    return float(b + w @ x)


def to_class(x: np.ndarray, W: np.ndarray, classes: list[str]) -> str:
    """Classification: score every class with W @ x (x flattened) and answer with the best one.

    Args:
        x: a vector of shape (d,) or a matrix (an image) of any shape with d entries.
        W: one row of weights per class, shape (len(classes), d).
        classes: the names of the options.

    Returns:
        One of ``classes``, never anything else.

    Examples:
        >>> to_class(np.array([[1.0, 0.0], [0.0, 1.0]]), np.eye(3, 4), ["a", "b", "c"])
        'a'
    """
    return classes[int(np.argmax(W @ np.reshape(x, -1)))]


def sequence_to_class(frames: np.ndarray, W: np.ndarray) -> int:
    """Speaker identification: frames of any length are averaged over time, then scored.

    Args:
        frames: T frames of f numbers, shape (T, f), any T >= 1.
        W: one row of weights per speaker, shape (speakers, f).

    Returns:
        The index of the chosen speaker.

    Examples:
        >>> W = np.array([[1.0, 0.0], [0.0, 1.0]])
        >>> sequence_to_class(np.array([[0.0, 1.0]]), W), sequence_to_class(np.array([[3.0, 0.0], [0.0, 1.0]]), W)
        (1, 0)
    """
    return int(np.argmax(W @ frames.mean(axis=0)))


def sequence_to_sequence(tokens: list[str], dictionary: dict[str, str]) -> list[str]:
    """Translation, word by word: a sequence of words to a sequence of words.

    Args:
        tokens: the words of the input sentence.
        dictionary: a translation for every word.

    Returns:
        The translated words, one per input word, in order.

    Examples:
        >>> sequence_to_sequence(["爱", "我"], {"我": "I", "爱": "love"})
        ['love', 'I']
    """
    return [dictionary[t] for t in tokens]


def sequence_to_matrix(frames: np.ndarray, W: np.ndarray, side: int) -> np.ndarray:
    """Generation: a description (T frames) to an image whose pixels lie in (0, 1).

    Args:
        frames: the description, shape (T, f).
        W: weights from the mean frame to the pixels, shape (side * side, f).
        side: the image's width and height.

    Returns:
        The image, shape (side, side).

    Examples:
        >>> sequence_to_matrix(np.zeros((3, 2)), np.ones((4, 2)), 2).tolist()
        [[0.5, 0.5], [0.5, 0.5]]
    """
    return (1 / (1 + np.exp(-(W @ frames.mean(axis=0))))).reshape(side, side)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    W_vec = rng.normal(size=(3, 4))  # 4 input features -> 3 class scores
    W_img = rng.normal(size=(3, 8 * 8))  # 8x8 image -> 3 class scores
    W_seq = rng.normal(size=(2, 5))  # 5-dim frames -> 2 speakers
    W_gen = rng.normal(size=(8 * 8, 5))  # 5-dim summary -> 8x8 image
    w_reg = np.array([0.2, -0.1, 0.4, 0.3])
    x, img = rng.normal(size=4), rng.normal(size=(8, 8))
    short, long = rng.normal(size=(3, 5)), rng.normal(size=(11, 5))
    rows = [
        ("vector -> scalar", "4 numbers", f"{vector_to_scalar(x, w_reg, 0.5):.4f}"),
        ("vector -> class", "4 numbers", to_class(x, W_vec, CLASSES)),
        ("matrix -> class", "8x8 image", to_class(img, W_img, CLASSES)),
        ("sequence -> class", "3 frames", f"speaker {sequence_to_class(short, W_seq)}"),
        ("sequence -> class", "11 frames", f"speaker {sequence_to_class(long, W_seq)}"),
        ("sequence -> sequence", "3 words", sequence_to_sequence(["我", "爱", "深度学习"], WORDS)),
        ("sequence -> matrix", "11 frames", f"image of shape {sequence_to_matrix(long, W_gen, 8).shape}"),
    ]
    for kind, what_in, out in rows:
        print(f"{kind:<22} in: {what_in:<10} out: {out}")

    # a classifier only ever answers with one of the given options, and each one is reachable
    assert {to_class(v, W_vec, CLASSES) for v in rng.normal(size=(300, 4))} == set(CLASSES)
    assert {to_class(m, W_img, CLASSES) for m in rng.normal(size=(300, 8, 8))} == set(CLASSES)
    # any length of sequence gets an answer, and both speakers occur
    assert {sequence_to_class(rng.normal(size=(T, 5)), W_seq) for T in range(1, 60)} == {0, 1}
    assert sequence_to_sequence(["爱", "我"], WORDS) == ["love", "I"]  # the output follows the input
    out_img = sequence_to_matrix(short, W_gen, 8)
    assert out_img.shape == (8, 8) and ((out_img > 0) & (out_img < 1)).all()
