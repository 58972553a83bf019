"""The log scrubber keeps what an operator needs (templates, ids, exception types) and nothing
someone wrote."""

from __future__ import annotations

import io
import json
import logging
from datetime import datetime

from bot import logs
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


def test_json_lines_carry_the_safe_message_and_the_exception_type_only() -> None:
    """log_format = "json": one object per line; a library's record that quotes what someone
    wrote (aiogram's "Cause exception while process update ...") is withheld there too."""
    words = "".join(("aku ", "sedih ", "banget"))  # (not a literal: tracebacks show source)
    out = io.StringIO()
    logs.install()
    logger = logging.getLogger("aiogram.event")
    own = logging.getLogger("sejawat.test")
    handler = logs.handler("json", out)
    logger.addHandler(handler)
    own.addHandler(handler)
    try:
        try:
            raise ValueError(words)
        except ValueError:
            logger.exception("Cause exception while process update id=%d by bot id=%d\n%s: %s",
                             42, 7, "ValueError", words)
        own.warning("two\nlines for update %s", 43)
    finally:
        logger.removeHandler(handler)
        own.removeHandler(handler)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert first["message"] == ("Cause exception while process update id=42 by bot id=7\n"
                                f"{WITHHELD}: {WITHHELD}")
    assert (first["level"], first["logger"], first["exception"]) == \
        ("ERROR", "aiogram.event", "ValueError")
    assert "ValueError: (details withheld)" in first["traceback"]
    assert datetime.fromisoformat(first["time"]).tzinfo is not None
    assert second["message"] == "two\nlines for update 43"
    assert "exception" not in second
    assert words not in out.getvalue()


def test_text_lines_stay_as_they_were() -> None:
    out = io.StringIO()
    handler = logs.handler("text", out)
    handler.handle(logging.LogRecord("sejawat", logging.INFO, __file__, 1, "running (%s)",
                                     ("aiogram",), None))
    assert out.getvalue().endswith(" INFO sejawat: running (aiogram)\n")
