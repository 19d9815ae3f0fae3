"""Password hashing with argon2id and the password rule."""
from __future__ import annotations

import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask_babel import gettext as _
from zxcvbn import zxcvbn

from lpks.platform.errors import ServiceError

MIN_LENGTH = 12
MAX_LENGTH = 200  # the login form's limit: a longer password could be set but never typed in
MIN_SCORE = 3  # zxcvbn: 3 = "safely unguessable" for an online attack with throttling
ESTIMATE_LENGTH = 72  # zxcvbn refuses longer input (its cost grows with the length)
# Words the English dictionaries of zxcvbn miss and a password here is likely to lean on.
COMMON_WORDS = ("lpks", "kemensos", "dinsos", "sosial", "rahasia", "katasandi", "sandi", "indonesia", "merdeka",
                "bismillah", "sayang", "jakarta")
_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
# The test suite hashes hundreds of passwords; it may ask for argon2id with minimal cost (config
# PASSWORD_HASH_FAST, never set outside tests). Verification reads the parameters from the hash itself.
_fast_hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


def _current() -> PasswordHasher:
    from flask import current_app, has_app_context

    if has_app_context() and current_app.config.get("PASSWORD_HASH_FAST"):
        return _fast_hasher
    return _hasher


def check_password_rule(password: str, field: str = "password", username: str | None = None,
                        label: str | None = None) -> None:
    """A password has 12 to 200 characters, does not contain the username, and is not guessable: the zxcvbn
    estimate (offline, ASVS 2.1.7) is at least 3 of 4 (`aaaaaaaaaaaa` and `password1234` are refused)."""
    label = label or _("Kata sandi")
    if password is None or len(password) < MIN_LENGTH:
        raise ServiceError(_("%(label)s minimal %(minimum)s karakter.", label=label, minimum=MIN_LENGTH), field)
    if len(password) > MAX_LENGTH:
        raise ServiceError(_("%(label)s paling banyak %(maximum)s karakter.", label=label, maximum=MAX_LENGTH), field)
    name = (username or "").strip().lower()
    if len(name) >= 3 and name in password.lower():
        raise ServiceError(_("%(label)s tidak boleh memuat nama pengguna.", label=label), field)
    hints = [*COMMON_WORDS, *(part for part in re.split(r"[._-]", name) if len(part) >= 3)]
    # zxcvbn reads at most 72 characters (its own limit); the first 72 of a longer password must be strong already.
    score = zxcvbn(password[:ESTIMATE_LENGTH], user_inputs=hints)["score"]
    if score < MIN_SCORE:
        raise ServiceError(_("%(label)s terlalu mudah ditebak (kekuatan %(score)s dari 4, minimal %(minimum)s): "
                             "hindari kata umum, nama, urutan dan pengulangan; pakai beberapa kata yang tidak saling "
                             "berhubungan.", label=label, score=score,
                             minimum=MIN_SCORE), field)


def hash_password(password: str, username: str | None = None, field: str = "password",
                  label: str | None = None) -> str:
    """The argon2id hash of a password that follows the rule."""
    check_password_rule(password, field, username, label)
    return _current().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Does `password` match the stored hash?"""
    try:
        return _current().verify(password_hash, password or "")
    except (VerificationError, InvalidHashError):
        return False


# A hash to compare against when the user does not exist, so timing does not reveal usernames.
DUMMY_HASH = _hasher.hash("x" * MIN_LENGTH)
