"""The voice guide's rules a machine can check (``locales/VOICE.md``): every ``##`` section of
every catalog names its reader (Siswa/Tim/Semua, Students/Team/Everyone) and both languages put
a key under the same reader; an Indonesian message keeps to one register, the students' santai
tapi sopan or the team's plain working Indonesian; a team message says either *Anda* (counselors
and coordinators) or *kamu* (peer supporters), never both; and no student reads an internal
word."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from fluent.syntax import ast as fluent
from fluent.syntax import parse
from fluent.syntax.visitor import Visitor

from bot.i18n import LOCALES_DIR

LANGUAGES = ("id", "en")
STUDENT, TEAM, EVERYONE = "student", "team", "everyone"
READERS = {
    "id": {"Siswa": STUDENT, "Tim": TEAM, "Semua": EVERYONE},
    "en": {"Students": STUDENT, "Team": TEAM, "Everyone": EVERYONE},
}

FORMAL = ("sudah", "tidak", "saja", "telah", "jika")  # one register per message: these…
CASUAL = ("udah", "nggak", "aja", "gimana")  # …never beside these
NEVER_TO_STUDENTS = ("sudah", "tidak", "saja", "telah", "jika", "apabila", "anda", "mohon",
                     "silakan")
NEVER_TO_TEAM = ("udah", "nggak", "aja", "gimana", "banget", "gue", "lo", "mohon", "apabila")
# The team's two ways of saying "you" (VOICE.md): Anda to counselors and coordinators (and where
# several roles read a message and a pronoun cannot be avoided), kamu to peer supporters alone.
ANDA = re.compile(r"\bAnda\b")
KAMU = re.compile(r"\b(?!(?:ber|ke)?temu\b|ilmu\b|tamu\b)\w*mu\b", re.IGNORECASE)  # kamu, -mu
# What the program calls things inside, never what a student reads. Buttons, menus and labels
# that everyone reads count as read by students.
INTERNAL = ("eskalasi", "escalation", "escalations", "sesi", "session", "sessions", "intake",
            "ASQ", "risk level", "tingkat risiko")


@dataclass(frozen=True)
class Entry:
    """One message: where it is, the heading above it, and all of its text."""

    lang: str
    file: str
    key: str
    heading: str | None
    text: str

    @property
    def reader(self) -> str | None:
        if self.heading is None:
            return None
        prefix = self.heading.split(":", 1)[0].strip() if ":" in self.heading else ""
        return READERS[self.lang].get(prefix)

    def where(self) -> str:
        return f"{self.lang}/{self.file}: {self.key}"


class _Text(Visitor):
    """Every TextElement of a message: its value, its variants and its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def visit_TextElement(self, node: fluent.TextElement) -> None:  # noqa: N802
        self.parts.append(node.value)


def _by_register(message: fluent.Message) -> list[tuple[str, fluent.BaseNode]]:
    """A team message whose register follows its reader (``{ $peer -> [yes] … *[no] … }`` as
    its whole pattern: "kamu" to a peer supporter, a student, and "Anda" to the adults) is read
    as one message per variant; any other as itself."""
    elements = message.value.elements if message.value is not None else []
    if len(elements) == 1 and isinstance(elements[0], fluent.Placeable):
        select = elements[0].expression
        if isinstance(select, fluent.SelectExpression) and \
                isinstance(select.selector, fluent.VariableReference) and \
                select.selector.id.name == "peer":
            return [(f"{message.id.name}[{v.key.name}]", v.value)  # type: ignore[union-attr]
                    for v in select.variants]
    return [(message.id.name, message)]


def entries(lang: str, root: Path = LOCALES_DIR) -> list[Entry]:
    """Every message of one language, with the ``##`` heading it sits under (None if none)."""
    found: list[Entry] = []
    for path in sorted((root / lang).glob("*.ftl")):
        heading: str | None = None
        for entry in parse(path.read_text(encoding="utf-8")).body:
            if isinstance(entry, fluent.GroupComment):
                heading = (entry.content or "").strip()
            elif isinstance(entry, fluent.Message):
                for key, node in _by_register(entry):
                    text = _Text()
                    text.visit(node)
                    found.append(Entry(lang, path.name, key, heading, "".join(text.parts)))
    return found


def found_words(text: str, words: tuple[str, ...]) -> list[str]:
    """The words (or phrases) of ``words`` that ``text`` uses, whole-word, any case."""
    return [w for w in words
            if re.search(r"\b" + r"\s+".join(map(re.escape, w.split())) + r"\b", text,
                         re.IGNORECASE)]


def heading_problems(items: list[Entry]) -> list[str]:
    return [f"{e.where()} sits under {e.heading!r}, which does not start with a reader "
            f"({' / '.join(f'{p}:' for p in READERS[e.lang])})"
            for e in items if e.reader is None]


def mixed_register_problems(items: list[Entry]) -> list[str]:
    problems = []
    for e in items:
        formal, casual = found_words(e.text, FORMAL), found_words(e.text, CASUAL)
        if formal and casual:
            problems.append(f"{e.where()} mixes registers: {formal} with {casual}")
    return problems


