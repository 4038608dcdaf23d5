"""Step 1: page furniture that the document-wide clean-up (`ingest.clean`) leaves in."""

from __future__ import annotations

import re

from beleidsmonitor.ingest.records import Line

PAGE_FOOTER = re.compile(r"^pagina\s+\d+\s+van\s+\d+\b", re.I)


def drop_page_furniture(lines: list[Line]) -> list[Line]:
    """Footers that the clean-up step does not know (`pagina 9 van 116 <plan title>`)."""
    return [line for line in lines if not PAGE_FOOTER.match(line.text)]
