"""Every positive/negative example in the lexicon, idiom and cue data files is a test case."""

from __future__ import annotations

import pathlib

import pytest

from escalation.detector import Detector, LexiconError
from escalation.detector_lexicon import load_lexicon

_LEX = load_lexicon()


def _cases(kind: str) -> list[tuple[str, str, bool]]:
    rules = {"entry": _LEX.entries, "idiom": _LEX.idioms, "cue": _LEX.cues}[kind]
    out = [(r.id, text, True) for r in rules for text in r.positive]
    return out + [(r.id, text, False) for r in rules for text in r.negative]


def _ids(cases: list[tuple[str, str, bool]]) -> list[str]:
    return [f"{rid}:{'+' if pos else '-'}:{text[:30]}" for rid, text, pos in cases]


ENTRY_CASES = _cases("entry")
IDIOM_CASES = _cases("idiom")
CUE_CASES = _cases("cue")


@pytest.mark.parametrize(("rule_id", "text", "positive"), ENTRY_CASES, ids=_ids(ENTRY_CASES))
def test_entry_examples(detector: Detector, rule_id: str, text: str, positive: bool) -> None:
    found = {m.entry_id for m in detector.assess(text).matches}
    assert (rule_id in found) is positive, (text, sorted(found))


@pytest.mark.parametrize(("rule_id", "text", "positive"), IDIOM_CASES, ids=_ids(IDIOM_CASES))
def test_idiom_examples(detector: Detector, rule_id: str, text: str, positive: bool) -> None:
    assert (rule_id in detector.idiom_ids(text)) is positive


@pytest.mark.parametrize(("rule_id", "text", "positive"), CUE_CASES, ids=_ids(CUE_CASES))
def test_cue_examples(detector: Detector, rule_id: str, text: str, positive: bool) -> None:
    assert (rule_id in detector.cue_ids(text)) is positive


def test_both_languages_loaded() -> None:
    sources = {r.source for r in _LEX.entries}
    assert {"id.toml", "en.toml"} <= sources
    assert len(_LEX.entries) >= 20


def _copy_lexicon(tmp_path: pathlib.Path) -> pathlib.Path:
    src = pathlib.Path(__file__).resolve().parents[3] / "escalation" / "lexicon"
    for path in src.glob("*.toml"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            'id = "x.bad"\ntier = "urgent"\ncategory = "suicide"\npattern = "mati"\n'
            'positive = ["mati"]',
            "tier",
        ),
        (
            'id = "x.bad"\ntier = "high"\ncategory = "x"\npattern = "mati"\npositive = ["mati"]',
            "category",
        ),
        (
            'id = "x.bad"\ntier = "high"\ncategory = "suicide"\npattern = "@nope"\n'
            'positive = ["mati"]',
            "unknown class",
        ),
        ('id = "x.bad"\ntier = "high"\ncategory = "suicide"\npattern = "mati"', "positive"),
        (
            'id = "x.bad"\ntier = "high"\ncategory = "suicide"\npattern = "~2 mati"\n'
            'positive = ["mati"]',
            "gap",
        ),
    ],
)
def test_bad_data_names_file_and_entry(tmp_path: pathlib.Path, entry: str, message: str) -> None:
    root = _copy_lexicon(tmp_path)
    (root / "zz.toml").write_text(f"[[entry]]\n{entry}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=rf"zz\.toml: entry x\.bad: .*{message}"):
        Detector.load(root)


def test_missing_dir_is_clear(tmp_path: pathlib.Path) -> None:
    with pytest.raises(LexiconError, match="not found"):
        Detector.load(tmp_path / "nope")
