"""Step 1: bytes of a text, PDF or DOCX file to the lines of its text.

PDF pages are joined the way the corpus extraction joins them: the first line of a new
page starts with a space, so the clean-up step treats every source alike.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from beleidsmonitor.ingest.errors import UnreadableDocument

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024


@dataclass
class Document:
    file_name: str
    sha256: str
    lines: list[str]
    notes: list[str] = field(default_factory=list)


def read_path(path: str | Path) -> Document:
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise UnreadableDocument(f"cannot read {path}: {error.strerror or error}") from error
    if size > MAX_DOCUMENT_BYTES:
        raise UnreadableDocument(
            f"{path.name} is {size // (1024 * 1024)} MB; documents over "
            f"{MAX_DOCUMENT_BYTES // (1024 * 1024)} MB are refused"
        )
    return read_bytes(path.read_bytes(), path.name)


def read_bytes(data: bytes, file_name: str) -> Document:
    if len(data) > MAX_DOCUMENT_BYTES:
        raise UnreadableDocument(
            f"{file_name} is larger than {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB"
        )
    sha256 = hashlib.sha256(data).hexdigest()
    suffix = Path(file_name).suffix.lower()
    if data.startswith(b"%PDF") or suffix == ".pdf":
        lines = _pdf_lines(data, file_name)
        return Document(file_name, sha256, lines)
    if data.startswith(b"PK") or suffix == ".docx":
        lines = _docx_lines(data, file_name)
        return Document(file_name, sha256, lines)
    text, notes = decode_text(data, file_name)
    return Document(file_name, sha256, text.splitlines(), notes)


def decode_text(data: bytes, file_name: str) -> tuple[str, list[str]]:
    """Decode a plain-text document; UTF-8 first, then the encodings Word users save in."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as error:  # a UTF-16 mark, then bytes that are not
            raise UnreadableDocument(
                f"{file_name} starts as UTF-16 text but is not valid UTF-16"
            ) from error
    if b"\x00" in data[:4096]:
        raise UnreadableDocument(f"{file_name} is not a text, PDF or DOCX document")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f")
    if controls > max(8, len(text) // 100):
        raise UnreadableDocument(f"{file_name} is not a text, PDF or DOCX document")
    return text, [f"{file_name} is not UTF-8; it was read as Windows-1252"]


def _pdf_lines(data: bytes, file_name: str) -> list[str]:
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    lines: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page_index, page in enumerate(pdf.pages):
                page_lines = (page.extract_text() or "").splitlines()
                if page_index > 0 and page_lines:
                    page_lines[0] = " " + page_lines[0]
                lines.extend(page_lines)
    except (PdfminerException, PDFSyntaxError, ValueError, KeyError, TypeError) as error:
        raise UnreadableDocument(f"{file_name} is not a readable PDF ({error})") from error
    except Exception as error:  # pdfminer raises many private error types on corrupt input
        raise UnreadableDocument(
            f"{file_name} is not a readable PDF ({type(error).__name__})"
        ) from error
    return lines


def _docx_lines(data: bytes, file_name: str) -> list[str]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UnreadableDocument(f"{file_name} is not a readable DOCX document") from error
    except Exception as error:  # lxml and zipfile raise their own types on corrupt files
        raise UnreadableDocument(
            f"{file_name} is not a readable DOCX document ({type(error).__name__})"
        ) from error
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = "".join(node.text or "" for node in child.iter() if node.tag.endswith("}t"))
            lines.extend(text.splitlines() or [""])
        elif tag == "tbl":
            lines.extend(_docx_table_lines(child))
    return lines


def _docx_table_lines(table_element) -> list[str]:
    """A table row becomes `label value` lines, the way a PDF of the same table reads."""
    lines: list[str] = []
    for row in table_element.iter():
        if not row.tag.endswith("}tr"):
            continue
        cells = []
        for cell in row.iterchildren():
            if not cell.tag.endswith("}tc"):
                continue
            paragraphs = []
            for paragraph in cell.iter():
                if paragraph.tag.endswith("}p"):
                    paragraphs.append(
                        "".join(n.text or "" for n in paragraph.iter() if n.tag.endswith("}t"))
                    )
            cells.append([p for p in paragraphs if p.strip()])
        if not cells:
            continue
        first, rest = cells[0], cells[1:]
        label = " ".join(first)
        values = [p for cell in rest for p in cell]
        if values:
            lines.append(f"{label} {values[0]}".strip())
            lines.extend(values[1:])
        else:
            lines.append(label)
        lines.append("")
    return lines
