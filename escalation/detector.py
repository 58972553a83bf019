"""Crisis-risk detector: normalizes a message, removes idiom spans, matches the data lexicon.

Pure Python (no Telegram, no SQLAlchemy). ``Detector.load()`` reads ``escalation/lexicon``;
``Detector.assess(text)`` returns a :class:`RiskAssessment` for one message. Tier rules:

* a denial just before a match ("aku gak mau bunuh diri", "I'm not going to kill myself") or a
  denial cue in the message ("cuma bercanda") lowers HIGH to CONCERN, never IMMINENT;
* a past-attempt cue in the same clause ("dulu aku pernah ...") lowers suicide / self-harm
  matches to CONCERN (abuse disclosures stay HIGH);
* a third-party cue before the match ("temenku", "my friend") sets ``third_party``;
* several CONCERN signals add up: a wish not to live / not to exist (a suicide match that is not
  a bare mention) plus hopelessness or feeling a burden elsewhere in the message, neither denied
  nor past nor about someone else, make HIGH (long messages where hopelessness and a wish to die
  are spread over several sentences), unless the message laughs ("lol", "wkwk": banter);
  ``combined`` records it;
* a "resisted" cue in the message ("tapi aku tahan", "put the blades in the trash") lowers a HIGH
  self-harm match (an urge) to CONCERN, never IMMINENT (an injury serious now);
* an IMMINENT match about someone else that is reported ("my cousin posted goodbye everyone",
  "temenku bilang mau bunuh diri besok": a third-party cue naming a person, then a "reported" cue
  in the clause before the match) is HIGH, as the friend-at-risk entries are; a bare pronoun
  ("dia bilang udah nyiapin tali buat malam ini", a staff note about the student) stays IMMINENT;
* a message that laughs ("wkwk", "haha") lowers a HIGH threat to others (violence) to CONCERN:
  banter and games ("kalau kalah lagi aku bunuh kamu wkwk"), never IMMINENT;
* a "persistent" cue ("udah mikirin ini berbulan-bulan", "been thinking about it for months") adds
  up with a wish not to live as hopelessness does (HIGH);
* an "insist" cue ("bukan becanda", "i'm not joking") cancels a denial cue it contains: "gw
  pengen mati aja. bukan becanda" is not a joke;
* a "present" cue ("sekarang", "now") between a past cue and a match in its clause ends the past:
  "dulu pernah nyoba dan sekarang pikiran itu balik lagi" is about now;
* words inside quotation marks in a message about a song, a film, a book or a post (a "media"
  cue: "this song ... 'i wanna die in your arms'") are someone else's words: the match is dropped,
  or kept at CONCERN when the writer relates to it (a "relate" cue: "same", "aku banget");
  quoted words after a named person's reporting verb ("temen gw bilang 'i won't be around much
  longer'") are that person's (third party, reported), even with an "I" inside the quote;
* an "accident" cue ("gara-gara lupa udah minum", "accidentally") drops suicide and self-harm
  matches about someone else ("kakek aku overdosis obat gara2 lupa"): an accident to another
  person, never the writer's own words;
* a "once" cue overlapping a HIGH abuse match (a single mild blow long ago: "my dad slapped me
  once last year", "pernah ditampar guru pas kelas 10") lowers it to CONCERN; sexual abuse, a
  blow that is not in the cue and anything recent stay HIGH;
* a message that laughs lowers a HIGH match of an entry marked ``hyperbole`` (a bare wish to
  die, said of a spicy meal or a deadline: "pengen mati wkwk") to CONCERN, never IMMINENT: a
  plan, a means, a place or a time is not lowered by a laugh;
* the situation layer (``situation.toml``, structural round): parts of a situation are found on
  their own anywhere in the message (after normalization and idiom removal): a means (poison,
  rope, fuel), pills (counted only with an act), a blade, a dangerous place, an act of
  self-destruction, cutting oneself, a time, "now", a goodbye, a weak farewell (thanks, "bye
  semuanya"), hopelessness, preparation ("udah aku siapin", "in my hand"), an injury serious
  now, an urge that cannot be stopped, a weapon, a named target, an intent to harm, a threat to
  the writer, an abuser present, fear. A *combination* (data: the kinds it requires, at least
  two groups, one part each, and the kinds that veto it) makes its tier: a means, an act or
  preparation and a time is IMMINENT; a place and an act now is IMMINENT, without "now" HIGH; a
  place and a goodbye, a goodbye and a means or a time, a means in hand and hopelessness, self
  harm with an injury serious now, self harm going on now that the writer cannot stop, an
  abuser present and fear, a weapon with an intent to harm and a time are IMMINENT; a goodbye
  and hopelessness, a place with hopelessness now or at a time are HIGH. The match
  (``situation.<name>``) spans its parts and lists them in ``parts`` ("means: racun tikus",
  "time: ntar malem"). Parts do not share words, except a part inside a longer act or
  preparation (the act "ngiket tali di kipas" holds the means "tali"). A part does not count
  when it is denied, in a past clause (except a means, pills, a blade, preparation or a weapon:
  bought "last week" and still there), or about someone else or their reported words (except
  the kinds about someone else by nature: target, harm, threat, abuser, weapon, time, now); no
  combination is made in a message with a media or an accident cue or a "frame" part (a
  lesson, first aid, prevention, the news); "leisure" (a cafe, swimming, a trip, an exam's
  goodbye) and "benign" (cooking, medicine as prescribed or for grandma, a pet's death) parts
  veto the combinations that name them, and are read before idioms are removed; a denial cue or
  a laugh lowers a combination to CONCERN;
* a friend at risk (round 7): when no combination is made of the writer's own parts, the parts
  about a named other person ("temen gw", "my friend"; not a bare "dia") are put with them, and
  the first IMMINENT combination they make is a HIGH match ``situation.friend.<name>``, marked
  third party: the student reports a friend's situation, a counselor is paged;
* an IMMINENT match with a negator right before it ("aku ga mau loncat aja dari lantai 5") is
  HIGH: a plan said denied is not read as a plan in progress.
"""

