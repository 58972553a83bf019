"""What a trainee's chat message shows: the listening skills the training student reacts to.

One table, ``PATTERNS``: a skill, the language it is written in, and a regular expression over
the normalised message (lowercase, one space between words, ``’`` as ``'``, a letter typed
three or more times in a row once: "gimanaaa" → "gimana"). Indonesian is written the way a
16–20-year-old peer supporter in Jakarta types it ("gimana", "nggak", "ceritain dong").

- ``open_question``: invites the student to say more ("what happened?", "gimana perasaanmu?",
  "ceritain dong"); a closed yes/no question ("are you okay?", "kamu udah makan?") is not one.
- ``reflection``: gives the feeling or content back ("sounds like…", "kedengarannya berat ya").
- ``safety``: asks directly about safety or suicide ("are you safe?", "kamu aman nggak?",
  "kepikiran bunuh diri?"). Reassurance ("kamu aman kok di sini") is not asking.
- ``advice`` and ``minimizing``: what to avoid early on ("you should…", "kamu harus…",
  "jangan sedih", "semua orang juga gitu", "lebay").

A message can show several skills. The table is matched, not understood: it is a practice aid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SKILLS = ("open_question", "reflection", "safety", "advice", "minimizing")
LISTENING = frozenset({"open_question", "reflection", "safety"})
"""A reply showing none of these gets the scenario's ``else`` nudge, if it has one."""

_WH = r"(?:what|how|why(?! (?:don'?t|not)\b)|where|when|who|which)"
_START = r"(?:^|[.!?,;:]\s*)(?:so |and |okay |ok |hmm |hey |hi )?"  # a clause's first word
_SELF = r"(?:your|her|him|them|my)sel(?:f|ves)"
_NO = r"(?:nggak|ngga|gak|ga|enggak|tidak|tak)"
_WHO_ID = r"(?:kamu|kau|dia|temanmu|temenmu|adikmu)"

