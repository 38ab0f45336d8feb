"""The pseudonym key and the keyed codes derived from it.

Codes are HMAC-SHA256 digests so that nobody without the key can confirm a
guess ("is M-3A41C0 Jane Smith?") by hashing candidate names themselves. The
key is read from the environment or a key file and is never stored.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from pathlib import Path

from pipeline.config import AnonymiseConfig

MIN_KEY_LENGTH = 16
# Hashed under the key to tell keys apart without storing one: the same key, the same fingerprint.
FINGERPRINT_CONSTANT = "als-insight pseudonym key fingerprint v1"


class KeyMissing(RuntimeError):
    """No usable pseudonym key: the run must stop before anything is written."""


def load_key(config: AnonymiseConfig) -> bytes:
    """The key from `config.key_env`, else from `config.key_file`; never a default."""
    value = os.environ.get(config.key_env, "").strip()
    origin = f"environment variable {config.key_env}"
    if not value and config.key_file:
        path = Path(config.key_file)
        if not path.exists():
            raise KeyMissing(
                f"pseudonym key file {path} does not exist. Create one with "
                f"`als keygen --out {path}` (keep it secret and keep it: codes depend on it)."
            )
        value = path.read_text(encoding="utf-8").strip()
        origin = f"key file {path}"
    if not value:
        raise KeyMissing(
            f"no pseudonym key: set {config.key_env} or name a key file (`--key-file` or "
            "[anonymise] key_file in als.toml). Create one with `als keygen --out .als/pseudonym.key`. "
            "Nothing was written."
        )
    if len(value) < MIN_KEY_LENGTH:
        raise KeyMissing(f"the pseudonym key from {origin} is shorter than {MIN_KEY_LENGTH} characters")
    return value.encode("utf-8")


def new_key() -> str:
    return secrets.token_hex(32)


def write_new_key(path: Path) -> None:
    """Write a fresh key readable only by its owner; refuse to overwrite one."""
    if path.exists():
        raise FileExistsError(f"{path} already exists; a new key would change every code")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(new_key() + "\n", encoding="utf-8")
    path.chmod(0o600)


def _normalise_identity(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip().casefold()


class Pseudonymiser:
    """Keyed, stable codes for members, organisations and documents."""

    def __init__(self, key: bytes):
        self._key = key

    def digest(self, purpose: str, value: str) -> str:
        message = f"{purpose}\x1f{value}".encode("utf-8")
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()

    def member_code(self, email: str | None, name: str | None) -> str | None:
        identity = email or name
        if not identity:
            return None
        return "M-" + self.digest("member", _normalise_identity(identity))[:6].upper()

    def org_code(self, organisation: str | None) -> str | None:
        if not organisation:
            return None
        return "O-" + self.digest("org", _normalise_identity(organisation))[:6].upper()

    def source_digest(self, content_sha256: str) -> str:
        """Keyed form of a content hash: dedups re-runs without exposing a raw-text hash."""
        return self.digest("source", content_sha256)

    def doc_id(self, content_sha256: str) -> str:
        return "D-" + self.digest("doc", content_sha256)[:12].upper()

    def submission_ref(self, log_type: str, content_sha256: str, edit_identity: tuple[str, ...] | None) -> str:
        """The reference of a form row without a response id: "R-…" from who answered which form for
        which meeting (so an edit keeps its reference and replaces the row stored before), else
        "H-…" from its content. Keyed either way: neither confirms a guessed author or text."""
        if edit_identity is not None:
            return "R-" + self.digest("submission", "\x1f".join(edit_identity))[:12].upper()
        return "H-" + self.digest("content-ref", f"{log_type}\x1f{content_sha256}")[:12].upper()

    def term_digest(self, term: str) -> str:
        """A redacted term as the database remembers it (`als redact`): keyed, so no guess can be checked."""
        return self.digest("redacted-term", _normalise_identity(term))

    def key_fingerprint(self) -> str:
        """A keyed hash of a constant: stored in the database to recognise this key, it reveals nothing of it."""
        return self.digest("key-fingerprint", FINGERPRINT_CONSTANT)
