"""Fixtures for the model-based test (the template and world fixtures are in tests/conftest.py:
the in-process whole-program tests elsewhere use them too)."""

from __future__ import annotations

import pytest


@pytest.fixture
def model_postgres(postgres_url: str) -> str:
    """A fresh PostgreSQL database for the model test (skipped with the reason when there is
    no server, required in CI)."""
    return postgres_url
