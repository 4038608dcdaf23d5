"""Django settings, read from the environment.

- `DATABASE_URL`: any URL dj-database-url understands; default a SQLite file in the data
  folder (`BELEIDSMONITOR_DATA_DIR`, default `./data`).
- `DJANGO_DEBUG`: `1` (default) for development; `0` in production.
- `DJANGO_SECRET_KEY`: required when debug is off; the development key is refused then.
- `DJANGO_ALLOWED_HOSTS`: comma-separated, default `127.0.0.1,localhost`.

Static files (the app's CSS and JS, the Swagger UI of /api/docs) are served by WhiteNoise.
With debug off they are served from `STATIC_ROOT` only, compressed and with hashed names,
so `collectstatic` must have run (`beleidsmonitor serve` runs it).
"""

from __future__ import annotations

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from whitenoise.compress import Compressor

from beleidsmonitor.conf import data_dir

DEVELOPMENT_SECRET_KEY = "dev-only-beleidsmonitor-key-do-not-use-in-production"

DEBUG = os.environ.get("DJANGO_DEBUG", "1").lower() in {"1", "true", "yes", "on"}
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", DEVELOPMENT_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEVELOPMENT_SECRET_KEY:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be set to a secret value when DJANGO_DEBUG is off"
    )

ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
    if host.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "beleidsmonitor.plans",
    "beleidsmonitor.monitoring",
    "beleidsmonitor.web",
    "beleidsmonitor.reports",
    "beleidsmonitor.api",
    # Only for its bundled Swagger UI files, so /api/docs needs no CDN.
    "ninja",
    "beleidsmonitor.linking",
    "beleidsmonitor.search",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "beleidsmonitor.project.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

WSGI_APPLICATION = "beleidsmonitor.project.wsgi.application"

DEFAULT_SQLITE_URL = f"sqlite:///{data_dir() / 'beleidsmonitor.sqlite3'}"
if "DATABASE_URL" not in os.environ:
    data_dir().mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", DEFAULT_SQLITE_URL), conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = data_dir() / "static"


def storages(debug: bool) -> dict:
    """Development finds static files in the apps, no manifest needed; production serves
    the collected files, compressed and with content hashes in their names."""
    static_backend = (
        "django.contrib.staticfiles.storage.StaticFilesStorage"
        if debug
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    return {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": static_backend},
    }


STORAGES = storages(DEBUG)
# Fixed here from the environment, not from the DEBUG a test runner switches off later:
# in development WhiteNoise finds files in the apps and picks up changes; in production it
# serves what collectstatic put in STATIC_ROOT.
WHITENOISE_AUTOREFRESH = DEBUG
WHITENOISE_USE_FINDERS = DEBUG
# Source maps are fetched by browser developer tools only; compressing the 5 MB of them
# that Swagger UI and ReDoc bring would make collectstatic take twice as long.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "map")

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
