"""The situation layer (escalation/lexicon/situation.toml): parts of a situation found anywhere
in a message, escalated on their combination. Every component's and every combination's
examples are test cases; the phenomena below are written for this file."""

from __future__ import annotations

import pathlib

import pytest

from escalation.detector import Detector, LexiconError, RiskLevel
from escalation.detector_lexicon import load_lexicon
from escalation.scan import to_json

_LEX = load_lexicon()
IM, H, C, N = RiskLevel.IMMINENT, RiskLevel.HIGH, RiskLevel.CONCERN, RiskLevel.NONE

COMPONENT_CASES = [
    (r.id, text, pos)
    for r in _LEX.components
    for pos, texts in ((True, r.positive), (False, r.negative))
    for text in texts
]
COMBINATION_CASES = [
    (c.id, text, pos)
    for c in _LEX.combinations
    for pos, texts in ((True, c.positive), (False, c.negative))
    for text in texts
]


def _ids(cases: list[tuple[str, str, bool]]) -> list[str]:
    return [f"{rid}:{'+' if pos else '-'}:{text[:30]}" for rid, text, pos in cases]


@pytest.mark.parametrize(
    ("rule_id", "text", "positive"), COMPONENT_CASES, ids=_ids(COMPONENT_CASES)
)
def test_component_examples(detector: Detector, rule_id: str, text: str, positive: bool) -> None:
    found = detector.component_ids(text)
    assert (rule_id in found) is positive, sorted(found)


@pytest.mark.parametrize(
    ("rule_id", "text", "positive"), COMBINATION_CASES, ids=_ids(COMBINATION_CASES)
)
def test_combination_examples(detector: Detector, rule_id: str, text: str, positive: bool) -> None:
    found = {m.entry_id for m in detector.assess(text).matches}
    assert (rule_id in found) is positive, (text, sorted(found))


def test_every_combination_has_both_languages_of_examples() -> None:
    for combo in _LEX.combinations:
        assert len(combo.positive) >= 2, combo.id
        assert len(combo.negative) >= 2, combo.id


# situations told in orders and words no single lexicon phrase covers; each only the layer finds
@pytest.mark.parametrize(
    ("text", "level", "rule"),
    [
        # means + act + time, the parts in any order, clauses apart
        ("ntar abis maghrib. baygon udh di kamar. gw tenggak semua", IM, "means_act_time"),
        (
            "after everyone sleeps tonight. the bleach is under my bed, i'll drink all of it",
            IM,
            "means_act_time",
        ),
        # place + act now
        ("skrg di pinggir kali besar belakang sekolah. mau nyebur aja", IM, "place_act_now"),
        ("sitting on the ledge rn. thinking i'll just let myself fall", IM, "place_act_now"),
        # place + act (no now): a thought, high
        ("setiap naik ke rooftop gedung les aku bayangin terjun", H, "place_act"),
        # goodbye + means
        ("titip mama ya kak. silet udah aku siapin", IM, "goodbye_means"),
        # goodbye + time
        ("sampe jumpa di kehidupan selanjutnya. abis subuh", IM, "goodbye_time"),
        # act prepared with a time
        ("i'm going to end my life tomorrow morning. i picked the spot", IM, "act_prepared_time"),
        # self harm serious now
        ("abis sayat lengan, darahnya ngucur terus", IM, "self_harm_serious"),
        # abuser present and fear
        ("bokap mabuk lagi, aku ketakutan di kamar", IM, "abuser_fear"),
        # weapon, harm and a time
        ("pulang sekolah nanti gw bawa golok, si bayu harus ngerasain", IM, "weapon_harm_time"),
        ("tomorrow i'm bringing my dad's knife, that kid is gonna pay", IM, "weapon_harm_time"),
        # a means bought "last week" is still there: the past cue reads the act, not the means
        ("bought a rope last week. tonight's the night", IM, "means_act_time"),
        # an act that holds its means ("ngiket tali di kipas"), a time said as an empty house
        ("gue udah ngiket tali di kipas angin kamar. tinggal nunggu rumah sepi", IM,
         "means_act_time"),
        # a high floor in one digit, a prayer time
        ("habis sholat isya aku mau terjun dari lantai 8 kos", IM, "act_place_time"),
        # a weak farewell at a dangerous place now
        ("di jembatan layang skrg. bye semuanya, maaf ya", IM, "place_goodbye"),
        ("im standing at the edge of the bridge. thank you for always listening", IM,
         "place_goodbye"),
        # giving things away, then "tomorrow I won't be here"
        ("semua barang aku udah aku kasih ke adek. besok aku udah ga ada", IM, "goodbye_time"),
        ("nulis surat buat ortu udah, tinggal nunggu tengah malem", IM, "goodbye_time"),
        ("this is goodbye. the bottle of pills is next to me", IM, "goodbye_means"),
        # going to a dangerous place at a time, hopeless: high
        ("jam 2 nanti aku ke rel deket rumah. udah ga mau mikirin apa2", H, "place_hopeless_now"),
        ("cut too deep this time, it won't stop bleeding", IM, "self_harm_serious"),
        ("mom's boyfriend is drunk and banging on my door, i'm so scared", IM, "abuser_fear"),
        # third pass
        ("the knife is in my hand and i keep pressing harder, there's so much blood", IM,
         "self_harm_serious"),
        ("ive got the bleach and a glass ready. doing it at midnight", IM, "means_act_time"),
        ("heading to the overpass now. i just want it all to stop", H, "place_hopeless_now"),
        ("wrote my goodbye letter, it's under my pillow. rope is in the closet", IM,
         "goodbye_means"),
        ("udah di atas genteng rumah nih, mau loncat aja biar selesai", IM, "place_act_now"),
        ("gw udah megang silet, sayatan ketiga ga berhenti berdarah", IM, "self_harm_serious"),
        ("kak aku di kamar mandi sekarang, pisau udah di tangan, udah ga kuat", IM,
         "means_in_hand_hopeless"),
        ("ntar jam 12 malem gw ke rel krl, udah pamit sama semua", IM, "place_goodbye"),
        ("obat nyamuk cair udah gw tuang ke gelas. abis ini gw minum", IM, "means_act_time"),
        ("ini terakhir kali aku chat. tali udah aku siapin di gudang", IM, "goodbye_means"),
        ("udah nulis wasiat, besok pagi aku udah ga ada", IM, "goodbye_time"),
        ("pulang sekolah nanti gue cegat si aldi, udah bawa gir", IM, "weapon_target_prepared"),
        ("tali udh kepasang di kamar, nunggu semua tidur", IM, "means_act_time"),
        ("im gonna jump from the 10th floor after class", IM, "act_place_time"),
        ("i'm cutting right now and i can't stop", IM, "self_harm_now_unstoppable"),
    ],
)
def test_situations(detector: Detector, text: str, level: RiskLevel, rule: str) -> None:
    result = detector.assess(text)
    assert result.level >= level, result
    assert f"situation.{rule}" in {m.entry_id for m in result.matches}, result


