"""Loads and validates the detector's data files (``escalation/lexicon/*.toml``).

Files: ``normalize.toml`` (normalizer tables), ``classes.toml`` (word classes), ``cues.toml``
(negators, denial / past / third-party cues), ``idioms.toml`` (spans removed before matching) and
every other ``*.toml`` with ``[[entry]]`` tables (``id.toml``, ``en.toml``): the risk lexicon.
``situation.toml`` holds the situation layer: ``[[component]]`` tables (parts of a situation found
anywhere in a message: a means, a place, an act, a time...) and ``[[combination]]`` tables (which
parts, together, make a tier).
Any problem raises :class:`LexiconError` naming the file and the entry.
"""

from __future__ import annotations

import pathlib
import tomllib
from dataclasses import dataclass
from typing import Any

from escalation.detector_patterns import Compiled, PatternCompiler, PatternError, literal_words
from escalation.normalize import Normalizer, Tables

DEFAULT_DIR = pathlib.Path(__file__).with_name("lexicon")
TIERS = {"concern": 1, "high": 2, "imminent": 3}
CATEGORIES = frozenset({"suicide", "self_harm", "abuse", "violence", "hopeless"})
CUE_KINDS = frozenset(
    {
        "denial",
        "past",
        "third_party",
        "resisted",
        "reported",
        "persistent",
        "insist",
        "present",
        "media",
        "relate",
        "accident",
        "once",
    }
)
# the parts of a situation (``situation.toml``): each found on its own, anywhere in a message
COMPONENT_KINDS = frozenset(
    {
        "means",  # poison, rope, fuel, exhaust
        "blade",  # a razor, a cutter, broken glass (self harm)
        "pills",  # pills in quantity, sleeping pills, paracetamol (count only with an act)
        "place",  # a bridge, a rooftop, a high floor, the tracks, a toll road's edge, the sea
        "act",  # jump, swallow them all, hang, mix into a drink, step in front of, burn
        "cut",  # cutting oneself
        "time",  # tonight, after the evening prayer, after this chat, tomorrow, a clock time
        "now",  # now, right now, already here, just now
        "goodbye",  # last message, before I go, tell my mom, a letter under the pillow
        "thanks",  # thanks for everything, thank you for always listening (weaker than goodbye)
        "hopeless",  # can't take it anymore, tired of living, no point
        "prepared",  # already prepared, bought, in my hand, ready
        "serious",  # deep, bleeding that won't stop (an injury now)
        "urge",  # can't stop, already started (self harm going on)
        "weapon",  # a knife, a machete, a sickle, a chain (violence)
        "target",  # a named person (si Dimas, anak STM sebelah, him)
        "harm",  # an intent to hurt someone (nyabet, si Dimas harus ngerasain, revenge)
        "threat",  # someone threatened to hurt the writer (dia ngancem mau ngehajar aku)
        "abuser",  # an abuser present now (at the door, drunk, with a belt)
        "fear",  # the writer is afraid, cannot get away
        "end",  # the end announced for a time: "malam ini selesai semuanya", "it's tonight"
        "family",  # a farewell to one's own family: "titip salam buat mama ya", "tell my mom"
        "apology",  # an apology to everyone: "maaf ya semuanya", "sorry for everything"
        "cover",  # a cover story for a means: "bilang ke mama buat nyamuk, padahal ..."
        "leisure",  # a cafe, swimming, a trip, a view: a place visited for fun
        "benign",  # an everyday use of a means: cooking, medicine for grandma, as prescribed
        "all",  # all of them, sekaligus, sebotol (round 8: an overdose made ready)
        "waiting",  # a plan kept without a date: "tinggal nunggu waktu", "idk for when yet"
        "pull",  # drawn by a place: hoping a train comes, "how easy it would be"
        "frame",  # a lesson, a prevention talk, first aid, the news: not one's own situation
        # round 9
        "wound",  # a wound (luka, sayatan, the cut, deeper than usual): serious with "serious"
        "fumes",  # gas opened, charcoal burning, a car running: lethal in a sealed room
        "sealed",  # windows and doors shut, vents taped, a closed garage
        "unreachable",  # not answering the phone, the phone off (a friend after a goodbye)
        "elder",  # an adult with power over the writer: coach, tutor, teacher, boss, neighbour
        "sexual",  # touched, groped, told to undress (sexual abuse without the abuse words)
        "kiss",  # kissed (weaker: sexual abuse only with fear or secrecy)
        "pics",  # the writer's pictures held or asked for
        "extort",  # a threat to spread them, or to tell, unless the writer complies
        "secret",  # sworn to secrecy: "made me promise not to tell"
        "plan_how",  # planning how to do it, "udah ngerencanain caranya"
        "repeat",  # again, the third time this week, every night
        "sh_emoji",  # a blade and blood in emoji (🔪🩸, read as "pisau darah")
        "grief",  # a pet's death: explains a grief beside it (vetoes what "benign" may veto)
        "giving",  # belongings given away (with a farewell: HIGH)
        "alone_with",  # taken somewhere alone by an adult (with a threat: coercion)
        "later",  # a later day (hari sabtu, on monday, next week): vetoes IMMINENT violence
    }
)
# kinds that are about someone else by nature (or about nobody): not dropped as third party
# round 14: a demand or a threat made of the student, an adult with power over them, being taken
# somewhere alone: the other person's doing by nature ("ada akun ... dia minta 2 juta")
OTHER_KINDS = frozenset(
    {"target", "harm", "threat", "abuser", "weapon", "time", "now", "extort", "elder", "alone_with",
     "sexual", "secret"}
)
# kinds that only veto a combination: read anywhere in the message, before idioms are removed
VETO_KINDS = frozenset({"leisure", "benign", "frame", "later", "grief"})
_SPECIAL = {"normalize.toml", "classes.toml", "cues.toml", "idioms.toml", "situation.toml"}
_COMBINATION_KEYS = {"id", "tier", "category", "requires", "unless", "positive", "negative", "note"}
_ENTRY_KEYS = {
    "id",
    "pattern",
    "patterns",
    "tier",
    "category",
    "positive",
    "negative",
    "third_party",
    "hyperbole",
    "note",
}
_RULE_KEYS = {"id", "pattern", "patterns", "kind", "positive", "negative", "note"}


