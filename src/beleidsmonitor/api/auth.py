"""Who is asking: an API token (Bearer), else the browser session, else anonymous.

Reads accept all three, so the web roles apply unchanged (anonymous sees published
data only). Writes take a token only: a token is an explicit per-user grant, and a
session cookie would need CSRF protection on every write.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer

from beleidsmonitor.api.tokens import user_for_key


class TokenAuth(HttpBearer):
    """Required token: the auth of every write."""

    def authenticate(self, request: HttpRequest, token: str):
        user = user_for_key(token)
        if user is None:
            raise AuthenticationError(401, "invalid or revoked API token")
        request.user = user
        return user


class ReadAuth(TokenAuth):
    """Optional token: a wrong token is refused, a missing one falls back to the session."""

    def __call__(self, request: HttpRequest):
        if request.headers.get(self.header):
            user = super().__call__(request)
            if user is None:
                raise AuthenticationError(401, "the Authorization header must be 'Bearer <key>'")
            return user
        # AnonymousUser is truthy, so ninja lets the request through as anonymous.
        return getattr(request, "user", None) or AnonymousUser()


read_auth = ReadAuth()
token_auth = TokenAuth()
