"""Phenomena from the second independent review: threats with stab/hit/shoot verbs, self harm by
other means, slang death wishes, "ending it" with a time, dangerous places, indirect wishes, past
attempts, and informational mentions of suicide prevention."""

from __future__ import annotations

import pytest

from escalation.detector import Detector, RiskLevel

IMM, H, C, N = RiskLevel.IMMINENT, RiskLevel.HIGH, RiskLevel.CONCERN, RiskLevel.NONE


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # 1. threats to others: harm verb + a real target (HIGH, violence)
        ("besok gw nusuk dia", H, "violence"),
        ("aku mau membacok guru itu", H, "violence"),
        ("pengen gebukin mereka sampe mati", H, "violence"),
        ("habisin aja dia malam ini", H, "violence"),
        ("I'm going to stab that kid tomorrow", H, "violence"),
        ("tomorrow i shoot them", H, "violence"),
        ("gonna hurt my teacher badly", H, "violence"),
        # 2. self harm by other means (HIGH, self_harm)
        ("aku jedotin kepala ke tembok lagi", H, "self_harm"),
        ("gue nonjok tembok sampe berdarah", H, "self_harm"),
        ("nyundut rokok ke tangan", H, "self_harm"),
        ("i bang my head on the wall when i panic", H, "self_harm"),
        ("i scratch my arms until i bleed", H, "self_harm"),
        ("i starve myself to punish myself", H, "self_harm"),
        # 3. slang death wishes
        ("pengen modar aja", H, "suicide"),
        ("mau mokad", H, "suicide"),
        ("i just want to sewerslide", H, "suicide"),
        ("thinking about ctb again", H, "suicide"),
        ("ga kuat lagi, pengen udahan aja", H, "suicide"),
        # 4. ending it with a time (IMMINENT) / without (HIGH)
        ("i'm ending things tonight", IMM, "suicide"),
        ("i'll be done with it all when my parents are away", IMM, "suicide"),
        ("i want to end things", H, "suicide"),
        ("udahin semuanya besok", IMM, "suicide"),
        # 5. dangerous places: right now (IMMINENT), as a wish (HIGH)
        ("gue di pinggir rel skrg mau lompat", IMM, "suicide"),
        ("i'm standing on the tracks right now", IMM, "suicide"),
        ("i want to walk into traffic", H, "suicide"),
        ("pengen loncat ke depan kereta", H, "suicide"),
        # 6. indirect wishes / hopelessness (CONCERN)
        ("dunia lebih baik tanpa aku", C, "suicide"),
        ("nyesel dilahirin", C, "suicide"),
        ("udah ga punya harapan lagi", C, "hopeless"),
        ("nothing will ever get better", C, "hopeless"),
        # 7. past attempts (CONCERN)
        ("dulu pernah nyilet", C, "self_harm"),
        ("i tried to overdose last year", C, "suicide"),
        ("attempted once in 9th grade", C, "suicide"),
        # 8. asking for a hotline is a help-seeking signal, not none
        ("nomor hotline bunuh diri berapa ya? buat temenku", C, "suicide"),
    ],
)
def test_phenomena(detector: Detector, text: str, level: RiskLevel, category: str) -> None:
    result = detector.assess(text)
    assert result.level is level, (text, [m.entry_id for m in result.matches])
    assert category in result.categories


@pytest.mark.parametrize(
    "text",
    [
        "makan tusuk sate",
        "nusuk jarum jahit",
        "shoot a video tomorrow",
        "we shoot hoops after school",
        "i'll take a stab at it",
        "i'll kill you lol",  # documented: "kill" + you + laugh is banter; stab/shoot stay screened
        "i'll shoot you a text tonight",
        "aku habisin semuanya besok",
        "kepala aku kebentur pintu",
        "i burned myself cooking",
        "koit mulu di game",
        "kakek aku sudah wafat",
        "i'm ending things with my boyfriend",
        "rumah aku di pinggir rel",
        "lagi di jalan tol sekarang",
        "seminar pencegahan bunuh diri di sekolah",
        "we learned about suicide prevention",
        "we watched a documentary about suicide prevention",
        "udahan yuk mainnya",
    ],
)
def test_hard_negatives(detector: Detector, text: str) -> None:
    assert detector.assess(text).level is N


def test_stab_joke_is_still_screened(detector: Detector) -> None:
    assert detector.assess("i'll stab you lol").level >= C


