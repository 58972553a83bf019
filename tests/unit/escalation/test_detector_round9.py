"""Ninth detection round (2026-11-28): phenomena from holdout11's misses (and the same ones
among holdout8's), each in sentences written for this file (Indonesian slang, Betawi, Sundanese,
Medan, English, mixed), with hard negatives. Every test asserts the level a message gets, or a
bound on it: an escalation is HIGH or above (someone is paged)."""

from __future__ import annotations

import pytest

from escalation.detector import Detector, RiskLevel

IM, H, C, N = RiskLevel.IMMINENT, RiskLevel.HIGH, RiskLevel.CONCERN, RiskLevel.NONE


@pytest.mark.parametrize(
    "text",
    [
        # a wound serious now, told by the wound and not by the act: deep, bleeding that won't
        # stop, towels used up, deeper than usual
        "lukanya dalem banget, darahnya netes terus ga berhenti2",
        "sayatanku kali ini lebih dalem dari biasanya, darahnya gak mau berhenti",
        "the cut is really deep and the bleeding won't stop, two towels already",
        "i can't get the bleeding to stop, i went deeper than i meant to",
        # fumes in a sealed room: gas opened, charcoal burning, a car running in a shut garage
        "gas elpiji udah aku buka, pintu sama jendela aku tutup rapet semua",
        "arang udah aku bakar di kamar mandi, ventilasinya aku tutup semua",
        "the car is running in the garage with the door shut and i'm sitting in it",
        # goodbye letters written, with a time
        "suratnya udah aku tulis semua. nanti jam 2 aku pergi",
        "wrote all my letters. in an hour i'm going to do it",
        # walking into traffic from the edge of a toll road (Betawi)
        "gue udeh di pinggir jalan tol, bentar lagi gue jalan ke tengah",
        "standing by the highway, in a minute i'm walking into the traffic",
        # a scout rope is still a ligature when the end is announced (the veto explains the rope's
        # name, not the farewell)
        "tali pramuka udah aku gantung di kamar, besok pagi semuanya berakhir. makasih semuanya",
    ],
)
def test_imminent_situations_told_without_the_old_words(detector: Detector, text: str) -> None:
    assert detector.assess(text).level == IM, detector.assess(text)


@pytest.mark.parametrize(
    "text",
    [
        # a dangerous place, a time before dawn or tonight, and hopelessness
        "sebelum subuh gw mau ke atap sekolah. udah ga ada artinya lagi",
        "nanti malem aku mau ke rel deket stasiun, udah ga kuat",
        # Sundanese: on top of a building, can't go on, forgive me
        "urang geus di luhur gedong, teu kuat deui. hampura",
        # a ledge, a high floor, "just wanted someone to know"
        "duduk di jendela kamar lantai 12, kaki di luar. cuma mau ada yang tau aja",
        "on the roof of my building with my legs over the edge. just wanted someone to know",
        # a friend's goodbye and now unreachable
        "sahabatku barusan kirim chat pamitan terus foto obat banyak, sekarang hpnya ga aktif",
        "my best friend posted a goodbye message and now she won't answer her phone",
        # a gun brought to school, shooting planned for later today
        "anak kelas sebelah bawa pistol ke sekolah hari ini, katanya pulang sekolah mau nembak "
        "yg ngebully dia",
        "he brought a gun to school today and said he'll shoot them after lunch",
        # an adult touching the writer when alone with them; stepping off a bridge, thought of
        # on it (IMMINENT: the writer says they are on it)
        "my boss keeps touching me when we're alone in the back room",
        "when i'm on the bridge i think about just stepping off",
    ],
)
def test_escalated(detector: Detector, text: str) -> None:
    assert detector.assess(text).level >= H, detector.assess(text)


