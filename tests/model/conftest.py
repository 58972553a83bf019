"""Fixtures for the model-based test and its regression tests: one migrated template database
with the staff in it per session, copied for every world."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage.crypto import generate_key
from tests.model.world import World, make_template


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("model-template")
    key = generate_key()
    return asyncio.run(make_template(folder, key)), key


@pytest.fixture
async def world(template: tuple[Path, str], tmp_path: Path) -> AsyncIterator[World]:
    path, key = template
    built = await World.create(path, tmp_path, key)
    yield built
    await built.close()


@pytest.fixture
def model_postgres(postgres_url: str) -> str:
    """A fresh PostgreSQL database for the model test (skipped with the reason when there is
    no server, required in CI)."""
    return postgres_url