@pytest.mark.parametrize(
    "text",
    [
        "i'm ending it tonight jk",
        "aku mau udahin semuanya malam ini, bercanda kok",
        "aku lagi di tengah rel sekarang. cuma bercanda",
        "i'm about to walk into traffic, just kidding",
    ],
)
def test_denial_never_lowers_imminent(detector: Detector, text: str) -> None:
    assert detector.assess(text).level is IMM


def test_no_imminent_when_negated(detector: Detector) -> None:
    assert detector.assess("i will not end it tonight").level < IMM
    assert detector.assess("i'm not about to kill myself").level < IMM


def test_prevention_mask_keeps_the_rest(detector: Detector) -> None:
    assert (
        detector.assess("ada seminar pencegahan bunuh diri tapi aku pengen bunuh diri").level is H
    )


# ---- third independent review (holdout4 phenomena) -----------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # several masked letters, masks at the end, other mask symbols, a hyphen for a letter
        ("pengen b*n*h d*r*", "mau bunuh diri"),
        ("pengen m*t*", "mau mati"),
        ("aku mau bun#h diri", "aku mau bunuh diri"),
        ("pengen b_nuh d_ri", "mau bunuh diri"),
        ("mau g@ntung d!r!", "mau gantung diri"),
        ("pgn mat!", "mau mati"),
        ("mau b-nuh diri", "mau bunuh diri"),
        ("i want to k#ll mys#lf", "i want to kill myself"),
        ("i want to k-ll myself", "i want to kill myself"),
        ("i want to ki11 myself", "i want to kill myself"),
        ("wanna end my l*f*", "want to end my life"),
    ],
)
def test_masking_any_position(detector: Detector, raw: str, expected: str) -> None:
    assert detector.lexicon.normalizer.normalize(raw).text == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("*sigh* capek", "sigh capek"),
        ("aku mau ke-sekolah", "aku mau ke sekolah"),
        ("kamu!", "kamu |"),
    ],
)
def test_masking_guard_ordinary_text(detector: Detector, raw: str, expected: str) -> None:
    """Regression guard (passes before and after): emphasis, hyphens and "!" stay ordinary."""
    assert detector.lexicon.normalizer.normalize(raw).text == expected


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # a dangerous place + (clauses later) an intention to jump, a goodbye, a train's time
        ("aku udah di atap kos, capek, gak kuat lagi, mau terjun aja", IMM, "suicide"),
        ("lagi di jembatan deket sekolah. maaf ya semuanya", IMM, "suicide"),
        ("udah di lantai 15 mall, sebentar lagi lompat", IMM, "suicide"),
        (
            "i'm on the roof of the parking garage. i can't take it anymore. going to jump",
            IMM,
            "suicide",
        ),
        ("i made it to the top floor of the mall. sorry guys", IMM, "suicide"),
        ("i'm at the tracks, the train comes at 10", IMM, "suicide"),
        # means in front of me / in my hand / bought + a time or an intention
        ("pills in front of me, i'm going to take them all tonight", IMM, "suicide"),
        ("the blade is next to me and i am going to use it", IMM, "suicide"),
        ("i saved up my sleeping pills and tomorrow i'm going to take them", IMM, "suicide"),
        ("racun tikus udah di depan aku, mau aku minum semua", IMM, "suicide"),
        # self harm now / serious now
        ("abis nyilet darahnya deres bgt gak mau berhenti", IMM, "self_harm"),
        ("i cut too deep and it won't stop bleeding", IMM, "self_harm"),
        ("i'm cutting right now", IMM, "self_harm"),
        # persistent thoughts of suicide / of disappearing for good
        ("akhir2 ini sering kepikiran buat hilang selamanya", H, "suicide"),
        ("i can't stop thinking about dying", H, "suicide"),
        ("all i think about is dying lately", H, "suicide"),
        # a wish not to wake up, night after night
        ("setiap malam aku berdoa semoga gak bangun lagi", H, "suicide"),
        ("every night i hope i never wake up", H, "suicide"),
    ],
)
def test_phenomena_holdout4(detector: Detector, text: str, level: RiskLevel, category: str) -> None:
    result = detector.assess(text)
    assert result.level is level, (text, [m.entry_id for m in result.matches])
    assert category in result.categories


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # an urge resisted is CONCERN (the same urge not resisted stays HIGH)
        ("pengen banget nyilet tangan tapi aku tahan kok", C, "self_harm"),
        ("i had the urge to cut again but i gave my razor to my mom", C, "self_harm"),
        ("the urge to cut is so strong today", H, "self_harm"),
        # goodbye letters scheduled / "after that i'm done"
        ("wrote notes to my parents and scheduled them to send at 4am", IMM, "suicide"),
        ("udah nulis surat buat ayah. setelah itu aku pergi", IMM, "suicide"),
        # someone else says they will jump (HIGH, third party)
        ("temen kos aku bilang mau loncat dari jendela", H, "suicide"),
        ("my brother texted that he will jump.", H, "suicide"),
        # ongoing abuse with secrecy
        ("my stepbrother who lives with us keeps touching me at night", H, "abuse"),
        (
            "my coach who trains us after school always touches me, says nobody would believe me",
            H,
            "abuse",
        ),
        # a concrete threat with a place
        ("i know where he walks home, i want to make him pay", H, "violence"),
        ("aku tau rumah dia, besok aku hajar", H, "violence"),
        # code-mixed overdose already taken
        ("i swallowed semua pil tidur mama sekaligus", IMM, "suicide"),
        # distress signals that are CONCERN
        ("pengen kabur dari rumah, capek", C, "hopeless"),
        ("nothing's ever going to change, i'm so tired of fighting", C, "hopeless"),
    ],
)
def test_phenomena_holdout4_more(
    detector: Detector, text: str, level: RiskLevel, category: str
) -> None:
    result = detector.assess(text)
    assert result.level is level, (text, [m.entry_id for m in result.matches])
    assert category in result.categories