from __future__ import annotations

import enum
import functools
import pathlib
import re
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field

from escalation.detector_lexicon import (
    CUE_KINDS,
    DEFAULT_DIR,
    OTHER_KINDS,
    VETO_KINDS,
    Combination,
    Lexicon,
    LexiconError,
    Rule,
    load_lexicon,
)
from escalation.detector_patterns import NUMBER_KEY, Compiled
from escalation.normalize import BOUNDARY, Normalized
from escalation.second_opinion import SecondOpinion

__all__ = ["Detector", "LexiconError", "RiskAssessment", "RiskLevel", "RiskMatch"]

_FIRST_PERSON = frozenset({"aku", "i", "me", "my", "myself", "mine"})
_LOWERED_BY_PAST = frozenset({"suicide", "self_harm"})
_LOWERED_BY_RESISTED = frozenset({"self_harm"})
_THIRD_PARTY_WINDOW = 8
# a staff note speaks of the student as "dia" / "she": only a named other person (a friend, a
# cousin) makes a reported imminent message someone else's
_PRONOUNS = frozenset({"dia", "mereka", "seseorang", "she", "he", "they", "someone", "somebody"})
_LOWERED_BY_ACCIDENT = frozenset({"suicide", "self_harm"})
_TO = frozenset({"ke", "sama", "kepada", "to"})  # "bilang ke aku", "said to me"
# a means bought or put away "last week" is still there, and thanks are for the past by nature
# ("makasih udah pernah jadi temen gue"): only the act, the place, the goodbye are read as past
# by a past cue
# sextortion and grooming are told the same in a message that names a game or an app ("someone
# from a game has my pictures and says he'll share them unless i send more"): the media cue that
# drops a film's or a song's plot does not drop it (round 9)
_TOLD_IN_MEDIA = frozenset({"situation.sextortion", "situation.elder_sexual"})
# what an everyday use explains (round 11): a means, pills, a blade, a wound, an act with them
_EXPLAINED_BY_USE = frozenset(
    {"means", "pills", "blade", "cut", "serious", "wound", "fumes", "act", "all", "weapon"}
)
_KEPT_IN_PAST = frozenset(
    {"means", "pills", "blade", "prepared", "weapon", "thanks", "sexual", "secret", "elder"}
)
# a quotation: an opening mark at the start of a word, the closing one at the end of a word
# ("won't" inside a quotation does not close it)
_QUOTE_RE = re.compile(
    r"""(?:(?<=[\s(])|^)['"\u2018\u201c](?=\S).*?(?<=\S)['"\u2019\u201d](?=[\s.,!?;:)]|$)"""
)
_QUOTE_CHARS = frozenset("'\"\u2018\u2019\u201c\u201d")


class RiskLevel(enum.IntEnum):
    NONE = 0
    CONCERN = 1
    HIGH = 2
    IMMINENT = 3


