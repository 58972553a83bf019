"""Twelfth detection round (2026-11-28): phenomena from holdout14's misses and false flags, each
in sentences written for this file, with hard negatives. An escalation is HIGH or above."""

from __future__ import annotations

import pytest

from escalation.detector import Detector, RiskLevel

IM, H, C, N = RiskLevel.IMMINENT, RiskLevel.HIGH, RiskLevel.CONCERN, RiskLevel.NONE


@pytest.mark.parametrize(
    "text",
    [
        # Krama Javanese: a farewell from the world tonight, medicine made ready
        "dalu punika kula badhe pamit saking donya. obat sampun kula cepakaken",
        # Minang: tomorrow morning, a jump from a bridge
        "ambo alah indak tahan lai. bisuak pagi ambo tajun dari jambatan",
        # Manado: all the medicine swallowed, a goodbye
        "kita so telang samua obat tidur. slamat tinggal",
        # a wrist cut through now
        "nadi gw udah keiris, tolong",
        # a count of pills swallowed, code-mixed
        "aku udah swallow like 25 pills, pusing banget",
        # an ex on the way to the kos to 'teach a lesson', alone
        "mantan lagi on the way ke kos, katanya mau ngasih pelajaran. aku sendirian",
        # he found where I live, outside now
        "he found where i live and he's parked outside right now. i'm alone",
        "he's outside, tolong aku",
    ],
)
def test_imminent(detector: Detector, text: str) -> None:
    assert detector.assess(text).level == IM, detector.assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "kula asring gadhah pikiran badhe mungkasi gesang kula",
        "aku kesel urip, pengen nyusul mbah wae",
        "pengen pulang ke pangkuan Tuhan aja rasanya",
        "unggal peuting abdi ngiris leungeun",
        "adikku lagi berdiri di pinggir balkon lantai 15, bilang dia udah done. gw masih di jalan",
        "udah bikin daftar anak2 yang ngebully aku, suatu saat aku bales semuanya. "
        "aku tau om nyimpen senapan angin di mana",
        "bos aku sering ngajak ke gudang berdua, katanya kalo ga mau gaji aku dipotong",
        "wali kelas minta foto aku, kalo ga kirim nilai aku diancam",
        "my stepdad comes into my room every night and says it's our secret",
        "my boyfriend pushed me down the stairs and says he'll do worse if i break up",
        "cowokku nampar aku kalo aku bales chat cowok lain, katanya cuma bercanda",
        "my cousin posted a goodbye-ish story and has been giving away her stuff",
    ],
)
def test_escalated(detector: Detector, text: str) -> None:
    assert detector.assess(text).level >= H, detector.assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "kms, crush gw liat story lama gw 😭",
        "kms i just sent the meme to the wrong group 💀",
        "it's so hot today i'm melting, i want to die",
        "panas banget di angkot, mau mati rasanya",
        "pak guru mau ngasih pelajaran tambahan besok",
        "temen gw otw ke kos, mau nugas bareng",
        "he's outside, bukain pintu dong",
        "guru minta foto kelas, kalo ga kirim nilai tugasnya ga keluar",
        "mau nyusul mbah ke pasar",
        "bagi-bagi takjil di depan masjid",
    ],
)
def test_not_escalated(detector: Detector, text: str) -> None:
    assert detector.assess(text).level <= C, detector.assess(text)