@pytest.mark.parametrize(
    "text",
    [
        "ugh i want to die, my crush saw me fall in the hallway",
        "malu banget pengen mati, salah kirim chat ke gebetan",
        "capek bgt pengen mati rasanya gara-gara ulangan kimia",
        "this chemistry test makes me want to die",
        "kemarin nonton drakor, ada adegan bunuh diri, aku nangis",
        "nonton video orang terjun dari gedung di tiktok",
        "lirik lagunya bilang aku ingin mati",
        "aku bunuh dia pas mabar tadi",
        "i'm gonna shoot him in valorant later",
    ],
)
def test_hard_negatives_holdout4(detector: Detector, text: str) -> None:
    assert detector.assess(text).level is N, [m.entry_id for m in detector.assess(text).matches]


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # hopelessness and a wish not to live spread over several sentences add up to HIGH
        ("I've felt so hopeless for months. Honestly I wish I was never born.", H, "suicide"),
        ("aku cuma jadi beban keluarga. kadang mending aku gak ada", H, "suicide"),
        ("I'm a burden to everyone. They'd be happier if I was dead.", H, "suicide"),
        # more wording of the same phenomena
        ("all of my meds are in front of me. i'm done", IMM, "suicide"),
        ("i've got the rope and i'm going to use it tonight", IMM, "suicide"),
        ("tonight i'm going to take every pill in the house", IMM, "suicide"),
        ("i cut and it won't stop bleeding", IMM, "self_harm"),
        ("darahnya gak berhenti2 abis nyilet, gimana ini", IMM, "self_harm"),
        ("set my goodbye messages to send at midnight. after that im done", IMM, "suicide"),
        ("i keep cutting every night", H, "self_harm"),
        ("i keep thinking about dying", H, "suicide"),
        ("I just want it all to end for good.", H, "suicide"),
        ("i want to cut but i'm holding an ice cube instead", C, "self_harm"),
    ],
)
def test_phenomena_spread_and_wording(
    detector: Detector, text: str, level: RiskLevel, category: str
) -> None:
    result = detector.assess(text)
    assert result.level is level, (text, [m.entry_id for m in result.matches])
    assert category in result.categories


def test_spread_signals_are_marked_combined(detector: Detector) -> None:
    result = detector.assess("aku putus asa. pengen ilang aja dari dunia")
    assert result.level is H
    assert result.combined