# (skill, language, pattern). Whole words: every pattern starts and ends at a word boundary.
PATTERNS: tuple[tuple[str, str, str], ...] = (
    # open questions and invitations
    ("open_question", "en", _START + _WH + r"\b"),
    ("open_question", "en", r"\bi wonder (?:what|how|why)\b"),
    ("open_question", "en", r"\btell me (?:more|about|what|how)\b"),
    ("open_question", "en", r"\b(?:say|share) (?:a bit |a little )?more\b"),
    ("open_question", "id", r"\b(?:gimana|gmn|bagaimana|kenapa|knp|mengapa|ngapain|kayak apa"
                            r"|seperti apa|sejak kapan|kapan|berapa lama|siapa)\b(?!-)"),
    ("open_question", "id", r"\bapa (?:yang|aja|saja|lagi|sih|tuh|kabar)\b"),
    ("open_question", "id", r"\b(?:ngerasa|ngerasain|merasa|mikirin) apa\b"),
    ("open_question", "id", r"\bcerita(?:in|kan)\b"),
    ("open_question", "id", r"\b(?:cerita (?:aja|saja|dong|deh|lagi|lebih)|boleh cerita)\b"),
    # reflections
    ("reflection", "en", r"\b(?:it|that|this) sounds\b|\bsounds (?:like|so|really|very)\b"),
    ("reflection", "en", _START + r"sounds\b"),
    ("reflection", "en", r"\b(?:it )?(?:seems|looks) like you\b|\bit seems (?:that )?you\b"),
    ("reflection", "en", r"\byou seem\b|\byou'?re feeling\b|\bso you(?:'re| are| feel)\b"),
    ("reflection", "en", r"\b(?:you|that|it) must (?:be|feel)\b|\bmust be (?:so |really )?"
                         r"(?:hard|tough|scary|awful|lonely|exhausting|a lot)\b"),
    ("reflection", "en", r"\bi (?:hear|can hear) (?:that|you(?:'re| are| feel| say))\b"
                         r"|\bwhat i'?m hearing\b|\bi can (?:imagine|see|tell)\b|\bno wonder\b"),
    ("reflection", "id", r"\bkedeng(?:a|e)ran(?:nya)?\b"),
    ("reflection", "id", r"\b(?:kayaknya|sepertinya|kelihatannya|keliatannya|kesannya) kamu\b"),
    ("reflection", "id", r"\bjadi,? kamu (?:lagi |sedang |tuh |jadi )?(?:ngerasa|merasa"
                         r"|ngerasain|takut|khawatir|bingung|sedih|capek|cemas|kesepian"
                         r"|sendirian|kecewa|marah|kesel|kesal|tertekan)\b"),
    ("reflection", "id", r"\bkamu (?:lagi |jadi |pasti )?(?:ngerasa|merasa)\b[^.!?]*\bya\b"),
    ("reflection", "id", r"\bpasti (?:rasanya |itu |ini )?(?:berat|capek|melelahkan|sedih"
                         r"|takut|susah|sulit|nggak enak|gak enak|sakit|sepi|bikin)\b"),
    ("reflection", "id", r"\b(?:berat|capek|sedih|sepi|nakutin|susah) (?:banget |sekali )?ya\b"),
    ("reflection", "id", r"\bwajar (?:banget |kok |aja )?(?:kalau|kalo|kamu)\b"
                         r"|\baku (?:dengar|denger) kamu\b"),
    # asking about safety or suicide
    ("safety", "en", r"\b(?:are|is) (?:you|she|he|they|your \w+)(?: \w+)? safe\b"
                     r"|\bfeel(?:ing)? safe\b|\byou safe\s*\?|\bsafe (?:right now|at home"
                     r"|tonight|now)\s*\?"),
    ("safety", "en", r"\b(?:suicid\w*|(?:kill|hurt|harm)(?:ing)? " + _SELF + r"|self[- ]?harm\w*"
                     r"|end(?:ing)? (?:your|her|his|their) life|wanna die"
                     r"|(?:want|wants|wanting|wanted) to die)\b"),
    ("safety", "en", r"\b(?:think|thinks|thinking|thought) (?:about|of) (?:dying|ending it all"
                     r"|not being (?:here|alive))\b"),
    ("safety", "id", r"\baman(?:kah)?(?: " + _NO + r"| ya| kan)?\s*\?|\baman " + _NO + r"\b"
                     r"|\b(?:merasa|ngerasa) aman\b|\b(?:apa|apakah) " + _WHO_ID
                     + r"(?: \w+)? aman\b"),
    ("safety", "id", r"\bbunuh diri\b|\b(?:nyakitin|nyakiti|menyakiti|ngelukain|ngelukai"
                     r"|melukai) diri\w*|\b(?:mengakhiri|ngakhirin|ngakhiri|akhiri) hidup\w*"
                     r"|\b(?:pengen|pingin|pengin|ingin|mau|kepengen) mati\b|\bself[- ]?harm\b"),
    ("safety", "id", r"\bkepikiran (?:buat |untuk |mau )?mati\b"),
    # quick advice
    ("advice", "en", r"\byou (?:should|shouldn'?t|need to|have to|gotta|ought to)\b"
                     r"|\byou must (?!feel\b|be\b)"),
    ("advice", "en", r"\bjust (?:try|do|talk|ignore|study|go|tell|stop|relax|sleep|get|focus"
                     r"|move on)\b|\bwhy (?:don'?t you|not just)\b|\btry to\b"),
    ("advice", "en", r"\bmy advice\b|\bif i were you\b|\bhave you tried\b"
                     r"|\byou (?:could|can) (?:just|try)\b"),
    ("advice", "en", _START + r"(?:maybe |just )?try (?!to\b)\w+ing\b"),
    ("advice", "id", r"\b(?:kamu|kau|lo|lu) (?:cuma |tinggal |cukup |juga )?"
                     r"(?:harus|mesti|musti|wajib|perlu|tinggal)\b"
                     r"|\b(?:harusnya|seharusnya|sebaiknya|mendingan)\b"
                     r"|(?<!masih )\bmending (?:kamu|lo|lu|langsung|coba)\b"),
    ("advice", "id", r"\bcoba (?:aja|deh|dulu)\b|\bcobain\b|\bsaran(?:ku| aku| saya)\b"
                     r"|\bkal(?:au|o) aku jadi kamu\b"),
    ("advice", "id", r"\bcoba (?!cerit|jelas)\w+ (?:aja|deh|dulu)\b"),  # "coba olahraga deh"
    ("advice", "id", r"\b(?:cuekin|abaikan|lupain|lupakan|jauhin|tinggalin|tidur|belajar"
                     r"|istirahat|fokus|berdoa|olahraga) aja\b"),
    # minimizing
    ("minimizing", "en", r"\bdon'?t (?:be sad|worry|cry|stress|overthink|think about it)\b"
                         r"|\bcheer up\b|\bcalm down\b|\bget over it\b|\bbright side\b"),
    ("minimizing", "en", r"\bit'?s (?:not (?:a |that )?(?:big deal|bad|serious)|nothing)\b"
                         r"|\bit could be worse\b|\bat least\b|\byou'?ll be (?:fine|okay|ok)\b"),
    ("minimizing", "en", r"\bevery(?:one|body) (?:goes through|feels|has|gets)\b"
                         r"|\bover ?react\w*|\btoo sensitive\b"),
    ("minimizing", "id", r"\bjangan (?:sedih|nangis|khawatir|baper|lebay|stres|stress|takut"
                         r"|terlalu \w+|dipikirin|dipikir|dipikirkan)\b"
                         r"|\b" + _NO + r" usah (?:sedih|khawatir|dipikirin|dipikir|nangis"
                         r"|takut|baper|stres|lebay)\b"),
    ("minimizing", "id", r"\b(?:lebay|baper|alay)\b|\bsemua orang (?:juga )?(?:gitu|begitu"
                         r"|pernah|ngalamin|mengalami|ngerasain|merasakan|ngerasa)\b"),
    ("minimizing", "id", r"\b(?:santai|biasa|sabar) aja\b|\byang sabar\b|\b(?:gitu|cuma) doang\b"
                         r"|\bmasih (?:mending|untung|beruntung)\b|\bnanti juga (?:lewat|hilang"
                         r"|ilang|baik)\b|\bcuma (?:ujian|masalah kecil|hal kecil)\b"),
)

