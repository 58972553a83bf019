"""The second opinion's pure-Python scorer equals scikit-learn's, and its raise-only rule."""

from __future__ import annotations

import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from escalation import train_second_opinion as training
from escalation.detector import RiskLevel
from escalation.second_opinion import MODEL_PATH, SecondOpinion, char_wb_ngrams

ODD_TEXTS = [
    "",
    "   ",
    "a",
    "I  want\tto\n\ndie",
    "AKU CAPEK BANGET 😭😭 wkwk",
    "s u i c i d e",
    "ok",
    "bunuh-diri?? m4t1 aja lah",
    "Ünïcödé ß ÇA",
    "kak aku gapapa kok, cuma ujian matematika bikin pengen mati wkwk",
]


@pytest.fixture(scope="module")
def fitted() -> tuple[object, SecondOpinion, list[str]]:
    examples = training.training_examples()
    texts = [e.text for e in examples]
    data = training.load_model_data()
    pipe = training.make_pipeline(float(data["C"])).fit(texts, training.targets(examples))
    return pipe, SecondOpinion.from_dict(training.export(pipe, 0.5)), texts


@pytest.mark.parametrize("text", ODD_TEXTS)
@pytest.mark.parametrize("ngram_range", [(2, 4), (1, 3), (3, 5)])
def test_ngrams_equal_sklearn_analyzer(text: str, ngram_range: tuple[int, int]) -> None:
    analyzer = TfidfVectorizer(analyzer="char_wb", ngram_range=ngram_range).build_analyzer()
    assert char_wb_ngrams(text, *ngram_range) == analyzer(text)


def test_pure_python_probability_equals_predict_proba(
    fitted: tuple[object, SecondOpinion, list[str]],
) -> None:
    pipe, opinion, texts = fitted
    sample = texts + ODD_TEXTS
    expected = pipe.predict_proba(sample)[:, 1]  # type: ignore[attr-defined]
    got = [opinion.probability(text) for text in sample]
    worst = max(abs(a - float(b)) for a, b in zip(got, expected, strict=True))
    assert worst < 1e-6
    assert min(got) < 0.2  # the check compares real, varied scores
    assert max(got) > 0.8


def test_committed_model_is_the_one_training_produces(
    fitted: tuple[object, SecondOpinion, list[str]],
) -> None:
    _, fresh, texts = fitted
    committed = SecondOpinion.load(MODEL_PATH)
    assert committed.features.keys() == fresh.features.keys()
    assert 0.5 <= committed.threshold < 1.0
    for text in texts[:200]:
        assert committed.probability(text) == pytest.approx(fresh.probability(text), abs=1e-9)


class _Always:
    """A stand-in model that is always (or never) confident."""

    def __init__(self, sure: bool) -> None:
        self.sure = sure

    def confident(self, text: str) -> bool:
        return self.sure


def test_training_never_reads_holdout11() -> None:
    assert all(d.name not in ("holdout11", "holdout12") for d in training.TRAIN_DIRS)
    assert len(training.TRAIN_DIRS) == 11


@pytest.mark.parametrize("level", list(RiskLevel))
def test_rule_only_raises_none_to_concern(level: RiskLevel) -> None:
    raised = training.with_second_opinion(level, "anything", _Always(True))
    assert raised is (RiskLevel.CONCERN if level is RiskLevel.NONE else level)
    assert training.with_second_opinion(level, "anything", _Always(False)) is level


def test_exam_joke_is_not_raised() -> None:
    opinion = SecondOpinion.load()
    text = "besok ujian fisika, mati aku wkwk belum belajar sama sekali"
    assert training.with_second_opinion(RiskLevel.NONE, text, opinion) is RiskLevel.NONE


def test_detector_raises_only_when_the_rules_find_nothing() -> None:
    # opt-in (not adopted, see SECOND_OPINION.md): what Detector.load(second_opinion=True) does
    from escalation.detector import SECOND_OPINION, Detector

    full, rules = Detector.load(second_opinion=True), Detector.load()
    # round 9 gave the rules "pengen udahan aja" (CONCERN); this one they still miss
    quiet = "hidup gini2 aja ya. ga ada yg ditunggu"
    raised = full.assess(quiet)
    assert rules.assess(quiet).level is RiskLevel.NONE
    assert raised.level is RiskLevel.CONCERN
    assert raised.categories == (SECOND_OPINION,)
    # the counselor sees why: the second opinion and its confidence
    assert raised.matches[0].entry_id == SECOND_OPINION
    assert raised.matches[0].parts[0].startswith("second opinion: 0.")
    # a rule's finding is never changed, and the end-to-end request stays NONE
    high = "aku mau bunuh diri"
    assert full.assess(high) == rules.assess(high)
    e2e = "Aku stres banget karena ujian dan tidak bisa tidur beberapa hari ini."
    assert full.assess(e2e).level is RiskLevel.NONE