@dataclass(frozen=True)
class RiskMatch:
    """One lexicon hit; ``start``/``end`` index the ORIGINAL text, ``excerpt`` is that span."""

    entry_id: str
    tier: RiskLevel
    category: str
    start: int
    end: int
    excerpt: str
    # a situation match: the parts it combined, each "kind: words" ("means: obat tidur")
    parts: tuple[str, ...] = ()


@dataclass(frozen=True)
class RiskAssessment:
    """The risk of one message; ``matches`` are ordered strongest first."""

    level: RiskLevel
    categories: tuple[str, ...]
    matches: tuple[RiskMatch, ...]
    third_party: bool
    denied: bool
    past: bool
    source: str = field(default="", repr=False, compare=False)
    combined: bool = False

    def excerpt(self, width: int = 120) -> str:
        """The original text around the strongest match, trimmed to about ``width`` chars."""
        if not self.matches:
            return _trim(self.source, 0, 0, width)
        best = self.matches[0]
        return _trim(self.source, best.start, best.end, width)


NONE = RiskAssessment(RiskLevel.NONE, (), (), False, False, False)
RECENT = 8  # texts whose assessment a detector remembers (one update asks up to three times)


def _fingerprint(root: pathlib.Path) -> tuple[tuple[str, int, int], ...]:
    """Which files, and which version of each: name, modification time, size."""
    stats = ((path.name, path.stat()) for path in sorted(root.glob("*.toml")))
    return tuple((name, st.st_mtime_ns, st.st_size) for name, st in stats)


@functools.lru_cache(maxsize=4)
def _load(
    root: pathlib.Path, fingerprint: tuple[tuple[str, int, int], ...], second_opinion: bool
) -> Detector:
    return Detector(load_lexicon(root), SecondOpinion.load() if second_opinion else None)


SECOND_OPINION = "second_opinion"  # the entry id and category of a raise by the second opinion


_Index = dict[str, list[tuple[Rule, Compiled]]]


