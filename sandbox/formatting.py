"""Telegram-like parsing of parse_mode=HTML / MarkdownV2 text into plain text + entities."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from sandbox.types import JsonDict

_SIMPLE_TAGS = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline",
    "ins": "underline", "s": "strikethrough", "strike": "strikethrough", "del": "strikethrough",
    "tg-spoiler": "spoiler", "code": "code", "pre": "pre", "blockquote": "blockquote",
    "a": "text_link", "span": "spoiler", "tg-emoji": "custom_emoji",
}


class EntityParseError(ValueError):
    """Rendered as ``Bad Request: can't parse entities: <message>``."""


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class _TelegramHTML(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.lines = source.splitlines(keepends=True)
        self.parts: list[str] = []
        self.length = 0  # UTF-16 length of the text so far
        self.stack: list[tuple[str, int, JsonDict]] = []
        self.entities: list[JsonDict] = []

    def _byte_offset(self) -> int:
        line, col = self.getpos()
        index = sum(len(x) for x in self.lines[: line - 1]) + col
        return len(self.source[:index].encode("utf-8"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kind = _SIMPLE_TAGS.get(tag)
        attr = dict(attrs)
        if kind is None or (tag == "span" and attr.get("class") != "tg-spoiler"):
            raise EntityParseError(
                f'Unsupported start tag "{tag}" at byte offset {self._byte_offset()}'
            )
        extra: JsonDict = {}
        if tag == "a":
            extra["url"] = attr.get("href") or ""
        elif tag == "blockquote" and "expandable" in attr:
            kind = "expandable_blockquote"
        elif tag == "tg-emoji":
            extra["custom_emoji_id"] = attr.get("emoji-id") or ""
        elif tag == "code" and self.stack and self.stack[-1][0] == "pre":
            language = (attr.get("class") or "").removeprefix("language-")
            if language:
                self.stack[-1][2]["language"] = language
            extra["_nested_in_pre"] = True
        self.stack.append((tag, self.length, {"type": kind, **extra}))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            raise EntityParseError(
                f'Unmatched end tag at byte offset {self._byte_offset()}, expected "</'
                f'{self.stack[-1][0] if self.stack else ""}>", found "</{tag}>"'
            )
        _, start, entity = self.stack.pop()
        if entity.pop("_nested_in_pre", False):
            return
        if self.length > start:
            entity.update(offset=start, length=self.length - start)
            self.entities.append(entity)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)
        self.length += utf16_len(data)


def parse_html(text: str) -> tuple[str, list[JsonDict]]:
    parser = _TelegramHTML(text)
    parser.feed(text)
    parser.close()
    if parser.stack:
        raise EntityParseError(
            f'Can\'t find end tag corresponding to start tag "{parser.stack[-1][0]}"'
        )
    parser.entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(parser.parts), parser.entities


_MDV2_ALWAYS_RESERVED = set("#+-={}.!")
_CODE_SPAN = re.compile(r"```.*?```|`[^`]*`", re.DOTALL)


def check_markdown_v2(text: str) -> str:
    """Reject unescaped reserved characters like Telegram does; return approximate plain text."""
    stripped = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), text)
    i = 0
    while i < len(stripped):
        ch = stripped[i]
        if ch == "\\":
            i += 2
            continue
        if ch in _MDV2_ALWAYS_RESERVED and not (ch == "!" and stripped[i + 1 : i + 2] == "["):
            raise EntityParseError(
                f"Character '{ch}' is reserved and must be escaped with the preceding '\\'"
            )
        i += 1
    plain = re.sub(r"\\(.)", r"\1", re.sub(r"(?<!\\)[*_~|`]", "", text))
    return plain


def render(text: str, parse_mode: str | None) -> tuple[str, list[JsonDict]]:
    """Plain text and entities for ``text`` sent with ``parse_mode``."""
    mode = (parse_mode or "").lower()
    if mode == "html":
        return parse_html(text)
    if mode == "markdownv2":
        return check_markdown_v2(text), []
    if mode in ("", "markdown"):
        return text, []
    raise EntityParseError(f"Unsupported parse_mode {parse_mode}")
