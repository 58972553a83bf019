"""Eighth detection round (2026-11-28): phenomena from holdout10's misses, each in sentences
written for this file (Indonesian slang, English, mixed, Krama Javanese, Balinese, Sundanese,
Makassar and Medan chat), with a hard negative for each. Every test asserts the level a message
gets, or a bound on it."""

from __future__ import annotations

import pytest

from escalation.detector import Detector, RiskLevel

IM, H, C, N = RiskLevel.IMMINENT, RiskLevel.HIGH, RiskLevel.CONCERN, RiskLevel.NONE

# the request every end-to-end test sends: it must stay NONE (a concern makes intake ask the
# screening questions)
E2E_REQUEST = "Aku stres banget karena ujian dan tidak bisa tidur beberapa hari ini."


def test_the_end_to_end_request_stays_none(detector: Detector) -> None:
    assert detector.assess(E2E_REQUEST).level == N, detector.assess(E2E_REQUEST)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # regional farewells at a place: Balinese "tiang pamit", "sorry mom" / "maaf ki mama"
        ("tiang di jembatan tukad bangkung mangkin. tiang pamit nggih", IM),
        ("aku udah di atap kos, aku pamit ya", IM),
        ("on the overpass near school now. sorry mom", IM),
        ("di pinggir tebing sekarang, maaf ya ma", IM),
        ("aing geus di sasak, moal balik deui ka imah", IM),
        # Krama Javanese: a poison poured, to be drunk now
        ("kulo sampun mboten kuat, racun tikus sampun kulo tuang ten gelas", IM),
        ("pemutih udah aku tuang ke gelas, sekarang mau aku minum", IM),
        # Medan / Makassar "kelar" for the end announced at a place
        ("gw udh di jembatan layang, malam ini kelar semua", IM),
        ("udah di atas jembatan, malam ini kelar semuanya", IM),
        # walking on into the sea with a time
        ("malam ini aku ke pantai, mau jalan terus ke laut", IM),
        ("tonight i'm going to the beach and walking into the sea", IM),
        # a footbridge (JPO) over a road or a toll road
        ("aku lagi berdiri di jpo atas tol, maafin aku ya ma", IM),
        ("standing on the footbridge over the highway right now. sorry mom", IM),
        # a ligature tied to a fixed point, a chair beneath, a farewell
        ("kerudung udah kuiket di kusen pintu, kursi udah di bawahnya. aku pamit ya", IM),
        ("tied my belt to the window bars, the chair is underneath. thanks for everything", IM),
        # an overdose made ready: pills, all of them, for a time
        ("obat tidur papa udah aku siapin, semuanya, buat nanti malam", IM),
        ("i've got my mom's sleeping pills ready, all of them, for tonight", IM),
        # the bare noun "suicide" with a time and everything ready (spaced letters joined)
        ("s u i c i d e tonight. everything is ready", IM),
        ("suicide tonight at 2am. everything's ready", IM),
        # an injury serious now: deep to the white, a towel soaked, blood dripping on the floor
        ("sayatan di lengan dalem bgt, keliatan putih, darahnya ga mau berhenti", IM),
        ("cut my wrist and i can see white stuff, it won't stop bleeding", IM),
        ("cutting again, the towel is soaked through", IM),
        ("abis nyilet paha, darah netes ke lantai terus", IM),
        # an abuser with the student now: back in the room, a locked door, an ex outside
        ("om aku masuk kamar aku lagi, aku takut banget", IM),
        ("stepdad came into my room again, im scared", IM),
        ("pelatih ngunci pintu ruang ganti, aku takut", IM),
        ("coach locked the door and he's in here with me, typing under the table", IM),
        ("mantan aku di depan kos bawa golok, aku ngumpet di lemari", IM),
        ("pacar gw ngamuk, dia masih di luar pintu kamar, tolong", IM),
    ],
)
def test_round8_imminent(detector: Detector, text: str, level: RiskLevel) -> None:
    assert detector.assess(text).level == level, detector.assess(text)


@pytest.mark.parametrize(
    "text",
    [
        # a means or a goodbye kept, waiting for the moment: a plan without a date
        "aku udah nyimpen tali di gudang, tinggal nunggu waktu",
        "been hiding my sleeping pills in a sock, collecting them. not sure when yet",
        "udah googling berapa butir obat tidur yang cukup. belum tau kapan",
        "aku udah nulis surat buat mama, udah siap, belum tau kapan",
        # a friend's kept means, told by the student: HIGH, a counselor is paged
        "temen gw bilang dia udh nyimpen tali di kolong kasur, katanya tinggal nunggu waktu",
        # the pull of a place: hoping a train comes, how easy it would be
        "tiap nyebrang rel aku sengaja jalan pelan, berharap keretanya lewat",
        "sometimes at the platform edge i think about how easy it would be",
        "kalo di jpo deket sekolah aku suka mikir betapa gampang kalo aku loncat",
        # looking up painless ways again and again; not deserving to live, and a way
        "tiap malem aku nyari painless ways, udah kebiasaan",
        "gue ga pantes hidup, tiap malam mikirin cara ngakhirin semuanya",
        # ongoing abuse at night, told without the words
        "ayah tiri aku suka masuk kamar tengah malam terus ngapa2in aku",
        "my uncle keeps coming into my room at night and touching me",
        # a parent's pills hidden and kept
        "i've been stashing my mom's meds in my closet. not sure when yet",
    ],
)
def test_round8_high(detector: Detector, text: str) -> None:
    assert detector.assess(text).level >= H, detector.assess(text)


