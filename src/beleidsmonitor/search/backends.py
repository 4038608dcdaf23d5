"""Full-text backends: SQLite FTS5 (default) and PostgreSQL full-text search.

Both search the analysed stems of `SearchDocument` (see `analysis`), so stemming and stop
words behave the same everywhere; a backend only has to match a `Query` and rank.

- SQLite: an FTS5 table over `analysed_title`/`analysed_body` as external content, kept in
  step by triggers (so bulk inserts and cascaded deletes need no Python code), ranked
  with bm25, the title weighing four times the body.
- PostgreSQL: a GIN index over a weighted `tsvector` of the same columns with the
  `simple` configuration (the text is already stemmed), ranked with `ts_rank`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection, migrations

from beleidsmonitor.plans.models import Plan

DOCUMENTS = "search_searchdocument"
FTS_TABLE = "search_fts"

SQLITE_CREATE = [
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
        analysed_title, analysed_body, content='{DOCUMENTS}', content_rowid='id',
        tokenize='unicode61')""",
    f"""CREATE TRIGGER IF NOT EXISTS search_fts_insert AFTER INSERT ON {DOCUMENTS} BEGIN
        INSERT INTO {FTS_TABLE}(rowid, analysed_title, analysed_body)
        VALUES (new.id, new.analysed_title, new.analysed_body); END""",
    f"""CREATE TRIGGER IF NOT EXISTS search_fts_delete AFTER DELETE ON {DOCUMENTS} BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, analysed_title, analysed_body)
        VALUES ('delete', old.id, old.analysed_title, old.analysed_body); END""",
    f"""CREATE TRIGGER IF NOT EXISTS search_fts_update AFTER UPDATE ON {DOCUMENTS} BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, analysed_title, analysed_body)
        VALUES ('delete', old.id, old.analysed_title, old.analysed_body);
        INSERT INTO {FTS_TABLE}(rowid, analysed_title, analysed_body)
        VALUES (new.id, new.analysed_title, new.analysed_body); END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]

# The expression must be written the same in the index and in queries for the index to be used.
PG_VECTOR = (
    "(setweight(to_tsvector('simple'::regconfig, analysed_title), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, analysed_body), 'D'))"
)
PG_CREATE = [
    f"CREATE INDEX IF NOT EXISTS search_document_fts ON {DOCUMENTS} USING GIN ({PG_VECTOR})"
]
PG_DROP = ["DROP INDEX IF EXISTS search_document_fts"]


class VendorSQL(migrations.RunSQL):
    """RunSQL that runs only on one database vendor (FTS5 on SQLite, GIN on PostgreSQL)."""

    def __init__(self, vendor: str, sql: list[str], reverse_sql: list[str]) -> None:
        super().__init__(sql, reverse_sql)
        self.vendor = vendor

    def deconstruct(self):
        return (
            self.__class__.__qualname__,
            [],
            {"vendor": self.vendor, "sql": self.sql, "reverse_sql": self.reverse_sql},
        )

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_backwards(app_label, schema_editor, from_state, to_state)


Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Query:
    """Every group must match; a group matches when one of its phrases does."""

    groups: tuple[tuple[Phrase, ...], ...]

    @property
    def stems(self) -> set[str]:
        return {stem for group in self.groups for phrase in group for stem in phrase}


def fts5_expression(query: Query) -> str:
    # Stems are made of word characters only (see analysis.WORD), so quoting is enough.
    return " AND ".join(
        "(" + " OR ".join('"' + " ".join(phrase) + '"' for phrase in group) + ")"
        for group in query.groups
    )


def tsquery_expression(query: Query) -> str:
    return " & ".join(
        "(" + " | ".join("(" + " <-> ".join(phrase) + ")" for phrase in group) + ")"
        for group in query.groups
    )


def matching_ids(
    query: Query, *, kinds: Sequence[str] = (), plan_id: int | None = None, limit: int = 1000
) -> list[int]:
    """Ids of matching documents of current plans, best first."""
    if not query.groups:
        return []
    where, params = [], []
    if kinds:
        where.append(f"d.kind IN ({', '.join(['%s'] * len(kinds))})")
        params.extend(kinds)
    if plan_id is not None:
        where.append("d.plan_id = %s")
        params.append(plan_id)
    extra = "".join(f" AND {clause}" for clause in where)
    plans = Plan._meta.db_table
    if connection.vendor == "postgresql":
        sql = (
            f"SELECT d.id FROM {DOCUMENTS} d JOIN {plans} p ON p.id = d.plan_id "
            f"CROSS JOIN to_tsquery('simple'::regconfig, %s) q "
            f"WHERE p.is_current AND {PG_VECTOR} @@ q{extra} "
            f"ORDER BY ts_rank({PG_VECTOR}, q) DESC, d.id LIMIT %s"
        )
        params = [tsquery_expression(query), *params, limit]
    elif connection.vendor == "sqlite":
        sql = (
            f"SELECT d.id FROM {FTS_TABLE} f JOIN {DOCUMENTS} d ON d.id = f.rowid "
            f"JOIN {plans} p ON p.id = d.plan_id "
            f"WHERE {FTS_TABLE} MATCH %s AND p.is_current{extra} "
            f"ORDER BY bm25({FTS_TABLE}, 4.0, 1.0), d.id LIMIT %s"
        )
        params = [fts5_expression(query), *params, limit]
    else:  # pragma: no cover - settings only allow SQLite and PostgreSQL
        raise NotImplementedError(f"no full-text search for {connection.vendor}")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def ensure_index() -> None:
    """(Re)create the backend index; Django's SQLite table rebuilds drop triggers."""
    statements = {"sqlite": SQLITE_CREATE, "postgresql": PG_CREATE}.get(connection.vendor, [])
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # PostgreSQL refuses even CREATE INDEX IF NOT EXISTS while deferred constraint
            # checks are pending in the transaction, so look first.
            cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'search_document_fts'")
            if cursor.fetchone():
                statements = []
        for statement in statements:
            cursor.execute(statement)
        if connection.vendor == "sqlite":
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
