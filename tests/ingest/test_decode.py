from __future__ import annotations

import os

import pytest

from newsweave.ingest.decode import (
    decode_bytes,
    html_declared_charset,
    normalize_charset,
    wide_encoding,
)

ENGLISH = "The minister said “we will not resign” — café prices rose 5 % in Zürich, naïve résumé."
FRENCH = "L'été dernier, le ministre a déclaré que les prix ont augmenté à Paris — «c'est grave»."
GERMAN = "Die Straße in München ist schön, sagte der Bürgermeister am Dienstag."
GREEK = "Ο υπουργός δήλωσε ότι οι τιμές αυξήθηκαν κατά πέντε τοις εκατό στην Αθήνα."
RUSSIAN = "Министр сказал, что цены выросли на пять процентов в Москве в прошлом году."
TURKISH = "Bakan, İstanbul'daki fiyatların yüzde beş arttığını söyledi ve şaşırdı."


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (ENGLISH, "cp1252"),
        (FRENCH, "cp1252"),
        (GERMAN, "cp1252"),
        ("café", "cp1252"),
        (GREEK, "cp1253"),
        (RUSSIAN, "cp1251"),
        (TURKISH, "cp1254"),
    ],
)
def test_decode_legacy_code_pages(text: str, encoding: str) -> None:
    decoded = decode_bytes(text.encode(encoding))
    assert decoded is not None
    assert decoded.text == text
    assert decoded.encoding == encoding


def test_decode_utf8_first_and_strips_its_bom() -> None:
    decoded = decode_bytes(b"\xef\xbb\xbf" + ENGLISH.encode())
    assert decoded is not None
    assert (decoded.text, decoded.encoding) == (ENGLISH, "utf-8")
    plain = decode_bytes(ENGLISH.encode())
    assert plain is not None
    assert (plain.text, plain.encoding) == (ENGLISH, "utf-8")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ENGLISH.encode("utf-16"), "utf-16"),
        (ENGLISH.encode("utf-32"), "utf-32"),
        (ENGLISH.encode("utf-16-le"), "utf-16-le"),
        (ENGLISH.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_decode_utf16_and_utf32_with_or_without_bom(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded is not None
    assert (decoded.text, decoded.encoding) == (ENGLISH, encoding)


def test_valid_utf8_wins_over_a_wrong_declared_charset() -> None:
    decoded = decode_bytes(ENGLISH.encode(), declared=("iso-8859-1",))
    assert decoded is not None
    assert decoded.encoding == "utf-8"


def test_declared_charset_is_used_when_bytes_are_not_utf8() -> None:
    decoded = decode_bytes(RUSSIAN.encode("koi8-r"), declared=(None, "KOI8-R"))
    assert decoded is not None
    assert (decoded.text, decoded.encoding) == (RUSSIAN, "koi8-r")


def test_declared_latin1_is_read_as_windows_1252_like_browsers_do() -> None:
    decoded = decode_bytes("“quoted”".encode("cp1252"), declared=("ISO-8859-1",))
    assert decoded is not None
    assert decoded.text == "“quoted”"


def test_random_bytes_are_not_text() -> None:
    assert decode_bytes(os.urandom(4096)) is None


def test_text_with_a_stray_undecodable_byte_is_still_text() -> None:
    data = ("A long paragraph of ordinary news text. " * 50).encode() + b"\x81" + b" end."
    decoded = decode_bytes(data)
    assert decoded is not None
    assert decoded.text.startswith("A long paragraph")


def test_meta_charset_is_found_in_either_spelling() -> None:
    assert html_declared_charset(b"<head><meta charset='windows-1251'>") == "windows-1251"
    assert (
        html_declared_charset(
            b'<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'
        )
        == "Shift_JIS"
    )
    assert html_declared_charset(b"<head><title>none</title>") is None


def test_normalize_charset_rejects_unknown_and_wide_labels() -> None:
    assert normalize_charset("no-such-charset") is None
    assert normalize_charset("UTF-16") is None
    assert normalize_charset("latin1") == "cp1252"
    assert normalize_charset(" 'utf8' ") == "utf-8"


def test_wide_encoding_does_not_mistake_binary_for_utf16() -> None:
    assert wide_encoding(bytes(range(256)) * 8) is None
    assert wide_encoding(b"ab") is None
