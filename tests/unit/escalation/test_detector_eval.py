"""The labelled evaluation set meets the safety targets (recall and false escalation)."""

from __future__ import annotations

import pytest

from escalation.detector import Detector
from escalation.evaluate import Report, evaluate, load_examples


@pytest.fixture(scope="module")
def report(detector: Detector) -> Report:
    return evaluate(detector, load_examples())


def test_eval_set_size() -> None:
    examples = load_examples()
    assert len(examples) >= 400
    assert {e.lang for e in examples} >= {"id", "en", "mixed"}


def test_recall_high_and_imminent(report: Report) -> None:
    assert report.recall_high_imminent >= 0.95


def test_false_escalation_on_none(report: Report) -> None:
    assert report.false_escalation_none <= 0.05
