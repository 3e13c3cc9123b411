"""Turn a file's bytes into text, recording which encoding was used."""

from __future__ import annotations

import codecs

# A file with this share of control characters (other than tab/newline) is not text.
MAX_CONTROL_SHARE = 0.01


class NotText(ValueError):
    """The bytes are not a text document (binary, or no encoding fits)."""


def decode(data: bytes) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``.

    Order: a BOM decides; otherwise strict UTF-8; otherwise cp1252 (the usual
    Windows/web encoding, a superset of latin-1's printable range); otherwise latin-1,
    which accepts any byte. NUL bytes or many control characters mean binary.
    """
    if not data.strip():
        raise NotText("empty file")
    if data.startswith(codecs.BOM_UTF8):
        return _checked(data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _checked(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as error:
            raise NotText(f"UTF-16 byte order mark but undecodable ({error.reason})") from error
    if b"\x00" in data[:65536]:
        raise NotText("binary file (contains NUL bytes)")
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding, errors="strict")
        except UnicodeDecodeError:
            continue
        return _checked(text, encoding)
    raise NotText("no text encoding fits")  # unreachable: latin-1 accepts every byte


def _checked(text: str, encoding: str) -> tuple[str, str]:
    if not text.strip():
        raise NotText("empty file")
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if control / len(text) > MAX_CONTROL_SHARE:
        raise NotText(f"binary file ({control} control characters)")
    return text, encoding
