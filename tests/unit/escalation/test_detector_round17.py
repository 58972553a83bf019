"""Seventeenth detection round (2026-11-28): phenomena from holdout19's misses and false flags,
each in sentences written for this file, with hard negatives. An escalation is HIGH or above."""

from __future__ import annotations

import pytest

from escalation.detector import Detector, RiskLevel

IM, H, C, N = RiskLevel.IMMINENT, RiskLevel.HIGH, RiskLevel.CONCERN, RiskLevel.NONE


@pytest.mark.parametrize(
    "text",
    [
        "udah di pinggir rel deket stasiun, sepur yang jam 10 nanti aku enteni aja",
        "aku udah di atas jembatan, ga ka pulang lagi aku malam ini",
        "the cord's tied. sorry everyone",
        "botol pembersih kloset udah aku bawa ke kamar. abis isya aku minum",
        "kabel udah aku iket di kusen, bentar lagi semuanya beres",
        "he found out i told the counselor, he's driving over right now and said i'll regret it. "
        "i'm hiding",
        "gitar udah gw kasih ke raka, koleksi komik buat adek kelas. rooftop jam 11 nanti",
    ],
)
def test_imminent(detector: Detector, text: str) -> None:
    assert detector.assess(text).level == IM, detector.assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "temenku barusan kirim foto tangannya, darahnya ga berenti2, gimana ini",
        "bapa tere sok asup ka kamar abdi tengah peuting, abdi sieun",
        "kakak yang kenal di discord minta aku vc tanpa baju",
        "om2 di ig yang suka kasih pulsa minta foto yang lebih private, katanya rahasia kita",
        "engkok terro mateh bhei",
        "i want the guys who posted my pics to pay. i know where they live",
        "aku pake jaket terus biar goresan di lengan ga keliatan",
        "kadang pas nyebrang aku berharap mobilnya ga ngerem",
        "my boyfriend checks my phone and slapped me when i texted a classmate",
        "pacarku ngancem nyebar chat kita kalo aku putusin dia",
        "a guy from a server has pics i sent him and says he'll post them unless i send more",
        "the lab assistant says he'll pass my thesis if i stay late alone with him",
        "pembina bilang nilai aku aman kalo aku mau nemenin dia di gudang",
        "my cousin keeps googling which bridges have no railings",
    ],
)
def test_escalated(detector: Detector, text: str) -> None:
    assert detector.assess(text).level >= H, detector.assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "kita so mo mati kalaparan, kantin tutup",
        "kms if we get another pop quiz tomorrow lol",
        "pengen jadi debu aja rasanya, tapi besok tetep sekolah kok",
        "nunggu kereta jam 10 di stasiun, mau ke bogor",
        "kasih gitar ke raka buat latihan band",
    ],
)
def test_not_escalated(detector: Detector, text: str) -> None:
    assert detector.assess(text).level <= C, detector.assess(text)
