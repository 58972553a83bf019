"""The situation layer (escalation/lexicon/situation.toml): parts of a situation found anywhere
in a message, escalated on their combination. Every component's and every combination's
examples are test cases; the phenomena below are written for this file."""

from __future__ import annotations

import pytest

from escalation.detector import Detector, RiskLevel
from escalation.detector_lexicon import load_lexicon

_LEX = load_lexicon()

COMPONENT_CASES = [
    (r.id, text, pos)
    for r in _LEX.components
    for pos, texts in ((True, r.positive), (False, r.negative))
    for text in texts
]
COMBINATION_CASES = [
    (c.id, text, pos)
    for c in _LEX.combinations
    for pos, texts in ((True, c.positive), (False, c.negative))
    for text in texts
]


def _ids(cases: list[tuple[str, str, bool]]) -> list[str]:
    return [f"{rid}:{'+' if pos else '-'}:{text[:30]}" for rid, text, pos in cases]


@pytest.mark.parametrize(("rule_id", "text", "positive"), COMPONENT_CASES, ids=_ids(COMPONENT_CASES))
def test_component_examples(detector: Detector, rule_id: str, text: str, positive: bool) -> None:
    assert (rule_id in detector.component_ids(text)) is positive, sorted(detector.component_ids(text))


@pytest.mark.parametrize(
    ("rule_id", "text", "positive"), COMBINATION_CASES, ids=_ids(COMBINATION_CASES)
)
def test_combination_examples(detector: Detector, rule_id: str, text: str, positive: bool) -> None:
    found = {m.entry_id for m in detector.assess(text).matches}
    assert (rule_id in found) is positive, (text, sorted(found))
