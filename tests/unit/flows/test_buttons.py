"""The one button-data codec: what a press carries, parsed once, ids by one rule."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows.buttons import MAX_ID, ButtonData, button, decode, encode, ident, parse
from flows.machine import Event


@given(st.text(max_size=80))
def test_any_data_decodes_and_encodes_back_to_itself(raw: str) -> None:
    assert encode(decode(raw)) == raw


@given(st.text(alphabet=st.characters(blacklist_characters=":"), max_size=10),
       st.lists(st.text(alphabet=st.characters(blacklist_characters=":"), max_size=10),
                max_size=4))
def test_a_parsed_value_encodes_and_decodes_to_itself(prefix: str, parts: list[str]) -> None:
    data = ButtonData(prefix, tuple(parts))
    assert decode(encode(data)) == data


@pytest.mark.parametrize(("raw", "prefix", "parts"), [
    ("of:accept:12", "of", ("accept", "12")),
    ("dt:on:", "dt", ("on", "")),
    ("es:out:7:false_alarm", "es", ("out", "7", "false_alarm")),
    ("ho:3:any", "ho", ("3", "any")),
    ("ss", "ss", ()),
    ("", "", ()),
])
def test_the_parts_after_the_prefix(raw: str, prefix: str, parts: tuple[str, ...]) -> None:
    data = decode(raw)
    assert (data.prefix, data.parts) == (prefix, parts)
    assert data.event == (parts[0] if parts else "")
    assert data.part(len(parts)) == ""  # past the end: nothing, never an error
    assert data.part(-1) == ""


def test_buttons_are_built_with_the_same_codec() -> None:
    made = button("ro", "btn-mark-trained", "trained", "5")
    assert made.data == "ro:trained:5"
    assert decode(made.data) == ButtonData("ro", ("trained", "5"))
    assert len(button("es", "x", "out", f"{MAX_ID}:false_alarm").data.encode()) <= 64


@pytest.mark.parametrize(("value", "expected"), [
    ("0", 0), ("42", 42), (str(MAX_ID), MAX_ID),
])
def test_ids_are_plain_ascii_digits_that_fit_a_column(value: str, expected: int) -> None:
    assert ident(value) == expected
    assert decode(f"es:ack:{value}").id(1) == expected


@pytest.mark.parametrize("value", [
    str(MAX_ID + 1), str(10**20), "9" * 400,  # too big for a column (or for int())
    "-1", "+1", " 1", "1 ", "1.0", "0x10", "1_000", "",  # not plain digits
    "²", "١٢", "１２", "໑",  # digits, but not ASCII ones
    "any", "None",
])
def test_anything_else_is_not_an_id(value: str) -> None:
    assert ident(value) is None
    assert decode(f"es:ack:{value}").id(1) is None


def test_a_missing_part_is_not_an_id() -> None:
    assert decode("en").id(0) is None
    assert decode("of:accept").id(1) is None


@pytest.mark.parametrize(("raw", "event"), [
    ("ss:end:", Event("end", "", source="button")),
    ("in:topic:family", Event("topic", "family", source="button")),
    ("in:a:b:c", Event("a", "b:c", source="button")),  # the value keeps its colons
    ("in:topic", Event("stale-button", source="button")),  # no value part
    ("fb:rate:3", Event("stale-button", source="button")),  # another flow's button
    ("in", Event("stale-button", source="button")),
])
def test_what_a_flow_machine_receives(raw: str, event: Event) -> None:
    flow = "ss" if raw.startswith("ss") else "in"
    assert parse(flow, raw) == event
    assert decode(raw).flow_event(flow) == event
