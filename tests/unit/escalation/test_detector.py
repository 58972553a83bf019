"""Detector behaviour: tiers, idioms, denial, past attempts, third parties, excerpts, size."""

from __future__ import annotations

import pytest

from escalation.detector import Detector, RiskLevel


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("udah minum 20 obat", RiskLevel.IMMINENT),
        ("I just took the whole bottle", RiskLevel.IMMINENT),
        ("lagi di atap mau loncat", RiskLevel.IMMINENT),
        ("malam ini aku mau gantung diri", RiskLevel.IMMINENT),
        ("tonight I'm going to kill myself", RiskLevel.IMMINENT),
        ("selamat tinggal semuanya", RiskLevel.IMMINENT),
        ("pengen mati", RiskLevel.HIGH),
        ("I want to die", RiskLevel.HIGH),
        ("aku dipukul ayah", RiskLevel.HIGH),
        ("aku mau bunuh dia", RiskLevel.HIGH),
        ("pengen ilang aja", RiskLevel.CONCERN),
        ("i'm a burden", RiskLevel.CONCERN),
        ("halo kak, mau curhat soal tugas", RiskLevel.NONE),
        ("", RiskLevel.NONE),
        ("   ", RiskLevel.NONE),
    ],
)
def test_levels(detector: Detector, text: str, level: RiskLevel) -> None:
    assert detector.assess(text).level is level


@pytest.mark.parametrize(
    "text",
    [
        "mati lampu lagi",
        "bunuh waktu",
        "this exam is killing me",
        "killing time",
        "mati gaya",
        "aku dibunuh di game",
        "ngakak sampe mati",
        "I'm dead 😂",
        "drop dead gorgeous",
        "kill the lights",
        "dying to see you",
        "hp aku mati",
        "batre mati",
        "deadline besok",
    ],
)
def test_idioms_are_none(detector: Detector, text: str) -> None:
    assert detector.assess(text).level is RiskLevel.NONE


def test_rest_of_message_still_screened(detector: Detector) -> None:
    assert detector.assess("hp aku mati dan aku mau bunuh diri").level is RiskLevel.HIGH


@pytest.mark.parametrize(
    "text",
    [
        "aku gak mau bunuh diri kok, cuma capek",
        "I'm not going to kill myself",
        "i don't want to die",
        "aku nggak pengen mati",
    ],
)
def test_denial_lowers_high_to_concern(detector: Detector, text: str) -> None:
    result = detector.assess(text)
    assert result.level is RiskLevel.CONCERN
    assert result.denied


@pytest.mark.parametrize(
    "text",
    [
        "udah minum 20 obat, cuma bercanda",
        "I just took the whole bottle jk",
        "selamat tinggal semuanya, aku cuma bercanda",
    ],
)
def test_denial_never_lowers_imminent(detector: Detector, text: str) -> None:
    result = detector.assess(text)
    assert result.level is RiskLevel.IMMINENT
    assert result.denied


@pytest.mark.parametrize(
    "text",
    ["dulu aku pernah nyoba bunuh diri", "I tried to kill myself last year"],
)
def test_past_attempt_is_concern(detector: Detector, text: str) -> None:
    result = detector.assess(text)
    assert result.level is RiskLevel.CONCERN
    assert result.past


@pytest.mark.parametrize(
    "text",
    ["temenku mau bunuh diri", "my friend wants to kill herself", "sahabat aku bilang pengen mati"],
)
def test_third_party_is_high_with_flag(detector: Detector, text: str) -> None:
    result = detector.assess(text)
    assert result.level is RiskLevel.HIGH
    assert result.third_party


@pytest.mark.parametrize(
    "text",
    [
        "sahabatku nulis di status mau gantung diri malam ini",
        "my brother texted goodbye everyone and turned his phone off",
    ],
)
def test_reported_imminent_about_someone_else_is_high(detector: Detector, text: str) -> None:
    result = detector.assess(text)
    assert result.level is RiskLevel.HIGH
    assert result.third_party


@pytest.mark.parametrize(
    "text",
    [
        "pas mereka tidur nanti malam aku mau gantung diri",
        "malam ini aku mau gantung diri, temenku bilang jangan",
        "dia bilang udah nyiapin tali buat malam ini",  # a staff note about the student
    ],
)
def test_own_plan_with_others_mentioned_stays_imminent(detector: Detector, text: str) -> None:
    assert detector.assess(text).level is RiskLevel.IMMINENT


@pytest.mark.parametrize(
    "text",
    [
        "keluargaku lebih bahagia kalau aku gak ada. udah mikirin ini bertahun-tahun",
        "everyone would be better off without me. i've been thinking about it for months",
    ],
)
def test_wish_that_persists_adds_up_to_high(detector: Detector, text: str) -> None:
    result = detector.assess(text)
    assert result.level is RiskLevel.HIGH
    assert result.combined


@pytest.mark.parametrize(
    "text",
    [
        "awas lo, gw bunuh lo kalo nyolong skin gw wkwk",
        "i'm going to kill my brother if he touches my switch again haha",
    ],
)
def test_laughing_threat_is_concern(detector: Detector, text: str) -> None:
    assert detector.assess(text).level is RiskLevel.CONCERN


def test_threat_without_laugh_stays_high(detector: Detector) -> None:
    assert detector.assess("awas lo, gw bunuh lo kalo nyolong lagi").level is RiskLevel.HIGH


def test_persistence_alone_is_none(detector: Detector) -> None:
    assert detector.assess("udah mikirin ini berbulan-bulan, mau ambil jurusan apa").level is (
        RiskLevel.NONE
    )


def test_denial_skips_a_noun_of_thought(detector: Detector) -> None:
    result = detector.assess("aku gak ada pikiran buat nyakitin diri kok")
    assert result.level is RiskLevel.CONCERN
    assert result.denied


def test_first_person_not_third_party(detector: Detector) -> None:
    result = detector.assess("dia ninggalin aku dan aku pengen mati")
    assert result.level is RiskLevel.HIGH
    assert not result.third_party


def test_excerpt_points_at_original(detector: Detector) -> None:
    text = "Halo kak... jadi gini, gw udh gk kuat, PENGEEN MATIII aja rasanya"
    result = detector.assess(text)
    best = result.matches[0]
    assert text[best.start : best.end] == best.excerpt
    assert "PENGEEN MATIII" in best.excerpt
    assert "PENGEEN MATIII" in result.excerpt()


def test_excerpt_trimmed(detector: Detector) -> None:
    text = "bla " * 100 + "aku mau bunuh diri" + " bla" * 100
    excerpt = detector.assess(text).excerpt(width=60)
    assert "bunuh diri" in excerpt
    assert len(excerpt) <= 62
    assert excerpt.startswith("…")
    assert excerpt.endswith("…")


def test_matches_strongest_first(detector: Detector) -> None:
    result = detector.assess("aku capek hidup. malam ini aku mau gantung diri")
    tiers = [m.tier for m in result.matches]
    assert tiers == sorted(tiers, reverse=True)
    assert result.categories[0] == "suicide"


def test_ten_thousand_chars(detector: Detector) -> None:
    text = ("a" * 9_300) + " mau " * 150 + "bunuh diri"
    assert len(text) >= 10_000
    assert detector.assess(text).level is RiskLevel.HIGH
    adversarial = "mau " * 2_500 + "x"
    assert detector.assess(adversarial).level is RiskLevel.NONE
    assert detector.assess("s " * 5_000).level is RiskLevel.NONE


def test_level_names() -> None:
    assert [lvl.name.lower() for lvl in RiskLevel] == ["none", "concern", "high", "imminent"]