def pronoun_problems(items: list[Entry]) -> list[str]:
    """A team message that says both Anda and kamu/-mu to its reader."""
    return [f"{e.where()} ({e.reader}) says both Anda and {kamu.group(0)!r}"
            for e in items if e.reader == TEAM and ANDA.search(e.text)
            for kamu in [KAMU.search(e.text)] if kamu is not None]


def register_problems(items: list[Entry]) -> list[str]:
    problems = []
    for e in items:
        banned = {STUDENT: NEVER_TO_STUDENTS, TEAM: NEVER_TO_TEAM}.get(e.reader or "", ())
        for word in found_words(e.text, banned):
            problems.append(f"{e.where()} ({e.reader}) uses {word!r}")
    return problems


def internal_word_problems(items: list[Entry]) -> list[str]:
    return [f"{e.where()} ({e.reader}) shows a student {word!r}"
            for e in items if e.reader in (STUDENT, EVERYONE)
            for word in found_words(e.text, INTERNAL)]


def reader_mismatches(root: Path = LOCALES_DIR) -> list[str]:
    readers = {lang: {e.key.split("[")[0]: e.reader for e in entries(lang, root)}
               for lang in LANGUAGES}  # (a message read per register is one key)
    return [f"{key}: {readers['id'].get(key)} in id, {readers['en'].get(key)} in en"
            for key in sorted(readers["id"].keys() | readers["en"].keys())
            if readers["id"].get(key) != readers["en"].get(key)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_sits_under_a_heading_that_names_its_reader(lang: str) -> None:
    items = entries(lang)
    assert len(items) > 300
    assert heading_problems(items) == []


def test_an_indonesian_message_keeps_to_one_register() -> None:
    assert mixed_register_problems(entries("id")) == []


def test_students_and_the_team_each_read_their_own_register() -> None:
    items = entries("id")
    assert {e.reader for e in items} == {STUDENT, TEAM, EVERYONE}
    assert register_problems(items) == []


def test_a_team_message_says_anda_or_kamu_never_both() -> None:
    items = entries("id")
    assert any(e.reader == TEAM and ANDA.search(e.text) for e in items)
    assert pronoun_problems(items) == []


def test_both_languages_put_every_key_under_the_same_reader() -> None:
    assert reader_mismatches() == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_student_reads_an_internal_word(lang: str) -> None:
    assert internal_word_problems(entries(lang)) == []


def test_the_checks_see_what_they_are_meant_to_see(tmp_path: Path) -> None:
    """The checks themselves, on a small catalog that breaks every rule once."""
    for lang, student, team in (("id", "Siswa", "Tim"), ("en", "Students", "Team")):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "x.ftl").write_text(
            "no-heading = Hai\n\n"
            f"## {student}: sample\n"
            "mixed = { $n ->\n    [one] Kamu udah siap?\n   *[other] Tidak apa-apa.\n    }\n"
            "internal = Sesi kamu, your session, Risk\n  level\n\n"
            f"## {team}: sample\n"
            "casual = Makasih banget, lo!\n"
            "both = Anda bisa menutup obrolanmu.\n", encoding="utf-8")
    items = entries("id", tmp_path)
    assert heading_problems(items) == ["id/x.ftl: no-heading sits under None, which does not "
                                       "start with a reader (Siswa: / Tim: / Semua:)"]
    assert mixed_register_problems(items) == [
        "id/x.ftl: mixed mixes registers: ['tidak'] with ['udah']"]
    assert register_problems(items) == ["id/x.ftl: mixed (student) uses 'tidak'",
                                        "id/x.ftl: casual (team) uses 'banget'",
                                        "id/x.ftl: casual (team) uses 'lo'"]
    assert pronoun_problems(items) == ["id/x.ftl: both (team) says both Anda and 'obrolanmu'"]
    assert internal_word_problems(items) == [
        "id/x.ftl: internal (student) shows a student 'sesi'",
        "id/x.ftl: internal (student) shows a student 'session'",
        "id/x.ftl: internal (student) shows a student 'risk level'"]
    assert reader_mismatches(tmp_path) == []
    (tmp_path / "en" / "x.ftl").write_text("## Team: moved\nmixed = Hi\n", encoding="utf-8")
    assert reader_mismatches(tmp_path) == ["both: team in id, None in en",
                                           "casual: team in id, None in en",
                                           "internal: student in id, None in en",
                                           "mixed: student in id, team in en"]


def test_indonesian_messages_suggest_the_indonesian_subcommands() -> None:
    """A coordinator reading Indonesian is told ``/shifts tambah`` and ``/shifts hapus`` (both
    work, as do add/remove), never an English word in the middle of their sentence."""
    english = [f"{e.where()}: {m.group(0)!r}" for e in entries("id")
               for m in re.finditer(r"/shifts (add|remove)\b", e.text)
               if "juga bisa" not in e.text[m.end():m.end() + 40]]
    assert english == []
