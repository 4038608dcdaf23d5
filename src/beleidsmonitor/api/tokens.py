"""Making and checking API tokens."""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth import get_user_model
from django.utils import timezone

from beleidsmonitor.api.models import ApiToken
from beleidsmonitor.exceptions import NotFound

KEY_PREFIX = "bm_"


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_token(username: str, name: str = "") -> tuple[ApiToken, str]:
    """A new token for a user; the key is returned here and never again."""
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise NotFound(f"no user {username!r}")
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, key_hash=hash_key(key), prefix=key[: len(KEY_PREFIX) + 6], name=name
    )
    return token, key


def user_for_key(key: str):
    """The active user a key belongs to, or None; notes when the token was last used."""
    token = ApiToken.objects.select_related("user").filter(key_hash=hash_key(key)).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    # Write at most once a minute per token so reads stay reads under load.
    if token.last_used is None or (now - token.last_used).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
    return token.user