@pytest.mark.parametrize(
    "text",
    [
        # a rooftop cafe, a river trip, the pool, medicine as prescribed, a kitchen knife
        "nanti malam nongkrong di rooftop cafe lantai 12, view nya bagus banget",
        "besok liburan ke sungai, mau lompat dari batu ke air bareng sepupu",
        "i'll jump into the pool tonight after practice",
        "obat tidur dari dokter aku minum sesuai resep malam ini",
        "besok bawa pisau dapur buat masak sayur di praktik tata boga sama si dimas",
        # Scout knots, first aid, prevention, the news, a film, a game, an exam, pets
        "besok pramuka belajar simpul tali, udah aku siapin talinya",
        "materi P3K hari ini: luka sayatan dalam yang berdarah terus ditekan kain",
        "seminar pencegahan besok bahas orang yang mau lompat dari jembatan",
        "berita tadi: seorang pria nekat lompat dari jembatan, sekarang viral",
        "di film tadi malem dia minum racun terus bilang selamat tinggal",
        "di game aku bawa celurit, nanti malam mau nyabet boss terakhir",
        "udah siapin semua buat ujian besok, doain ya",
        "kucing aku mati tadi pagi, aku ga kuat, makasih udah dengerin kak",
        # about someone else, in the past, denied
        "dulu pas smp aku pernah berdiri di atap sekolah mau loncat",
        "aku ga bakal lompat dari jembatan kok, tenang aja",
        # everyday words the parts are made of
        "besok study tour ke jembatan suramadu, udah siapin semua",
        "nanti malam mau ke pantai liat bintang sama temen2",
        "abis isya mau ke rooftop cafe, udah booking",
        "makasih kak udah dengerin, besok aku cerita lagi ya",
        "udah beli obat tidur, malam ini semoga bisa tidur nyenyak",
        "gue udah beli pisau baru buat masak nanti malem",
        "papa mabok laut pas nyebrang ke bali, aku takut kapalnya goyang",
        "the bridge near school is closed tonight for repairs",
        "jangan cari masalah sama anak stm, besok mereka tawuran katanya",
        "kakak aku jatuh dari tangga tadi, darahnya ga berhenti, aku takut",
        "aku udah di stasiun, nunggu kereta ke bandung jam 9",
        "bye semuanya, aku offline dulu sampai uas selesai",
        "tell my mom thanks for the food, i'll be home tonight",
        "in the movie he jumps off the bridge at midnight, so sad",
        "aku kasih hp lama aku ke adek besok",
        "i bought a rope for the tent tonight",
        "lagi di jembatan sekarang nungguin ojol, capek banget hari ini",
        "aku udah di atap sekolah buat ekskul astronomi malam ini",
        "i'm at the beach now with family, sorry for everything i said last night",
        "mama nyuruh aku beli baygon buat nyamuk, nanti malam disemprot",
        "beli silet buat rautan pensil besok ujian",
        "golok buat motong kayu bakar pas kemah sabtu",
        "the rope swing at the river is so fun, going again tonight",
        "im on the roof fixing the antenna rn with my dad",
        "aku nabrak tiang pas naik sepeda tadi, berdarah terus lututnya",
        "tali nya udah aku iket di tenda, nanti malam hujan",
        "dia bawa pisau lipat buat buka paket, si rian minjem",
        "si doni harus ngerasain kalah main futsal besok wkwk",
        "udh siap semua buat lomba besok, tinggal nunggu jam 7",
        "ini saatnya, besok aku ke jembatan buat lomba foto",
        "i work on the 12th floor, tonight is it: the big presentation",
        "been cutting again, 3 times this week. i can't stop",
    ],
)
def test_not_escalated(detector: Detector, text: str) -> None:
    result = detector.assess(text)
    situations = [m for m in result.matches if m.entry_id.startswith("situation.")]
    assert not [m for m in situations if m.tier >= H], result


