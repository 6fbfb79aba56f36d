"""Exercises for the page on what machine learning is: kinds of function, a linear forecast and its
baseline, a softmax over moves, and the size of a structured output space."""
import json
import math

import numpy as np
import torch


def softmax(scores: list[float]) -> list[float]:
    """The softmax of a list of scores.

    Examples:
        >>> softmax([0.0, 0.0])
        [0.5, 0.5]
    """
    e = [math.exp(s - max(scores)) for s in scores]
    return [v / sum(e) for v in e]


if __name__ == "__main__":
    w, b, last = np.array([0.2, 0.3, 0.5]), 0.1, np.array([10.0, 12.0, 11.0])   # oldest day first
    forecast = float(b + w @ last)
    series = np.array([3.0, 5.0, 4.0, 6.0, 5.0])
    mae_yesterday = float(np.abs(series[1:] - series[:-1]).mean())
    probs = softmax([2.0, 1.0, 0.0])
    assert abs(probs[0] - torch.softmax(torch.tensor([2.0, 1.0, 0.0], dtype=torch.float64), 0)[0].item()) < 1e-12
    words, positions = 10, 4
    outputs = words**positions

    exercises = [
        {"id": "function-kind-speech", "concept": "ml-finds-a-function", "kind": "choice", "shuffle": True,
         "question": "Speech recognition turns an audio recording into the words that were said. Which kind of "
                     "function is it?",
         "options": [
             {"text": "sequence → sequence",
              "why": "Right: a sequence of audio frames in, a sequence of words out, of another length."},
             {"text": "vector → scalar",
              "why": "That is regression on a fixed set of numbers, such as tomorrow's temperature."},
             {"text": "sequence → class",
              "why": "That fits speaker identification, one label for the whole recording."},
             {"text": "matrix → class",
              "why": "That is image classification."}],
         "answer": 0,
         "hint": "How long is the output, and is it one choice or many?",
         "solution": "Both the input (frames) and the output (words) are sequences, and their lengths differ. "
                     "That makes it a sequence-to-sequence function."},
        {"id": "regression-forecast", "concept": "regression", "kind": "numeric",
         "question": "A linear forecast is $y = b + \\sum_i w_i x_i$ with $b = 0.1$ and weights $(0.2, 0.3, 0.5)$ "
                     "on the values of three days ago, two days ago and yesterday. Those values were 10, 12 and 11. "
                     "What is the forecast?",
         "answer": forecast, "tolerance": 0.005,
         "hint": "Multiply each day by its weight, add them and the bias.",
         "solution": f"$0.1 + 0.2 \\cdot 10 + 0.3 \\cdot 12 + 0.5 \\cdot 11 = {forecast:.2f}$."},
        {"id": "regression-baseline-mae", "concept": "regression", "kind": "numeric",
         "question": "The series $3, 5, 4, 6, 5$ is forecast by \"same as yesterday\" from the second value on. "
                     "What is the mean absolute error of these four forecasts?",
         "answer": mae_yesterday, "tolerance": 0.005,
         "hint": "The forecast for each day is the value before it.",
         "solution": f"Errors $|5 - 3|, |4 - 5|, |6 - 4|, |5 - 6| = 2, 1, 2, 1$: the MAE is {mae_yesterday:.2f}. "
                     "A learned model is worth keeping only if it beats such a baseline."},
        {"id": "classification-softmax", "concept": "classification", "kind": "numeric",
         "question": "A classifier gives the scores $(2, 1, 0)$ to three options. What probability does the "
                     "softmax give the first option? Give 3 decimals.",
         "answer": probs[0], "tolerance": 0.0015,
         "hint": "$e^{2} / (e^{2} + e^{1} + e^{0})$.",
         "solution": f"$e^2 / (e^2 + e + 1) = 7.389 / 11.107 = {probs[0]:.3f}$; the others get "
                     f"{probs[1]:.3f} and {probs[2]:.3f}."},
        {"id": "classification-go", "concept": "classification", "kind": "choice", "shuffle": True,
         "question": "Why is choosing the next move in Go a classification task?",
         "options": [
             {"text": "The output is one choice from a fixed set of options, the points of the board",
              "why": "Right: 19 × 19 classes, with illegal moves removed."},
             {"text": "The output is a number, the score of the game",
              "why": "That would be regression."},
             {"text": "The output is a whole game, move after move",
              "why": "One decision is a single move; a whole game would be a structured output."},
             {"text": "The board is an image",
              "why": "The input's type does not decide the task; the output's does."}],
         "answer": 0,
         "hint": "Look at what comes out, not at what goes in.",
         "solution": "Classification picks one of a fixed set of classes. In Go the classes are the "
                     "$19 \\times 19 = 361$ points of the board."},
        {"id": "structured-output-count", "concept": "structured-learning", "kind": "numeric",
         "question": "A model writes a 4-word sentence, each word taken from a vocabulary of 10. How many "
                     "different outputs are there?",
         "answer": outputs, "tolerance": 0.5,
         "hint": "Each position is chosen independently from the vocabulary.",
         "solution": f"$10^4 = {outputs}$. Too many to treat each sentence as one class: structured "
                     "learning builds the output part by part instead."},
        {"id": "structured-why", "concept": "structured-learning", "kind": "choice", "shuffle": True,
         "question": "On the page, choosing each word on its own gives many wrong sentences. Why does generating "
                     "word after word fix it?",
         "options": [
             {"text": "Each word is chosen knowing the words before it, so the parts agree",
              "why": "Right: the parts of a structured output depend on each other."},
             {"text": "It uses a larger vocabulary",
              "why": "The vocabulary is the same."},
             {"text": "It has more training data",
              "why": "Both use the same data; only how the output is built differs."},
             {"text": "It picks the most likely word at every position",
              "why": "Both sample; the difference is what each choice is conditioned on."}],
         "answer": 0,
         "hint": "What does the independent model ignore when it picks the verb?",
         "solution": "With independent positions, \"the cat sleep\" is as likely as any mix of parts. "
                     "Conditioning each word on the earlier ones keeps the sentence consistent."},
    ]
    print(json.dumps(exercises, ensure_ascii=False))
