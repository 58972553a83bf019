"""Shared fixtures for the escalation detector tests."""

from __future__ import annotations

import pytest

from escalation.detector import Detector


@pytest.fixture(scope="session")
def detector() -> Detector:
    return Detector.load()
