"""A long message inside a template (found in a sandbox trial, #14 session: a 3 500-character
chat message relayed to the supporter was lost with "Too many characters in placeable", and
the student was told the system had a problem): Fluent refuses a placeable of more than
2 500 characters, so long values are put in after formatting, whole and unchanged."""

from __future__ import annotations

import pytest

from bot.i18n import Catalog


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("length", [999, 1_001, 2_600, 4_096, 20_000])
def test_a_relayed_text_of_any_length_is_rendered_whole(lang: str, length: int) -> None:
    catalog = Catalog(["id", "en"], "id", "Sejawat", {})
    said = ("aku capek banget sama semuanya { $x } \ue000 " * 500)[:length]
    text = catalog.render(lang, "relay-from-student",
                          {"pseudonym": "Kancil Biru", "text": said, "practice": "no"})
    assert said in text
    assert "Kancil Biru" in text
    assert text.count(said) == 1