class Detector:
    """Screens messages against the lexicon; build once with :meth:`load`, then reuse."""

    def __init__(self, lexicon: Lexicon, second_opinion: SecondOpinion | None = None) -> None:
        self.lexicon = lexicon
        self.second_opinion = second_opinion
        self._norm = lexicon.normalizer
        self._entries = _index(lexicon.entries)
        self._idioms = _index(lexicon.idioms)
        self._cues = _index(lexicon.cues)
        self._parts = _index(r for r in lexicon.components if r.kind not in VETO_KINDS)
        self._vetoes = _index(r for r in lexicon.components if r.kind in VETO_KINDS)
        self._part_kind = {rule.id: rule.kind for rule in lexicon.components}
        self._combinations = lexicon.combinations
        self._possible_kinds: dict[frozenset[str], bool] = {}  # at most 2**len(kinds) sets
        self._recent: OrderedDict[str, RiskAssessment] = OrderedDict()  # see assess

    @classmethod
    def load(
        cls, lexicon_dir: pathlib.Path | None = None, *, second_opinion: bool = False
    ) -> Detector:
        """Load and validate the data files (default: the package's ``lexicon`` folder).

        Compiling the lexicon takes about a second; a detector is immutable, so one process
        (an app rebuilt after a crash, the sandbox, the tests) reuses the one already built
        from the same files, and builds again when any file changed. ``second_opinion=True``:
        the statistical second opinion (``escalation/second_opinion.py``) may raise a final NONE
        to CONCERN, with a match a counselor can see. Off by default, and the bot does not turn
        it on: it helped on holdout11 but raises ordinary intake descriptions ("I moved to this
        school last year and I would like to make more friends", 0.99), see
        ``escalation/SECOND_OPINION.md``."""
        root = (lexicon_dir or DEFAULT_DIR).resolve()
        if not root.is_dir():
            return cls(load_lexicon(root))  # raises the clear "not found" error
        return _load(root, _fingerprint(root), second_opinion)

    # ---- public ------------------------------------------------------------------------------
    def assess(self, text: str) -> RiskAssessment:
        """Assess one message. One update's text is looked at by the fast lane, the router
        and its handler: the last few answers are remembered (a handful, not a history)."""
        if not text or text.isspace():
            return NONE
        known = self._recent.get(text)
        if known is None:
            known = self._assess(text)
            if known.level is RiskLevel.NONE and self.second_opinion is not None:
                known = self._second_opinion(text, self.second_opinion)
            self._recent[text] = known
            if len(self._recent) > RECENT:
                self._recent.popitem(last=False)
        return known

    def _assess(self, text: str) -> RiskAssessment:
        norm = self._norm.normalize(text)
        keys = _keys(norm.words)
        candidates = _candidates(self._entries, keys)
        maybe_parts = _candidates(self._parts, keys)
        if maybe_parts and not self._possible({self._part_kind[r.id] for r, _ in maybe_parts}):
            maybe_parts = []  # no combination can be made of the parts these words may give
        if not candidates and not maybe_parts:
            return NONE
        haystack = self._mask_idioms(norm.text + " ", keys, norm)
        hits = [
            (rule, m.start(), m.end() - 1)
            for rule, pat in candidates
            for m in pat.regex.finditer(haystack)
        ]
        parts = [
            (self._part_kind[rule.id], m.start(), m.end() - 1)
            for rule, pat in maybe_parts
            for m in pat.regex.finditer(haystack)
        ]
        if parts and not self._possible({kind for kind, _, _ in parts}):
            parts = []
        if not hits and not parts:
            return NONE
        ctx = _Context(self, norm, haystack, keys, text)
        kept = [found for found in (ctx.match(text, *hit) for hit in hits) if found is not None]
        if parts:
            # a veto is read before idioms are removed ("kucing aku mati" is an idiom, and a pet)
            vetoes = {
                self._part_kind[rid]
                for rid, start, end in _find(self._vetoes, keys, norm.text + " ")
                if not _explained_by_idiom(self._part_kind[rid], haystack, start)
                and not _inside_a_part(self._part_kind[rid], start, end, parts)
            }
            kept += ctx.situation(text, parts, self._combinations, frozenset(vetoes))
        if not kept:
            return NONE
        matches = sorted(kept, key=lambda m: (-m[0].tier, m[0].start))
        persistent = bool(ctx.cues["persistent"])
        return _assessment(text, matches, laughing="haha" in norm.words, persistent=persistent)

    @staticmethod
    def _second_opinion(text: str, opinion: SecondOpinion) -> RiskAssessment:
        """The rules found nothing: the second opinion may only raise to CONCERN, when confident,
        with a match a counselor can see ("second opinion: 0.97", the whole message as its
        excerpt). Never HIGH or IMMINENT: a raise makes intake ask the screening questions."""
        probability = opinion.probability(text)
        if probability < opinion.threshold:
            return NONE
        hit = RiskMatch(
            SECOND_OPINION, RiskLevel.CONCERN, SECOND_OPINION, 0, len(text), text,
            (f"second opinion: {probability:.2f}",),
        )
        return RiskAssessment(
            RiskLevel.CONCERN, (SECOND_OPINION,), (hit,), False, False, False, source=text
        )

    def _possible(self, kinds: set[str]) -> bool:
        """Some combination has a part of each of its groups among ``kinds`` (remembered: the
        same few sets of kinds come back message after message)."""
        key = frozenset(kinds)
        known = self._possible_kinds.get(key)
        if known is None:
            groups = (c.requires for c in self._combinations)
            known = self._possible_kinds[key] = any(all(g & key for g in req) for req in groups)
        return known

    def idiom_ids(self, text: str) -> set[str]:
        """Ids of the idioms found in ``text`` (used by the data tests)."""
        return {rid for rid, _, _ in self._spans(self._idioms, text)}

    def cue_ids(self, text: str) -> set[str]:
        """Ids of the denial / past / third-party cues found in ``text``."""
        return {rid for rid, _, _ in self._spans(self._cues, text)}

    def component_ids(self, text: str) -> set[str]:
        """Ids of the situation components found in ``text`` (idioms removed first, except for
        the vetoes: leisure, an everyday use, a frame)."""
        norm = self._norm.normalize(text)
        keys = _keys(norm.words)
        haystack = self._mask_idioms(norm.text + " ", keys, norm)
        found = _find(self._parts, keys, haystack) + _find(self._vetoes, keys, norm.text + " ")
        return {rid for rid, _, _ in found}

    # ---- internals ---------------------------------------------------------------------------
    def _spans(self, index: _Index, text: str) -> list[tuple[str, int, int]]:
        norm = self._norm.normalize(text)
        haystack = norm.text + " "
        return _find(index, _keys(norm.words), haystack)

    def _mask_idioms(self, haystack: str, keys: set[str], norm: Normalized) -> str:
        spans = _find(self._idioms, keys, haystack)
        if not spans:
            return haystack
        chars = list(haystack)
        for _, start, end in spans:
            for i in range(start, end):
                if chars[i] != " ":
                    chars[i] = BOUNDARY
        return "".join(chars)


