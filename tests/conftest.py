"""Shared fixtures: configs, data keys, and databases (SQLite always, PostgreSQL when given)."""

from __future__ import annotations

import asyncio
import os
import secrets
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from bot.config import Config
from storage.crypto import generate_key
from tests.model.world import World, make_template

POSTGRES_ENV = "SEJAWAT_TEST_POSTGRES_URL"
REQUIRE_POSTGRES_ENV = "SEJAWAT_TEST_REQUIRE_POSTGRES"

RESOURCES = {
    "id": [{"name": "Layanan darurat", "contact": "112"},
           {"name": "Konselor sekolah", "contact": "0812-0000-0000", "note": "jam sekolah"}],
    "en": [{"name": "Emergency", "contact": "112"},
           {"name": "School counselor", "contact": "0812-0000-0000", "note": "school hours"}],
}


@pytest.fixture
def data_key() -> str:
    return generate_key()


@pytest.fixture
def make_config(tmp_path: Path, data_key: str) -> Callable[..., Config]:
    """A valid config on a fresh SQLite file; keyword sections override (deep-merged)."""

    def build(**sections: dict[str, Any]) -> Config:
        raw: dict[str, Any] = {
            "database": {"url": f"sqlite+aiosqlite:///{tmp_path / 'sejawat.sqlite3'}"},
            "privacy": {"data_key": data_key},
            "resources": RESOURCES,
            "outbox": {"per_chat_rate": 50.0, "global_rate": 200.0},
        }
        for name, values in sections.items():
            raw[name] = {**raw.get(name, {}), **values}
        config = Config.model_validate(raw)
        config.check()
        return config

    return build


def _postgres_url() -> str | None:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        if os.environ.get(REQUIRE_POSTGRES_ENV):
            pytest.fail(f"{REQUIRE_POSTGRES_ENV} is set but {POSTGRES_ENV} is not")
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV} (e.g. "
                    "postgresql+asyncpg://postgres@127.0.0.1:5432/test); not set here")
    return url


@pytest.fixture
async def postgres_url() -> AsyncIterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    import asyncpg

    base = make_url(_postgres_url() or "")
    name = f"sejawat_t_{secrets.token_hex(6)}"
    dsn = base.set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        admin = await asyncpg.connect(dsn)
    except (OSError, asyncpg.PostgresError) as exc:
        if os.environ.get(REQUIRE_POSTGRES_ENV):
            pytest.fail(f"PostgreSQL at {POSTGRES_ENV} is unreachable: {exc}")
        pytest.skip(f"PostgreSQL at {POSTGRES_ENV} is unreachable: {exc}")
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each storage test runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'storage.sqlite3'}"
    return str(request.getfixturevalue("postgres_url"))


# ---- the whole program in-process (tests/model/world.py): one migrated template database with
# the staff in it per session, copied for every world -----------------------------------------


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
