"""A second opinion on a message: a small linear model over character n-grams.

Trained offline on the labelled set (``escalation/eval/*.tsv``) by
``python -m escalation.train_second_opinion train``, which needs scikit-learn (a dev-only
dependency); the model is exported to ``second_opinion.json`` (the n-gram vocabulary, each
n-gram's idf and weight, the intercept and the confidence threshold) and scored here in pure
Python, so nothing that runs the bot imports scikit-learn.

The features are scikit-learn's ``TfidfVectorizer(analyzer="char_wb", sublinear_tf=True)``:
lower-cased words padded with one space each side, cut into n-grams that never cross a word
boundary; ``1 + ln(count)`` times the n-gram's idf, L2-normalized; the model is a logistic
regression, so the score is ``sigmoid(intercept + weights . features)``: the probability that the
message carries any risk (concern, high or imminent).
"""

from __future__ import annotations

import json
import math
import pathlib
from collections import Counter
from dataclasses import dataclass
from typing import Any

__all__ = ["MODEL_PATH", "SecondOpinion", "char_wb_ngrams"]

MODEL_PATH = pathlib.Path(__file__).with_name("second_opinion.json")


def char_wb_ngrams(text: str, min_n: int, max_n: int) -> list[str]:
    """N-grams of ``min_n``..``max_n`` characters inside each space-padded, lower-cased word;
    a word shorter than an n-gram size counts once, whole."""
    out: list[str] = []
    for word in text.lower().split():
        padded = f" {word} "
        size = len(padded)
        for n in range(min_n, max_n + 1):
            if size <= n:
                out.append(padded)
                break
            out.extend(padded[i : i + n] for i in range(size - n + 1))
    return out


@dataclass(frozen=True)
class SecondOpinion:
    """The exported model: ``probability(text)``, and ``confident(text)`` at the threshold."""

    min_n: int
    max_n: int
    features: dict[str, tuple[float, float]]  # n-gram -> (idf, weight)
    intercept: float
    threshold: float

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SecondOpinion:
        features = {gram: (float(idf), float(w)) for gram, (idf, w) in data["features"].items()}
        return cls(
            min_n=int(data["ngram_range"][0]),
            max_n=int(data["ngram_range"][1]),
            features=features,
            intercept=float(data["intercept"]),
            threshold=float(data["threshold"]),
        )

    @classmethod
    def load(cls, path: pathlib.Path = MODEL_PATH) -> SecondOpinion:
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))

    def probability(self, text: str) -> float:
        """The model's probability that ``text`` carries any risk."""
        counts = Counter(char_wb_ngrams(text, self.min_n, self.max_n))
        dot = norm2 = 0.0
        for gram, count in counts.items():
            found = self.features.get(gram)
            if found is None:
                continue
            idf, weight = found
            value = (1.0 + math.log(count)) * idf
            dot += value * weight
            norm2 += value * value
        z = self.intercept + (dot / math.sqrt(norm2) if norm2 else 0.0)
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        ez = math.exp(z)
        return ez / (1.0 + ez)

    def confident(self, text: str) -> bool:
        """Whether the model is confident enough that ``text`` carries risk."""
        return self.probability(text) >= self.threshold