class _Context:
    """Per-message state for applying denial / past / third-party rules to raw hits."""

    def __init__(
        self, det: Detector, norm: Normalized, haystack: str, keys: set[str], text: str = ""
    ) -> None:
        self.lex = det.lexicon
        self.norm = norm
        self.words = haystack[:-1].split(" ")
        self.clause = _clauses(self.words)
        self.laughing = "haha" in norm.words
        self.cues: dict[str, list[tuple[int, int]]] = {kind: [] for kind in CUE_KINDS}
        kinds = {rule.id: rule.kind for rule in det.lexicon.cues}
        for rid, start, end in _find(det._cues, keys, haystack):
            self.cues[kinds[rid]].append(norm.word_range(start, end))
        if self.cues["insist"] and self.cues["denial"]:  # "bukan becanda": not a joke
            kept = [
                (a, b)
                for a, b in self.cues["denial"]
                if not any(i <= a and b <= j for i, j in self.cues["insist"])
            ]
            self.cues["denial"] = kept
        self.quotes = _quotes(text) if _QUOTE_CHARS.intersection(text) else []

    def match(
        self, text: str, rule: Rule, start: int, end: int
    ) -> tuple[RiskMatch, bool, bool, bool] | None:
        """The hit as a match with its context flags; None when the context shows it is not the
        writer's risk at all (someone else's quoted words, someone else's accident)."""
        first, stop = self.norm.word_range(start, end)
        o_start, o_end = self.norm.original_span(first, stop)
        denied = self._negated(first) or bool(self.cues["denial"])
        past = self._past(first)
        third = rule.third_party or self._third_party(first)
        tier = rule.tier
        if self.quotes and any(a <= o_start and o_end <= b for a, b in self.quotes):
            if self.cues["media"] and not self._own_words(first):
                if not self.cues["relate"]:
                    return None
                tier = min(tier, RiskLevel.CONCERN)
            elif self._reported(first):
                third = True
        if third and self.cues["accident"] and rule.category in _LOWERED_BY_ACCIDENT:
            return None
        if past and rule.category in _LOWERED_BY_PAST:
            tier = min(tier, RiskLevel.CONCERN)
        if denied and tier == RiskLevel.HIGH:
            tier = RiskLevel.CONCERN
        if tier == RiskLevel.IMMINENT and self._negated(first):
            tier = RiskLevel.HIGH  # "aku ga mau loncat aja dari lantai 5": a plan said denied
        resisted = bool(self.cues["resisted"]) and rule.category in _LOWERED_BY_RESISTED
        if resisted and tier == RiskLevel.HIGH:
            tier = RiskLevel.CONCERN
        if rule.category == "abuse" and tier == RiskLevel.HIGH and self._once(first, stop):
            tier = RiskLevel.CONCERN
        if self.laughing and rule.category == "violence" and tier == RiskLevel.HIGH:
            tier = RiskLevel.CONCERN
        if self.laughing and rule.hyperbole and tier == RiskLevel.HIGH:
            tier = RiskLevel.CONCERN
        if third and tier == RiskLevel.IMMINENT and self._reported(first):
            tier = RiskLevel.HIGH
        hit = RiskMatch(
            rule.id, RiskLevel(tier), rule.category, o_start, o_end, text[o_start:o_end]
        )
        return hit, third, denied, past

    def situation(
        self,
        text: str,
        parts: list[tuple[str, int, int]],
        combinations: Iterable[Combination],
        vetoes: frozenset[str] = frozenset(),
    ) -> list[tuple[RiskMatch, bool, bool, bool]]:
        """The combinations whose parts are all in the message, each a match listing them.

        A part about someone else, in the past, denied, or in a message about a film, a song,
        a game or the news (a media cue) or framed as a lesson (a "frame" part) does not count;
        a denial cue or a laugh in the message lowers a combination to CONCERN."""
        if "frame" in vetoes:
            return []
        # an abuser's "accidentally" is theirs ("keeps 'accidentally' walking in when I
        # shower"): an accident cue drops no abuse (round 18)
        accident = bool(self.cues["accident"])
        own: dict[str, list[tuple[int, int, int, int]]] = {}
        theirs: dict[str, list[tuple[int, int, int, int]]] = {}  # parts about someone else
        for kind, start, end in parts:
            first, stop = self.norm.word_range(start, end)
            if self._negated(first) or (kind not in _KEPT_IN_PAST and self._past(first)):
                continue
            mine = any(w in _FIRST_PERSON for w in self.words[first:stop])  # "before i go"
            o_start, o_end = self.norm.original_span(first, stop)
            if (
                kind not in OTHER_KINDS
                and not mine
                and (self._third_party(first) or self._reported(first))
            ):
                theirs.setdefault(kind, []).append((first, stop, o_start, o_end))
                continue
            own.setdefault(kind, []).append((first, stop, o_start, o_end))
        # a media word inside a part is an object, not a film's plot ("manga collection buat
        # adek kelas" given away, round 17)
        inside = [(a, b) for spans in (*own.values(), *theirs.values()) for a, b, _, _ in spans]
        media = any(not any(i <= a and b <= j for i, j in inside) for a, b in self.cues["media"])
        found: list[tuple[RiskMatch, bool, bool, bool]] = []
        lowered = bool(self.cues["denial"]) or self.laughing
        for combo in combinations:
            if (combo.unless & vetoes) - {"benign"} or (media and combo.id not in _TOLD_IN_MEDIA) \
                    or (accident and combo.category != "abuse"):
                continue
            chosen = _choose(combo.requires, own)
            if chosen is None or _explained_by_use(combo, vetoes, chosen):
                continue
            tier = RiskLevel.CONCERN if lowered else RiskLevel(combo.tier)
            spans = sorted(chosen, key=lambda part: part[1][2])
            o_start, o_end = spans[0][1][2], max(span[3] for _, span in spans)
            labels = tuple(f"{kind}: {text[a:b]}" for kind, (_, _, a, b) in spans)
            hit = RiskMatch(
                combo.id, tier, combo.category, o_start, o_end, text[o_start:o_end], labels
            )
            found.append((hit, False, lowered, False))
        if theirs and not found and not media and not accident and "grief" not in vetoes and \
                self._named_other():
            found += self._friend_at_risk(text, own, theirs, combinations, vetoes, lowered)
        return found

    def _friend_at_risk(
        self,
        text: str,
        own: dict[str, list[_Span]],
        theirs: dict[str, list[_Span]],
        combinations: Iterable[Combination],
        vetoes: frozenset[str],
        lowered: bool,
    ) -> list[tuple[RiskMatch, bool, bool, bool]]:
        """A named friend's imminent or high situation told by the student ("temen gw lagi di
        atap mau loncat", "my friend just took all her pills", round 8: "dia udh nyimpen tali di
        lemari, katanya tinggal nunggu waktu"): the first IMMINENT or HIGH combination made with
        their parts is HIGH (a friend at serious risk, someone to page), marked third party."""
        merged = {k: own.get(k, []) + theirs.get(k, []) for k in own.keys() | theirs.keys()}
        for combo in combinations:
            if combo.tier < RiskLevel.HIGH or combo.unless & vetoes:
                continue
            chosen = _choose(combo.requires, merged)
            if chosen is None:
                continue
            tier = RiskLevel.CONCERN if lowered else RiskLevel.HIGH
            spans = sorted(chosen, key=lambda part: part[1][2])
            o_start, o_end = spans[0][1][2], max(span[3] for _, span in spans)
            labels = tuple(f"{kind}: {text[a:b]}" for kind, (_, _, a, b) in spans)
            entry = combo.id.replace("situation.", "situation.friend.", 1)
            excerpt = text[o_start:o_end]
            hit = RiskMatch(entry, tier, combo.category, o_start, o_end, excerpt, labels)
            return [(hit, True, lowered, False)]
        return []

    def _named_other(self) -> bool:
        """A third-party cue in the message that names someone ("temen gw", "my friend"), not a
        bare pronoun ("dia": a staff note about the student)."""
        return any(
            not all(w in _PRONOUNS for w in self.words[a:b]) for a, b in self.cues["third_party"]
        )

    def _own_words(self, first: int) -> bool:
        """The writer reports their own words before ``first`` ("aku nulis di buku harian ...",
        "i wrote ..."): a first-person word just before a reporting verb in its clause."""
        same = self.clause[first]
        return any(
            a <= first
            and self.clause[a] == same
            and any(w in _FIRST_PERSON for w in self.words[max(0, a - 2) : a])
            for a, _ in self.cues["reported"]
        )

    def _once(self, first: int, stop: int) -> bool:
        """A "once" cue (a single mild blow long ago) overlapping the match's words."""
        return any(a < stop and first < b for a, b in self.cues["once"])

    def _past(self, first: int) -> bool:
        """A past cue in the clause of ``first``, unless a present cue stands between them."""
        same = self.clause[first]
        return any(
            self.clause[a] == same
            and not any(b <= p < first and self.clause[p] == same for p, _ in self.cues["present"])
            for a, b in self.cues["past"]
        )

    def _negated(self, first: int) -> bool:
        skipped, i = 0, first - 1
        while i >= 0 and self.words[i] != BOUNDARY:
            word = self.words[i]
            if word in self.lex.negators:
                return True
            if word not in self.lex.fillers or skipped >= self.lex.max_fillers:
                return False
            skipped, i = skipped + 1, i - 1
        return False

    def _reported(self, first: int) -> bool:
        """A named other person ("my cousin", "temen sekelasku", not a bare "dia") and then a
        reporting verb ("posted", "bilang") before ``first`` in its clause."""
        same = self.clause[first]
        named = [
            b
            for a, b in self.cues["third_party"]
            if b <= first
            and self.clause[a] == same
            and not all(w in _PRONOUNS for w in self.words[a:b])
        ]
        return bool(named) and any(
            a >= min(named) and b <= first and self.clause[a] == same
            for a, b in self.cues["reported"]
        )

    def _third_party(self, first: int) -> bool:
        # a cue that ends with the match's first word, a possessive "aku" ("kakek aku overdosis",
        # "temen aku bunuh diri"), names the subject too
        owner = self.words[first] in _FIRST_PERSON
        before = [
            (a, b)
            for a, b in self.cues["third_party"]
            if (b <= first or (owner and a < first == b - 1))
            and self.clause[a] == self.clause[first]
            and first - b <= _THIRD_PARTY_WINDOW
        ]
        if not before:
            return False
        _, stop = max(before, key=lambda span: span[1])
        mine = [i for i in range(stop, first) if self.words[i] in _FIRST_PERSON]
        if not mine:
            return True
        # "my friend told me she's ...": "me" is the listener; "... told me i'm ..." is mine
        told = self._told_me()
        return not owner and all(i in told for i in mine)

    def _told_me(self) -> set[int]:
        """Positions of the writer as the listener of a reporting verb ("told me", "bilang ke
        aku", "cerita sama aku")."""
        out: set[int] = set()
        for _, b in self.cues["reported"]:
            i = b + 1 if b < len(self.words) and self.words[b] in _TO else b
            if i < len(self.words) and self.words[i] in _FIRST_PERSON:
                out.add(i)
        return out


