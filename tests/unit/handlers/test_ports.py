"""Handlers see the configuration and the catalogs only through handlers.ports: the real ones
fit the protocols (mypy checks the assignments below), read the same through them, and no
handler module imports bot."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import handlers
from bot.config import Config
from bot.i18n import Catalog
from handlers import ports
from tests.conftest import RESOURCES

HANDLERS = Path(handlers.__file__).resolve().parent


def test_the_real_config_is_read_the_same_through_the_ports() -> None:
    config = Config.model_validate({
        "resources": RESOURCES, "routing": {"offer_timeout": 90}, "roles": {"coordinators": "5,6"},
        "program": {"hours": [{"days": "mon,tue", "start": "8:00", "end": "16:00"}]},
        "shifts": [{"telegram_id": 7, "days": ["sat"], "start": "09:00", "end": "12:00"}],
    })
    settings: ports.Settings = config
    assert settings.routing.offer_timeout == 90
    assert settings.escalation.ack_followup == config.escalation.ack_followup
    assert settings.intake.description_min == config.intake.description_min
    assert settings.privacy.retention_days == config.privacy.retention_days
    assert list(settings.roles.coordinators) == [5, 6]
    [hours] = settings.program.hours
    assert (list(hours.days), hours.start, hours.end) == (["mon", "tue"], "08:00", "16:00")
    [shift] = settings.shifts
    assert (shift.telegram_id, list(shift.days), shift.start) == (7, ["sat"], "09:00")


def test_the_real_catalog_renders_through_the_port() -> None:
    catalog: ports.Catalog = Catalog(["id", "en"], "id", "Sejawat", {})
    assert catalog.default == "id"
    assert catalog.language_for("en-US") == "en"
    assert catalog.language_for(None) == "id"
    assert "Sejawat" in catalog.render("en", "help-general")


@pytest.mark.parametrize("path", sorted(HANDLERS.glob("*.py")), ids=lambda p: p.name)
def test_no_handler_module_imports_bot(path: Path) -> None:
    """import-linter says so in CI too (the contract on handlers and bot)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names]
    imported += [node.module or "" for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.level == 0]
    assert [name for name in imported if name == "bot" or name.startswith("bot.")] == []