class LexiconError(ValueError):
    """Bad lexicon data; the message names the file and the entry."""


@dataclass(frozen=True)
class Rule:
    """A lexicon entry, an idiom or a cue: patterns plus their test examples."""

    id: str
    source: str
    patterns: tuple[Compiled, ...]
    positive: tuple[str, ...]
    negative: tuple[str, ...]
    tier: int = 0
    category: str = ""
    kind: str = ""
    third_party: bool = False
    hyperbole: bool = False


@dataclass(frozen=True)
class Combination:
    """A situation rule: one component of each ``requires`` group (alternative kinds), all
    distinct spans, none of the ``unless`` kinds in the message, make ``tier``."""

    id: str
    tier: int
    category: str
    requires: tuple[frozenset[str], ...]
    unless: frozenset[str]
    positive: tuple[str, ...]
    negative: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    normalizer: Normalizer
    entries: tuple[Rule, ...]
    idioms: tuple[Rule, ...]
    cues: tuple[Rule, ...]
    negators: frozenset[str]
    fillers: frozenset[str]
    max_fillers: int
    components: tuple[Rule, ...] = ()
    combinations: tuple[Combination, ...] = ()


def _read(path: pathlib.Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(f"{path.name}: cannot read: {exc}") from exc


def load_lexicon(lexicon_dir: pathlib.Path | None = None) -> Lexicon:
    """Read, validate and compile every data file of ``lexicon_dir``."""
    root = lexicon_dir or DEFAULT_DIR
    if not root.is_dir():
        raise LexiconError(f"{root}: lexicon directory not found")
    cues_data = _read(root / "cues.toml")
    negation = cues_data.get("negation", {})
    negators = frozenset(_str_list(negation.get("negators", []), "cues.toml", "negation"))
    fillers = frozenset(_str_list(negation.get("fillers", []), "cues.toml", "negation"))
    classes = _read(root / "classes.toml").get("classes", {})
    compiler = PatternCompiler(classes, negators)
    try:
        class_words = compiler.words()
        for name in compiler.class_names:
            compiler.compile(f"@{name}")
    except PatternError as exc:
        raise LexiconError(f"classes.toml: {exc}") from exc
    idioms = _rules(root / "idioms.toml", "idiom", compiler, _RULE_KEYS)
    cues = _rules(root / "cues.toml", "cue", compiler, _RULE_KEYS)
    components: list[Rule] = []
    combinations: list[Combination] = []
    if (root / "situation.toml").is_file():
        components = _rules(root / "situation.toml", "component", compiler, _RULE_KEYS)
        combinations = _combinations(root / "situation.toml")
    entries: list[Rule] = []
    for path in sorted(root.glob("*.toml")):
        if path.name not in _SPECIAL:
            entries += _rules(path, "entry", compiler, _ENTRY_KEYS)
    _check_unique([*entries, *idioms, *cues, *components])
    _check_unique_ids([c.id for c in combinations], [*entries, *components], "situation.toml")
    vocab = set(class_words) | negators | fillers
    for rule in (*entries, *idioms, *cues, *components):
        for pat in rule.patterns:
            vocab |= literal_words(pat.source)
    tables = Tables.from_toml(_read(root / "normalize.toml"))
    extra = _read(root / "normalize.toml").get("vocabulary", {}).get("words", [])
    normalizer = Normalizer(tables, vocab | set(extra))
    max_fillers = int(negation.get("max_fillers", 3))
    return Lexicon(
        normalizer,
        tuple(entries),
        tuple(idioms),
        tuple(cues),
        negators,
        fillers,
        max_fillers,
        tuple(components),
        tuple(combinations),
    )


def _items(path: pathlib.Path, table: str) -> list[Any]:
    """The ``[[table]]`` array of a lexicon file."""
    raw = _read(path).get(table, [])
    if not isinstance(raw, list):
        raise LexiconError(f"{path.name}: [[{table}]] must be an array of tables")
    return raw


def _identify(fname: str, table: str, index: int, item: dict[str, Any],
              allowed: set[str]) -> tuple[str, str]:
    """An item's id and how errors name it; a missing id or an unknown key is refused."""
    rid = item.get("id")
    where = f"{fname}: {table} {rid or f'#{index}'}"
    if not isinstance(rid, str) or not rid:
        raise LexiconError(f"{where}: missing id")
    unknown = set(item) - allowed
    if unknown:
        raise LexiconError(f"{where}: unknown keys {sorted(unknown)}")
    return rid, where


def _tier_and_category(item: dict[str, Any], where: str) -> tuple[int, str]:
    tier = TIERS.get(str(item.get("tier")), 0)
    category = str(item.get("category"))
    if not tier:
        raise LexiconError(f"{where}: tier must be one of {sorted(TIERS)}")
    if category not in CATEGORIES:
        raise LexiconError(f"{where}: category must be one of {sorted(CATEGORIES)}")
    return tier, category


def _combinations(path: pathlib.Path) -> list[Combination]:
    return [_combination(path.name, i, item)
            for i, item in enumerate(_items(path, "combination"))]


def _combination(fname: str, index: int, item: dict[str, Any]) -> Combination:
    rid, where = _identify(fname, "combination", index, item, _COMBINATION_KEYS)
    tier, category = _tier_and_category(item, where)
    groups = tuple(frozenset(g.split("|")) for g in _str_list(item.get("requires", []), fname, rid))
    unless = frozenset(_str_list(item.get("unless", []), fname, rid))
    for kind in unless.union(*groups):
        if kind not in COMPONENT_KINDS:
            raise LexiconError(f"{where}: unknown component kind {kind!r}")
    if len(groups) < 2:
        raise LexiconError(f"{where}: requires at least two component groups")
    if any(a & b for i, a in enumerate(groups) for b in groups[i + 1 :]):
        raise LexiconError(f"{where}: a kind may appear in one group only")
    positive = tuple(_str_list(item.get("positive", []), fname, rid))
    negative = tuple(_str_list(item.get("negative", []), fname, rid))
    if not positive or not negative:
        raise LexiconError(f"{where}: needs positive and negative examples")
    return Combination(rid, tier, category, groups, unless, positive, negative)


def _rules(
    path: pathlib.Path, table: str, compiler: PatternCompiler, allowed: set[str]
) -> list[Rule]:
    return [_rule(path.name, table, i, item, compiler, allowed)
            for i, item in enumerate(_items(path, table))]


def _rule(
    fname: str,
    table: str,
    index: int,
    item: dict[str, Any],
    compiler: PatternCompiler,
    allowed: set[str],
) -> Rule:
    rid, where = _identify(fname, table, index, item, allowed)
    sources = _str_list(item.get("patterns", []), fname, rid)
    if "pattern" in item:
        sources.insert(0, _str(item["pattern"], where, "pattern"))
    if not sources:
        raise LexiconError(f"{where}: no pattern")
    try:
        patterns = tuple(compiler.compile(s) for s in sources)
    except PatternError as exc:
        raise LexiconError(f"{where}: {exc}") from exc
    positive = tuple(_str_list(item.get("positive", []), fname, rid))
    negative = tuple(_str_list(item.get("negative", []), fname, rid))
    if not positive:
        raise LexiconError(f"{where}: needs at least one positive example")
    tier, category, kind = 0, "", ""
    if table == "entry":
        tier, category = _tier_and_category(item, where)
    if table == "cue":
        kind = str(item.get("kind"))
        if kind not in CUE_KINDS:
            raise LexiconError(f"{where}: kind must be one of {sorted(CUE_KINDS)}")
    if table == "component":
        kind = str(item.get("kind"))
        if kind not in COMPONENT_KINDS:
            raise LexiconError(f"{where}: kind must be one of {sorted(COMPONENT_KINDS)}")
    return Rule(
        rid,
        fname,
        patterns,
        positive,
        negative,
        tier,
        category,
        kind,
        bool(item.get("third_party", False)),
        bool(item.get("hyperbole", False)),
    )


def _str(value: Any, where: str, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise LexiconError(f"{where}: {key} must be a non-empty string")
    return value


def _str_list(value: Any, fname: str, rid: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{fname}: {rid}: expected a list of strings")
    return list(value)


def _check_unique(rules: list[Rule]) -> None:
    seen: dict[str, str] = {}
    for rule in rules:
        if rule.id in seen:
            raise LexiconError(f"{rule.source}: {rule.id}: duplicate id (also in {seen[rule.id]})")
        seen[rule.id] = rule.source


def _check_unique_ids(ids: list[str], rules: list[Rule], fname: str) -> None:
    taken = {rule.id for rule in rules}
    seen: set[str] = set()
    for rid in ids:
        if rid in taken or rid in seen:
            raise LexiconError(f"{fname}: {rid}: duplicate id")
        seen.add(rid)