_Span = tuple[int, int, int, int]  # first word, stop word, original start, original end
_HOLDERS = frozenset({"act", "cut", "prepared"})  # parts whose words may hold another part


def _explained_by_use(
    combo: Combination, vetoes: frozenset[str], chosen: list[tuple[str, _Span]]
) -> bool:
    """An everyday use ("benign": cooking, laundry, medicine for grandma) explains a means, a
    wound or an act, and vetoes a combination made with one; it does not explain a place and a
    farewell ("beres laundry ... sorry ya semua for everything ... jam 2 i will walk to the
    railway", round 11)."""
    if "benign" not in combo.unless:
        return False
    if "grief" in vetoes:  # a pet's death explains the grief told with it, whatever its parts
        return True
    return "benign" in vetoes and any(kind in _EXPLAINED_BY_USE for kind, _ in chosen)


def _inside_a_part(kind: str, start: int, end: int, parts: list[tuple[str, int, int]]) -> bool:
    """A leisure or frame word that is one of a risk part's own words ("she won't be around for
    graduation": a farewell, not a graduation party; "ketemu di hotel kalau mau skripsi di-acc":
    a threat, not a thesis topic) vetoes nothing (rounds 13 and 15)."""
    return kind in ("leisure", "frame") and any(a <= start and end - 1 <= b for _, a, b in parts)


