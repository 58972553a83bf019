"""Config loading: TOML, SEJAWAT_<SECTION>__<KEY> overrides, errors that name the key."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import load_config
from bot.errors import ConfigError

EXAMPLE = Path(__file__).resolve().parents[3] / "config.example.toml"


def test_the_example_config_is_valid_and_complete() -> None:
    config = load_config(EXAMPLE, env={})
    assert config.telegram.mode == "polling"
    assert config.database.url.startswith("sqlite+aiosqlite:///./data/")
    assert {r.contact for r in config.resources["id"]} >= {"112", "119 ext 8"}


def test_environment_overrides_any_key() -> None:
    config = load_config(EXAMPLE, env={
        "SEJAWAT_TELEGRAM__TOKEN": "123:abc",
        "SEJAWAT_TELEGRAM__WEBHOOK__PORT": "9000",
        "SEJAWAT_PROGRAM__LANGUAGES": "en",
        "SEJAWAT_PROGRAM__DEFAULT_LANGUAGE": "en",
        "SEJAWAT_RESOURCES__EN": '[{"name": "Hotline", "contact": "911"}]',
    })
    assert config.telegram.token.get_secret_value() == "123:abc"
    assert config.telegram.webhook.port == 9000
    assert config.program.languages == ["en"]
    assert config.resources["en"][0].contact == "911"


def test_observability_keys_default_off_and_come_from_the_environment() -> None:
    assert load_config(EXAMPLE, env={}).observability.model_dump() == {
        "listen_host": "127.0.0.1", "listen_port": 0, "log_format": "text"}
    config = load_config(EXAMPLE, env={"SEJAWAT_OBSERVABILITY__LOG_FORMAT": "json",
                                       "SEJAWAT_OBSERVABILITY__LISTEN_HOST": "0.0.0.0",
                                       "SEJAWAT_OBSERVABILITY__LISTEN_PORT": "9102"})
    assert config.observability.model_dump() == {
        "listen_host": "0.0.0.0", "listen_port": 9102, "log_format": "json"}


def test_config_file_from_environment_variable(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(EXAMPLE.read_text().replace('name = "Sejawat"', 'name = "SMA 1"'))
    assert load_config(None, env={"SEJAWAT_CONFIG": str(path)}).program.name == "SMA 1"


@pytest.mark.parametrize(("env", "message"), [
    ({"SEJAWAT_TELEGRAM__MODE": "push"}, "config key telegram.mode: Input should be"),
    ({"SEJAWAT_DATABASE__URL": "mysql://x"}, "config key database.url: must start with"),
    ({"SEJAWAT_PROGRAM__TIMEZONE": "Mars/Base"}, "config key program.timezone: unknown"),
    ({"SEJAWAT_PROGRAM__LANGUAGES": "fr"}, "config key program.languages"),
    ({"SEJAWAT_TELEGRAM__TOKNE": "x"}, "config key telegram.tokne: is not a known key"),
    ({"SEJAWAT_RESOURCES__ID": "[]"}, "config key resources.id: is missing"),
    ({"SEJAWAT_TELEGRAM__TOKEN": "1:a", "SEJAWAT_TELEGRAM__MODE": "webhook"},
     "config key telegram.webhook.url"),
    ({"SEJAWAT_OBSERVABILITY__LOG_FORMAT": "xml"}, "config key observability.log_format"),
    ({"SEJAWAT_TELEGRAM__MODE": "webhook", "SEJAWAT_OBSERVABILITY__LISTEN_PORT": "8443"},
     "config key observability.listen_port: must differ from telegram.webhook.port"),
    ({"SEJAWAT_TELEGRAM__TOKEN": "notatoken"}, "config key telegram.token: does not look"),
    ({"SEJAWAT_TELEGRAM__TOKEN": "1:a", "SEJAWAT_TELEGRAM__MODE": "webhook",
      "SEJAWAT_TELEGRAM__WEBHOOK__URL": "https://bot.school.example/telegram",
      "SEJAWAT_TELEGRAM__WEBHOOK__SECRET": "rahasia sekolah kita!"},
     "config key telegram.webhook.secret: may hold only letters"),
])
def test_errors_name_the_key(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace(".", r"\.")):
        load_config(EXAMPLE, env=env)


def test_with_no_config_file_the_error_says_so() -> None:
    """(a trial) `sejawat sandbox` on a fresh clone said "resources.id is missing" when the
    cause was that no config file was read at all."""
    with pytest.raises(ConfigError) as raised:
        load_config(None, env={})
    assert str(raised.value).startswith("config key resources.id: is missing")
    assert "no config file was read: pass --config config.toml" in str(raised.value)
    with pytest.raises(ConfigError) as named:  # with a file, the key alone, as before
        load_config(EXAMPLE, env={"SEJAWAT_RESOURCES__ID": "[]"})
    assert "no config file" not in str(named.value)


def test_an_empty_environment_variable_is_an_empty_value() -> None:
    """Found by an operator's trial: `SEJAWAT_TELEGRAM__TOKEN=` (as deploy/env.example ships
    it, not yet filled in) was refused as "not valid JSON"; it is an empty token: the
    sandbox runs."""
    config = load_config(EXAMPLE, env={"SEJAWAT_TELEGRAM__TOKEN": ""})
    assert config.telegram.token.get_secret_value() == ""


def test_data_key_in_the_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(EXAMPLE.read_text().replace("[privacy]", '[privacy]\ndata_key = "abc"'))
    with pytest.raises(ConfigError, match="privacy.data_key: must come from the environment"):
        load_config(path, env={})


def test_config_check_command(capsys: pytest.CaptureFixture[str],
                              monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["--config", str(EXAMPLE), "config", "check"]) == 0
    assert "valid" in capsys.readouterr().out
    monkeypatch.setenv("SEJAWAT_TELEGRAM__TRANSPORT", "telethon")
    assert main(["--config", str(EXAMPLE), "config", "check"]) == 2
    assert "config key telegram.transport" in capsys.readouterr().err
    monkeypatch.delenv("SEJAWAT_TELEGRAM__TRANSPORT")
    monkeypatch.setenv("SEJAWAT_TELEGRAM__TOKEN", "1:abc")
    monkeypatch.setenv("SEJAWAT_PRIVACY__DATA_KEY", "short")
    assert main(["--config", str(EXAMPLE), "config", "check"]) == 2
    assert "privacy.data_key is not a valid key" in capsys.readouterr().err


def test_keygen_prints_a_usable_key(capsys: pytest.CaptureFixture[str]) -> None:
    from storage.crypto import Cipher

    assert main(["keygen"]) == 0
    Cipher(capsys.readouterr().out.strip()).encrypt("ok")


def test_members_activate_lets_a_deactivated_member_back_in(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    """The way back for a team locked out of /roster: the command line."""
    from storage.crypto import generate_key

    monkeypatch.setenv("SEJAWAT_DATABASE__URL", f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite'}")
    monkeypatch.setenv("SEJAWAT_PRIVACY__DATA_KEY", generate_key())
    config = ["--config", str(EXAMPLE)]
    assert main([*config, "members", "activate", "--telegram-id", "77"]) == 1
    assert "not a member" in capsys.readouterr().out
    assert main([*config, "members", "add", "--role", "coordinator",
                 "--telegram-id", "77", "--name", "Sari"]) == 0
    assert main([*config, "members", "activate", "--telegram-id", "77"]) == 0
    assert "already active" in capsys.readouterr().out

    async def deactivate() -> None:
        from bot.admin import _store

        store, engine = await _store(load_config(EXAMPLE))
        async with store() as uow:
            member = await uow.members.by_telegram_id(77)
            assert member is not None
            member.active = False
            await uow.commit()
        await engine.dispose()

    asyncio.run(deactivate())
    assert main([*config, "members", "activate", "--telegram-id", "77"]) == 0
    assert "activated coordinator Sari" in capsys.readouterr().out
    assert main([*config, "members", "list"]) == 0
    [row] = [line for line in capsys.readouterr().out.splitlines() if "Sari" in line]
    assert " yes " in row.split("coordinator")[1][:12]
