"""Links between plans: lineage across periods, overlap across policies, one actor across
documents. `text` and `similarity` are pure Python; `models`, `operations` and the views
store and show the proposals and the decisions people make on them."""
