"""Catalog completeness: a key in one language only is a bug."""

from __future__ import annotations

import re

from bot.i18n import LOCALES_DIR, catalog_keys


def test_every_key_exists_in_both_languages() -> None:
    indonesian, english = catalog_keys("id"), catalog_keys("en")
    assert indonesian - english == set(), "keys only in Indonesian"
    assert english - indonesian == set(), "keys only in English"
    assert len(english) > 50


def test_placeables_match_between_languages() -> None:
    def variables(lang: str) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        key = ""
        for path in sorted((LOCALES_DIR / lang).glob("*.ftl")):  # every file of a language
            for line in path.read_text(encoding="utf-8").splitlines():
                if line[:1].isalpha() and "=" in line:
                    key = line.split("=", 1)[0].strip()
                found.setdefault(key, set()).update(re.findall(r"\{ *\$(\w+)", line))
        return found

    # a selector of the team's register in Indonesian ("kamu" to a peer supporter, "Anda" to
    # the adults): English's "you" is the same for both
    register = {"member-own-risk": {"peer"}}
    assert {k: v - register.get(k, set()) for k, v in variables("id").items()} == \
        variables("en")


def test_no_user_facing_text_is_inline_in_handlers() -> None:
    """Replies are catalog keys: handler and flow code holds no sentences for users."""
    root = LOCALES_DIR.parent
    for folder in ("flows", "handlers"):
        for path in (root / folder).glob("*.py"):
            for literal in re.findall(r'Reply\(\s*"([^"]+)"', path.read_text(encoding="utf-8")):
                assert " " not in literal, f"{path.name}: inline text {literal!r}"


def test_every_catalog_entry_parses() -> None:
    """A malformed entry is dropped by the Fluent parser (as Junk) while the key still looks
    present: the message would fail only when it is first sent."""
    from fluent.syntax import parse
    from fluent.syntax.ast import Junk

    broken = [f"{path.parent.name}/{path.name}: {(entry.content or '')[:60]!r}"
              for path in sorted(LOCALES_DIR.glob("*/*.ftl"))
              for entry in parse(path.read_text(encoding="utf-8")).body
              if isinstance(entry, Junk)]
    assert broken == []
