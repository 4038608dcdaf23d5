"""The search page: ranked, highlighted results over every indexed kind."""

from __future__ import annotations

from django.shortcuts import render

from beleidsmonitor.search.documents import DOCUMENT_TYPES
from beleidsmonitor.search.query import search
from beleidsmonitor.web.views.common import paginate, query_without_page

PAGE_SIZE = 20


def search_page(request):
    text = request.GET.get("q", "").strip()[:200]
    kind = request.GET.get("soort", "")
    kinds = [kind] if kind in DOCUMENT_TYPES else []
    result = search(text, kinds=kinds) if text else None
    page = paginate(request, result.ids if result else [], PAGE_SIZE)
    return render(
        request,
        "web/search.html",
        {
            "q": text,
            "kind": kind if kinds else "",
            "kinds": [(t.kind, t.label) for t in DOCUMENT_TYPES.values()],
            "page": page,
            "hits": result.hits(list(page.object_list)) if result else [],
            "count": len(result.ids) if result else 0,
            "query": query_without_page(request),
        },
    )
