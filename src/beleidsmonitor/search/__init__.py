"""Full-text search over plans, goals, actions, indicators and published updates (Dutch stemming).

Entry points: `query.search(text)` for ranked results, `indexing.reindex_plan(plan)`
after an import, `indexing.reindex_all()` (command `reindex`) to rebuild everything.
"""
