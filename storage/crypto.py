"""Encryption at rest for free text (descriptions, chat messages, inbox/outbox payloads).

Fernet (AES-128-CBC + HMAC-SHA256) from ``cryptography``; several comma-separated keys allow
rotation: the first encrypts, all decrypt.
"""

from __future__ import annotations

import json
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from flows.errors import SejawatError


class DataKeyError(SejawatError):
    """The encryption key is missing, malformed, or not the one the data was written with."""

KEY_ENV = "SEJAWAT_PRIVACY__DATA_KEY"


def to_json(value: Any) -> str:
    """The JSON text ``encrypt_json`` encrypts."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def generate_key() -> str:
    return Fernet.generate_key().decode("ascii")


class Cipher:
    def __init__(self, keys: str) -> None:
        parts = [part.strip() for part in keys.split(",") if part.strip()]
        if not parts:
            raise DataKeyError(
                f"privacy.data_key is missing: set {KEY_ENV} (make one with `sejawat keygen`)"
            )
        try:
            self._fernet = MultiFernet([Fernet(part.encode("ascii")) for part in parts])
        except (ValueError, UnicodeEncodeError) as exc:
            raise DataKeyError(
                "privacy.data_key is not a valid key: it must be 32 url-safe base64-encoded "
                "bytes, as printed by `sejawat keygen`"
            ) from exc

    def encrypt(self, text: str) -> bytes:
        return self._fernet.encrypt(text.encode("utf-8"))

    def decrypt(self, token: bytes) -> str:
        try:
            return self._fernet.decrypt(token).decode("utf-8")
        except InvalidToken as exc:
            raise DataKeyError(
                "privacy.data_key does not match the key this data was encrypted with"
            ) from exc

    def encrypt_json(self, value: Any) -> bytes:
        return self.encrypt(to_json(value))

    def decrypt_json(self, token: bytes) -> Any:
        return json.loads(self.decrypt(token))
