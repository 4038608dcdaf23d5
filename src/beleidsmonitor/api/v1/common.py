"""What every list endpoint shares: bounded ids, paging, ordering, a text filter."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from django.db.models import QuerySet
from ninja import Field, Schema
from pydantic import field_validator

# Bounds keep ids and offsets within what every database column and driver accepts: an
# id past 2**63 makes SQLite raise OverflowError, which would otherwise be a 500.
MAX_ID = 2**63 - 1
MAX_OFFSET = 1_000_000
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


class ListParams(Schema):
    limit: int = Field(50, ge=1, le=500, description="Items per page (at most 500).")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Items to skip.")
    text: str | None = Field(
        None, max_length=200, description="Words the item's text must contain."
    )

    @field_validator("text")
    @classmethod
    def _clean_text(cls, value: str | None) -> str | None:
        # PostgreSQL refuses NUL in a query parameter; it can match nothing anyway.
        if value is None:
            return None
        value = value.replace("\x00", "").strip()
        return value or None


def paginate(queryset: QuerySet, params: ListParams, serialize) -> dict[str, Any]:
    count = queryset.count()
    start = params.offset
    items = [serialize(item) for item in queryset[start : start + params.limit]]
    return {"count": count, "limit": params.limit, "offset": params.offset, "items": items}


def order(queryset: QuerySet, ordering: str, tie_breaker: str = "pk") -> QuerySet:
    """Order by one public field name (`-` for descending), then by id for stable pages."""
    return queryset.order_by(ordering, tie_breaker)


def number(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def words_filter(queryset: QuerySet, text: str | None, *fields: str) -> QuerySet:
    """Every word must occur in one of the fields (case-insensitive)."""
    from django.db.models import Q

    if not text:
        return queryset
    for word in text.split()[:10]:
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(condition)
    return queryset


class PageMeta(Schema):
    count: int
    limit: int
    offset: int
