"""Evaluate the detector on the labelled set in ``escalation/eval/*.tsv``.

``python -m escalation.evaluate`` prints per-level recall / precision / false-alarm rate, the
confusion matrix, recall of high+imminent, false escalation on the none class, concern-or-above
false alarms on none, and lists the misclassified lines.
"""

from __future__ import annotations

import csv
import pathlib
import sys
from dataclasses import dataclass, field

from escalation.detector import Detector, RiskLevel

EVAL_DIR = pathlib.Path(__file__).with_name("eval")
LEVELS = [RiskLevel.NONE, RiskLevel.CONCERN, RiskLevel.HIGH, RiskLevel.IMMINENT]


@dataclass(frozen=True)
class Example:
    text: str
    level: RiskLevel
    lang: str
    note: str
    source: str


@dataclass
class Report:
    """Confusion matrix and the derived figures."""

    confusion: dict[tuple[RiskLevel, RiskLevel], int] = field(default_factory=dict)
    errors: list[tuple[Example, RiskLevel]] = field(default_factory=list)
    total: int = 0

    def add(self, example: Example, predicted: RiskLevel) -> None:
        key = (example.level, predicted)
        self.confusion[key] = self.confusion.get(key, 0) + 1
        self.total += 1
        if predicted is not example.level:
            self.errors.append((example, predicted))

    def count(self, gold: set[RiskLevel], pred: set[RiskLevel]) -> int:
        return sum(n for (g, p), n in self.confusion.items() if g in gold and p in pred)

    def recall(self, level: RiskLevel) -> float:
        return _ratio(self.count({level}, {level}), self.count({level}, set(LEVELS)))

    def precision(self, level: RiskLevel) -> float:
        return _ratio(self.count({level}, {level}), self.count(set(LEVELS), {level}))

    def false_alarm(self, level: RiskLevel) -> float:
        """Share of examples of other levels predicted as ``level``."""
        others = set(LEVELS) - {level}
        return _ratio(self.count(others, {level}), self.count(others, set(LEVELS)))

    @property
    def recall_high_imminent(self) -> float:
        serious = {RiskLevel.HIGH, RiskLevel.IMMINENT}
        return _ratio(self.count(serious, serious), self.count(serious, set(LEVELS)))

    @property
    def false_escalation_none(self) -> float:
        serious = {RiskLevel.HIGH, RiskLevel.IMMINENT}
        none = {RiskLevel.NONE}
        return _ratio(self.count(none, serious), self.count(none, set(LEVELS)))

    @property
    def false_alarm_none(self) -> float:
        flagged = set(LEVELS) - {RiskLevel.NONE}
        none = {RiskLevel.NONE}
        return _ratio(self.count(none, flagged), self.count(none, set(LEVELS)))

    @property
    def accuracy(self) -> float:
        return _ratio(self.total - len(self.errors), self.total)


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def load_examples(eval_dir: pathlib.Path = EVAL_DIR) -> list[Example]:
    """Read every ``*.tsv`` (header: text, level, lang, note)."""
    out: list[Example] = []
    for path in sorted(eval_dir.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                level = RiskLevel[row["level"].strip().upper()]
                out.append(
                    Example(
                        row["text"], level, row.get("lang") or "", row.get("note") or "", path.name
                    )
                )
    return out


def evaluate(detector: Detector, examples: list[Example]) -> Report:
    report = Report()
    for example in examples:
        report.add(example, detector.assess(example.text).level)
    return report


def format_report(report: Report) -> str:
    names = [lvl.name.lower() for lvl in LEVELS]
    lines = [f"examples: {report.total}   accuracy: {report.accuracy:.3f}", ""]
    lines.append(f"{'level':10}{'n':>6}{'recall':>9}{'precision':>11}{'false-alarm':>13}")
    for lvl in LEVELS:
        n = report.count({lvl}, set(LEVELS))
        lines.append(
            f"{lvl.name.lower():10}{n:>6}{report.recall(lvl):>9.3f}"
            f"{report.precision(lvl):>11.3f}{report.false_alarm(lvl):>13.3f}"
        )
    lines += [
        "",
        "confusion (rows gold, columns predicted)",
        f"{'':10}" + "".join(f"{n:>10}" for n in names),
    ]
    for gold in LEVELS:
        cells = "".join(f"{report.confusion.get((gold, p), 0):>10}" for p in LEVELS)
        lines.append(f"{gold.name.lower():10}{cells}")
    lines += [
        "",
        f"recall high+imminent (pred >= high | gold >= high): {report.recall_high_imminent:.3f}",
        f"false escalation on none (pred >= high | none):    {report.false_escalation_none:.3f}",
        f"false alarm on none (pred >= concern | none):      {report.false_alarm_none:.3f}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``python -m escalation.evaluate [--second-opinion] [DIR]``: the eval set, or another
    labelled folder (e.g. ``escalation/holdout``, written after the lexicon and never tuned on).
    ``--second-opinion``: with the (not adopted) second opinion raising NONE to CONCERN; it was
    trained on eval and holdout..holdout10, so it is in-sample there."""
    args = list(argv or [])
    with_opinion = "--second-opinion" in args
    args = [a for a in args if a != "--second-opinion"]
    detector = Detector.load(second_opinion=with_opinion)
    folder = pathlib.Path(args[0]) if args else EVAL_DIR
    report = evaluate(detector, load_examples(folder))
    print(format_report(report))
    print(f"\nmisclassified ({len(report.errors)}):")
    for example, predicted in report.errors:
        print(
            f"  gold={example.level.name.lower():8} pred={predicted.name.lower():8} "
            f"[{example.lang}] {example.text}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
