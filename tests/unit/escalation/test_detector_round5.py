"""The fifth detection round (holdout6 as development data): frames that dampen (fiction, media
quotes, news, games, laughter, accidents to others) and the phenomena holdout6 missed. Sentences
here are new, not holdout6's; the rules must never lower the writer's own present risk."""

from __future__ import annotations

import pytest

from escalation.detector import Detector, RiskLevel

IM, H, C, N = RiskLevel.IMMINENT, RiskLevel.HIGH, RiskLevel.CONCERN, RiskLevel.NONE


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # an "insist" cue cancels the denial it contains
        ("aku pengen mati aja. ini bukan becanda", H),
        ("i'm not joking, i want to die", H),
        ("pengen mati wkwk bercanda", C),
        # a "present" cue between a past cue and the match ends the past
        ("dulu pernah nyilet, tapi sekarang pengen nyilet lagi", H),
        ("dulu aku pernah nyoba bunuh diri", C),
        ("aku pernah nyoba bunuh diri tahun lalu, sekarang udah jauh lebih baik", C),
        # a laugh lowers a bare wish, never a plan, a means or a time
        ("pengen mati aja wkwk", C),
        ("nanti malam aku mau gantung diri wkwk", IM),
        ("i'm going to kill myself tonight lol", IM),
        ("silet udah di tangan, mau nyayat nadi sekarang haha", IM),
        # quoted words in a message about a song or a film are someone else's...
        ("lagi muter lagu yang bagian reff-nya 'i just wanna die tonight', enak bgt", N),
        # ...unless the writer relates to them
        ("this song has me crying 'i wanna die in your arms' literally me", C),
        # ...and the writer's own words stay theirs, quoted or not
        ("aku nulis di buku harian 'aku mau mati'", H),
        # a named person's quoted words: someone else's (reported), not the writer's plan
        ("sahabatku chat 'i'm going to end it tonight', aku takut", H),
        # a character in a story is not the writer
        ("tokoh utamanya bunuh diri, aku juga pengen bunuh diri", H),
        # an accident to someone else is not a risk; the writer's own overdose still is
        ("nenek aku ga sengaja minum obat jantungnya dua kali, udah dibawa ke rs", N),
        ("aku barusan nelen sebotol obat tidur", IM),
    ],
)
def test_round5_rules(detector: Detector, text: str, level: RiskLevel) -> None:
    assert detector.assess(text).level is level, detector.assess(text)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # waiting on the rails / for a train that does not stop, with resolve
        ("aku lagi duduk di rel deket perlintasan. udah yakin, jangan dicegah", IM),
        ("on the platform waiting for the express that never stops here. this is it", IM),
        # at the edge of a toll road, crossing into the traffic now
        ("udah di pinggir jalan tol. mau lari ke tengah sekarang", IM),
        # poison mixed into a drink, only drinking it left
        ("baygon udah aku campurin ke es teh. tinggal diminum", IM),
        # a rope, a place to hang it, a time or a goodbye
        ("rope is in my bag. found the right tree behind the gym. goodbye", IM),
        # one step left, on a roof
        ("aku di atap asrama lantai 6 sekarang. tinggal selangkah lagi", IM),
        # a letter left for the family, waiting for the house to sleep, a method
        (
            "surat buat papa udah aku tinggalin di meja. nunggu semua tidur"
            " aku mau loncat dari balkon",
            IM,
        ),
        # going to a cliff soon, then an apology for everything
        ("setengah jam lagi aku ke jurang deket villa. maaf buat semuanya", IM),
        # sexual pictures from an adult in charge
        ("my tutor keeps sending me dirty pics and says it's our secret", H),
        ("pelatih futsal ngirimin foto mesum ke aku tiap malem", H),
        # renewed intent after a past attempt
        ("pernah nyoba tahun lalu, sekarang dorongan itu muncul lagi. pengen coba lagi", H),
        # concern: a friend who sees no point, indifference, nobody would notice, withdrawal,
        # a friend giving things away, a friend's arms full of cuts, everything in vain
        ("my cousin says he doesn't see the point anymore", C),
        ("kalau aku ga bangun lagi besok juga gapapa", C),
        ("gak ada yang bakal nyariin kalo gue mati", C),
        ("udah 5 hari ga keluar kamar, ga mandi, ga makan", C),
        ("temen aku bagi-bagiin koleksinya, katanya udah ga butuh lagi", C),
        ("kakak kelas aku lengannya penuh sayatan", C),
        ("capek. semua usaha aku sia-sia", C),
        ("everyone would be happier tanpa aku", C),
    ],
)
def test_round5_phenomena(detector: Detector, text: str, level: RiskLevel) -> None:
    assert detector.assess(text).level is level, detector.assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "berita siang: ada pelajar lompat dari jembatan, semoga keluarganya tabah",
        "someone jumped off the overpass near school today, prayers for his family",
        "baru kelar baca manhwa yang MC-nya bunuh diri di chapter 80",
        "the main character overdoses in the last episode, i cried so much",
        "akhirnya kalahin final boss, mati 60 kali dulu wkwk",
        "i killed the dragon after dying like 40 times",
        "makan mie level 10, rasanya kayak mau mati wkwk",
        "ran 10k today, felt like i was dying lol",
        "revisi skripsi bikin gue pengen die wkwk",
        "kakek aku kemarin salah minum obat jadi overdosis, untung cepet ditangani",
        "my grandma accidentally took her sleeping pills twice, she's fine now",
        "akhirnya hidup aku lebih tenang sekarang",
        "dengerin lagu 'mati aja' di spotify, lagunya enak",
        "nungguin kereta ke jakarta di peron, telat 10 menit",
        "lagi di tol cikampek, macet parah bgt",
        "racun tikus udah dicampur ke ikan asin buat umpan",
        "tali buat hammock udah di tas, nemu pohon bagus, nanti malam kemah",
        "aku ngasih baju lama ke sepupu soalnya udah ga muat",
        "udah 2 hari ga keluar kamar, lagi maraton anime",
    ],
)
def test_round5_hard_negatives(detector: Detector, text: str) -> None:
    assert detector.assess(text).level is N, detector.assess(text)


def test_dropped_matches_leave_the_rest_screened(detector: Detector) -> None:
    text = "lagu ini liriknya bikin nangis. malam ini aku mau gantung diri"
    assert detector.assess(text).level is IM


def test_reduplicated_owner_is_kept(detector: Detector) -> None:
    norm = detector.lexicon.normalizer.normalize("barang2nya sama barang2ku")
    assert norm.words == ("barang", "nya", "sama", "barang", "aku")


def test_akhirnya_is_not_akhiri(detector: Detector) -> None:
    assert detector.lexicon.normalizer.normalize("akhirnya").words == ("akhirnya",)
