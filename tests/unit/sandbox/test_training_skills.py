"""The training classifier: which listening skills a trainee's message shows, in both languages."""

from __future__ import annotations

import re

import pytest

from sandbox.training_skills import PATTERNS, QUOTE_LIMIT, SKILLS, classify, normalise, quote

EXAMPLES: dict[str, list[str]] = {
    "open_question": [
        "gimana perasaanmu?", "Gimanaaa kabarnya?", "Terus, kenapa kamu mikir gitu?",
        "Bagaimana keadaanmu sekarang?", "apa yang bikin kamu paling kepikiran?",
        "kamu ngerasa apa waktu itu?", "ceritain dong", "Cerita aja pelan-pelan ya",
        "Sejak kapan kamu susah tidur?",
        "What happened?", "How are you feeling", "So what was that like for you?",
        "Tell me more.", "Can you say a bit more about that?", "I wonder how that felt",
    ],
    "reflection": [
        "kedengarannya berat banget ya", "Kedengerannya kamu capek", "kayaknya kamu kesepian",
        "jadi kamu ngerasa sendirian ya", "Jadi, kamu takut pulang", "pasti berat ya",
        "kamu ngerasa nggak dianggap ya", "sedih banget ya", "wajar kok kalau kamu cemas",
        "Sounds like you feel alone.", "That sounds really hard", "Sounds tough.",
        "It seems you feel stuck.",
        "You must feel exhausted", "I hear you're scared.", "You're feeling left out",
        "No wonder you can't sleep",
    ],
    "safety": [
        "kamu aman nggak sekarang?", "Kamu aman?", "Temanmu aman nggak?",
        "kamu merasa aman di rumah?", "Apakah kamu aman di rumah", "kepikiran bunuh diri nggak?",
        "Kamu kepikiran nyakitin diri sendiri?", "pernah kepikiran pengen mati?",
        "Are you safe right now?", "Is she safe?", "Do you feel safe at home?",
        "Are you thinking of hurting yourself?", "Have you thought about suicide?",
        "Is she thinking of ending her life?",
        "kamu kepikiran mati nggak?", "Pernah kepikiran buat mati?",
        "Have you thought about dying?", "Are you thinking about ending it all?",
    ],
    "advice": [
        "kamu harus bikin jadwal belajar", "Kamu cuma perlu tidur lebih awal",
        "mending kamu ngomong ke ortumu", "Sebaiknya langsung lapor guru",
        "coba aja bikin jadwal", "cuekin aja mereka", "saranku, tidur aja dulu",
        "You should just study more.", "Why don't you talk to your parents?",
        "Just ignore them.", "Have you tried making a schedule?", "If I were you I'd tell her",
        "kamu coba aja olahraga", "coba olahraga deh", "olahraga aja biar seger",
        "Try exercising more.", "Hmm, maybe try going for a run.",
    ],
    "minimizing": [
        "jangan sedih", "Jangan terlalu dipikirin ya", "semua orang juga gitu kok",
        "ah lebay", "nggak usah khawatir", "santai aja, cuma ujian", "masih mending lho",
        "nanti juga lewat kok",
        "Don't be sad.", "Don't worry about it", "Everyone goes through this.",
        "It's not a big deal", "At least you have your family", "You'll be fine",
    ],
}

NEITHER = [  # greetings, closed questions, reassurance: none of the five skills
    "Halo, aku Dimas, pendamping sebaya.", "Terima kasih sudah cerita. Aku tetap di sini.",
    "Kamu udah makan?", "Apa kamu baik-baik aja?", "Kamu aman kok di sini, ceritamu rahasia.",
    "kamu pasti bisa!", "Oke.", "Aku ngerti.", "/refer",
    "Hi, I'm Dimas.", "Hello!", "Are you okay?", "Do you want to talk?", "I hear you.",
    "Did you tell anyone what happened?", "You're safe here with me.", "Thanks for telling me.",
]


@pytest.mark.parametrize(("skill", "text"),
                         [(s, t) for s, texts in EXAMPLES.items() for t in texts])
def test_each_skill_is_recognised(skill: str, text: str) -> None:
    assert skill in classify(text).skills


@pytest.mark.parametrize("text", NEITHER)
def test_greetings_closed_questions_and_reassurance_show_no_skill(text: str) -> None:
    assert classify(text).skills == frozenset()


@pytest.mark.parametrize(("text", "not_this"), [
    ("Kamu udah cerita ke orang tuamu?", "open_question"),  # closed: yes or no
    ("Are you okay?", "open_question"),
    ("Kamu pasti bisa!", "reflection"),                    # cheering, not reflecting
    ("Ceritamu aman kok sama aku.", "safety"),             # reassurance, not asking
    ("You're safe here.", "safety"),
    ("Masih mending lho.", "advice"),                     # minimizing, not advice
    ("You must feel so tired.", "advice"),                # reflection, not advice
    ("Why do you think that?", "advice"),
    ("Why don't you tell them?", "open_question"),        # advice dressed as a question
    ("Coba ceritain deh, pelan-pelan.", "advice"),         # an invitation, not advice
    ("Let me try asking another way: what happened?", "advice"),
    ("I'm trying to understand.", "advice"),
    ("Kamu kepikiran apa semalam?", "safety"),             # an open question, not safety
])
def test_near_misses(text: str, not_this: str) -> None:
    assert not_this not in classify(text).skills


def test_one_message_can_show_several_skills() -> None:
    shown = classify("Kedengarannya berat ya. Kamu aman nggak sekarang? Ceritain dong.")
    assert shown.skills == {"reflection", "safety", "open_question"}
    both = classify("Sounds hard. You should just sleep more, don't worry.")
    assert both.skills == {"reflection", "advice", "minimizing"}


def test_every_pattern_has_an_example_and_a_known_skill() -> None:
    """No dead rows: each pattern of the table matches one of the examples of its skill."""
    for skill, lang, pattern in PATTERNS:
        assert skill in SKILLS
        assert lang in ("id", "en")
        assert any(re.search(pattern, normalise(t)) for t in EXAMPLES[skill]), pattern


def test_normalise() -> None:
    assert normalise("  GIMANAAA   kabarnya\nkak?? ") == "gimana kabarnya kak??"
    assert normalise("Don\u2019t be sad") == "don't be sad"
    assert normalise("nggak") == "nggak"  # a doubled letter stays


def test_quotes_are_the_trainees_words_and_short() -> None:
    shown = classify("Hmm. Kamu harus bikin jadwal belajar yang ketat banget tiap hari mulai "
                     "besok pagi jam lima, oke?")
    words = shown.quotes["advice"]
    assert words.startswith("kamu harus bikin jadwal")
    assert words.endswith("…")
    assert len(words) <= QUOTE_LIMIT
    assert classify("Jangan sedih. Aku di sini.").quotes["minimizing"] == "jangan sedih."
    assert quote("a" * 100) == "a" * (QUOTE_LIMIT - 1) + "…"
    assert len(quote("kata " * 30)) <= QUOTE_LIMIT
