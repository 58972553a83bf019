"""Phenomena from held-out review: ingestion, farewell, means in hand, abuse, sleep, negatives."""

from __future__ import annotations

import pytest

from escalation.detector import Detector, RiskLevel


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # ingestion, either word order, colloquial verbs, someone else's medicine
        ("obat papa udah aku telen semua", RiskLevel.IMMINENT),
        ("barusan nelan sebotol obat tidur", RiskLevel.IMMINENT),
        ("ditelen semua pil nenek", RiskLevel.IMMINENT),
        ("i swallowed every pill in the bottle", RiskLevel.IMMINENT),
        # farewell
        ("ini pesan terakhirku", RiskLevel.IMMINENT),
        ("makasih buat semuanya. selamat tinggal", RiskLevel.IMMINENT),
        ("thank you for everything, goodbye", RiskLevel.IMMINENT),
        ("selamat tinggal SMP!", RiskLevel.NONE),
        ("goodbye summer", RiskLevel.NONE),
        # means in hand plus intent
        ("lagi pegang cutter, mau nyayat nadi", RiskLevel.IMMINENT),
        ("holding a knife and i want to slit my wrists", RiskLevel.IMMINENT),
        # abuse disclosures, past does not lower
        ("om aku pernah megang2 dada aku", RiskLevel.HIGH),
        ("my coach asked for my nudes", RiskLevel.HIGH),
        # sleep and never wake up
        ("i wish i could sleep and never wake up", RiskLevel.CONCERN),
        ("pengen tidur dan gak bangun", RiskLevel.CONCERN),
        # hard negatives
        ("lagi OD nonton drakor", RiskLevel.NONE),
        ("OD kopi lagi hari ini", RiskLevel.NONE),
        ("biologi: apoptosis itu bunuh diri sel", RiskLevel.NONE),
        ("aku dibully kakak kelas", RiskLevel.NONE),
        ("i'm not suicidal, just tired", RiskLevel.NONE),
    ],
)
def test_phenomena(detector: Detector, text: str, level: RiskLevel) -> None:
    assert detector.assess(text).level is level


@pytest.mark.parametrize(
    "text",
    ["barusan gue OD pake obat tidur, bercanda kok", "ini pesan terakhirku. cuma bercanda"],
)
def test_denial_never_lowers_new_imminent(detector: Detector, text: str) -> None:
    assert detector.assess(text).level is RiskLevel.IMMINENT


def test_not_suicidal_does_not_hide_the_rest(detector: Detector) -> None:
    assert detector.assess("i'm not suicidal but i want to die").level >= RiskLevel.CONCERN
    assert detector.assess("aku gak suicidal, tapi tadi udah minum 20 obat").level is (
        RiskLevel.IMMINENT
    )
