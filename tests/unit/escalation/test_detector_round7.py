"""Seventh detection round (2026-11-28): phenomena from holdout9's misses, each in sentences
written for this file (Indonesian slang, English, mixed, Sundanese, Javanese, Betawi), with a
hard negative for each. Every test asserts the level a message gets."""

from __future__ import annotations

import pytest

from escalation.detector import Detector, RiskLevel

IM, H, C, N = RiskLevel.IMMINENT, RiskLevel.HIGH, RiskLevel.CONCERN, RiskLevel.NONE


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # an open window at a height, the end announced for a time
        ("gue di lantai 17 kos, jendelanya udah kebuka. malam ini selesai semuanya", IM),
        ("on the 20th floor, window wide open. it's tonight.", IM),
        ("di jembatan layang deket rumah. malam ini waktunya", IM),
        ("makasih ya udah pernah jadi sahabat aku. tonight it all ends", IM),
        # Sundanese and Javanese
        ("abdi tos meser racun, engke peuting bade diinum sadayana", IM),
        ("wes ora kuat, tak lakoni bengi iki", IM),
        ("hayang paeh wae, teu kuat deui", H),
        # a burning throat, swallowed minutes ago
        ("tadi minum pemutih 5 menit lalu, tenggorokan aku panas banget", IM),
        ("swallowed rat poison a few minutes ago, i can't breathe", IM),
        # an abuser with the student now: an ex threatening at the door, a senior, a coach
        ("mantan gw di depan pintu kos skrg, gedor2, katanya kalo ga dibuka dia bunuh gw", IM),
        ("pelatih nyuruh aku masuk mobilnya sekarang, aku takut banget", IM),
        ("my tutor is taking me to his place right now, i'm scared", IM),
        # a blade ready with a time
        ("silet udh di genggaman, tinggal nunggu rumah sepi", IM),
        # acts with hopelessness and a time
        ("udah ga kuat lagi. abis isya aku terjun", IM),
        # a jump "just" from a height: resolve
        ("udah lah gw mau lompat aja dari atap sekolah", IM),
        # a train platform and a step forward, lying down on the tracks
        ("tiap nunggu krl aku pengen melangkah ke depan pas keretanya dateng", H),
        ("kadang pengen tiduran di tengah rel aja", H),
        # method research, stockpiling, gone for good, intrusive thoughts
        ("dimana ya atap gedung yang ga dijaga satpam", H),
        ("diem2 ngumpulin obat tidur, udah 25 butir", H),
        ("i just want to vanish from this world forever", H),
        ("setiap pegang cutter aku kebayang nyayat diri sendiri", H),
        # sexual coercion and exposure
        ("kakak kelas maksa aku vc sambil buka baju, kalo nolak fotoku disebar", H),
        ("a guy from discord keeps asking for nudes and says he'll leak my chats", H),
        # a family goodbye and an apology to everyone, with no place
        ("titip salam buat mama ya, maaf ya semuanya", H),
        ("tell my mom i love her. sorry for everything", H),
    ],
)
def test_round7_situations(detector: Detector, text: str, level: RiskLevel) -> None:
    assert detector.assess(text).level == level, detector.assess(text)


@pytest.mark.parametrize(
    "text",
    [
        # windows, nights, endings in everyday life
        "jendela kelas dibuka biar ga panas, kita di lantai 3",
        "malam ini waktunya belajar buat uts",
        "final episode malam ini, semuanya selesai! nangis aku wkwk",
        "it's tonight!! konser pertama aku, di rooftop stadium",
        # Javanese "tak" as the Indonesian "not", Sundanese greetings
        "aku tak pikir panjang langsung daftar lomba",
        "hapunten nya sadayana, abdi telat ngumpulkeun tugas",
        # burning throats from food, first aid
        "abis makan seblak level 5 tenggorokan aku panas banget",
        "materi p3k: kalau ada yang muntah darah atau susah napas, segera bawa ke igd",
        # coaches and tutors, doors and exes, in ordinary sentences
        "coach is driving me to the tournament right now, so nervous lol",
        "my ex is outside my kos asking for his hoodie back, awkward",
        "guru les kirim foto soal latihan ke grup",
        # blades and crafts, trains
        "cutter udah aku siapin, nanti malam lanjut bikin maket",
        "nunggu krl lama banget, pengen cepet pulang",
        # goodbyes that are greetings
        "titip salam buat mama kamu ya, makasih udah dijemput",
        "mohon maaf lahir dan batin ya semuanya",
        # pests: the poison's everyday use
        "beli baygon buat nyamuk di kamar malam ini",
        "mama beli racun tikus buat tikus di gudang, nanti malam dipasang",
    ],
)
def test_round7_ordinary_not_escalated(detector: Detector, text: str) -> None:
    assert detector.assess(text).level < H, detector.assess(text)


