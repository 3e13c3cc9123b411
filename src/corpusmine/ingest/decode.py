"""Turn a file's bytes into text, recording which encoding was used."""

from __future__ import annotations

import codecs
import re

# A file with this share of control characters (other than tab/newline) is not text.
MAX_CONTROL_SHARE = 0.01
# Control characters other than tab, line feed, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


class NotText(ValueError):
    """The bytes are not a text document (binary, or no encoding fits)."""


def decode(data: bytes) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``.

    Order: a BOM decides; NUL bytes mean UTF-16 without a BOM when they fall on every
    other byte, else binary; otherwise strict UTF-8; otherwise, when some lines are
    UTF-8 and others not, line by line (``utf-8+cp1252``); otherwise cp1252 (the usual
    Windows/web encoding, a superset of latin-1's printable range); otherwise latin-1,
    which accepts any byte. Many control characters mean binary.
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
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            at = data.index(b"\x00")
            raise NotText(f"binary file (contains NUL bytes, first at byte {at})")
        try:
            return _checked(data.decode(utf16), utf16)
        except UnicodeDecodeError as error:
            raise NotText(f"looks like {utf16} but undecodable ({error.reason})") from error
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mixed = _mixed_lines(data)
    if mixed is not None:
        return _checked(mixed, "utf-8+cp1252")
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding, errors="strict")
        except UnicodeDecodeError:
            continue
        return _checked(text, encoding)
    raise NotText("no text encoding fits")  # unreachable: latin-1 accepts every byte


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when ``data`` looks like UTF-16 text without a byte order mark.

    Text in a Latin script has a NUL as the high byte of nearly every character: at odd
    offsets in little-endian, even ones in big-endian, and almost never at the others.
    """
    sample = data[:65536]
    half = len(sample) // 2
    if half < 2:
        return None
    even = sample[0::2].count(0) / half
    odd = sample[1::2].count(0) / half
    if odd > 0.5 and even < 0.05:
        return "utf-16-le"
    if even > 0.5 and odd < 0.05:
        return "utf-16-be"
    return None


def _mixed_lines(data: bytes) -> str | None:
    """The text decoded line by line when it mixes UTF-8 lines with cp1252 ones (a file
    pasted together from two sources), else None.

    Whole-file cp1252 would turn every UTF-8 character into two or three wrong ones
    ("Ã©"); latin-1 would, too, and also keep the undefined bytes. Line endings are kept,
    so offsets into the text stay those of the decoded file.
    """
    lines = data.splitlines(keepends=True)
    decoded: list[str] = []
    utf8_lines = other_lines = 0
    for line in lines:
        try:
            text = line.decode("utf-8")
            if not line.isascii():
                utf8_lines += 1
        except UnicodeDecodeError:
            other_lines += 1
            try:
                text = line.decode("cp1252")
            except UnicodeDecodeError:
                text = line.decode("latin-1")
        decoded.append(text)
    if not utf8_lines or not other_lines:
        return None  # one encoding for the whole file: decode it whole
    return "".join(decoded)


def _checked(text: str, encoding: str) -> tuple[str, str]:
    if not text.strip():
        raise NotText("empty file")
    control = len(_CONTROL.findall(text))
    if control / len(text) > MAX_CONTROL_SHARE:
        raise NotText(f"binary file ({control} control characters)")
    return text, encoding
