"""Thirteenth detection round (2026-11-28): phenomena from holdout15's misses and false flags,
each in sentences written for this file, with hard negatives. An escalation is HIGH or above."""

from __future__ import annotations

import pytest

from escalation.detector import Detector, RiskLevel

IM, H, C, N = RiskLevel.IMMINENT, RiskLevel.HIGH, RiskLevel.CONCERN, RiskLevel.NONE


@pytest.mark.parametrize(
    "text",
    [
        # it is done, and a goodbye
        "obatnya udah habis aku minum. dadah semuanya",
        # a rope up, tonight
        "the rope is ready. tonight.",
        # an armed partner at the door now (Makassar)
        "pacarku datang mi bawa badik, gedor2 pintu sekarang. takut ka'",
        # jumping "dari" a height at a time, after belongings given away
        "laptop gw buat adek. jam 2 nanti i'm jumping dari lantai 10",
        # a whole strip of a grandparent's medicine, and the chest racing now
        "aku minum obat darah tinggi nenek satu strip, sekarang dada berdebar sama pusing",
        # shut in with a blade, done, not answering (a sibling: HIGH by the friend rule)
        "i locked myself in the bathroom with a razor. i'm done. not answering anyone",
    ],
)
def test_imminent(detector: Detector, text: str) -> None:
    assert detector.assess(text).level == IM, detector.assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "kula mboten kiat malih, saben dinten namung mikir pejah",
        "beta seng mau hidop lagi",
        "how many of my dad's sleeping pills would it take to never wake up",
        "been googling how many insulin pens would be enough, just curious",
        "lethal dose of my blood pressure meds? asking for myself",
        "temenku duduk di rel deket stasiun, dia nge-chat 'this is the end' dan ga angkat telpon",
        "suatu saat gw bales si Raka, piso lipet udah gw simpen",
        "one day i'm going to make all of them pay. i've been keeping a list of names",
        "kakak pembina maksa aku nemenin dia ke hotel, kalo nolak aku dicoret dari tim",
        "om yang tinggal serumah suka masuk kamar aku malem2",
        "adekku ngasih2in koleksi gundamnya ke temen2, bilang 'soon i won't need them'",
        "my best friend gave me all her sketchbooks and says she won't be around for graduation",
        "aku wis ning pinggir kali. ra sah digoleki",
    ],
)
def test_escalated(detector: Detector, text: str) -> None:
    assert detector.assess(text).level >= H, detector.assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "kms bgt tadi lupa bawa flashdisk pas presentasi",
        "kms if the wifi lags one more time in this match",
        "bunuh diri banget tadi gw maju sendirian ke tower musuh wkwk",
        "gw literally mau mati liat harga tiket konser",
        "nunggu angkot lama, mau mati rasanya meleleh di halte",
        "gundamnya baru dateng, keren banget",
        "om aku tinggal serumah sama kami sekarang, seru",
        "obatnya habis, nanti beli lagi ya. dadah",
        "giving away my old books before graduation, goodbye seniors!",
    ],
)
def test_not_escalated(detector: Detector, text: str) -> None:
    assert detector.assess(text).level <= C, detector.assess(text)