def test_cover_story_for_a_poison_stays_imminent(detector: Detector) -> None:
    # the everyday use is the lie: "padahal" tells what the means is for
    text = "bilang ke mama buat nyamuk, padahal malam ini aku minum semua"
    assert detector.assess(text).level == IM
    assert detector.assess("beli baygon buat nyamuk di kamar malam ini").level == N


@pytest.mark.parametrize(
    "text",
    [
        "temen gw lagi di atap mau loncat",
        "my friend just took all her pills",
        "sahabatku lagi di jembatan sekarang, katanya mau terjun",
        "temenku bilang udh beli racun tikus, mau diminum malam ini",
        "my best friend told me she's standing on the roof rn and is going to jump",
    ],
)
def test_a_friends_imminent_situation_is_at_least_high(detector: Detector, text: str) -> None:
    assert detector.assess(text).level >= H, detector.assess(text)


def test_a_friends_situation_is_high_and_marked_third_party(detector: Detector) -> None:
    result = detector.assess("temenku bilang udh beli racun tikus, mau diminum malam ini")
    assert result.level == H
    assert result.third_party
    assert any(m.entry_id.startswith("situation.friend.") for m in result.matches)


def test_a_friend_on_holiday_is_not_a_situation(detector: Detector) -> None:
    result = detector.assess("temenku lagi liburan di pantai sekarang, mau lompat ke laut berenang")
    assert result.level < H, result


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("mau loncat aja dari lantai 5", IM),
        ("i'll just jump off the roof", IM),
        # the same intent without the resolve stays HIGH, as elsewhere
        ("aku mau loncat dari lantai 5", H),
    ],
)
def test_a_jump_just_from_a_height(detector: Detector, text: str, level: RiskLevel) -> None:
    assert detector.assess(text).level == level


def test_a_denied_plan_is_not_imminent(detector: Detector) -> None:
    assert detector.assess("aku ga mau loncat aja dari lantai 5").level < IM


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("udah 5 hari ga bisa tidur, kepala penuh", C),
        ("i haven't slept in 4 days", C),
        ("nangis tiap malem sejak ortu pisah", C),
        ("aku dipalak mulu sama senior tiap pulang", C),
        ("why do i always mess up everything", C),
        ("katanya aku anak gagal, lama2 aku mulai percaya", C),
        ("makan sendirian di wc tiap istirahat", C),
        ("dulu pernah overdosis, sekarang udah lebih baik", C),
        ("everything feels pointless lately", C),
        # hard negatives at NONE
        ("ga bisa tidur, besok ujian jam 7", N),
        ("im not suicidal, just really tired of everything", N),
        ("satu kelas ketawa pas aku salah sebut nama guru wkwk", N),
        ("nangis nonton drakor semalem wkwk", N),
    ],
)
def test_round7_concern(detector: Detector, text: str, level: RiskLevel) -> None:
    assert detector.assess(text).level == level, detector.assess(text)


