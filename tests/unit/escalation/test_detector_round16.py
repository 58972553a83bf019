"""Sixteenth detection round (2026-11-28): phenomena from holdout18's misses and false flags,
each in sentences written for this file, with hard negatives. An escalation is HIGH or above."""

from __future__ import annotations

import pytest

from escalation.detector import Detector, RiskLevel

IM, H, C, N = RiskLevel.IMMINENT, RiskLevel.HIGH, RiskLevel.CONCERN, RiskLevel.NONE


@pytest.mark.parametrize(
    "text",
    [
        "aku dewekan di rumah, pisau sudah kusiapke, malam ini aku nak nyudahi galo-galonyo",
        "kula sampun mboten kiat. dalu menika kula badhe mlumpat saking kreteg",
        "obat tidur mama yang sebotol tadi udah aku habisin semua",
        "sa pu bapa mabuk pukul mama sekarang, sa sembunyi di kamar, tolong",
    ],
)
def test_imminent(detector: Detector, text: str) -> None:
    assert detector.assess(text).level == IM, detector.assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "gw lagi nyari gedung paling tinggi di kota ini, just in case",
        "lengan udah penuh garis, makanya aku pake jaket terus",
        "what's the dose of tylenol that actually kills you? asking for real",
        "tomorrow i'm bringing a knife to school, that guy has had this coming",
        "i've been making a list of the people who bullied me, one day they'll all pay, i know how",
        "i keep burning my arm with a lighter so nobody sees",
        "om dari ig umur 40an nyuruh kirim foto pose bebas, jangan bilang ortu katanya",
        "abah amun mabuk pasti manampiling aku",
        "my friend texted me goodbye from the bridge and now she's not picking up",
        "dosen bilang nilaiku bakal dipersulit kalau aku nolak diajak nginep sekamar",
        "pakdhe mesti ngelus-elus pupuku yen ora ana wong, aku wedi",
        "my boyfriend threw a glass at my head last week",
        "kamek dah lamak mikir nak bunoh diri",
        "berapa mg amitriptyline yang fatal?",
    ],
)
def test_escalated(detector: Detector, text: str) -> None:
    assert detector.assess(text).level >= H, detector.assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "notes on how acetaminophen overdose damages the liver? for the pharmacology quiz tomorrow",
        "hp aku tidur selamanya abis jatuh ke kolam",
        "this bio exam is going to kill me, kms",
        "nyari gedung paling tinggi buat foto sunset",
        "burned my arm on the oven while cooking",
        "if a truck hit my bike i'd be so mad",
    ],
)
def test_not_escalated(detector: Detector, text: str) -> None:
    assert detector.assess(text).level <= C, detector.assess(text)
