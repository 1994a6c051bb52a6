"""Telling text from binary data, and which encoding a text is in.

UTF-8 (with or without a byte order mark) is read as such; a byte that is not valid UTF-8
in a UTF-8 text is replaced (U+FFFD) on its own line or article, which is told so. A byte
order mark names UTF-16 and UTF-32; UTF-16 without one shows in its pattern of NUL bytes.
Any other text is given to charset-normalizer, except that text that is mostly ASCII
(English news with a few accented names) and whose other bytes are all letters of
Windows-1252 is read as Windows-1252, or Latin-1 when none of its bytes is one where the
two differ: a handful of bytes is too little for a statistical guess. Images, archives,
programs and other data full of NUL bytes are refused as binary, with what they look like.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

SAMPLE_BYTES = 1 << 16  # what a stream's encoding is judged from
BOMS = ((b"\xef\xbb\xbf", "utf-8-sig", None), (b"\xff\xfe\x00\x00", "utf-32", "UTF-32"),
        (b"\x00\x00\xfe\xff", "utf-32", "UTF-32"), (b"\xff\xfe", "utf-16", "UTF-16"),
        (b"\xfe\xff", "utf-16", "UTF-16"))
MAGIC = ((b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
         (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"), (b"%PDF-", "a PDF document"),
         (b"PK\x03\x04", "a ZIP archive (or an office document)"),
         (b"\x1f\x8b", "gzip-compressed data"), (b"\x7fELF", "a program"),
         (b"RIFF", "a media file"), (b"\xd0\xcf\x11\xe0", "an old office document"))
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}"
                             rb"|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH = re.compile(rb"[\x80-\xff]")
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")  # never in text (ESC aside)
_C1 = re.compile(rb"[\x80-\x9f]")
# Where Windows-1252 and Latin-1 differ, a legacy text is Windows-1252 (Latin-1 has
# control characters there); five of those bytes are undefined in Windows-1252.
CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
MOSTLY_ASCII = 0.9
LABELS = {"cp1252": "Windows-1252", "latin-1": "Latin-1 (ISO-8859-1)"}


@dataclass(frozen=True)
class Encoding:
    """How to read a source: ``codec`` for ``bytes.decode``, or ``binary`` saying why not."""

    codec: str = "utf-8"
    notice: str | None = None  # said once per source: "read as Windows-1252 (detected)"
    binary: str | None = None

    @property
    def is_utf8(self) -> bool:
        return self.codec in ("utf-8", "utf-8-sig")


UTF8 = Encoding()


def sniff(sample: bytes) -> Encoding:
    """The encoding of a source that starts with ``sample`` (the whole of it, or its first
    SAMPLE_BYTES; a character cut at the end of the sample is no error)."""
    for bom, codec, label in BOMS:
        if sample.startswith(bom) and not _stray_wide_bom(sample[len(bom):], codec):
            return Encoding(codec, f"read as {label} (byte order mark)" if label else None)
    for magic, what in MAGIC:  # a real image or archive has control bytes at once
        if sample.startswith(magic) and _CONTROL.search(sample):
            return Encoding(binary=f"this is {what}, not text")
    wide = _utf16_without_bom(sample)
    if wide:
        return Encoding(wide, f"read as {wide.upper()} (detected: no byte order mark)")
    if len(_CONTROL.findall(sample)) > max(1, len(sample) // 100):
        return Encoding(binary="binary data (NUL and control bytes), not text")
    if _is_utf8(sample) or _mostly_utf8(sample):
        return UTF8
    return _legacy(sample)


def _stray_wide_bom(rest: bytes, codec: str) -> bool:
    """A UTF-16/32 byte order mark before bytes with no NUL that are mostly ASCII, or
    hold a line of plain ASCII text: the mark is two stray bytes (a garbage line), not
    the encoding. Wide Latin text is full of NULs, and wide text in other scripts is
    full of bytes past ASCII or control bytes (sixteen printable ASCII bytes in a row
    after a line break are about one chance in 10^10 there)."""
    if codec == "utf-8-sig" or len(rest) < 4 or b"\x00" in rest:
        return False
    noisy = len(_HIGH.findall(rest)) + len(_CONTROL.findall(rest))
    return noisy <= (1 - MOSTLY_ASCII) * len(rest) or bool(_ASCII_LINE.search(rest))


_ASCII_LINE = re.compile(rb"(?:^|\n)[\x20-\x7e\t]{16}")


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NUL bytes fill every other place, as in UTF-16 text."""
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even, odd = sample[0:pairs * 2:2].count(0), sample[1:pairs * 2:2].count(0)
    for codec, zeros, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros >= 0.4 * pairs and others <= 0.05 * pairs:
            try:
                sample[:pairs * 2].decode(codec)
            except UnicodeDecodeError as err:
                if err.start < pairs * 2 - 4:  # a pair cut at the sample's end is no error
                    continue
            return codec
    return None


def _is_utf8(sample: bytes) -> bool:
    try:
        sample.decode("utf-8")
        return True
    except UnicodeDecodeError as err:
        return err.reason == "unexpected end of data" and err.start >= len(sample) - 3


def _mostly_utf8(sample: bytes) -> bool:
    """UTF-8 with stray bad bytes: most bytes past ASCII form valid UTF-8 sequences."""
    multibyte = sum(len(m) for m in _UTF8_MULTIBYTE.findall(sample))
    return multibyte > 0 and multibyte >= 0.5 * len(_HIGH.findall(sample))


def _legacy(sample: bytes) -> Encoding:
    """A text in a single-byte (or East Asian) encoding: which one, or binary."""
    high = _HIGH.findall(sample)
    if len(high) <= (1 - MOSTLY_ASCII) * len(sample) and not set(b"".join(high)) & CP1252_UNDEFINED:
        codec = "cp1252" if _C1.search(sample) else "latin-1"
        return Encoding(codec, f"read as {LABELS[codec]} (detected: not UTF-8)")
    import charset_normalizer

    best = charset_normalizer.from_bytes(sample[:SAMPLE_BYTES]).best()
    if best is None or not _ascii_compatible(best.encoding):
        # no control bytes, so text, but in no encoding known: keep what decodes
        return Encoding("utf-8", "no text encoding fits its bytes; read as UTF-8, "
                                 "undecodable bytes replaced with U+FFFD")
    codec = best.encoding
    return Encoding(codec, f"read as {LABELS.get(codec, codec)} (detected by charset-normalizer)")


def _ascii_compatible(codec: str) -> bool:
    """Plain ASCII (JSON punctuation, CSV commas, English words) reads the same in it."""
    probe = '{"text": "Talks, 2020-01-01."}\n'
    try:
        return probe.encode(codec) == probe.encode("ascii")
    except (LookupError, UnicodeError):
        return False


def decode(data: bytes, encoding: Encoding) -> tuple[str, int]:
    """The text of ``data`` and how many undecodable bytes were replaced with U+FFFD."""
    try:
        return data.decode(encoding.codec), 0
    except UnicodeDecodeError:
        text = data.decode(encoding.codec, errors="replace")
        held = data.count("\ufffd".encode()) if encoding.is_utf8 else 0  # in the text itself
        return text, max(1, text.count("\ufffd") - held)


def replaced_note(count: int) -> str:
    return (f"{count} undecodable byte{'s' * (count != 1)} replaced with U+FFFD "
            f"(the text is not valid in its encoding there)")