def test_javanese_tak_before_a_verb_is_i_elsewhere_not(detector: Detector) -> None:
    normalize = detector.lexicon.normalizer.normalize
    assert normalize("tak lakoni bengi iki").text == "aku lakoni malam ini"
    assert normalize("aku tak kuat lagi").text == "aku tidak kuat lagi"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # the writer as the listener of a friend's words: the friend's plan, HIGH (paged)
        ("my best friend told me she's going to end it tonight. idk what to do", H),
        ("temenku cerita ke aku dia mau bunuh diri malam ini", H),
        # the writer's own plan after "told me" stays the writer's
        ("my friend told me to calm down but i'm going to end it tonight", IM),
    ],
)
def test_the_writer_as_listener(detector: Detector, text: str, level: RiskLevel) -> None:
    assert detector.assess(text).level == level, detector.assess(text)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # a wish that comes back often adds up to HIGH
        ("gw sering kepikiran kalo gue mati semua lebih tenang", H),
        ("everyone would be better off if i died. like every day, literally", H),
        ("everyone would be better off if i died", C),
        ("sometimes i hope a truck just hits me on the way home", H),
        ("gue simpen tambang di kolong kasur, simpulnya udah gue iket", H),
        ("every time i pass the tracks i think about lying down there", H),
        ("seharian cuma di kamar, males ngapa2in", C),
        ("makan sehari sekali doang, sengaja biar kurus", C),
        # hard negatives
        ("i think about lying down there on the beach all day", N),
        ("i hope something good happens to me this week", N),
        ("tali pramuka di tas, simpulnya udah aku iket buat lomba", N),
        ("sering kepikiran liburan ke jepang", N),
    ],
)
def test_round7_more(detector: Detector, text: str, level: RiskLevel) -> None:
    assert detector.assess(text).level == level, detector.assess(text)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("ive got the rope around my neck rn", IM),
        ("i'm standing on a chair with the belt around my neck", IM),
        ("pacarku mukulin aku barusan, sekarang aku ngunci diri di kamar mandi", IM),
        ("cowok gue lagi di depan rumah bawa pisau, katanya mau bunuh gue", IM),
        ("pengen nyebur ke kali aja malam ini, udah capek", IM),
        ("jendela kamar kos lantai 9 udah gue buka, tinggal naik", IM),
        ("udah kebeli obat nyamuk cair 2 botol, abis maghrib diminum", IM),
        ("aku naik ke genteng rumah, mau jatohin diri", IM),
        ("urang hayang maot, geus cape pisan", H),
        # hard negatives
        ("wearing my scarf around my neck tonight, it's cold", N),
        ("sekali lagi aku coba loncat tinggi buat lomba besok", N),
        ("papa lagi pukul kasur biar debunya keluar", N),
        ("jendela kelas lantai 3 udah dibuka, tinggal nyapu", N),
    ],
)
def test_round7_third_pass(detector: Detector, text: str, level: RiskLevel) -> None:
    assert detector.assess(text).level == level, detector.assess(text)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("told my mom the bleach was for the ants but really i'm drinking all of it tonight", IM),
        # a pest's poison near a sore throat, a friend playing in the waves, a surprise party
        ("tenggorokan aku panas abis minum jahe, baygon di dapur buat kecoa", N),
        ("my friend is at the beach right now, gonna jump in the waves", N),
        ("group chat without me planning my surprise party hehe", N),
    ],
)
def test_round7_fourth_pass(detector: Detector, text: str, level: RiskLevel) -> None:
    assert detector.assess(text).level == level, detector.assess(text)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("lately i keep thinking about steering my bike into a truck", H),
        ("berapa meter sih tinggi jembatan biar kalau loncat langsung mati", H),
        ("aku udah bikin surat wasiat buat keluarga", H),
        ("i can't picture myself being alive by graduation", H),
        ("kalo aku ga ada, ortu ga perlu repot bayarin sekolah aku lagi", C),
        ("some guys from the other school are waiting for me at the gate with machetes", IM),
        ("kakak kelas ngancem mau gebukin aku pulang sekolah nanti", H),
        # hard negatives
        # a mention, not a farewell: no situation (an example letter is a frame)
        ("tugas pkn: nulis contoh surat wasiat, dikumpul besok", C),
        ("i can't see myself living in jakarta next year, too expensive", N),
        ("temen nungguin aku di gerbang bawa bakso", N),
        ("nothing matters more than family", N),
    ],
)
def test_round7_fifth_pass(detector: Detector, text: str, level: RiskLevel) -> None:
    assert detector.assess(text).level == level, detector.assess(text)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("i took way more of my meds than i should have like 20 minutes ago", IM),
        ("gw capek jadi beban. racun tikus udah di tas. abis pulang sekolah", IM),
        ("i can't keep doing this. i've got the pills lined up on my desk", IM),
        ("tolong aku, om aku lagi di kamar aku sekarang dan aku ga bisa keluar", IM),
        ("i'm going to walk into the river after dinner", IM),
        ("aku udah mantap, besok subuh aku ke rel kereta belakang rumah", H),
        # jumping for joy is a feeling
        ("temen gw di rooftop cafe sekarang, mau loncat2an kegirangan", N),
        ("udah di jembatan, loncat kegirangan karena lulus", N),
        # hard negatives
        ("udah ga kuat pilek, obat flu udah di tas", N),
        ("abis makan malam aku mau jalan ke pantai sama keluarga", N),
        ("pills lined up for the week in my organizer, mom is so organized", N),
    ],
)
def test_round7_sixth_pass(detector: Detector, text: str, level: RiskLevel) -> None:
    assert detector.assess(text).level == level, detector.assess(text)
