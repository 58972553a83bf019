"""Fifteenth detection round (2026-11-28): phenomena from holdout17's misses and false flags,
each in sentences written for this file, with hard negatives. An escalation is HIGH or above."""

from __future__ import annotations

import pytest

from escalation.detector import Detector, RiskLevel

IM, H, C, N = RiskLevel.IMMINENT, RiskLevel.HIGH, RiskLevel.CONCERN, RiskLevel.NONE


@pytest.mark.parametrize(
    "text",
    [
        "udah minum obat yang aku kumpulin sebulan ini. maaf ya semuanya",
        "wrote my letters. at 3am when everyone's asleep i'm taking the pills i saved up",
        "gue udeh di atep mal, abis ini kelar dah semuanya. makasih ye",
        "obate bapak wis tak untal kabeh, saiki sirahku mumet",
        "my ex is banging on my door, screaming he'll kill me when he gets in",
        "mantan lagi di bawah kos, katanya mau drag me out, pintunya digedor dari tadi",
        "tied it. bye semua",
        "can't stop the bleeding",
    ],
)
def test_imminent(detector: Detector, text: str) -> None:
    assert detector.assess(text).level == IM, detector.assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "one day i'll bring something to school and they'll stop laughing",
        "dosis ibuprofen yang fatal berapa ya? buat aku sendiri",
        "ada yang tau cara paling ga sakit buat bunuh diri?",
        "suatu saat gw bales mereka semua, nama2nya udah gw catet",
        "om aku suka masuk kamar pas rumah kosong, aku disuruh diem aja",
        "pelatih nyuruh aku dateng ke rumahnya sendirian, kalo nolak nilai aku dijatuhin",
        "dosen pembimbing minta ketemuan di hotel kalau mau skripsi di-acc",
        "adikku di-groom om2 di tiktok, katanya mau ketemuan",
        "my uncle used to come into my room at night and still texts me to keep our secret",
        "my sister locked herself in the bathroom with a knife and won't answer",
        "a guy has my nudes and says he'll send them to my school unless i pay him",
        "ulun kada tahan lagi, handak mati haja",
        "how many of my grandma's heart pills would it take to not wake up",
    ],
)
def test_escalated(detector: Detector, text: str) -> None:
    assert detector.assess(text).level >= H, detector.assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "macet parah di tol, pengen kms rasanya",
        "mau mati liat nilai ulangan fisika",
        "i'll bring something to school for the class party, they'll love it",
        "cara paling gampang buat belajar trigonometri apa ya",
        "om aku suka masuk kamar buat benerin wifi",
        "dosis paracetamol buat anak 5 tahun berapa?",
    ],
)
def test_not_escalated(detector: Detector, text: str) -> None:
    assert detector.assess(text).level <= C, detector.assess(text)
