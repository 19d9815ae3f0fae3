"""Password hashing with argon2id and the password rule."""
from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask_babel import gettext as _

from lpks.platform.errors import ServiceError

MIN_LENGTH = 12
_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
# The test suite hashes hundreds of passwords; it may ask for argon2id with minimal cost (config
# PASSWORD_HASH_FAST, never set outside tests). Verification reads the parameters from the hash itself.
_fast_hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


def _current() -> PasswordHasher:
    from flask import current_app, has_app_context

    if has_app_context() and current_app.config.get("PASSWORD_HASH_FAST"):
        return _fast_hasher
    return _hasher


def check_password_rule(password: str, field: str = "password") -> None:
    """A password has at least 12 characters."""
    if password is None or len(password) < MIN_LENGTH:
        raise ServiceError(_("Kata sandi minimal %(minimum)s karakter.", minimum=MIN_LENGTH), field)


def hash_password(password: str) -> str:
    """The argon2id hash of a password that follows the rule."""
    check_password_rule(password)
    return _current().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Does `password` match the stored hash?"""
    try:
        return _current().verify(password_hash, password or "")
    except (VerificationError, InvalidHashError):
        return False


# A hash to compare against when the user does not exist, so timing does not reveal usernames.
DUMMY_HASH = _hasher.hash("x" * MIN_LENGTH)
