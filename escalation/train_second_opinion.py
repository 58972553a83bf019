"""Train, check and measure the second opinion (``escalation/second_opinion.py``) offline.

Needs scikit-learn (the ``dev`` extra); the bot never imports this module.

``python -m escalation.train_second_opinion train``
    cross-validates on every labelled set developed so far (``TRAIN_DIRS``: ``eval`` and
    ``holdout`` .. ``holdout10``, named one by one; ``holdout11`` is never read here), repeated
    stratified 5-fold: picks the regularization and the confidence threshold (the lowest
    probability at which, out of fold, at most ``TARGET_FA`` of the *none* messages would be
    flagged, never below 0.5), reports out-of-fold figures (the classifier alone, and what a
    raise would add to the detector: the detector's levels are fixed, only the classifier is
    out of fold), fits on all of it and writes ``escalation/second_opinion.json``.
``python -m escalation.train_second_opinion compare DIR [DIR ...]``
    the detector alone vs the detector plus the second opinion (a final *none* raised to
    *concern* when the model is confident; nothing else changes), each folder and pooled. Every
    labelled set but ``holdout11`` is training data now: only a set the model never saw tells.
``python -m escalation.train_second_opinion cost``
    the mean time of one second-opinion score over the training messages, next to the
    detector's.

Target: any risk (concern, high or imminent) vs none. The second opinion only ever answers
"is there anything here a counselor should see?", and the high/imminent examples are the bulk of
the risk language in the set; training on concern vs none alone would throw two thirds of it
away.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import statistics
import sys
import time
import warnings
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
from sklearn.feature_selection import SelectKBest
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import RepeatedStratifiedKFold
from sklearn.pipeline import Pipeline

from escalation.detector import Detector, RiskLevel
from escalation.evaluate import (
    EVAL_DIR,
    LEVELS,
    Example,
    Report,
    format_report,
    load_examples,
)
from escalation.second_opinion import MODEL_PATH, SecondOpinion

HERE = pathlib.Path(__file__).parent
# Named one by one (round 8, 2026-11-28): every labelled set developed so far. holdout11 is the
# blind set of round 8 and is never read here.
TRAIN_DIRS = [
    EVAL_DIR,
    *(HERE / name for name in ("holdout", "holdout2", "holdout3", "holdout4", "holdout5")),
    *(HERE / name for name in ("holdout6", "holdout7", "holdout8", "holdout9", "holdout10")),
]
NGRAM_RANGE = (2, 4)
MAX_FEATURES = 3000
MIN_DF = 2
C_GRID = (1.0, 3.0, 10.0, 30.0)
TARGET_FA = 0.01
MIN_THRESHOLD = 0.5
SPLITS, REPEATS, SEED = 5, 4, 13


def document_frequency(x: Any, y: Any = None) -> np.ndarray[Any, Any]:
    """How many messages each n-gram occurs in: whole numbers, the same on every machine."""
    return np.asarray((x > 0).sum(axis=0)).ravel().astype(np.float64)


def make_pipeline(c: float) -> Pipeline:
    """Character n-gram counts; the MAX_FEATURES n-grams in the most messages (ties in
    alphabetical order); tf-idf over those; logistic regression. Not TfidfVectorizer's own
    ``max_features``: it breaks ties with an unstable argsort whose order depends on the CPU's
    vector instructions, so the same data gave a different model on another machine.
    SelectKBest sorts stably; TfidfTransformer then weighs and normalizes the kept n-grams
    exactly as TfidfVectorizer would (so the pure-Python scorer stays equal)."""
    return Pipeline(
        [
            (
                "count",
                CountVectorizer(
                    analyzer="char_wb",
                    ngram_range=NGRAM_RANGE,
                    lowercase=True,
                    min_df=MIN_DF,
                    dtype=np.float64,
                ),
            ),
            ("top", SelectKBest(document_frequency, k=MAX_FEATURES)),
            ("tfidf", TfidfTransformer(sublinear_tf=True)),
            ("model", LogisticRegression(C=c, max_iter=5000, class_weight="balanced")),
        ]
    )


def targets(examples: Sequence[Example]) -> np.ndarray[Any, np.dtype[np.int_]]:
    return np.array([int(e.level is not RiskLevel.NONE) for e in examples])


def out_of_fold(texts: list[str], y: np.ndarray[Any, Any], c: float) -> list[np.ndarray[Any, Any]]:
    """One array of out-of-fold probabilities per repeat."""
    folds = RepeatedStratifiedKFold(n_splits=SPLITS, n_repeats=REPEATS, random_state=SEED)
    runs = [np.zeros(len(texts)) for _ in range(REPEATS)]
    for i, (train, test) in enumerate(folds.split(texts, y)):
        with warnings.catch_warnings():  # a fold with fewer n-grams than MAX_FEATURES keeps
            warnings.filterwarnings(  # them all, as max_features would (said once, here)
                "ignore", message=r"k=\d+ is greater than n_features", category=UserWarning)
            pipe = make_pipeline(c).fit([texts[j] for j in train], y[train])
        runs[i // SPLITS][test] = pipe.predict_proba([texts[j] for j in test])[:, 1]
    return runs


def pick_threshold(runs: list[np.ndarray[Any, Any]], y: np.ndarray[Any, Any]) -> float:
    """The lowest threshold whose mean out-of-fold false-flag rate on none is <= TARGET_FA."""
    return _threshold_at(runs, y, TARGET_FA)


def _threshold_at(
    runs: list[np.ndarray[Any, Any]], y: np.ndarray[Any, Any], target: float
) -> float:
    none = y == 0
    candidates = sorted({float(p) for run in runs for p in run[none]} | {MIN_THRESHOLD})
    for t in candidates:
        if t < MIN_THRESHOLD:
            continue
        fa = statistics.fmean(float(np.mean(run[none] >= t)) for run in runs)
        if fa <= target:
            return t
    return 1.0


def rates(runs: list[np.ndarray[Any, Any]], y: np.ndarray[Any, Any], t: float) -> tuple[float, ...]:
    """Mean out-of-fold (false flags on none, recall of risk) at threshold ``t``."""
    fa = statistics.fmean(float(np.mean(run[y == 0] >= t)) for run in runs)
    rec = statistics.fmean(float(np.mean(run[y == 1] >= t)) for run in runs)
    return fa, rec


def export(pipe: Pipeline, threshold: float) -> dict[str, Any]:
    count: CountVectorizer = pipe.named_steps["count"]
    top: SelectKBest = pipe.named_steps["top"]
    tfidf: TfidfTransformer = pipe.named_steps["tfidf"]
    model: LogisticRegression = pipe.named_steps["model"]
    weights = model.coef_[0]
    kept = {int(j): k for k, j in enumerate(top.get_support(indices=True))}
    features = {
        gram: [float(tfidf.idf_[kept[j]]), float(weights[kept[j]])]
        for gram, j in sorted(count.vocabulary_.items())
        if j in kept
    }
    return {
        "about": "escalation/second_opinion.py; trained by escalation/train_second_opinion.py "
        "on escalation/eval and holdout..holdout10 (any risk vs none)",
        "ngram_range": list(NGRAM_RANGE),
        "C": float(model.C),
        "threshold": threshold,
        "intercept": float(model.intercept_[0]),
        "features": features,
    }


def training_examples() -> list[Example]:
    """Every labelled message the second opinion may learn from (never holdout11)."""
    assert all(d.name != "holdout11" for d in TRAIN_DIRS)
    return [e for d in TRAIN_DIRS for e in load_examples(d)]


def raises(
    runs: list[np.ndarray[Any, Any]], examples: Sequence[Example], levels: Sequence[RiskLevel],
    t: float,
) -> tuple[float, float, float, float]:
    """Mean out-of-fold effect of the raise on the detector (its levels fixed): risk messages
    it calls none that would be raised, none messages it calls none that would be raised, and
    any-flag on none alone and with the raise."""
    gold_none = np.array([e.level is RiskLevel.NONE for e in examples])
    det_none = np.array([lvl is RiskLevel.NONE for lvl in levels])
    missed, clean = det_none & ~gold_none, det_none & gold_none
    caught = statistics.fmean(float(np.sum(run[missed] >= t)) for run in runs)
    added = statistics.fmean(float(np.sum(run[clean] >= t)) for run in runs)
    fa_alone = float(np.mean(~det_none[gold_none]))
    fa_with = fa_alone + added / float(np.sum(gold_none))
    return caught, added, fa_alone, fa_with


def train(out: pathlib.Path = MODEL_PATH) -> dict[str, Any]:
    examples = training_examples()
    texts, y = [e.text for e in examples], targets(examples)
    detector = Detector.load(second_opinion=False)
    levels = [detector.assess(text).level for text in texts]
    missed = sum(1 for e, lvl in zip(examples, levels, strict=True)
                 if lvl is RiskLevel.NONE and e.level is not RiskLevel.NONE)
    print(f"training: {len(texts)} messages from {len(TRAIN_DIRS)} sets, {int(y.sum())} with "
          f"risk, {int((y == 0).sum())} none; the detector calls {missed} risk messages none")
    best: tuple[float, float, float, float] | None = None  # (recall, -c, c, threshold)
    for c in C_GRID:
        runs = out_of_fold(texts, y, c)
        t = pick_threshold(runs, y)
        fa, rec = rates(runs, y, t)
        caught, added, fa_alone, fa_with = raises(runs, examples, levels, t)
        print(f"C={c:<5} threshold={t:.3f}  out-of-fold: false flags on none {fa:.3f}, "
              f"risk recall {rec:.3f}; raised {caught:.1f}/{missed} detector misses and "
              f"{added:.1f} none, any-flag on none {fa_alone:.3f} -> {fa_with:.3f}")
        for other in (0.02, 0.03, 0.05):  # reported, not used to choose
            t2 = _threshold_at(runs, y, other)
            fa2, rec2 = rates(runs, y, t2)
            caught2, added2, _, fa_with2 = raises(runs, examples, levels, t2)
            print(f"    (at <= {other:.0%} false flags: threshold {t2:.3f}, risk recall "
                  f"{rec2:.3f}, raised {caught2:.1f} misses and {added2:.1f} none, any-flag "
                  f"{fa_with2:.3f})")
        if best is None or (rec, -c) > (best[0], best[1]):
            best = (rec, -c, c, t)
    assert best is not None
    _, _, c, t = best
    pipe = make_pipeline(c).fit(texts, y)
    data = export(pipe, t)
    out.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"chose C={c}, threshold={t:.4f}; wrote {out} ({out.stat().st_size // 1024} KB, "
          f"{len(data['features'])} n-grams)")
    return data


class Opinion(Protocol):
    def confident(self, text: str) -> bool: ...


def load_model_data(path: pathlib.Path = MODEL_PATH) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def with_second_opinion(level: RiskLevel, text: str, opinion: Opinion) -> RiskLevel:
    """The rule under test: only a final none can be raised, and only to concern."""
    if level is RiskLevel.NONE and opinion.confident(text):
        return RiskLevel.CONCERN
    return level


def _row(name: str, rep: Report) -> str:
    concern = rep.recall(RiskLevel.CONCERN)
    flagged = set(LEVELS) - {RiskLevel.NONE}
    risk_recall = _ratio(rep.count(flagged, flagged), rep.count(flagged, set(LEVELS)))
    return (
        f"{name:24}{rep.total:>5}{rep.accuracy:>8.3f}{concern:>9.3f}{risk_recall:>9.3f}"
        f"{rep.recall_high_imminent:>9.3f}{rep.false_escalation_none:>7.3f}"
        f"{rep.false_alarm_none:>7.3f}"
    )


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def compare(folders: Sequence[pathlib.Path], verbose: bool) -> None:
    detector, opinion = Detector.load(second_opinion=False), SecondOpinion.load()
    print(f"threshold {opinion.threshold:.4f}")
    header = (f"{'set / way':24}{'n':>5}{'acc':>8}{'conc-R':>9}{'risk-R':>9}{'hi+im-R':>9}"
              f"{'FE':>7}{'FA':>7}")
    print(header)
    pooled_alone, pooled_with = Report(), Report()
    alone_flags: list[tuple[int, int, int, int]] = []
    for folder in [*folders, None]:
        if folder is None:
            name, alone, withso = "pooled", pooled_alone, pooled_with
        else:
            name = folder.name
            alone, withso = Report(), Report()
            tp = fp = risk = none = 0
            for ex in load_examples(folder):
                level = detector.assess(ex.text).level
                raised = with_second_opinion(level, ex.text, opinion)
                for rep, lvl in ((alone, level), (withso, raised),
                                 (pooled_alone, level), (pooled_with, raised)):
                    rep.add(ex, lvl)
                sure = opinion.confident(ex.text)
                if ex.level is RiskLevel.NONE:
                    none, fp = none + 1, fp + sure
                else:
                    risk, tp = risk + 1, tp + sure
                if raised is not level:
                    print(f"  raised: gold={ex.level.name.lower():8} "
                          f"p={opinion.probability(ex.text):.3f} [{folder.name}] {ex.text}")
            alone_flags.append((tp, risk, fp, none))
        print(_row(f"{name} detector", alone))
        print(_row(f"{name} +2nd opinion", withso))
        if verbose:
            print(format_report(alone), "\n", format_report(withso), sep="\n")
    tp, risk, fp, none = (sum(col) for col in zip(*alone_flags, strict=True))
    print(f"the classifier on its own (pooled): flags {tp}/{risk} risk messages, "
          f"{fp}/{none} none messages")


def cost(rounds: int = 5) -> None:
    detector, opinion = Detector.load(second_opinion=False), SecondOpinion.load()
    texts = [e.text for e in training_examples()]
    for text in texts:  # warm up
        opinion.probability(text)
        detector.assess(text)
    for name, fn in (("second opinion", opinion.probability), ("detector", detector.assess)):
        per: list[float] = []
        for _ in range(rounds):
            start = time.perf_counter()
            for text in texts:
                fn(text)
            per.append((time.perf_counter() - start) / len(texts) * 1e6)
        print(f"{name:16} mean {statistics.fmean(per):7.1f} µs/message "
              f"(best round {min(per):.1f}, {rounds} rounds x {len(texts)} messages)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m escalation.train_second_opinion")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("train")
    cmp = sub.add_parser("compare")
    cmp.add_argument("folders", nargs="+", type=pathlib.Path)
    cmp.add_argument("-v", "--verbose", action="store_true", help="the full reports too")
    sub.add_parser("cost")
    args = parser.parse_args(argv)
    if args.command == "train":
        train()
    elif args.command == "compare":
        compare(args.folders, args.verbose)
    else:
        cost()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
