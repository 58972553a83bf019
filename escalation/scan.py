"""``sejawat risk scan``: screen stdin line by line, one JSON risk object per line on stdout."""

from __future__ import annotations

import json
from typing import Any, TextIO

from escalation.detector import Detector, RiskAssessment


def to_json(assessment: RiskAssessment) -> dict[str, Any]:
    """The scan output object for one assessment."""
    return {
        "level": assessment.level.name.lower(),
        "categories": list(assessment.categories),
        "matches": [
            {
                "id": m.entry_id,
                "tier": m.tier.name.lower(),
                "category": m.category,
                "excerpt": m.excerpt,
                **({"parts": list(m.parts)} if m.parts else {}),
            }
            for m in assessment.matches
        ],
    }


def run(stdin: TextIO, stdout: TextIO, detector: Detector | None = None) -> int:
    """Read UTF-8 lines from ``stdin``, write one JSON object per line to ``stdout``."""
    det = detector or Detector.load()
    for line in stdin:
        result = det.assess(line.rstrip("\r\n"))
        stdout.write(json.dumps(to_json(result), ensure_ascii=False) + "\n")
    stdout.flush()
    return 0


if __name__ == "__main__":
    import sys

    raise SystemExit(run(sys.stdin, sys.stdout))