@pytest.mark.parametrize(
    "text",
    [
        "i wanna die, this is so cringe lmao",
        "bought a rope for gym class, we're going to use it tomorrow",
        "i wrote letters to my grandma and scheduled them to send on her birthday",
        "i'm on the roof fixing the antenna with my dad, sorry guys can't join",
    ],
)
def test_hard_negatives_wording(detector: Detector, text: str) -> None:
    """The cringe, letters and roof lines were HIGH or IMMINENT before; the rope line guards the
    new means rule (it passed before too)."""
    assert detector.assess(text).level < H, [m.entry_id for m in detector.assess(text).matches]


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        ("aku di atas gedung sekolah lantai 4. udah gak kuat. mau lompat", IMM, "suicide"),
        ("on top of the building now. i'm ready to let go", IMM, "suicide"),
        ("pisau udah di tangan, malam ini aku akhiri", IMM, "suicide"),
        ("i have 40 pills counted out on my desk for tonight", IMM, "suicide"),
        ("the gun is loaded and i'm going to do it tonight", IMM, "suicide"),
        ("aku udah nulis surat wasiat, malam ini aku pergi", IMM, "suicide"),
        # giving belongings away (a warning sign), not to charity
        ("i gave away all my stuff to my friends this week", H, "suicide"),
        ("aku udah bagi-bagiin barang-barang aku ke temen", H, "suicide"),
        # hopelessness + a wish not to be here, several sentences apart
        (
            "school is hard and my parents fight all the time. i feel like nothing matters. "
            "sometimes i think everyone would be better off if i wasn't here.",
            H,
            "suicide",
        ),
        ("i'm done. i don't see a future. i wish i could just disappear forever", H, "suicide"),
        # a wish not to wake up tomorrow is at least a concern
        ("i don't want to wake up tomorrow", C, "suicide"),
        ("i have the urge to self harm but i'm talking to my counselor instead", C, "self_harm"),
    ],
)
def test_phenomena_round3(detector: Detector, text: str, level: RiskLevel, category: str) -> None:
    result = detector.assess(text)
    assert result.level is level, (text, [m.entry_id for m in result.matches])
    assert category in result.categories


@pytest.mark.parametrize(
    "text",
    ["i gave away my old clothes to charity", "i don't want to wake up early tomorrow"],
)
def test_hard_negatives_round3(detector: Detector, text: str) -> None:
    """Guards for the new rules (they passed before too)."""
    assert detector.assess(text).level is N


@pytest.mark.parametrize(
    "text",
    [
        "pisau udah di tangan, mau motong ayam buat makan malam",
        "my nose is bleeding a lot and won't stop",
        "i bought a rope and tonight i'm going to use it for the tent",
        "i'm on the roof of the hotel, the view is amazing, goodbye stress lol",
    ],
)
def test_no_false_escalation_everyday_means(detector: Detector, text: str) -> None:
    """Everyday knives, nosebleeds, ropes and rooftops (the first two were IMMINENT before)."""
    assert detector.assess(text).level < H, [m.entry_id for m in detector.assess(text).matches]


def test_means_in_hand_still_imminent(detector: Detector) -> None:
    assert detector.assess("silet udah di tangan, aku mau nyayat sekarang").level is IMM


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("lantai 10", "lantai 10"), ("jam 11 malam", "jam 11 malam"), ("kelas 11", "kelas 11")],
)
def test_numbers_are_not_read_as_letters(detector: Detector, raw: str, expected: str) -> None:
    """Regression: the second leet reading (1 -> l) applies only to tokens with a letter
    ("10" once became "lo" -> kamu)."""
    assert detector.lexicon.normalizer.normalize(raw).text == expected


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        ("otw lompat dari jembatan", IMM, "suicide"),
        ("udh di lantai 10, pengen terjun dr sini", IMM, "suicide"),
        ("i've scheduled an email to my parents for 6am. by then it'll be over", IMM, "suicide"),
        ("obat udah kukumpulin 2 bulan, malam ini aku telan semua", IMM, "suicide"),
        ("doa tiap malem biar gak bangun lagi", H, "suicide"),
        ("bapak tiri aku suka masuk kamar aku malem2 dan grepe2", H, "abuse"),
        ("i'm going to bring a knife and wait for him where he parks", H, "violence"),
        ("i keep relapsing, cut three times this week", H, "self_harm"),
    ],
)
def test_phenomena_round4(detector: Detector, text: str, level: RiskLevel, category: str) -> None:
    result = detector.assess(text)
    assert result.level is level, (text, [m.entry_id for m in result.matches])
    assert category in result.categories


