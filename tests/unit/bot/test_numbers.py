"""Numbers the way each reader writes them (bot.i18n): a case or shift number is the digits one
types back, never grouped like a quantity; an average shows one decimal at most, with the
reader's decimal mark, and none when it is whole."""

from __future__ import annotations

import pytest

from bot.i18n import Catalog


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog(["id", "en"], "id", "Sejawat", {})


@pytest.mark.parametrize("lang", ["id", "en"])
def test_an_identifier_is_its_digits_as_typed_back(catalog: Catalog, lang: str) -> None:
    """``/shifts hapus 1.234`` would not parse: the number in the message must."""
    overnight = catalog.render(lang, "shifts-added-overnight",
                               {"id": 1234, "name": "Ayu", "start": "22:00", "end": "02:00"})
    assert "#1234" in overnight
    assert overnight.endswith(" 1234")
    assert "1.234" not in overnight
    assert "1,234" not in overnight
    note = catalog.render(lang, "escalation-note-ask-command",
                          {"id": 10250, "outcome": "ok"})
    assert "#10250" in note
    assert "/casenote 10250" in note


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_quantity_keeps_the_readers_grouping(catalog: Catalog, lang: str) -> None:
    text = catalog.render(lang, "error-too-long", {"max": 4000})
    assert ("4.000" if lang == "id" else "4,000") in text


@pytest.mark.parametrize(("lang", "average", "shown"), [
    ("id", 4.0, "4 dari 5 (3 penilaian)"),
    ("id", 14 / 3, "4,7 dari 5 (3 penilaian)"),
    ("id", 4.25, "4,2 dari 5"),
    ("en", 4.0, "4 of 5 (3 ratings)"),
    ("en", 14 / 3, "4.7 of 5 (3 ratings)"),
])
def test_an_average_has_one_decimal_at_most_in_the_readers_way(
    catalog: Catalog, lang: str, average: float, shown: str,
) -> None:
    counts = dict.fromkeys(("requests", "queued", "active", "closed", "escalations",
                            "open_escalations", "on_duty", "counselor_active",
                            "counselor_closed"), 1)
    text = catalog.render(lang, "stats", {**counts, "rating": average, "ratings": 3})
    assert shown in text
    assert "4,0" not in text
    assert "4.0" not in text
    assert "4,66" not in text


@pytest.mark.parametrize(("lang", "shown"), [("id", "belum ada penilaian"),
                                             ("en", "no ratings yet")])
def test_no_ratings_yet_is_said_not_shown_as_a_number(
    catalog: Catalog, lang: str, shown: str,
) -> None:
    counts = dict.fromkeys(("requests", "queued", "active", "closed", "escalations",
                            "open_escalations", "on_duty", "counselor_active",
                            "counselor_closed"), 0)
    text = catalog.render(lang, "stats", {**counts, "rating": 0.0, "ratings": 0})
    assert text.splitlines()[-1].endswith(shown)
