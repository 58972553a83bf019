"""Logs never carry what people wrote, nor who they are.

The Telegram, HTTP and database libraries put whole updates (texts, names) into their log records on
error paths: aiogram's "Cause exception while process update ... <error with the input>",
python-telegram-bot's "Error while parsing updates! Received data was <every update>", aiohttp
and asyncio tracebacks whose exception message quotes the data. ``install()`` makes every log
record safe when it is created, whichever handler later writes it:

- a record of one of those libraries keeps its message template, numbers (update ids, status
  codes) and exception type names; every other argument is withheld, and a message without
  arguments is cut to its first line;
- every record's traceback (the project's own included) keeps its frames and exception types,
  but no exception message (a parse error quotes its input; a database error its parameters),
  except the project's own configuration errors, which name only a config key.

``handler("json")`` writes each (already safe) record as one JSON object per line.
"""

from __future__ import annotations

import json
import logging
import sys
import traceback
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, TextIO

from flows.errors import SejawatError

LIBRARIES = ("aiogram", "telegram", "aiohttp", "httpx", "httpcore", "asyncio", "py.warnings",
             "sqlalchemy", "aiosqlite", "asyncpg")  # the database ones: query parameters
WITHHELD = "<withheld>"
MAX_LINE = 300
EXC_TYPE = "sejawat_exc_type"  # the record attribute naming the exception type (kept by scrub)
_SCRUBBED = "sejawat_scrubbed"  # set on a record made safe: scrubbing it again changes nothing
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def is_library(name: str) -> bool:
    return any(name == lib or name.startswith(lib + ".") for lib in LIBRARIES)


def _safe_arg(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, BaseException):
        return type(value).__name__
    if isinstance(value, type) and issubclass(value, BaseException):
        return value.__name__
    return WITHHELD


def _safe_message(record: logging.LogRecord) -> str:
    template = record.msg if isinstance(record.msg, str) else type(record.msg).__name__
    args = record.args
    if not args:
        first = template.split("\n", 1)[0]
        return first[:MAX_LINE] + (" [rest withheld]" if first != template else "")
    safe: Any
    if isinstance(args, Mapping):
        safe = {key: _safe_arg(value) for key, value in args.items()}
    else:
        safe = tuple(_safe_arg(value) for value in args)
    try:
        return str(template % safe)
    except (TypeError, ValueError, KeyError):
        return f"{template.split(chr(10), 1)[0][:MAX_LINE]} [arguments withheld]"


def safe_traceback(exc: BaseException) -> str:
    """The traceback of ``exc`` (and what caused it): frames and exception types only."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        current = current.__cause__ if current.__cause__ is not None else (
            None if current.__suppress_context__ else current.__context__)
    parts: list[str] = []
    for index, item in enumerate(reversed(chain)):
        if index:
            parts.append("\nThe exception above led to the one below:\n\n")
        parts.append("Traceback (most recent call last):\n")
        parts.extend(traceback.format_tb(item.__traceback__))
        name = _type_name(item)
        detail = str(item) if isinstance(item, SejawatError) else "(details withheld)"
        parts.append(f"{name}: {detail}\n")
    return "".join(parts).rstrip("\n")


def _type_name(exc: BaseException) -> str:
    kind = type(exc)
    return kind.__qualname__ if kind.__module__ == "builtins" else \
        f"{kind.__module__}.{kind.__qualname__}"


def scrub(record: logging.LogRecord) -> logging.LogRecord:
    """Make one record safe (in place): see the module docstring. Idempotent."""
    if getattr(record, _SCRUBBED, False):
        return record
    setattr(record, _SCRUBBED, True)
    if is_library(record.name):
        record.msg, record.args = _safe_message(record), ()
    exc_info = record.exc_info
    if exc_info and exc_info[1] is not None:
        record.exc_text = safe_traceback(exc_info[1])
        record.exc_info = None
        setattr(record, EXC_TYPE, _type_name(exc_info[1]))
    return record


class _SafeRecords:
    """A log record factory: the previous factory's record, scrubbed."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __call__(self, *args: Any, **kwargs: Any) -> logging.LogRecord:
        record: logging.LogRecord = self.inner(*args, **kwargs)
        return scrub(record)


def install() -> None:
    """Scrub every log record from now on (idempotent)."""
    current = logging.getLogRecordFactory()
    if not isinstance(current, _SafeRecords):
        logging.setLogRecordFactory(_SafeRecords(current))


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message, and for a
    record with an exception its type and its traceback (frames and types only). The record is
    scrubbed first (a no-op after ``install()``), so the line carries the safe message."""

    def format(self, record: logging.LogRecord) -> str:
        scrub(record)
        line: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        kind = getattr(record, EXC_TYPE, None)
        if kind is not None:
            line["exception"] = kind
        if record.exc_text:
            line["traceback"] = record.exc_text
        return json.dumps(line, ensure_ascii=False)


def handler(log_format: str, stream: TextIO | None = None) -> logging.Handler:
    """A handler writing to ``stream`` (stderr) as text lines or (``"json"``) JSON lines."""
    out = logging.StreamHandler(stream if stream is not None else sys.stderr)
    out.setFormatter(JsonFormatter() if log_format == "json" else
                     logging.Formatter(TEXT_FORMAT))
    return out
