"""Eleventh detection round (2026-11-28): phenomena from holdout13's misses, each in sentences
written for this file (Sundanese, Banjar, Palembang, Papuan, Krama Javanese, Balinese, Jakarta
slang, English, mixed), with hard negatives. An escalation is HIGH or above."""

from __future__ import annotations

import pytest

from escalation.detector import Detector, RiskLevel

IM, H, C, N = RiskLevel.IMMINENT, RiskLevel.HIGH, RiskLevel.CONCERN, RiskLevel.NONE


@pytest.mark.parametrize(
    "text",
    [
        # a poison or a strip of pills just swallowed, in regional Indonesian
        "teh, abdi nembe nginum racun serangga, beuteung asa kaduruk",
        "ulun barusan manelan obat tidur sepapan habis",
        # a running engine in a garage shut tight (Palembang)
        "aku di mobil di garasi, mesinnyo kuidupke, pintu garasi kututup galo",
        # a poison in hand, to drink now (Papuan)
        "sa su pegang baygon, sa mau minum skarang",
        # a hand bleeding all along, the towel red (leetspeak)
        "t4nganku b3rdarah terus dr tadi, handuk udah merah semua",
        # at a cliff's edge, letting go at sunset
        "aku udah di pinggir tebing, pas sunset nanti aku mau lepasin diri aja",
        # on a ledge, "i'm done", "don't call"
        "on the ledge of the 9th floor rn. i'm done. don't call",
        # letters written, with the day's news around them ("lab report" is not a lesson)
        "finished my bio lab report. wrote letters for everyone, they're in my drawer. "
        "tonight after everyone's asleep i'm going",
    ],
)
def test_imminent(detector: Detector, text: str) -> None:
    assert detector.assess(text).level == IM, detector.assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "kula sampun boten kiyat gesang malih",
        "bapa neunggeul abdi unggal poe",
        "cowoku suka nyekik aku kalo lagi marah",
        "kalo aku lapor ke guru, mereka bilang tanganku bakal dipatahin",
        "i've been looking up how many of my meds it would take",
        "tiap minggu garis di lengan aku nambah, aku pake lengan panjang biar ga ketauan",
        "kadang aku ngebayangin nabrakin motor ke truk biar keliatan kayak kecelakaan",
        "i wrote down their names and where they live. they will pay",
        "ada om2 di game online minta aku vc tanpa baju",
        "temen sekamarku ngunci diri di kamar mandi, ga nyaut, tadi bilang capek hidup. tolong",
        "my brother locked himself in the car in the garage with the engine running",
        # death as peace, thought about all the time (the persistent cue makes it HIGH)
        "dead sounds peaceful ngl. been thinking about it for months",
    ],
)
def test_escalated(detector: Detector, text: str) -> None:
    assert detector.assess(text).level >= H, detector.assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "abis praktikum kimia, laporan lab udah beres",
        "mbah kakungku meninggal umur 95, tidur terus ga bangun lagi, tenang banget",
        "bunuh diri terus masuk zona merah, noob banget gw",
        "tangan aku berdarah dikit kena kertas",
        "the dead sea sounds peaceful for a holiday",
        "sa su makan, sa mau tidur skarang",
        "beres laundry, balikin buku ke perpus, makasih ya semua udah bantuin",
    ],
)
def test_hard_negatives_stay_none(detector: Detector, text: str) -> None:
    assert detector.assess(text).level == N, detector.assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "if you eat my last seblak i'll kill you 😤",
        "tolong angkat telpon, aku udah di depan rumah kamu",
        "my phone is off today, so done with this week lol. help me pick a movie",
        "temen sebangku bagi-bagi barang kesayangannya, katanya dia ga bakal butuh lagi",
    ],
)
def test_not_escalated(detector: Detector, text: str) -> None:
    assert detector.assess(text).level <= C, detector.assess(text)