def test_a_friends_kept_rope_is_high_and_third_party(detector: Detector) -> None:
    result = detector.assess("sahabatku nyimpen tali di lemari, katanya tinggal nunggu waktu")
    assert result.level == H, result
    assert result.third_party
    assert any(m.entry_id.startswith("situation.friend.") for m in result.matches)


@pytest.mark.parametrize(
    "text",
    [
        # named and humiliated day after day
        "tiap hari dikatain gendut sama anak kelas",
        "guru aku keeps humiliating me in front of everyone",
        "di sekolah diejek tiap hari soal logat aku",
        # making oneself vomit after eating
        "abis makan aku muntahin lagi, biar ga naik berat",
        "i make myself throw up after lunch",
        # sleepless for weeks
        "udah 3 minggu susah tidur, kepikiran terus",
        "insomnia berminggu-minggu, capek banget",
        # "always fine", nobody asks
        "im always fine i guess. nobody asks anyway",
    ],
)
def test_round8_concern(detector: Detector, text: str) -> None:
    assert detector.assess(text).level == C, detector.assess(text)


@pytest.mark.parametrize(
    "text",
    [
        # the end-to-end request and its neighbours: a few sleepless nights before exams
        E2E_REQUEST,
        "ga bisa tidur 2 hari karena uts",
        "minggu ini susah tidur soalnya panas banget",
        # farewells that are greetings, goodbyes at places visited for fun
        "aku pamit ya, mau les dulu",
        "tiang pamit dulu, mau ke pura",
        "maaf ya ma, aku pulang telat",
        "sorry mom i forgot the groceries",
        "di pantai sama keluarga, jalan-jalan terus ke pasar malam",
        "cliff jumping di lombok kemarin seru banget, 10 meter ke laut",
        "we went cliff jumping, leapt off the rocks into the sea, adrenaline rush",
        # "kelar" is finished, everyday
        "tugas malam ini kelar semua, lega",
        "malam ini kelar semua revisi, besok tinggal print",
        # poured into a glass, ligatures, chairs
        "sirup udah aku tuang ke gelas, sekarang mau aku minum",
        "syal udah kuiket di tas biar ga ilang",
        "spanduk udah diiket di teralis, kursi udah di bawahnya. makasih ya semua udah bantu",
        # pills kept, ordinary
        "obat tidur buat nenek ada di meja, satu butir, buat malam ini",
        "vitamin udah aku siapin semuanya buat besok",
        # waiting, no date yet
        "tiket konser udah aku simpen, tinggal nunggu waktu",
        "udah beli tali buat pramuka, belum tau kapan kemahnya",
        # trains and the tracks, easy things
        "di peron, semoga keretanya cepet dateng",
        "how easy would it be to get an a in this class",
        "nyebrang rel pelan-pelan soalnya licin",
        # wounds that are not self harm
        "luka di lengan abis jatoh dari motor, udah diobatin",
        "handuk basah ditaro di kasur, mama marah",
        # a coach, an uncle, an ex, in ordinary sentences
        "coach locked the gym door after practice, we went home",
        "om aku masuk kamar buat benerin ac",
        "mantan aku di depan kos, balikin jaket doang",
        # crowded trains, the feeling of dying of a commute
        "naik krl sore kayak mau mati, desek-desekan parah",
        "transjakarta penuh banget kayak mau mati",
        # teasing and not being asked
        "nobody asks questions in my class lol",
        "dikatain ganteng sama nenek",
        # vomiting once
        "muntah abis makan seblak level 5",
        # ways, nights, rooms in ordinary sentences
        "googled painless ways to remove a splinter",
        "bingung mikirin cara ngakhirinnya, cerpen aku kepanjangan",
        "mama sering masuk kamar aku malam2 buat matiin lampu",
        "my dad's pills are in the drawer, he takes them every morning",
    ],
)
def test_round8_ordinary_not_escalated(detector: Detector, text: str) -> None:
    assert detector.assess(text).level < H, detector.assess(text)


@pytest.mark.parametrize(
    "text",
    [
        E2E_REQUEST,
        "tiang pamit dulu, mau ke pura",
        "tugas malam ini kelar semua, lega",
        "naik krl sore kayak mau mati, desek-desekan parah",
        "cliff jumping di lombok kemarin seru banget, 10 meter ke laut",
        "ga bisa tidur 2 hari karena uts",
        "om aku masuk kamar buat benerin ac",
        "tiket konser udah aku simpen, tinggal nunggu waktu",
        "muntah abis makan seblak level 5",
        "di peron, semoga keretanya cepet dateng",
        "sorry mom i forgot the groceries",
    ],
)
def test_round8_ordinary_not_flagged(detector: Detector, text: str) -> None:
    assert detector.assess(text).level == N, detector.assess(text)


def test_a_situation_match_names_its_parts(detector: Detector) -> None:
    # a counselor sees the parts a match combined
    result = detector.assess("i've got my mom's sleeping pills ready, all of them, for tonight")
    match = result.matches[0]
    assert match.entry_id == "situation.pills_all_prepared_time"
    assert {p.split(":")[0] for p in match.parts} == {"pills", "all", "prepared", "time"}