@pytest.mark.parametrize(
    "text",
    [
        "lagi di lantai 12 mall, mau lompat ke wahana trampolin",
        "aku nyilet kertas buat prakarya, jariku berdarah dikit",
        "om aku yang tinggal di rumah selalu pegang hp aku",
    ],
)
def test_no_false_escalation_everyday_id(detector: Detector, text: str) -> None:
    """These were IMMINENT / HIGH before (older entries read them too eagerly)."""
    assert detector.assess(text).level < H, [m.entry_id for m in detector.assess(text).matches]


@pytest.mark.parametrize(
    "text",
    [
        "kucing aku lompat dari atap, untung gak apa2",
        "i wanna die laughing lol",
        "pengen mati aja rasanya, PR numpuk banget wkwk",
        "my mom took all my pills away because i keep forgetting them",
        "aku lagi di pinggir rel nungguin kereta lewat buat foto",
        "temen aku katanya mau bunuh diri di game among us wkwk",
    ],
)
def test_no_false_escalation_round5(detector: Detector, text: str) -> None:
    """All were HIGH or IMMINENT before."""
    assert detector.assess(text).level < H, [m.entry_id for m in detector.assess(text).matches]


@pytest.mark.parametrize(
    "text",
    [
        "i took all the pills. i feel fine now, it will be over soon",
        "i took all my pills away from my sister and swallowed them",
    ],
)
def test_overdose_not_masked_by_everyday_idioms(detector: Detector, text: str) -> None:
    """Guards that the everyday idioms never hide an overdose (passed before too)."""
    assert detector.assess(text).level >= H


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # long messages with the risk buried in ordinary news
        (
            "ok so today was kinda whatever. class, lunch, gym. my parents are away this weekend "
            "so i'll have the house to myself. i've got everything ready. thanks for always being "
            "there",
            IMM,
        ),
        (
            "gatau deh, capek. tadi abis ribut sama ortu lagi. udah lah, malem ini gue mau ke "
            "jembatan deket rumah, pengen liat sungai terakhir kali",
            IMM,
        ),
        (
            "sorry for the rant. school sucks, my dad yelled again. anyway i have a bottle of his "
            "pills in my room and i'm going to take all of them after everyone sleeps",
            IMM,
        ),
        ("i'm writing this from the rooftop of my apartment. i just wanted someone to know", IMM),
        ("kak, aku lagi di jembatan sekarang. aku cuma mau bilang makasih ya", IMM),
        ("i've been giving my stuff away, said bye to my dog, wrote something for my mom", H),
        (
            "lately i feel like a ghost. i go to class, i come home, i lie in bed. i keep thinking "
            "it would be easier if i just wasn't alive anymore",
            H,
        ),
    ],
)
def test_buried_in_long_messages(detector: Detector, text: str, level: RiskLevel) -> None:
    result = detector.assess(text)
    assert result.level is level, (text, [m.entry_id for m in result.matches])


def test_ready_for_a_trip_is_not_a_plan(detector: Detector) -> None:
    """Guard for the new 'everything ready + thanks' rule (passed before too)."""
    text = "i've got everything ready for the trip, thanks for helping me pack!"
    assert detector.assess(text).level is N


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("downed like half a bottle of advil an hour ago, stomach hurts", IMM),
        ("s i l e t  u d a h  d i  t a n g a n. m a u  s e k a r a n g", IMM),
        ("pulang les nanti aku mau gantung d!r!, talinya udah ada", IMM),
        ("i left a note on my desk for my parents. i won't be here when they wake up", IMM),
        ("im in the bathroom with a razor and i'm going to do it now", IMM),
        ("rope's tied to the ceiling fan. just waiting for my brother to leave", IMM),
        ("aku udah nyari cara bunuh diri di google", H),
        ("been looking up how many pills it takes to die", H),
        ("tiap hari kepikiran gimana caranya mati", H),
        ("i'm gonna beat that kid with a bat after school", H),
    ],
)
def test_phenomena_round6(detector: Detector, text: str, level: RiskLevel) -> None:
    result = detector.assess(text)
    assert result.level is level, (text, [m.entry_id for m in result.matches])


def test_two_spaced_letters_next_to_a_spaced_word(detector: Detector) -> None:
    normalize = detector.lexicon.normalizer.normalize
    assert normalize("u d a h  d i  t a n g a n").text == "sudah di tangan"


