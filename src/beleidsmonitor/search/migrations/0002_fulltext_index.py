"""The backend's full-text index: FTS5 table + triggers on SQLite, a GIN index on PostgreSQL.

The SQL lives in `backends` so `reindex` can recreate it (Django rebuilds SQLite tables
on some schema changes, which drops triggers).
"""

from django.db import migrations

from beleidsmonitor.search.backends import (
    PG_CREATE,
    PG_DROP,
    SQLITE_CREATE,
    SQLITE_DROP,
    VendorSQL,
)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        VendorSQL("sqlite", SQLITE_CREATE, SQLITE_DROP),
        VendorSQL("postgresql", PG_CREATE, PG_DROP),
    ]
