"""The practice debrief's times are whole seconds: the page writes a number as it comes (so 9.2
would read "9.2 dtk", a decimal point in Indonesian), and a tenth of a second tells a trainee
nothing."""

from __future__ import annotations

from sandbox.web_training import Debrief


def _debrief(reply_seconds: list[float]) -> Debrief:
    return Debrief(scenario="s", language="id", completed=True, turns_sent=3, turns_total=3,
                   trainee_messages=len(reply_seconds), student_messages=3,
                   reply_seconds=reply_seconds, must_refer=False, referred=False,
                   refer_turn=None, refer_seconds_after_risk=None, verdict_refer="not_needed",
                   tip="")


def test_the_average_and_the_slowest_reply_are_whole_seconds() -> None:
    shown = _debrief([9.2, 4.1, 12.7]).to_json()
    assert (shown["average_reply"], shown["slowest_reply"]) == (9, 13)
    assert isinstance(shown["average_reply"], int)
    assert isinstance(shown["slowest_reply"], int)


def test_no_replies_no_times() -> None:
    shown = _debrief([]).to_json()
    assert (shown["average_reply"], shown["slowest_reply"]) == (None, None)