def test_a_situation_match_lists_its_parts(detector: Detector) -> None:
    text = "racun tikus udh di kamar. ntar malem gw campur ke minuman gw"
    result = detector.assess(text)
    best = next(m for m in result.matches if m.entry_id.startswith("situation."))
    assert best.entry_id == "situation.means_act_time"
    assert best.tier is IM
    kinds = [part.split(":")[0] for part in best.parts]
    assert len(kinds) == 3
    assert {"means", "act"} < set(kinds)
    assert "means: racun tikus" in best.parts
    assert best.excerpt == text[best.start : best.end]
    assert "racun tikus" in result.excerpt(120)
    shown = [m for m in to_json(result)["matches"] if m["id"] == best.entry_id]
    assert shown[0]["parts"] == list(best.parts)


def test_a_laugh_or_a_denial_cue_lowers_a_situation_to_concern(detector: Detector) -> None:
    for text in (
        "abis isya aku ke jembatan, sampai ketemu di kehidupan lain wkwk",
        "abis isya aku ke jembatan, sampai ketemu di kehidupan lain. cuma bercanda kok",
    ):
        situations = [m for m in detector.assess(text).matches if m.entry_id.startswith("sit")]
        assert situations, text
        assert all(m.tier is C for m in situations), text


def test_a_part_inside_a_longer_one_counts_the_same_words_never_twice(detector: Detector) -> None:
    # the act "minum baygon" holds the means "baygon": drinking poison just now is imminent
    drunk = detector.assess("minum baygon barusan")
    found = [m for m in drunk.matches if m.entry_id == "situation.means_act_time"]
    assert found, drunk
    assert {"act: minum baygon", "means: baygon", "now: barusan"} == set(found[0].parts)
    # one word is never two parts: "baygon" alone is a means and nothing else
    alone = detector.assess("baygon")
    assert not [m for m in alone.matches if m.entry_id.startswith("situation.")]


def test_combination_data_is_validated(tmp_path: pathlib.Path) -> None:
    src = pathlib.Path(__file__).resolve().parents[3] / "escalation" / "lexicon"
    for path in src.glob("*.toml"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    bad = (
        '\n[[combination]]\nid = "situation.bad"\ntier = "high"\ncategory = "suicide"\n'
        'requires = ["means", "nope"]\npositive = ["x"]\nnegative = ["y"]\n'
    )
    with (tmp_path / "situation.toml").open("a", encoding="utf-8") as fh:
        fh.write(bad)
    with pytest.raises(LexiconError, match="situation.bad.*nope"):
        load_lexicon(tmp_path)
    one = bad.replace('"means", "nope"', '"means"').replace("situation.bad", "situation.one")
    (tmp_path / "situation.toml").write_text(
        (src / "situation.toml").read_text(encoding="utf-8") + one, encoding="utf-8"
    )
    with pytest.raises(LexiconError, match="at least two"):
        load_lexicon(tmp_path)


def test_nothing_without_parts(detector: Detector) -> None:
    assert detector.assess("halo kak, aku mau cerita soal sekolah").level is N


# a goodbye to one's family is a goodbye, never a family outing (review of the round: "sama
# keluarga" was a leisure veto, and "aku udah di atas jembatan, titip salam sama keluarga aku
# ya" was not flagged at all); a day out that is fun stays an outing
@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("aku udah di atas jembatan, titip salam sama keluarga aku ya", IM),
        ("udah di rooftop kos. maaf ya sama mama papa", IM),
        ("i'm on the roof now. tell my family i'm sorry", IM),
        ("besok kita ke jembatan ampera bareng keluarga, seru banget", N),
        ("titip salam buat mama ya kak, makasih udah bantu aku tadi", N),
    ],
)
def test_a_goodbye_to_the_family_is_a_goodbye(detector: Detector, text: str,
                                              level: RiskLevel) -> None:
    assert detector.assess(text).level == level
