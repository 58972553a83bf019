"""Text normalizer for the risk detector.

Turns a raw chat message into a list of canonical words, each remembering the span of the
ORIGINAL text it came from, so that lexicon matches can quote the student's own words.

Steps (tables live in ``escalation/lexicon/normalize.toml``, not in code):

1. per character: NFKC, strip zero-width characters and combining marks, case-fold, map a few
   emoji to words (``😂`` → ``haha``);
2. tokenize into words, clause boundaries (``. , ! ? ;`` and new lines become ``|``);
3. spaced-out letters are joined (``s u i c i d e``; two spaces separate words), a leading
   ``i``/``a`` split off again when only the rest is a known word (``i c u t`` -> ``i cut``);
4. per token: dotted/hyphenated single letters joined (``b.u.n.u.h``), masked letters (``*``,
   ``#``, ``_``, a hyphen, a trailing ``!``; one or several, at any position) resolved against
   the ``[mask] targets`` words first, then the vocabulary (``b*nuh``, ``m*t*``, ``b#nuh``,
   ``d!r!``, ``k-ll``), ``1``/``!`` read as ``l`` when that gives a known word (``ki11``),
   Indonesian ``2`` reduplication (``mati2an``; an owner kept: ``barang2nya`` -> ``barang nya``),
   leetspeak only
   in tokens that contain letters (``m4t1`` but never ``jam 3``), runs of 3+ letters collapsed
   (``matiii``), slang to canonical forms (``gak`` → ``tidak``), possessive ``-ku/-mu/-nya``
   split off known nouns, Indonesian affixes reduced to a stem (``nyilet`` → ``silet``, passive
   ``dipukul`` → ``di pukul``), glued words split (``pengenmati``), an unknown token that is a
   ``[mask] targets`` word without some of its vowels read as that word (``bnh`` -> ``bunuh``,
   ``mti`` -> ``mati``).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

BOUNDARY = "|"
_ZERO_WIDTH = frozenset({"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"})
_QUOTES = {"\u2019": "'", "\u2018": "'", "`": "'", "\u201c": '"', "\u201d": '"'}
_TOKEN_RE = re.compile(r"[\w@$*#']+(?:[.\-*'!#][\w@$*#']+)*|[.!?,;:\n]+")
_MASK_CHARS = frozenset("*#_")
_LAUGH_RE = re.compile(r"^(?:(?:wk){2,}w?|a?wok(?:wok)+|(?:a?ha){2,}h?|(?:he){2,}|(?:hi){2,})$")
_UNIT_RE = re.compile(r"^(?:\d+[a-z]{1,3}|[a-z]{1,3}\d+)$")
_REDUP_RE = re.compile(r"^([a-z]{2,})2([a-z]*)$")
_REDUP_OWNER = {"ku": "aku", "mu": "kamu", "nya": "nya"}  # "barang2nya" -> "barang nya"
_RUN3_RE = re.compile(r"(.)\1{2,}")
_RUN2_RE = re.compile(r"([a-z])\1")


@dataclass(frozen=True)
class Normalized:
    """Canonical words of one message and their spans in the original text."""

    words: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    text: str = field(init=False)
    _starts: tuple[int, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        starts, pos = [], 0
        for word in self.words:
            starts.append(pos)
            pos += len(word) + 1
        object.__setattr__(self, "text", " ".join(self.words))
        object.__setattr__(self, "_starts", tuple(starts))

    def word_index(self, char_pos: int) -> int:
        """Index of the word containing ``char_pos`` of the normalized text."""
        return bisect_right(self._starts, char_pos) - 1

    def word_range(self, start: int, end: int) -> tuple[int, int]:
        """Words [first, last+1) covered by the normalized character range [start, end)."""
        return self.word_index(start), self.word_index(max(start, end - 1)) + 1

    def original_span(self, first: int, stop: int) -> tuple[int, int]:
        """Original [start, end) covered by words [first, stop)."""
        return self.spans[first][0], self.spans[stop - 1][1]


@dataclass
class Tables:
    """Normalization tables loaded from ``normalize.toml``."""

    leet: dict[str, str]
    slang: dict[str, str]
    emoji: dict[str, str]
    stems: frozenset[str]
    possessive_nouns: frozenset[str]
    prefixes: list[tuple[str, str]]
    suffixes: list[str]
    leet_alt: dict[str, str] = field(default_factory=dict)
    mask_targets: tuple[str, ...] = ()
    # Javanese "tak" before one of these verbs is "I" ("tak lakoni" = I'll do it), not "not"
    tak_verbs: frozenset[str] = frozenset()

    @classmethod
    def from_toml(cls, data: dict[str, Any]) -> Tables:
        affix = data.get("affix", {})
        return cls(
            leet=dict(data.get("leet", {})),
            slang={k.lower(): v.lower() for k, v in data.get("slang", {}).items()},
            emoji=dict(data.get("emoji", {})),
            stems=frozenset(affix.get("stems", [])),
            possessive_nouns=frozenset(data.get("possessive", {}).get("nouns", [])),
            prefixes=[(p, r) for p, r in affix.get("prefixes", [])],
            suffixes=list(affix.get("suffixes", [])),
            leet_alt=dict(data.get("leet_alt", {})),
            mask_targets=tuple(w.lower() for w in data.get("mask", {}).get("targets", [])),
            tak_verbs=frozenset(w.lower() for w in data.get("javanese", {}).get("tak_verbs", [])),
        )


class Normalizer:
    """Normalizes messages; build once, reuse (per-token results are cached)."""

    def __init__(self, tables: Tables, vocabulary: Iterable[str] = ()) -> None:
        self.t = tables
        vocab = set(vocabulary) | set(tables.slang) | tables.stems | tables.possessive_nouns
        for value in tables.slang.values():
            vocab.update(value.split())
        self.vocab = frozenset(w for w in vocab if w)
        self._break_vocab = frozenset(w for w in self.vocab if len(w) >= 3 and w.isalpha())
        self._leet_table = str.maketrans(tables.leet)
        self._leet_alt_table = str.maketrans({**tables.leet, **tables.leet_alt})
        self._leet_chars = frozenset(tables.leet)
        self._targets = frozenset(tables.mask_targets)
        self._unvowelled = [  # "bnh" -> bunuh, "mti" -> mati, "bndir" -> bundir, "myslf" -> myself
            (word, re.compile(word[0] + "".join(c + "?" if c in "aeiou" else c for c in word[1:])))
            for word in tables.mask_targets
            if len(word) >= 4
        ]
        self._char_cache: dict[str, str] = {}
        self._token_cache: dict[str, tuple[str, ...]] = {}

    # ---- step 1: characters -------------------------------------------------------------
    def _fold_char(self, ch: str) -> str:
        if ch in _ZERO_WIDTH:
            return ""
        if ch in self.t.emoji:
            return f" {self.t.emoji[ch]} "
        if ch in _QUOTES:
            return _QUOTES[ch]
        decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", ch))
        kept = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
        return unicodedata.normalize("NFC", kept).casefold()

    def _clean(self, text: str) -> tuple[str, list[int] | None]:
        if text.isascii():
            return text.lower().replace("`", "'"), None
        out: list[str] = []
        index: list[int] = []
        cache = self._char_cache
        for i, ch in enumerate(text):
            rep = cache.get(ch)
            if rep is None:
                rep = cache[ch] = self._fold_char(ch)
            out.append(rep)
            index.extend([i] * len(rep))
        return "".join(out), index

    # ---- step 2-3: tokens ------------------------------------------------------------------
    def normalize(self, text: str) -> Normalized:
        """Normalize ``text``; see the module docstring for the steps."""
        clean, index = self._clean(text)
        raw = [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(clean)]
        if index is not None:
            raw = [(tok, index[s], index[e - 1] + 1) for tok, s, e in raw]
        words: list[str] = []
        spans: list[tuple[int, int]] = []
        joined = self._join_masked_tails(self._split_spaced_pronoun(_join_spaced_letters(raw)))
        for i, (tok, start, end) in enumerate(joined):
            if not tok[0].isalnum() and tok[0] in ".!?,;:\n":
                if words and words[-1] != BOUNDARY:
                    words.append(BOUNDARY)
                    spans.append((start, end))
                continue
            if tok == "tak" and i + 1 < len(joined) and joined[i + 1][0] in self.t.tak_verbs:
                words.append("aku")  # Javanese: "tak lakoni bengi iki" = I'll do it tonight
                spans.append((start, end))
                continue
            for word in self.token(tok):
                words.append(word)
                spans.append((start, end))
        return Normalized(tuple(words), tuple(spans))

    def _split_spaced_pronoun(self, raw: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
        """A spaced-out word joined with the pronoun or article before it (``i c u t`` ->
        ``icut``; ``i w a n t`` -> ``iwant``): split the leading ``i``/``a`` off when only the rest
        is a known word."""
        out: list[tuple[str, int, int]] = []
        for tok, start, end in raw:
            if (
                len(tok) >= 4
                and tok[0] in "ia"
                and end - start >= 2 * len(tok) - 1  # spaced out: one character per letter
                and tok not in self.vocab
                and tok[1:] in self.vocab
                and tok[1:].isalpha()
            ):
                out.append((tok[0], start, start + 1))
                out.append((tok[1:], start + 2, end))
            else:
                out.append((tok, start, end))
        return out

    def _join_masked_tails(self, raw: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
        """A word glued to a following ``!`` that stands for a letter (``mat!``, ``d!r!``)."""
        out: list[tuple[str, int, int]] = []
        i = 0
        while i < len(raw):
            tok, start, end = raw[i]
            nxt = raw[i + 1] if i + 1 < len(raw) else None
            if (
                nxt is not None
                and nxt[0].startswith("!")
                and nxt[1] == end
                and tok[0].isalnum()
                and tok not in self.vocab
                and self._masked_target(tok + "!", self._leet_table) is not None
            ):
                out.append((tok + "!", start, end + 1))
                rest = nxt[0][1:]
                if rest:
                    out.append((rest, end + 1, nxt[2]))
                i += 2
                continue
            out.append(raw[i])
            i += 1
        return out

    # ---- step 4: one token -----------------------------------------------------------------
    def token(self, tok: str) -> tuple[str, ...]:
        """Canonical words for one raw (already case-folded) token; cached."""
        cached = self._token_cache.get(tok)
        if cached is None:
            cached = tuple(w for w in self._token(tok) if w)
            if len(self._token_cache) < 200_000:
                self._token_cache[tok] = cached
        return cached

    def _token(self, tok: str) -> list[str]:
        if any(c in _MASK_CHARS for c in tok) or (tok.endswith("!") and len(tok) > 1):
            target = self._masked_target(tok.strip("'"), self._leet_table)
            if target is None:
                target = self._masked_target(tok.strip("'"), self._leet_alt_table)
            if target is not None:
                return self._word(target)
        tok = tok.strip("*#_'!")
        if tok in self.vocab:
            return self._word(tok)
        if "." in tok:
            parts = [p for p in tok.split(".") if p]
            if _mostly_single(parts):
                return self._word("".join(parts))
            return [w for p in parts for w in self._token(p)]
        if "-" in tok:
            return self._hyphenated(tok)
        if any(c in _MASK_CHARS for c in tok):
            tok = self._uncensor(tok)
        return self._word(tok)

    def _hyphenated(self, tok: str) -> list[str]:
        parts = [p for p in tok.split("-") if p]
        if not parts:
            return []
        if _mostly_single(parts):
            return self._word("".join(parts))
        if not all(p in self.vocab for p in parts):
            target = self._masked_target(tok.replace("-", "*"), self._leet_table)
            if target is not None:  # a hyphen standing for a letter: "k-ll", "b-nuh"
                return self._word(target)
        first, rest = parts[0], parts[1:]
        if len(parts) == 2 and rest[0].startswith(first) and rest[0] != first:
            stem = self._word(rest[0])  # "mukul-mukulin" -> pukul; "mati-matian" stays
            return stem if stem != [rest[0]] and len(stem) == 1 else [tok]
        return [w for p in parts for w in self._token(p)]

    def _masked_target(self, tok: str, leet: dict[int, str]) -> str | None:
        """The first ``[mask] targets`` word that ``tok`` spells with its masked letters
        (``*``, ``#``, ``_``, a trailing ``!``; leetspeak read in the other letters), or None."""
        if not tok or not any(c.isalpha() for c in tok):
            return None
        body = tok[:-1] + "*" if tok.endswith("!") else tok
        body = "".join(c if c in _MASK_CHARS else c.translate(leet) for c in body)
        if not any(c in _MASK_CHARS for c in body) or sum(c.isalpha() for c in body) < 1:
            return None
        pattern = re.compile("".join("[a-z]" if c in _MASK_CHARS else re.escape(c) for c in body))
        for word in self.t.mask_targets:
            if len(word) == len(body) and pattern.fullmatch(word):
                return word
        return None

    def _uncensor(self, tok: str) -> str:
        core = "".join(c for c in tok if c not in _MASK_CHARS)
        if not core:
            return ""
        pattern = re.compile(
            "".join("[a-z]" if c in _MASK_CHARS else re.escape(c) for c in tok)
        )
        hits = sorted(w for w in self._break_vocab if len(w) == len(tok) and pattern.fullmatch(w))
        return hits[0] if hits else core

    def _word(self, tok: str) -> list[str]:
        if not tok:
            return []
        red = _REDUP_RE.match(tok)
        if red:
            tok = f"{red.group(1)}-{red.group(1)}{red.group(2)}"
            if tok in self.vocab:
                return (self.t.slang.get(tok) or tok).split()
            tok = red.group(1)
            owner = _REDUP_OWNER.get(red.group(2))
            if owner is not None:
                return [*self._word(tok), owner]
        if tok not in self.t.slang:
            plain = self._unleet(tok).replace("'", "")
            has_alpha = any(c.isalpha() for c in tok)
            if plain not in self.vocab and has_alpha and any(c in self.t.leet_alt for c in tok):
                alt = tok.translate(self._leet_alt_table).replace("'", "")
                plain = alt if alt in self.vocab else plain  # "ki11" -> kill
            tok = plain
        tok = self._collapse(tok)
        if _LAUGH_RE.match(tok):
            return ["haha"]
        slang = self.t.slang.get(tok)
        if slang is not None:
            return slang.split()
        target = self._vowels_dropped(tok)
        if target is not None:
            return self._word(target)
        return self._morph(tok)

    def _vowels_dropped(self, tok: str) -> str | None:
        """The first ``[mask] targets`` word that ``tok`` abbreviates by leaving out vowels only
        (``bnh`` -> bunuh, ``mti`` -> mati, ``hdp`` -> hidup), for an unknown token; or None."""
        if len(tok) < 3 or tok in self.vocab or not tok.isalpha():
            return None
        for word, pattern in self._unvowelled:
            if len(word) > len(tok) and pattern.fullmatch(tok):
                return word
        return None

    def _unleet(self, tok: str) -> str:
        if not any(c in self._leet_chars for c in tok):
            return tok
        if not any(c.isalpha() for c in tok):
            return tok
        if _UNIT_RE.match(tok):  # "3x", "20mg" stay, unless a mask target is meant ("d13", "3nd")
            plain = tok.translate(self._leet_table)
            return plain if plain in self._targets else tok
        return tok.translate(self._leet_table)

    def _collapse(self, tok: str) -> str:
        if _RUN3_RE.search(tok):
            two = _RUN3_RE.sub(r"\1\1", tok)
            if two in self.vocab:
                return two
            tok = _RUN3_RE.sub(r"\1", tok)
        if tok not in self.vocab and _RUN2_RE.search(tok):
            single = _RUN2_RE.sub(r"\1", tok)
            if single in self.vocab:
                return single
        return tok

    def _morph(self, tok: str) -> list[str]:
        for base, tail in (("ku", "aku"), ("mu", "kamu"), ("nya", "nya")):
            if tok.endswith(base) and tok[: -len(base)] in self.t.possessive_nouns:
                return [*self._word(tok[: -len(base)]), tail]
        stem = self._stem(tok)
        if stem is not None:
            return stem
        if len(tok) >= 7 and tok.isalpha() and tok not in self.vocab:
            pieces = self._word_break(tok)
            if pieces:
                return [w for p in pieces for w in (self.t.slang.get(p) or p).split()]
        return [tok]

    def _stem(self, tok: str) -> list[str] | None:
        stems = self.t.stems
        if tok.startswith("ku") and tok[2:] in stems:  # kupasang = aku pasang
            return ["aku", tok[2:]]
        if tok.startswith("ku") and tok[2:] not in stems:  # kukumpulin = aku kumpul
            for cand in self._suffix_variants(tok[2:])[1:]:
                if cand in stems:
                    return ["aku", cand]
        passive = tok.startswith("di") and len(tok) > 4
        bodies = [tok[2:]] if passive else [tok]
        if not passive:
            bodies += [r + tok[len(p) :] for p, r in self.t.prefixes if tok.startswith(p)]
        for body in bodies:
            for cand in self._suffix_variants(body):
                if cand in stems:
                    return ["di", cand] if passive else [cand]
        return None

    def _suffix_variants(self, body: str) -> list[str]:
        out = [body]
        for suf in self.t.suffixes:
            if body.endswith(suf) and len(body) - len(suf) >= 3:
                base = body[: -len(suf)]
                out += [base, base + "i"]
        return out

    def _word_break(self, tok: str) -> list[str] | None:
        """Split a glued token into vocabulary words (fewest pieces), or None."""
        n = len(tok)
        best: list[list[str] | None] = [None] * (n + 1)
        best[0] = []
        for i in range(n):
            if best[i] is None:
                continue
            for j in range(i + 3, n + 1):
                piece = tok[i:j]
                prev = best[i]
                if piece in self._break_vocab and prev is not None:
                    cur = best[j]
                    if cur is None or len(prev) + 1 < len(cur):
                        best[j] = [*prev, piece]
        result = best[n]
        return result if result and len(result) > 1 else None


def _mostly_single(parts: list[str]) -> bool:
    return len(parts) >= 3 and sum(len(p) == 1 for p in parts) * 2 >= len(parts)


def _join_spaced_letters(raw: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Join runs of 3+ single characters separated by exactly one space (``s u i c i d e``); a
    run of two letters is joined too when a longer run stands two spaces before or after it
    (``u d a h  d i  t a n g a n``)."""
    runs: list[tuple[int, int]] = []  # [i, j) of raw for every maximal run of single characters
    i = 0
    while i < len(raw):
        j = i
        while (
            j < len(raw)
            and len(raw[j][0]) == 1
            and raw[j][0].isalnum()
            and (j == i or raw[j][1] - raw[j - 1][2] == 1)
        ):
            j += 1
        runs.append((i, max(j, i + 1)))
        i = max(j, i + 1)

    def long_run(k: int) -> bool:
        a, b = runs[k]
        run = raw[a:b]
        return len(run) >= 3 and sum(t[0].isalpha() for t in run) >= 2

    out: list[tuple[str, int, int]] = []
    for k, (a, b) in enumerate(runs):
        run = raw[a:b]
        joined = long_run(k)
        if not joined and len(run) == 2 and all(t[0].isalpha() for t in run):
            prev_end = raw[runs[k - 1][1] - 1][2] if k > 0 else -9
            next_start = raw[runs[k + 1][0]][1] if k + 1 < len(runs) else -9
            before = k > 0 and long_run(k - 1) and run[0][1] - prev_end == 2
            after = k + 1 < len(runs) and long_run(k + 1) and next_start - run[-1][2] == 2
            joined = before or after
        if joined:
            out.append(("".join(t[0] for t in run), run[0][1], run[-1][2]))
        else:
            out.extend(run)
    return out