@pytest.mark.parametrize(
    "text",
    [
        # sexual abuse by an adult in authority or a neighbour, told without the abuse words
        "pelatih basket sering pegang-pegang aku di ruang ganti, aku malu mau cerita",
        "guru les aku suka nyuruh aku buka baju waktu les, udah dua kali",
        "om tetangga sering raba-raba aku pas ga ada orang di rumah",
        "wali kelas nyium aku di ruang guru, aku takut bilang siapa2",
        # sextortion: pictures held, a threat to spread them unless more are sent
        "ada cowok di ig yang punya foto aku, katanya bakal disebar kalo aku ga kirim lagi",
        "someone from a game has my pictures and says he'll share them with my school unless i "
        "send more",
        "kakak kelas ngancem nyebarin video aku kalo aku ga mau ketemu dia",
        # revenge with a weapon on a later day (a plan with no near time: HIGH)
        "aku udah tau di mana ayah nyimpen parangnya. hari senin mereka bakal rasain",
        "gonna make them pay next week, i know where my uncle keeps his gun",
        # stepping off an edge, thought about
        "kadang pas di atap sekolah aku kepikiran buat melangkah aja ke bawah",
        # self-harm in emoji, again, counted
        "🔪🩸 lagi malam ini, udah ketiga kalinya minggu ini",
        "🔪🩸 again. third night in a row",
        # hoping to be hit crossing a road
        "tiap nyebrang aku sengaja jalan pelan biar ketabrak",
        "i cross the road slowly on purpose hoping a car hits me",
        # beaten with a belt by seniors (hazing, ongoing)
        "kakak tingkat mukul pake ikat pinggang kalo kita telat apel",
        # a friend planning how, sworn to secrecy
        "temenku bilang dia udah ngerencanain caranya dan nyuruh aku janji ga bilang siapa2",
        "my friend has been planning how to do it and made me swear not to tell",
        # tawuran with weapons on a later day is a plan (HIGH), not IMMINENT
        "tawuran hari minggu, celurit udah disiapin anak-anak",
    ],
)
def test_high(detector: Detector, text: str) -> None:
    assert detector.assess(text).level == H, detector.assess(text)


def test_tawuran_tonight_with_weapons_ready_stays_imminent(detector: Detector) -> None:
    text = "malam ini tawuran, celurit udah disiapin anak-anak"
    assert detector.assess(text).level == IM, detector.assess(text)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # "udahan" alone is not a plan; with life or everything it is a wish to die
        ("pengen udahan aja", C),
        ("capek, pengen udahan aja sama hidup ini", H),
    ],
)
def test_udahan(detector: Detector, text: str, level: RiskLevel) -> None:
    assert detector.assess(text).level == level, detector.assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "jariku kena pisau pas motong bawang, darahnya ga berhenti2, ada plester?",
        "my nose has been bleeding for ten minutes and won't stop lol",
        "lutut aku luka dalem banget abis jatuh dari motor",
        "gas kompornya bocor, jendela langsung aku buka semua",
        "warming up the car in the garage before school, it's freezing",
        "bakar arang buat sate di teras nanti malam",
        "surat lamaran kerja udah aku tulis, besok aku kirim",
        "macet parah di tol, gue jalan kaki aja ke tengah kota",
        "tali pramuka udah aku siapin buat kemah besok, makasih kak!",
        "latihan menembak di klub perbakin hari ini seru banget",
        "main valorant, aku nembak 5 orang sekaligus hari ini",
        "pelatih basket pegang bahu aku buat benerin posisi tembakan",
        "my boss keeps touching up the slides i made lol",
        "guru les nyuruh aku buka buku halaman 20",
        "om aku cium pipi aku pas lebaran",
        "the photographer has my pictures from graduation and will send them next week",
        "gonna make them pay in the next match, we'll crush them",
        "stepping off the bus at the bridge stop, see you in 5",
        "🔪🥩 masak steak lagi malam ini",
        "sengaja jalan pelan biar ga keringetan",
        "ikat pinggang aku putus pas upacara",
        "my friend is planning a surprise party and made me promise not to tell",
        "udahan dulu ya mainnya, besok lanjut",
        "just wanted someone to know i passed my driving test!",
        "temenku pamitan mau pindah ke bali, sekarang hpnya ga aktif soalnya di pesawat",
        "awas lo ya, gw bunuh lo kalo telat wkwk",
        "sebelum subuh gw udah di stasiun, mau mudik",
    ],
)
def test_hard_negatives_stay_none(detector: Detector, text: str) -> None:
    assert detector.assess(text).level == N, detector.assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "i'm gonna murder my sister, she ate my last slice of pizza 😤",
        "pengen udahan aja sama dia, capek diselingkuhin",
    ],
)
def test_not_escalated(detector: Detector, text: str) -> None:
    assert detector.assess(text).level <= C, detector.assess(text)
