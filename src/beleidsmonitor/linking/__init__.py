"""Links between plans: lineage across periods, overlap across policies, one actor across
documents.

- `beleidsmonitor link` computes or refreshes the proposals for all current plans
  (`operations/compute_links.py`); decisions people made are kept, across re-runs and
  re-imports, because they are keyed by the plans' stable references and item keys.
- Pages under `/koppelingen/`: the review list (`/`, confirm or reject), one action's
  links (`acties/<id>/`), the lineage view per plan (`opvolging/<plan>/`), the overlap
  matrix of two plans of one period (`overlap/<a>/<b>/`), the actor review list
  (`actoren/`) and one actor across all plans with merge, split and rename
  (`actoren/<id>/`); the same proposals as JSON (`voorstellen.json`).
- `text` (Dutch analyser) and `similarity` (scoring with evidence) are pure Python.
- Who decides: `permissions.can_decide`.
"""