def _explained_by_idiom(kind: str, haystack: str, start: int) -> bool:
    """A leisure word an idiom has already explained and removed ("tali pramuka" in "tali
    pramuka udah aku gantung di kamar, besok pagi semuanya berakhir") vetoes nothing more: the
    idiom took the rope out, and the farewell beside it still counts (round 9). Other vetoes keep
    their reach ("kucing aku mati" is an idiom and a pet's death)."""
    return kind == "leisure" and haystack[start] == BOUNDARY


def _choose(
    groups: tuple[frozenset[str], ...], parts: dict[str, list[_Span]]
) -> list[tuple[str, _Span]] | None:
    """One part for each group (the earliest such choice), or None. Two parts share no word,
    except a part inside a longer act or preparation: the act "ngiket tali di kipas" holds the
    means "tali"; the same words are never two parts, nor are two that overlap in part."""

    def pick(i: int, taken: list[tuple[str, _Span]]) -> list[tuple[str, _Span]] | None:
        if i == len(groups):
            return taken
        for kind in sorted(groups[i]):
            for span in parts.get(kind, ()):
                if all(_apart((kind, span), other) for other in taken):
                    done = pick(i + 1, [*taken, (kind, span)])
                    if done is not None:
                        return done
        return None

    if not all(group & parts.keys() for group in groups):
        return None
    return pick(0, [])


