"""How long a case has been open, in /cases: minutes, then hours, then days (a case open for
three days read '4320 min')."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.config import Config
from bot.i18n import Catalog
from handlers.when import elapsed


@pytest.mark.parametrize(("age", "said"), [
    (timedelta(seconds=-5), (0, "min")), (timedelta(minutes=119), (119, "min")),
    (timedelta(minutes=120), (2, "hour")), (timedelta(hours=47, minutes=59), (47, "hour")),
    (timedelta(hours=48), (2, "day")), (timedelta(days=3, hours=5), (3, "day")),
])
def test_a_cases_age_is_said_as_a_person_would(age: timedelta, said: tuple[int, str]) -> None:
    assert elapsed(age) == said


@pytest.mark.parametrize(("lang", "shown"), [("en", "· 3 d"), ("id", "· 3 hari")])
def test_the_cases_line_says_days(lang: str, shown: str) -> None:
    catalog = Catalog(["id", "en"], "id", "Sejawat", Config().resources)
    line = catalog.render(lang, "cases-line", {
        "id": 7, "state_key": "case-open", "level_key": "risk-2", "age": 3, "age_unit": "day",
        "pseudonym": "Awan-1", "topic_key": "topic-family", "reason_key": "reason-suicide",
        "sos": "no", "raised": "no", "excerpt": "-", "holder": "-"})
    assert shown in line.splitlines()[0]
