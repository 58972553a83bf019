"""Message catalogs (Fluent files in ``locales/<lang>/``) and rendering in a recipient's language.

Parameters whose name ends in ``_key`` are themselves catalog keys, rendered first and passed
under the name without the suffix (``topic_key="topic-academic"`` -> ``$topic``).

Numbers are written the reader's way (Fluent formats them for the bundle's locale: ``1.234``
and ``4,5`` in Indonesian, ``1,234`` and ``4.5`` in English), with two exceptions made here: an
identifier (``$id``, ``$case``, ``$telegram_id``) is its digits, never grouped, because people
type it back (``/casenote 1234``, ``/shifts hapus 1234``); and a fraction (a float, such as an
average) shows at most one decimal, none when it is whole (``4``, not ``4,0``).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle, FluentResource
from fluent.runtime.types import FluentType, fluent_number

from bot.config import Resource
from bot.errors import SejawatError

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
IDENTIFIERS = frozenset({"id", "case", "telegram_id"})  # typed back: digits, no 1.234

Value = str | int | float


LONG_VALUE = 1000  # a longer parameter is put in after Fluent formats (_format)

def _number(name: str, value: Value) -> str | int | FluentType:
    """A parameter as Fluent should see it: identifiers ungrouped, fractions to one decimal."""
    if isinstance(value, str | bool):
        return value
    if isinstance(value, float):
        return fluent_number(value, maximumFractionDigits=1)
    if name in IDENTIFIERS:
        return fluent_number(value, useGrouping=False)
    return value


def _files(root: Path, language: str) -> list[Path]:
    """Every catalog file of one language: ``sejawat.ftl`` first, then the others by name."""
    folder = root / language
    return sorted(folder.glob("*.ftl"), key=lambda p: (p.name != "sejawat.ftl", p.name))


class MissingMessage(SejawatError):
    def __init__(self, key: str, language: str) -> None:
        super().__init__(f"catalog key {key!r} is missing for language {language!r}")


def catalog_keys(language: str, root: Path = LOCALES_DIR) -> set[str]:
    """Every message id defined in one language's catalog files."""
    keys: set[str] = set()
    for path in _files(root, language):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line[:1].isalpha() and "=" in line:
                keys.add(line.split("=", 1)[0].strip())
    return keys


@functools.lru_cache(maxsize=64)
def _parsed(path: Path, modified: float) -> Any:
    """A catalog file parsed once per version of it (parsing is the slow part of startup)."""
    return FluentResource(path.read_text(encoding="utf-8"))


def _bundle(lang: str, root: Path) -> FluentBundle:
    bundle = FluentBundle([lang], use_isolating=False)
    for path in _files(root, lang):
        bundle.add_resource(_parsed(path, path.stat().st_mtime))
    return bundle


class Catalog:
    """Renders catalog messages; global parameters (program name, resources) are added."""

    def __init__(
        self,
        languages: Sequence[str],
        default: str,
        program: str,
        resources: Mapping[str, Sequence[Resource]],
        root: Path = LOCALES_DIR,
    ) -> None:
        self.languages = tuple(languages)
        self.default = default
        self._bundles = {lang: _bundle(lang, root) for lang in ("id", "en")}
        self._keys = {lang: catalog_keys(lang, root) for lang in ("id", "en")}
        self._program = program
        self._resources = {
            lang: "\n".join(self._resource_line(lang, r) for r in items)
            for lang, items in resources.items()
        }

    def language_for(self, code: str | None) -> str:
        """Best supported language for a Telegram language code ("en-US" -> "en")."""
        base = (code or "").split("-")[0].lower()
        return base if base in self.languages else self.default

    def _resource_line(self, lang: str, item: Resource) -> str:
        params = {"name": item.name, "contact": item.contact, "note": item.note}
        key = "resources-line-note" if item.note else "resources-line"
        return self._format(lang, key, params)

    def _format(self, lang: str, key: str, params: Mapping[str, Value]) -> str:
        if key not in self._keys[lang]:
            raise MissingMessage(key, lang)
        bundle = self._bundles[lang]
        pattern = bundle.get_message(key).value
        if pattern is None:
            raise MissingMessage(key, lang)
        # Fluent refuses a placeable of more than 2 500 characters (fluent.runtime): a
        # student's long message relayed in a template was lost with an error (found in a
        # sandbox trial). A long value goes in as a token and is put back afterwards.
        long: dict[str, str] = {}
        args: dict[str, Any] = {}
        for name, value in params.items():
            if isinstance(value, str) and len(value) > LONG_VALUE:
                token = f"\ue000{len(long)}\ue001"  # private-use characters: never typed
                long[token] = value
                value = token
            args[name] = _number(name, value)
        text, errors = bundle.format_pattern(pattern, args)
        if errors:
            raise MissingMessage(f"{key} ({errors[0]})", lang)
        rendered = str(text)
        for token, value in long.items():
            rendered = rendered.replace(token, value)
        return rendered

    def render(self, lang: str, key: str, params: Mapping[str, Value] | None = None) -> str:
        lang = lang if lang in self._bundles else self.default
        resources = self._resources.get(lang) or self._resources.get(self.default, "")
        values: dict[str, Value] = {"program": self._program, "resources": resources}
        plain = {n: v for n, v in (params or {}).items() if not n.endswith("_key")}
        values |= plain
        for name, value in (params or {}).items():
            if name.endswith("_key"):  # rendered with the plain parameters (asq-answers)
                values[name.removesuffix("_key")] = self._format(lang, str(value), plain)
        return self._format(lang, key, values)
