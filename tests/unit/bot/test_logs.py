"""The log scrubber keeps what an operator needs (templates, ids, exception types) and nothing
someone wrote."""

from __future__ import annotations

import logging

from bot.errors import ConfigError
from bot.logs import WITHHELD, safe_traceback, scrub


def record(name: str, msg: object, args: object = (), exc: BaseException | None = None,
           ) -> logging.LogRecord:
    exc_info = (type(exc), exc, exc.__traceback__) if exc is not None else None
    return logging.LogRecord(name, logging.ERROR, __file__, 1, msg, args,  # type: ignore[arg-type]
                             exc_info)


def raised(exc: BaseException) -> BaseException:
    try:
        raise exc
    except BaseException as caught:  # noqa: BLE001 - to get a traceback
        return caught


def test_library_records_keep_template_numbers_and_types_only() -> None:
    line = scrub(record("aiogram.event", "update id=%d by bot id=%d\n%s: %s",
                        (42, 7, "ValidationError", "input_value='aku sedih'")))
    assert line.getMessage() == f"update id=42 by bot id=7\n{WITHHELD}: {WITHHELD}"
    mapped = scrub(record("telegram.ext", "%(who)s sent %(n)d", ({"who": "Rara", "n": 3},)))
    assert mapped.getMessage() == f"{WITHHELD} sent 3"
    bare = scrub(record("asyncio", "Task exception was never retrieved\nfuture: <... 'Rara'>"))
    assert bare.getMessage() == "Task exception was never retrieved [rest withheld]"
    wrong = scrub(record("httpx", "%d items", ("Rara",)))
    assert "Rara" not in wrong.getMessage()
    assert scrub(record("aiohttp.server", ValueError("Rara"))).getMessage() == "ValueError"


def test_own_records_keep_their_words_but_no_exception_message() -> None:
    exc = raised(ValueError("cannot handle 'aku sedih'"))
    own = scrub(record("sejawat.inbox", "inbox: update %s failed", (5,), exc))
    text = logging.Formatter().format(own)
    assert text.startswith("inbox: update 5 failed")
    assert "ValueError: (details withheld)" in text
    assert "aku sedih" not in text
    assert own.exc_info is None


def test_tracebacks_name_every_exception_in_the_chain_and_keep_config_errors() -> None:
    name = "".join(("Ra", "ra"))  # (a literal would show in the traceback's source lines)
    try:
        try:
            raise KeyError(name)
        except KeyError as inner:
            raise ConfigError("telegram.token", "is missing") from inner
    except ConfigError as outer:
        text = safe_traceback(outer)
    assert "KeyError: (details withheld)" in text
    assert "config key telegram.token: is missing" in text
    assert "Rara" not in text
