"""Compiler for the lexicon's token-sequence patterns.

A pattern is a whitespace-separated sequence of elements over NORMALIZED words:

``word``          a literal canonical word; ``_`` joins several words (``going_to``)
``a|b|@cls``      alternatives (literal words or classes)
``@name``         a word class from ``classes.toml``; class items are small sequences themselves
``#``             a number with two or more digits (``20``, ``100``)
``X?``            the element is optional
``~N``            0..N arbitrary words inside the same clause (never a negator)
``%N``            0..N arbitrary words, may cross clause boundaries (never a negator)
``$``             end of the clause (a boundary or the end of the message)

Each pattern becomes one regular expression over ``normalized_text + " "`` in which every element
ends with a space, plus the set of index words of its most selective required element, so the
detector only runs patterns whose index words occur in the message. All repetitions are bounded,
so matching is linear in the text length (no catastrophic backtracking).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

NUMBER_KEY = "#"
# Words in a large share of all chat messages: an element indexed only by them would run its
# pattern on nearly every message, so the compiler prefers a rarer required element as index.
_COMMON = frozenset(
    {
        "aku", "kamu", "dia", "mau", "tidak", "sudah", "lagi", "di", "yang", "saja", "ini",
        "itu", "ada", "sama", "ke", "dan", "jadi", "buat", "untuk", "orang", "terus", "banget",
        "i", "me", "my", "you", "to", "the", "a", "and", "is", "am", "it", "not", "do", "want",
        "he", "she", "they", "just", "so", "at", "on", "in", "of", "for", "with", "this", "that",
    }
)  # fmt: skip
_COMMON_COST = 50
_GAP_RE = re.compile(r"^([~%])(\d{1,2})$")
_WORD_RE = re.compile(r"^[\w'\-]+$")


class PatternError(ValueError):
    """A pattern or word class is malformed."""


@dataclass(frozen=True)
class Compiled:
    """One compiled pattern: the regex and the words it is indexed under."""

    source: str
    regex: re.Pattern[str]
    keys: frozenset[str]


@dataclass(frozen=True)
class _Element:
    fragment: str  # regex for the element including its trailing space
    keys: frozenset[str] | None  # first words of any match; None for gaps and ``$``
    optional: bool
    gap: bool = False


class PatternCompiler:
    """Compiles patterns against a fixed set of word classes and negators."""

    def __init__(self, classes: Mapping[str, Iterable[str]], negators: Iterable[str]) -> None:
        self._classes = {name: list(items) for name, items in classes.items()}
        neg = "|".join(sorted(re.escape(n) for n in negators))
        guard = f"(?!(?:{neg}) )" if neg else ""
        self._gap_word = {"~": f"(?:{guard}[^ |]+ )", "%": f"(?:{guard}[^ ]+ )"}
        self._class_cache: dict[str, _Element] = {}
        self._resolving: set[str] = set()

    @property
    def class_names(self) -> frozenset[str]:
        return frozenset(self._classes)

    def words(self) -> set[str]:
        """Every literal word used by the classes (for the normalizer's vocabulary)."""
        out: set[str] = set()
        for items in self._classes.values():
            for item in items:
                out.update(literal_words(item))
        return out

    def compile(self, pattern: str) -> Compiled:
        elements = self._sequence(pattern, allow_gaps=True)
        required = [e for e in elements if e.keys is not None and not e.optional]
        if not required:
            raise PatternError(f"pattern {pattern!r} has no required word")
        best = min(reversed(required), key=_index_cost)
        body = "".join(e.fragment for e in elements)
        return Compiled(pattern, re.compile(f"(?<![^ ]){body}"), best.keys or frozenset())

    def _sequence(self, text: str, *, allow_gaps: bool) -> list[_Element]:
        parts = text.split()
        if not parts:
            raise PatternError("empty pattern")
        elements = [self._element(p, allow_gaps=allow_gaps) for p in parts]
        if elements[0].keys is None or elements[-1].gap:
            raise PatternError(f"pattern {text!r} may not start or end with a gap")
        return elements

    def _element(self, part: str, *, allow_gaps: bool) -> _Element:
        gap = _GAP_RE.match(part)
        if gap:
            if not allow_gaps:
                raise PatternError(f"gap {part!r} not allowed inside a class item")
            frag = f"{self._gap_word[gap.group(1)]}{{0,{gap.group(2)}}}"
            return _Element(frag, None, False, True)
        if part == "$":
            return _Element(r"(?=\| |$)", None, False)
        optional = part.endswith("?")
        alts = part.rstrip("?").split("|")
        if not all(alts):
            raise PatternError(f"empty alternative in {part!r}")
        compiled = [self._alternative(a) for a in alts]
        keys: frozenset[str] | None = frozenset().union(*(c.keys or () for c in compiled))
        if any(c.keys is None for c in compiled):
            keys = None  # an alternative may match no word at all: not indexable
        frag = "(?:" + "|".join(c.fragment for c in compiled) + ")"
        return _Element(frag + ("?" if optional else ""), keys, optional)

    def _alternative(self, alt: str) -> _Element:
        if alt.startswith("@"):
            return self._class(alt[1:])
        if alt == "$":
            return _Element(r"(?=\| |$)", None, False)
        if alt == NUMBER_KEY:
            return _Element(r"\d{2,} ", frozenset({NUMBER_KEY}), False)
        if not _WORD_RE.match(alt):
            raise PatternError(f"bad word {alt!r}")
        words = alt.replace("_", " ")
        frag = re.escape(words).replace("\\ ", " ") + " "
        return _Element(frag, frozenset({words.split()[0]}), False)

    def _class(self, name: str) -> _Element:
        if name in self._class_cache:
            return self._class_cache[name]
        if name not in self._classes:
            raise PatternError(f"unknown class @{name}")
        if name in self._resolving:
            raise PatternError(f"class @{name} refers to itself")
        self._resolving.add(name)
        try:
            frags: list[str] = []
            keys: set[str] = set()
            for item in sorted(self._classes[name], key=len, reverse=True):
                seq = self._sequence(item, allow_gaps=False)
                frags.append("".join(e.fragment for e in seq))
                keys |= _first_keys(seq)
        finally:
            self._resolving.discard(name)
        element = _Element("(?:" + "|".join(frags) + ")", frozenset(keys), False)
        self._class_cache[name] = element
        return element


def _index_cost(element: _Element) -> int:
    """How many messages an element's index words are expected to select (lower is better)."""
    return sum(_COMMON_COST if key in _COMMON else 1 for key in element.keys or ())


def _first_keys(seq: list[_Element]) -> set[str]:
    keys: set[str] = set()
    for element in seq:
        keys |= element.keys or set()
        if not element.optional:
            break
    return keys


def literal_words(pattern: str) -> set[str]:
    """Literal words mentioned in a pattern or class item (classes and gaps skipped)."""
    out: set[str] = set()
    for part in pattern.split():
        for alt in part.rstrip("?").split("|"):
            if alt and not alt.startswith(("@", "~", "%", "#")):
                out.update(alt.split("_"))
    return out
