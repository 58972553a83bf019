"""A case's words keep what showed the risk first when a later signal adds words."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from handlers.escalations import WORDS, merge_words


def test_a_later_harmless_message_does_not_replace_the_risky_words() -> None:
    merged = merge_words("rasanya pengen ngilang aja dari dunia ini",
                         "makasih udah mau dengerin. aku takut")
    assert merged.startswith("rasanya pengen ngilang aja")
    assert merged.endswith("aku takut")


def test_words_already_there_are_not_repeated() -> None:
    assert merge_words("aku takut", "aku takut") == "aku takut"
    assert merge_words("", "aku takut") == "aku takut"
    assert merge_words("aku takut", "") == "aku takut"
    assert merge_words("a / aku takut", "aku takut") == "a / aku takut"


@given(st.text(max_size=WORDS), st.text(max_size=WORDS))
def test_the_ping_stays_within_its_length_and_keeps_the_start(earlier: str, later: str) -> None:
    merged = merge_words(earlier, later)
    assert len(merged) <= WORDS
    if earlier and later and later not in earlier and earlier not in later:
        assert merged.startswith(earlier[: WORDS // 2 - 1])
