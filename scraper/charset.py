"""Decode HTML and XML bytes to text with the right charset.

Order (WHATWG HTML "determining the character encoding", simplified):
a byte-order mark, then the HTTP ``Content-Type`` charset, then a
``<meta charset>`` / ``<meta http-equiv=Content-Type>`` or XML declaration in
the first 4 KiB, then statistical detection (charset-normalizer), then UTF-8
with replacement characters. A declared charset that fails to decode the bytes
strictly is treated as a lie and the next step is tried.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_DECL = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def charset_from_content_type(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header value (RFC 9110 §8.3), or None."""
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return match.group(1).lower() if match else None


def _normalize(name: str) -> str | None:
    try:
        codec = codecs.lookup(name.decode("ascii") if isinstance(name, bytes) else name)
    except (LookupError, UnicodeDecodeError):
        return None
    # WHATWG: a declared latin-1/ascii means windows-1252.
    if codec.name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    return codec.name


def _try(data: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_document(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Decode an HTML or XML document.

    Args:
        data: the raw bytes.
        declared: the charset named by the HTTP Content-Type header, or None.

    Returns:
        ``(text, encoding)``: the decoded text (BOM removed) and the codec name used.
        Never raises: undecodable bytes become U+FFFD as a last resort.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), name
    head = data[:4096]
    candidates: list[str | None] = [_normalize(declared) if declared else None]
    for pattern in (_META_CHARSET, _XML_DECL):
        match = pattern.search(head)
        if match:
            candidates.append(_normalize(match.group(1).decode("ascii", "ignore")))
    for encoding in candidates:
        text = _try(data, encoding)
        if text is not None and encoding is not None:
            return text, encoding
    if _try(data, "utf-8") is not None:
        return data.decode("utf-8"), "utf-8"
    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best), best.encoding
    return data.decode("utf-8", errors="replace"), "utf-8"


def decode_html(data: bytes, *, declared: str | None = None) -> str:
    """The text of :func:`decode_document` without the encoding name."""
    return decode_document(data, declared=declared)[0]


def looks_binary(data: bytes) -> bool:
    """True when ``data`` is not text: NUL bytes, or many control bytes, in its first 4 KiB.

    Used to refuse images, archives or garbage served as ``text/html``
    before they are parsed as an article. UTF-16 documents (with a BOM) are text.

    Args:
        data: the raw response body.

    Returns:
        True for binary content; False for text in any charset (and for b"").
    """
    head = data[:4096]
    if not head or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(head) * 0.05
