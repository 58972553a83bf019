"""Eighteenth detection round (2026-11-28): phenomena from holdout20's misses and false flags,
each in sentences written for this file, with hard negatives. An escalation is HIGH or above."""

from __future__ import annotations

import pytest

from escalation.detector import Detector, RiskLevel

IM, H, C, N = RiskLevel.IMMINENT, RiskLevel.HIGH, RiskLevel.CONCERN, RiskLevel.NONE


@pytest.mark.parametrize(
    "text",
    [
        "pacarku di luar kos, gedor2 pintu, katanya mau bunuh aku kalo kubuka. sendiri aja di sini",
        "tonight. the overpass near the school. i've made up my mind so don't bother",
        "obatnya udah aku itung, 30 butir, abis isya aku minum. ga usah nungguin aku besok",
        "parked on the top floor of the car park, been staring at the edge for an hour. "
        "once it's dark i am going over",
        "pergelangannya udah mati rasa, darahnya masih netes ke lantai dari tadi",
        "talinya udah kencang di kamar mandi. bye",
    ],
)
def test_imminent(detector: Detector, text: str) -> None:
    assert detector.assess(text).level == IM, detector.assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "what amount of paracetamol would actually shut down your liver? for a project lol",
        "my stepfather comes into my room when everyone's asleep",
        "my uncle keeps 'accidentally' walking in when i shower",
        "guru les ngajak ketemuan berdua, katanya rahasia kita",
        "adikku nanya cara gantung diri yang ga sakit, katanya penasaran doang",
        "tiap malam googling dosis paracetamol yang bikin ga bangun",
        "lompat dari lantai berapa biar pasti ga selamat",
        "streak clean dua minggu, gagal lagi semalem",
        "roommate gw ga bangun2, ada botol racun tikus kosong di sebelahnya",
        "sometimes i hope the car doesn't brake when i cross",
        "every time i see the library's 8th floor window my brain goes 'what if'",
        "bapa unggal peuting ngamuk, abdi ditampiling",
    ],
)
def test_escalated(detector: Detector, text: str) -> None:
    assert detector.assess(text).level >= H, detector.assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "goodbye forever, group project 🫡 submitted at 23:59",
        "kms kata gw, dosen ngasih tugas jam 11 malem deadline jam 7 pagi",
        "tadi P3K diajarin cara bebat luka yang darahnya gak berhenti",
        "streak duolingo gagal lagi semalem",
        "adikku ga bangun2 padahal alarm udah bunyi",
    ],
)
def test_not_escalated(detector: Detector, text: str) -> None:
    assert detector.assess(text).level <= C, detector.assess(text)
