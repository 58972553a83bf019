"""Normalizer rules: Unicode, leetspeak, obfuscation, repeats, slang, affixes, span mapping."""

from __future__ import annotations

import pytest

from escalation.detector import Detector


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ｐｅｎｇｅｎ　ＭＡＴＩ", "mau mati"),  # NFKC fullwidth + case
        ("pen\u200bgen ma\u200dti\ufeff", "mau mati"),  # zero-width characters
        ("bunúh dìri", "bunuh diri"),  # combining marks
        ("p3ng3n m4t1", "mau mati"),  # leetspeak
        ("@ku m@u $uicide", "aku mau suicide"),
        ("jam 3 nanti", "jam 3 nanti"),  # numbers alone untouched
        ("5 menit lagi", "5 menit lagi"),
        ("08123456789", "08123456789"),
        ("minum 3x sehari 500mg", "minum 3x sehari 500mg"),
        ("b*nuh diri", "bunuh diri"),  # censored letter
        ("b.u.n.u.h d.i.r.i", "bunuh diri"),  # dotted letters
        ("s.u.i.c.i.d.e", "suicide"),
        ("s u i c i d e", "suicide"),  # spaced letters
        ("i c u t myself", "i cut myself"),  # a spaced word joined with the pronoun before it
        ("i w a n t  t o  d i e", "i want to die"),
        ("i n i  a p a", "ini apa"),  # a known word is never split
        ("gw pgn bnh dri", "aku mau bunuh diri"),  # vowels left out of a sensitive word
        ("pgn mti aj", "mau mati saja"),
        ("hdp", "hidup"),
        ("brg", "brg"),  # not a sensitive word: left as it is
        ("b u n u h  d i r i", "bunuh diri"),  # two spaces separate words
        ("matiii", "mati"),  # repeated letters
        ("pengeeen", "mau"),
        ("killll myself", "kill myself"),
        ("saat maaf", "saat maaf"),  # legit doubles kept
        ("gak nggak kagak gk", "tidak tidak tidak tidak"),  # slang
        ("gue gw saya aq", "aku aku aku aku"),
        ("lu lo km", "kamu kamu kamu"),
        ("udh bgt yg dgn tdk", "sudah banget yang dengan tidak"),
        ("bundir", "bunuh diri"),
        ("nyilet menyilet disilet", "silet silet di silet"),  # affixes
        ("nyayat menyayat", "sayat sayat"),
        ("menggantung gantungin", "gantung gantung"),
        ("membunuh dibunuh bunuhin", "bunuh di bunuh bunuh"),
        ("meminum meloncat melompat", "minum loncat lompat"),
        ("menerjunkan mengakhiri akhirin", "terjun akhiri akhiri"),
        ("dipukul mukul", "di pukul pukul"),
        ("tanganku nyawaku", "tangan aku nyawa aku"),  # possessives
        ("mati2an", "mati-matian"),  # Indonesian 2-reduplication
        ("pengenmati", "mau mati"),  # glued words
        ("wkwkwk hahaha", "haha haha"),
        ("i'm gonna kms", "i am going to kill myself"),
        ("capek. banget", "capek | banget"),  # clause boundary
    ],
)
def test_normalize(detector: Detector, raw: str, expected: str) -> None:
    assert detector.lexicon.normalizer.normalize(raw).text == expected


def test_spans_point_into_original(detector: Detector) -> None:
    raw = "Halo 😂 aku   PENGEN mati"
    norm = detector.lexicon.normalizer.normalize(raw)
    index = norm.words.index("mau")
    start, end = norm.spans[index]
    assert raw[start:end] == "PENGEN"


def test_spans_with_zero_width_chars(detector: Detector) -> None:
    raw = "x\u200b\u200b mati"
    norm = detector.lexicon.normalizer.normalize(raw)
    start, end = norm.spans[norm.words.index("mati")]
    assert raw[start:end] == "mati"


def test_empty_text(detector: Detector) -> None:
    assert detector.lexicon.normalizer.normalize("").words == ()