def _apart(a: tuple[str, _Span], b: tuple[str, _Span]) -> bool:
    """Two parts' words are disjoint, or one lies strictly inside a longer act or preparation
    (a verb that holds its object: "ngiket tali di kipas", "minum baygon")."""
    (kind_a, x), (kind_b, y) = a, b
    if x[1] <= y[0] or y[1] <= x[0]:
        return True
    if (x[0], x[1]) == (y[0], y[1]):
        return False
    if y[0] <= x[0] and x[1] <= y[1]:
        return kind_b in _HOLDERS
    return x[0] <= y[0] and y[1] <= x[1] and kind_a in _HOLDERS


def _adds_up(found: list[tuple[RiskMatch, bool, bool, bool]], persistent: bool = False) -> bool:
    """A wish not to live plus hopelessness in separate spans, or plus a cue that the thought
    persists; none denied, past or third party."""
    plain = [m for m, third, denied, past in found if not (third or denied or past)]
    concern = [m for m in plain if m.tier == RiskLevel.CONCERN]
    wishes = [
        m
        for m in concern
        if m.category == "suicide" and not m.entry_id.endswith(".suicide_mention")
    ]
    if persistent and wishes:
        return True
    hopeless = [m for m in concern if m.category == "hopeless"]
    return any(w.end <= h.start or h.end <= w.start for w in wishes for h in hopeless)


def _assessment(
    text: str,
    found: list[tuple[RiskMatch, bool, bool, bool]],
    laughing: bool = False,
    persistent: bool = False,
) -> RiskAssessment:
    matches = tuple(dict.fromkeys(m for m, *_ in found))
    top = max(m.tier for m in matches)
    combined = top == RiskLevel.CONCERN and not laughing and _adds_up(found, persistent)
    level = RiskLevel.HIGH if combined else top
    categories = tuple(dict.fromkeys(m.category for m in matches))
    return RiskAssessment(
        level=RiskLevel(level),
        categories=categories,
        matches=matches,
        third_party=any(f[1] for f in found if f[0].tier == top),
        denied=any(f[2] for f in found),
        past=any(f[3] for f in found),
        source=text,
        combined=combined,
    )


def _quotes(text: str) -> list[tuple[int, int]]:
    """Original [start, end) of each quotation in ``text``."""
    return [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text)]


def _index(rules: Iterable[Rule]) -> _Index:
    index: _Index = {}
    for rule in rules:
        for pat in rule.patterns:
            for key in pat.keys:
                index.setdefault(key, []).append((rule, pat))
    return index


def _keys(words: tuple[str, ...]) -> set[str]:
    keys = set(words)
    if any(w.isdigit() and len(w) > 1 for w in keys):
        keys.add(NUMBER_KEY)
    return keys


def _candidates(index: _Index, keys: set[str]) -> list[tuple[Rule, Compiled]]:
    seen: dict[int, tuple[Rule, Compiled]] = {}
    for key in keys:
        for rule, pat in index.get(key, ()):
            seen.setdefault(id(pat), (rule, pat))
    return list(seen.values())


def _find(index: _Index, keys: set[str], haystack: str) -> list[tuple[str, int, int]]:
    return [
        (rule.id, m.start(), m.end() - 1)
        for rule, pat in _candidates(index, keys)
        for m in pat.regex.finditer(haystack)
    ]


def _clauses(words: list[str]) -> list[int]:
    out, n = [], 0
    for word in words:
        if word == BOUNDARY:
            n += 1
        out.append(n)
    return out


def _trim(text: str, start: int, end: int, width: int) -> str:
    flat = " ".join(text.split()) if len(text) <= width else text
    if len(flat) <= width:
        return flat
    pad = max(0, (width - (end - start)) // 2)
    a, b = max(0, start - pad), min(len(text), max(end, start + 1) + pad)
    if b - a > width:
        b = a + width
    if a > 0 and " " in text[a:start]:
        a = text.index(" ", a, start) + 1
    if b < len(text) and " " in text[end:b]:
        b = text.rindex(" ", end, b)
    body = " ".join(text[a:b].split())
    return ("…" if a > 0 else "") + body + ("…" if b < len(text) else "")
