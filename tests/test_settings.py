"""Settings read from the environment, checked in a fresh interpreter each time."""

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
