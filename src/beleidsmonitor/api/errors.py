"""The one error shape of the API: `{"detail": "<message>"}`, whatever went wrong.

Ninja's defaults differ per case (a list for 422, plain text for 405, a traceback page
for 500 in debug), so every case is mapped here and `json_errors` wraps the URL
patterns to catch the responses ninja builds outside its exception handlers.
"""

from __future__ import annotations

import functools
import logging

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from beleidsmonitor.exceptions import BeleidsmonitorError, NotFound, PlanJsonError

logger = logging.getLogger(__name__)


def error_response(status: int, message: str) -> JsonResponse:
    return JsonResponse({"detail": message}, status=status)


def _validation_message(errors: list[dict]) -> str:
    parts = []
    for error in errors:
        where = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
        parts.append(f"{where}: {error.get('msg', 'invalid')}" if where else error.get("msg", ""))
    return "; ".join(parts) or "invalid request"


def _monitoring_status(error: Exception) -> int | None:
    """The HTTP status of a refusal by a monitoring operation."""
    from beleidsmonitor.monitoring.errors import ConflictError, InvalidValues, WorkflowError

    if isinstance(error, ConflictError | WorkflowError):
        return 409  # the request is fine but does not fit the current state
    if isinstance(error, InvalidValues):
        return 422
    return None


def install(api: NinjaAPI) -> None:
    """Register the handlers that turn every exception into the one shape."""

    @api.exception_handler(ValidationError)
    def validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return error_response(422, _validation_message(exc.errors))

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        message = str(exc)
        if message == "Unauthorized":
            message = "an API token is required: send 'Authorization: Bearer <key>'"
        response = error_response(401, message)
        response["WWW-Authenticate"] = "Bearer"
        return response

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return error_response(exc.status_code, str(exc))

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return error_response(404, str(exc) or "not found")

    @api.exception_handler(PermissionDenied)
    def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return error_response(403, str(exc) or "forbidden")

    @api.exception_handler(BeleidsmonitorError)
    def known(request: HttpRequest, exc: BeleidsmonitorError) -> HttpResponse:
        if isinstance(exc, NotFound):
            return error_response(404, str(exc))
        if isinstance(exc, PermissionDenied):
            return error_response(403, str(exc))
        status = _monitoring_status(exc)
        if status is None:
            status = 422 if isinstance(exc, PlanJsonError) else 400
        return error_response(status, str(exc))

    @api.exception_handler(Exception)
    def unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
        # Logged with the traceback for the operator; the client gets no internals.
        logger.exception("API error on %s %s", request.method, request.path)
        return error_response(500, "internal server error")


def _is_json(response: HttpResponse) -> bool:
    return response.get("Content-Type", "").startswith("application/json")


def json_errors(view):
    """Rewrite an error response that is not JSON (ninja's 405, a CSRF page) as JSON."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code >= 400 and not _is_json(response):
            text = response.content.decode("utf-8", "replace").strip()
            message = (
                text if text and len(text) < 200 and "<" not in text else response.reason_phrase
            )
            fixed = error_response(response.status_code, message)
            if response.has_header("Allow"):
                fixed["Allow"] = response["Allow"]
            return fixed
        return response

    return wrapper


def not_found_view(request: HttpRequest, *args, **kwargs) -> JsonResponse:
    """Any path under /api/ that no endpoint answers."""
    return error_response(404, f"no API endpoint at {request.path}")
