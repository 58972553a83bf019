"""Tenth detection round (2026-11-28): phenomena from holdout12's misses, each in sentences written
for this file, with hard negatives. An escalation is HIGH or above (someone is paged)."""

from __future__ import annotations

import pytest

from escalation.detector import Detector, RiskLevel

IM, H, C, N = RiskLevel.IMMINENT, RiskLevel.HIGH, RiskLevel.CONCERN, RiskLevel.NONE


@pytest.mark.parametrize(
    "text",
    [
        # an overdose already taken, the drug named by its name
        "took the whole pack of my fluoxetine like half an hour ago, feeling dizzy",
        "swallowed all of my sleeping pills 10 min ago",
        # followed home, at the door now; on his way tonight to an empty house
        "ada om2 ngikutin aku dari stasiun, sekarang dia di depan kos aku gedor2 pintu",
        "he knows where i live and just texted 'otw ke rumah lo malam ini'. rumah lagi kosong",
        # an abuser at the door, drunk, and a plea
        "my stepdad is outside my door again and he's drunk. please",
        # at a bridge in Minang, a farewell
        "ambo di ateh jembatan kini, indak talok lai. salamaik tingga",
    ],
)
def test_imminent(detector: Detector, text: str) -> None:
    assert detector.assess(text).level == IM, detector.assess(text)


@pytest.mark.parametrize(
    "text",
    [
        # a friend: a goodbye story at a height and no answer; locked in, 'sorry for everything'
        "sepupuku barusan post story 'see u never' dari rooftop, sekarang dia ga angkat telpon",
        "my roommate locked herself in and texted me 'sorry for everything', she's not answering",
        # asking for a lethal amount of one's medicine
        "berapa butir obat tidur yg bikin orang ga bangun lagi?",
        "what's the lethal dose of my sleeping pills",
        # self-harm repeated, marks
        "relapse lagi, udah 4x minggu ini",
        "my thighs are covered in cuts again",
        # abuse told in the present: choking, a Betawi father who beats
        "my boyfriend chokes me whenever he gets jealous",
        "babeh tiap mabok mukulin aku sama nyak",
        # made to send pictures, or private chats held over a break-up
        "my uncle makes me send him pics and says he'll hurt my mom if i tell anyone",
        "mantan ngancem bakal nyebar chat pribadi aku kalo aku ga balikan",
        # a child told to undress by a tutor, told by a sibling
        "adikku cerita guru ngajinya suka nyuruh dia buka baju",
        # a planned beating of a named boy; a knife hidden for the right day
        "gw mau bikin si Raka masuk rs, udah gw rencanain dari kemaren",
        "i want to hurt the kids who laugh at me. i hid a knife in my bag, waiting for "
        "the right day",
    ],
)
def test_high(detector: Detector, text: str) -> None:
    assert detector.assess(text).level >= H, detector.assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "mau nyusul mama ke mall jam 5, dia udah di sana",
        "panas banget, rasanya mau mati kepanggang nunggu bus",
        "berapa butir paracetamol sekali minum kalo demam?",
        "how many tablets of ibuprofen can i take for cramps",
        "my arms are full of mosquito bites from camping",
        "tangan aku penuh cat abis prakarya",
        "my dad makes me send him pics of my report card every week lol",
        "mantan nyebar undangan nikahnya ke grup kelas",
        "locked myself out of the house, mom's not answering, waiting at the neighbour's",
        "temenku otw ke rumah aku buat kerja kelompok",
    ],
)
def test_hard_negatives_are_not_escalated(detector: Detector, text: str) -> None:
    assert detector.assess(text).level <= C, detector.assess(text)


@pytest.mark.parametrize(
    "text",
    [
        # the project's policy (the labelled eval set): a passive wish to sleep forever is a
        # CONCERN, which makes intake ask the screening questions; blind writers label it HIGH
        "pengen tidur selamanya aja",
        "i wish i could just sleep forever",
    ],
)
def test_a_passive_wish_is_a_concern(detector: Detector, text: str) -> None:
    assert detector.assess(text).level == C, detector.assess(text)
