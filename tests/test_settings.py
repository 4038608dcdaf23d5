"""Settings read from the environment, checked in a fresh interpreter each time."""

import json
import os
import subprocess
import sys


def settings_in_subprocess(**env):
    code = (
        "import beleidsmonitor.project.settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.DEBUG)"
    )
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment, check=False
    )


def test_development_defaults_to_sqlite_in_the_data_folder(tmp_path):
    result = settings_in_subprocess(BELEIDSMONITOR_DATA_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.db.backends.sqlite3", "True"]
    assert tmp_path.is_dir()


def test_database_url_selects_postgresql():
    result = settings_in_subprocess(DATABASE_URL="postgres://u@127.0.0.1:5432/x")
    assert result.stdout.split()[0] == "django.db.backends.postgresql"


def test_the_development_secret_key_is_refused_when_debug_is_off():
    result = settings_in_subprocess(DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_starts_with_a_real_secret_key():
    result = settings_in_subprocess(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="a-real-secret-" * 4)
    assert result.returncode == 0 and result.stdout.split()[1] == "False"


def test_ingest_imports_no_django():
    code = (
        "import sys, beleidsmonitor.ingest, beleidsmonitor.ingest.review;"
        "print(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def static_settings_in_subprocess(**env):
    code = (
        "import json, beleidsmonitor.project.settings as s;"
        "print(json.dumps({'middleware': s.MIDDLEWARE[:2],"
        " 'storage': s.STORAGES['staticfiles']['BACKEND'], 'root': str(s.STATIC_ROOT),"
        " 'finders': s.WHITENOISE_USE_FINDERS}))"
    )
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))
    }
    environment.update(env)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment, check=True
    )
    return json.loads(result.stdout)


def test_production_serves_compressed_static_files_collected_into_the_data_folder(tmp_path):
    static = static_settings_in_subprocess(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="a-real-secret-" * 4,
        BELEIDSMONITOR_DATA_DIR=str(tmp_path),
    )
    assert static["middleware"] == [
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
    ]
    assert static["storage"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert static["root"] == str(tmp_path / "static")
    assert static["finders"] is False


def test_development_needs_no_collected_static_files(tmp_path):
    static = static_settings_in_subprocess(BELEIDSMONITOR_DATA_DIR=str(tmp_path))
    assert static["storage"] == "django.contrib.staticfiles.storage.StaticFilesStorage"
    assert static["finders"] is True


def test_a_production_start_without_collected_static_files_is_warned(settings, tmp_path):
    from django.core.checks import run_checks

    from beleidsmonitor.project.settings import storages

    settings.DEBUG = False
    settings.STORAGES = storages(debug=False)
    settings.STATIC_ROOT = tmp_path
    warnings = [m for m in run_checks() if m.id == "beleidsmonitor.W001"]
    assert len(warnings) == 1 and "collectstatic" in warnings[0].hint
    (tmp_path / "staticfiles.json").write_text("{}")
    assert not [m for m in run_checks() if m.id == "beleidsmonitor.W001"]
    settings.DEBUG = True
    (tmp_path / "staticfiles.json").unlink()
    assert not [m for m in run_checks() if m.id == "beleidsmonitor.W001"]
