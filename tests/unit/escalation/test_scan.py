"""``escalation.scan.run`` writes exactly one JSON object per input line."""

from __future__ import annotations

import io
import json

from escalation.detector import Detector
from escalation.scan import run


def test_scan_output_format(detector: Detector) -> None:
    stdin = io.StringIO("pengen mati\n\nhalo kak\nselamat tinggal semuanya 😢\n")
    stdout = io.StringIO()
    assert run(stdin, stdout, detector) == 0
    lines = stdout.getvalue().splitlines()
    assert len(lines) == 4
    objs = [json.loads(line) for line in lines]
    for obj in objs:
        assert list(obj) == ["level", "categories", "matches"]
        for match in obj["matches"]:
            assert list(match) == ["id", "tier", "category", "excerpt"]
    assert objs[0]["level"] == "high"
    assert objs[0]["matches"][0] == {
        "id": "id.want_die",
        "tier": "high",
        "category": "suicide",
        "excerpt": "pengen mati",
    }
    assert objs[1] == {"level": "none", "categories": [], "matches": []}
    assert objs[2]["level"] == "none"
    assert objs[3]["level"] == "imminent"


def test_scan_keeps_unicode() -> None:
    stdout = io.StringIO()
    run(io.StringIO("PÉNGEN mati\n"), stdout)
    assert "PÉNGEN" in stdout.getvalue()
