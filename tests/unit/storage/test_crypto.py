from __future__ import annotations

import pytest

from bot.errors import DataKeyError
from storage.crypto import Cipher, generate_key


def test_round_trip_and_no_plaintext_in_token() -> None:
    cipher = Cipher(generate_key())
    token = cipher.encrypt("rahasia: aku sedih")
    assert b"sedih" not in token
    assert cipher.decrypt(token) == "rahasia: aku sedih"
    assert cipher.decrypt_json(cipher.encrypt_json({"a": "ü"})) == {"a": "ü"}


@pytest.mark.parametrize(("key", "message"), [
    ("", "privacy.data_key is missing"),
    ("not-a-key", "privacy.data_key is not a valid key"),
])
def test_bad_keys_are_clear_errors(key: str, message: str) -> None:
    with pytest.raises(DataKeyError, match=message):
        Cipher(key)


def test_wrong_key_is_a_clear_error() -> None:
    token = Cipher(generate_key()).encrypt("x")
    with pytest.raises(DataKeyError, match="does not match"):
        Cipher(generate_key()).decrypt(token)
