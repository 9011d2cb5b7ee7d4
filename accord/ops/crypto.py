"""Passphrase encryption for backups: scrypt derives a key, AES-256-GCM seals the archive.

Layout: MAGIC, 16 bytes salt, 12 bytes nonce, ciphertext with its 16-byte tag. The whole
archive is sealed at once (AES-GCM allows up to 64 GiB; an archive is read into memory).
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

MAGIC = b"ACCORD-BACKUP-AESGCM-1\n"


class WrongPassphrase(ValueError):
    """The passphrase does not open this backup, or the backup was altered."""


def _key(passphrase: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=2**15, r=8, p=1).derive(passphrase.encode("utf-8"))


def seal(data: bytes, passphrase: str) -> bytes:
    salt, nonce = os.urandom(16), os.urandom(12)
    return MAGIC + salt + nonce + AESGCM(_key(passphrase, salt)).encrypt(nonce, data, MAGIC)


def is_sealed(data: bytes) -> bool:
    return data.startswith(MAGIC)


def unseal(data: bytes, passphrase: str) -> bytes:
    body = data[len(MAGIC) :]
    salt, nonce, ciphertext = body[:16], body[16:28], body[28:]
    try:
        return AESGCM(_key(passphrase, salt)).decrypt(nonce, ciphertext, MAGIC)
    except InvalidTag as exc:
        raise WrongPassphrase("wrong passphrase, or the backup was altered") from exc
