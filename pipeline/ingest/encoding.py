"""Reading text files whose encoding nobody wrote down.

Excel on Windows saves CSV as cp1252, Notepad may save UTF-16, everything
else is (hopefully) UTF-8. Decoding is always strict: a replaced character in
a name would defeat the anonymiser's roster matching, and in free text it
would corrupt the evidence. So each step either decodes every byte or hands
over to the next, and anything that is not plain UTF-8 is reported. UTF-16
saved without a byte order mark is told by its NUL bytes; a UTF-8 file with a
few foreign bytes pasted in is refused with the line, as any single encoding
would garble part of it.
"""
from __future__ import annotations

import codecs
from pathlib import Path

from charset_normalizer import from_bytes

from pipeline.ingest.issues import IssueSink

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_text(path: Path, sink: IssueSink) -> str | None:
    """The decoded text of `path`, or None after reporting an error (empty, binary, undecodable)."""
    data = path.read_bytes()
    if not data.strip():
        sink.error("file is empty")
        return None
    text = decode_bytes(data, sink)
    if text is None:
        return None
    if not text.strip():
        sink.error("file is empty")
        return None
    if "\x00" in text:
        sink.error("file does not look like a text file (it contains NUL characters); "
                   "save it as UTF-8 text")
        return None
    return text


def decode_bytes(data: bytes, sink: IssueSink) -> str | None:
    """Strictly decoded text; issues say which encoding was used when it was not UTF-8."""
    marked = [encoding for bom, encoding in _BOMS if data.startswith(bom)]
    for encoding in marked:  # UTF-16 LE text opening with U+0000 starts like UTF-32 LE's mark
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    if marked:
        sink.error(f"file starts with a {marked[-1]} byte order mark but is not valid {marked[-1]}")
        return None
    utf16 = _utf16_without_bom(data)  # before UTF-8, of which NUL bytes are valid
    if utf16 is not None:
        sink.info(f"file is UTF-16 without a byte order mark; decoded as {utf16}")
        return data.decode(utf16)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        first_bad = error.start
    if _mostly_utf8(data):  # a UTF-8 file with bytes pasted in from elsewhere: no one encoding fits
        line = data[:first_bad].count(b"\n") + 1
        sink.at_row(line).error(f"line {line} holds a byte that is not UTF-8 (0x{data[first_bad]:02X}) in an "
                                "otherwise UTF-8 file, so no encoding reads it all; re-save the file as UTF-8; "
                                "file skipped")
        return None
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    else:
        sink.info("file is not UTF-8; decoded as cp1252 (Windows/Excel default)")
        return text
    best = from_bytes(data).best()
    if best is not None and best.encoding:
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = None
        if text is not None:
            sink.warning(f"file is neither UTF-8 nor cp1252; decoded as {best.encoding} (a guess: "
                         "check accented letters, or re-save the file as UTF-8)")
            return text
    sink.error("could not work out the text encoding; re-save the file as UTF-8")
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "-be" when every other byte is NUL (text that is mostly ASCII) and it decodes."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for encoding, zeros, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) >= 0.6 * len(zeros) and others.count(0) <= 0.05 * len(others):
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                continue
            return encoding
    return None


def _mostly_utf8(data: bytes) -> bool:
    """More well-formed UTF-8 characters beyond ASCII than bytes that are not UTF-8."""
    text = data.decode("utf-8", errors="surrogateescape")
    invalid = sum(1 for ch in text if "\udc80" <= ch <= "\udcff")
    return sum(1 for ch in text if ord(ch) > 127) - invalid > invalid