@pytest.mark.parametrize(
    "text",
    [
        "i'm at the bridge with my camera, the sunset is so pretty, bye guys",
        "udah di rel kereta buat sesi foto prewed kakak, keretanya lewat jam 5",
        "i keep thinking about death since grandma passed, i miss her so much",
        "temenku bilang mau loncat dari papan loncat di kolam renang",
        "tali udah aku ikat di tiang bendera buat upacara besok",
        "aku udah siap semua. makasih buat semuanya ya, sampai ketemu di sekolah",
        "the rope is tied to the ceiling for the aerial yoga class",
    ],
)
def test_no_false_escalation_round7(detector: Detector, text: str) -> None:
    """Photo spots, grief, diving boards, flag ropes, see-you thanks: all HIGH+ before this step
    (several by rules of this round)."""
    assert detector.assess(text).level < H, [m.entry_id for m in detector.assess(text).matches]


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # online slang for suicide, in both languages
        ("i'm gonna rope", H),
        ("gonna rope tonight", IMM),
        ("i want to yeet myself off a bridge", H),
        ("i want to delete myself", H),
        ("gonna take a permanent nap", H),
        ("pengen jadi almarhum aja", H),
        ("capek idup pengen rest in peace aja", H),
        ("pengen ketabrak truk aja", H),
        ("pengen ngilang dari bumi selamanya", H),
        # and their everyday uses
        ("i want to rope in my friends for the project", N),
        ("my phone is gonna rip", N),
        ("i want to delete myself from the group chat", N),
    ],
)
def test_online_slang(detector: Detector, text: str, level: RiskLevel) -> None:
    result = detector.assess(text)
    assert result.level is level, (text, [m.entry_id for m in result.matches])


@pytest.mark.parametrize(
    "text",
    [
        "i'm hopeless at cooking lol, i just want to disappear into my bed",
        "i'm a burden to my group project lol, they'd be better off without me honestly",
        "all i think about is dying my hair pink",
        "i can't stop thinking about death metal concerts",
        "my dad keeps touching my stuff and says no one will believe me that he lost it",
        "pengen banget nonjok dia, aku tau rumahnya, tapi gak akan kok",
        "nulis surat buat pacar, dijadwalin kirim jam 12 malem pas ultahnya, abis itu aku tidur",
        "wrote letters to my friends before moving abroad. scheduled them to send at midnight",
    ],
)
def test_no_false_escalation_round8(detector: Detector, text: str) -> None:
    """Banter with a laugh, hair dye, death metal, 'touching my stuff', a threat taken back,
    birthday letters: all HIGH or IMMINENT by this round's first rules."""
    assert detector.assess(text).level < H, [m.entry_id for m in detector.assess(text).matches]


@pytest.mark.parametrize(
    "text",
    [
        "temenku bilang mau loncat dari atap ke kolam renang hotel",
        "i have everything ready. thanks for always being there for me, see you at graduation",
        "i keep thinking it would be easier if i just wasn't in this class",
        "obat tidur di depan aku, dokter bilang minum 1 aja malam ini",
        "tali jemuran udah aku pasang di kamar",
        "my friend said he's going to jump, the parachute is ready lol skydiving",
    ],
)
def test_no_false_escalation_round9(detector: Detector, text: str) -> None:
    """Pool jumps, skydiving, a graduation thank-you, a class, a prescribed dose, a clothesline:
    all HIGH or IMMINENT before this step."""
    assert detector.assess(text).level < H, [m.entry_id for m in detector.assess(text).matches]


def test_jump_into_a_river_is_not_a_sport(detector: Detector) -> None:
    assert detector.assess("aku mau lompat dari jembatan ke sungai").level >= H


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("mukul-mukulin", "pukul"), ("nyilet-nyiletin", "silet"), ("mati-matian", "mati-matian")],
)
def test_hyphenated_reduplicated_verbs_are_stemmed(
    detector: Detector, raw: str, expected: str
) -> None:
    assert detector.lexicon.normalizer.normalize(raw).text == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("wanna d13", "want to die"), ("i want to 3nd it all", "i want to end it all")],
)
def test_leet_number_words_that_mean_a_target(detector: Detector, raw: str, expected: str) -> None:
    """Number+letter tokens ("3x", "20mg") stay as they are, unless they spell a mask target."""
    assert detector.lexicon.normalizer.normalize(raw).text == expected
    assert detector.lexicon.normalizer.normalize("minum 3x sehari 500mg").text == (
        "minum 3x sehari 500mg"
    )
