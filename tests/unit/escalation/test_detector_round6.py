"""The sixth detection round (holdout7 as development data): attacks planned with a weapon and a
time, abuse with the abuser there now or coming, a means bought with a time, a body past the
railing, "sleep forever" with everything prepared, stockpiling and lethality research, choking by
a partner, bullying beyond a topic, restricting food, emptiness; and the precision fixes (friendly
threats, workout hyperbole, report-a-friend announcements, "die if I fail haha", a single slap long
ago). Sentences here are new, not holdout7's; a first-person present plan, means, place or time is
never lowered."""

from __future__ import annotations

import pytest

from escalation.detector import Detector, RiskLevel

IM, H, C, N = RiskLevel.IMMINENT, RiskLevel.HIGH, RiskLevel.CONCERN, RiskLevel.NONE


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # violence to others: a weapon packed, a time, a named target
        ("clurit udah gw taro di kolong meja. pas istirahat nanti si yoga gue bacok", IM),
        ("i have a knife in my hoodie pocket. after class i'm going to stab him", IM),
        ("pengen gue tendang dia sampe bonyok", H),
        ("bawa gunting di tas buat prakarya besok, nanti kita potong kertas bareng", N),
        # abuse with the abuser there now, the writer hiding
        ("bapak lagi mabuk ngamuk di ruang tamu, bawa gesper. aku sembunyi di kamar mandi", IM),
        ("my mom's boyfriend is drunk and kicking my door. i'm hiding under the bed", IM),
        ("papa lagi di luar benerin motor, tolong ambilin kunci inggris", N),
        # someone coming into the room again at a time
        ("pakde bilang besok malam mau masuk kamar aku lagi, di rumah cuma berdua", IM),
        ("my stepdad said he'd come into my room again tonight like last time", IM),
        ("mama bilang nanti malam mau masuk kamar aku buat ganti sprei", N),
        # a means bought with a time and a goodbye; a rope tied and a time to do it
        ("bought the pills this morning. tonight when everyone is asleep. goodbye", IM),
        ("tali udah terikat di kusen. aku lakuin malam ini", IM),
        ("racun tikus udah dibeli mama, nanti malam dipasang di gudang", N),
        # the body past the railing at a height
        ("lantai 21 apartemen, kaki udah di luar pembatas", IM),
        ("feet over the edge of the pool, so relaxing", N),
        # sleep forever + prepared + a time; alone it is a passive wish
        ("besok subuh aku mau tidur selamanya. semua udah aku siapin", IM),
        ("pengen tidur selamanya rasanya", C),
        # a means locked in with the writer
        ("silet udah di tangan. pintu kamar udah dikunci", IM),
        # stockpiling, lethal research, fixation on a height
        ("udah sebulan gw nimbun obat penenang", H),
        ("searched how many tablets of paracetamol would be lethal", H),
        ("kepikiran seberapa tinggi jembatan layang itu, kalau jatuh mati gak ya", H),
        # ending everything after a condition
        ("kalau ortu cerai, mending aku akhiri aja semuanya", H),
        ("mending kita akhiri rapatnya, udah sore", N),
        # choking by a partner
        ("pacar aku sering nyekik aku kalau marah", H),
        ("my boyfriend choked me during a fight yesterday", H),
        # concern: bullying beyond a topic, extortion, food, emptiness, a past attempt
        ("dikatain bau tiap hari, didorong juga di tangga", C),
        ("senior malak uang jajan aku, katanya kalo gak ngasih dipukul", C),
        ("aku dibully terus di sekolah", N),
        ("sengaja skip makan biar kurus", C),
        ("i feel numb lately, not sad just nothing", C),
        ("tried to end it all back in 2021, doing better now", C),
    ],
)
def test_round6_phenomena(detector: Detector, text: str, level: RiskLevel) -> None:
    assert detector.assess(text).level is level, detector.assess(text)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # a friend's mock threat over a birthday or food is masked; a threat to tell is not
        ("kalo kamu lupa ultah aku lagi, aku bunuh kamu 😤", N),
        ("i'll kill you if you eat my fries again", N),
        ("if you tell anyone i will kill you", H),
        # workout hyperbole needs a word of feeling; a bare wish after it stays screened
        ("abis squat 100x berasa mau mati", N),
        ("abis olahraga gw pengen mati aja", H),
        # a school announcement about reporting a friend's talk of suicide; a real friend
        # is not masked
        ("pengumuman: kalau ada teman yang cerita soal bunuh diri, segera lapor ke guru bk", N),
        ("temen aku cerita soal bunuh diri terus, aku harus lapor ke siapa", H),
        # "die if I fail ... haha" is hyperbole, never above concern; a plan with a time is not
        ("i'm gonna die if i fail the quiz tomorrow haha", N),
        ("i'm going to kill myself tomorrow haha", IM),
        # a single mild blow long ago is a concern; a recent or repeated one, or sexual
        # abuse, stays high
        ("papa pernah nampar aku sekali tahun lalu, sekarang udah baik", C),
        ("my dad slapped me once when i was 9, never again", C),
        ("my dad slapped me again last night", H),
        ("my dad slapped me once years ago and he beats me every week now", H),
        ("om aku pernah megang2 dada aku waktu kecil", H),
    ],
)
def test_round6_precision(detector: Detector, text: str, level: RiskLevel) -> None:
    assert detector.assess(text).level is level, detector.assess(text)


def test_once_lowers_only_the_overlapping_abuse_match(detector: Detector) -> None:
    found = detector.assess("my dad slapped me once years ago and he beats me every week now")
    tiers = {m.excerpt: m.tier for m in found.matches if m.category == "abuse"}
    assert RiskLevel.HIGH in tiers.values(), tiers
    assert found.level is RiskLevel.HIGH


def test_new_matches_are_explainable(detector: Detector) -> None:
    text = "gw udh selipin pisau lipat di jaket, besok pas upacara si adit gue tusuk"
    found = detector.assess(text)
    assert found.level is RiskLevel.IMMINENT
    best = found.matches[0]
    assert best.entry_id == "mix.weapon_and_time"
    assert best.excerpt == text[best.start : best.end]
    assert "tusuk" in best.excerpt