_COMPILED = tuple((skill, lang, re.compile(rx)) for skill, lang, rx in PATTERNS)
_REPEATS = re.compile(r"([^\W\d_])\1{2,}")
QUOTE_LIMIT = 40


def normalise(text: str) -> str:
    """Lowercase, ``’`` → ``'``, one space between words, a letter typed 3+ times once."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    return _REPEATS.sub(r"\1", " ".join(text.split()))


@dataclass(frozen=True)
class Shown:
    """The skills one message shows; ``quotes``: the trainee's words for each, ≤ 40 chars."""

    skills: frozenset[str]
    quotes: dict[str, str]


def classify(text: str) -> Shown:
    norm = normalise(text)
    quotes: dict[str, str] = {}
    for skill, _lang, pattern in _COMPILED:
        if skill in quotes:
            continue
        found = pattern.search(norm)
        if found is not None:
            start = found.start()
            while start < len(norm) and not norm[start].isalnum():  # after a clause's comma
                start += 1
            quotes[skill] = quote(norm[start:])
    return Shown(frozenset(quotes), quotes)


def quote(text: str, limit: int = QUOTE_LIMIT) -> str:
    """The first sentence of ``text``, cut at a word to at most ``limit`` characters in all."""
    sentence = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0].strip()
    if len(sentence) <= limit:
        return sentence
    cut = sentence[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"
