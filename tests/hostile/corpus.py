"""A generator of hostile and ordinary-but-odd inputs (issue 14), written into a folder.

Nothing large is committed: every input is made here, at a `Sizes` chosen by the caller
(`SMALL` for the tests, `FULL` for `benchmarks/bench_hostile.py`). Each `Case` says what a
correct run gives for it: how many problem lines name it and how many documents survive.

    cases = build(tmp_path / "hostile", SMALL)
    report = newsweave.api.analyze([str(c.path) for c in cases] + ["examples"], config=CONFIG)
"""

from __future__ import annotations

import gzip
import io
import itertools
import json
import os
import random
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsweave.ingest import printable_source


@dataclass(frozen=True, slots=True)
class Sizes:
    """How big each generated input is."""

    comments: int  # row 3: `<!---->` repeated before `<div>x</div>`
    list_records: int  # row 6: records of one JSON list
    tiny_jsonl_bytes: int  # row 6: decompressed size of a gzip of tiny JSONL records
    blank_bytes: int  # row 6: decompressed size of a gzip of blank lines
    big_article_bytes: int  # row 6: one plain-text article
    depth: int  # row 8: nesting of one JSON item / line
    nested_divs: int  # own: nested <div>s of one HTML page


SMALL = Sizes(
    comments=40,
    list_records=300,
    tiny_jsonl_bytes=3_000_000,
    blank_bytes=30_000_000,
    big_article_bytes=2_000_000,
    depth=3_000,
    nested_divs=5_000,
)
# The sizes of the campaign.
FULL = Sizes(
    comments=40,
    list_records=1_000_000,
    tiny_jsonl_bytes=1_000_000_000,
    blank_bytes=4_000_000_000,
    big_article_bytes=19_000_000,
    depth=3_000,
    nested_divs=1_000_000,
)


@dataclass(frozen=True, slots=True)
class Case:
    """One generated input and what a correct run gives for it.

    `problems` is the exact number of problem lines whose source names `path` (None when the
    number is not fixed, e.g. records over a cap); `documents` the documents ingest must yield
    (at least `documents`, and exactly when `exact`); `kept` says that each of them must
    become an article of its own (false where cleaning or dedupe may rightly merge or drop).
    """

    name: str
    row: str
    path: Path
    problems: int | None
    documents: int
    exact: bool = True
    kept: bool = True

    @property
    def source(self) -> str:
        """How problem lines and articles name this input."""
        return printable_source(os.fsdecode(self.path))


_NOUNS = [
    "council",
    "budget",
    "ferry",
    "bridge",
    "library",
    "hospital",
    "tram",
    "stadium",
    "harbour",
    "school",
    "court",
    "union",
    "minister",
    "farmer",
    "museum",
    "airport",
    "railway",
    "festival",
    "factory",
    "river",
    "reservoir",
    "market",
    "police",
    "teacher",
    "nurse",
    "mayor",
    "senator",
    "company",
    "bank",
    "orchestra",
    "charity",
    "laboratory",
    "archive",
]
_VERBS = [
    "approved",
    "delayed",
    "rejected",
    "funded",
    "inspected",
    "criticised",
    "expanded",
    "closed",
    "reopened",
    "reviewed",
    "announced",
    "postponed",
    "challenged",
    "defended",
    "audited",
    "praised",
]
_ADJECTIVES = [
    "new",
    "old",
    "regional",
    "municipal",
    "disputed",
    "costly",
    "modest",
    "historic",
    "temporary",
    "national",
    "rural",
    "coastal",
    "private",
    "public",
]
_PLACES = [
    "Eastport",
    "Millbrook",
    "Carden",
    "Halvorsen",
    "Redwater",
    "Lintford",
    "Ossory",
    "Brackley",
    "Tamsin",
    "Quorn",
    "Velden",
    "Ashby",
    "Morrow",
    "Pellham",
    "Dunmore",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def article(topic: int, *, words: int = 0) -> str:
    """A plausible news article about `topic` (an index): a headline and three paragraphs.

    Sentences are drawn with a generator seeded by `topic`, so two topics share few phrases
    (the dedupe stage must not take them for copies of each other) and the same topic gives
    the same text every time. `words` (characters, really) pads it to at least that length.
    """
    rng = random.Random(topic)

    def sentence() -> str:
        noun, other = rng.sample(_NOUNS, 2)
        place, day, verb = rng.choice(_PLACES), rng.choice(_DAYS), rng.choice(_VERBS)
        adjective, number = rng.choice(_ADJECTIVES), rng.randint(2, 990)
        shapes = [
            f"The {adjective} {noun} in {place} {verb} the {other} on {day}.",
            f"On {day}, {number} people watched as {place} {verb} its {adjective} {noun}.",
            f"Nobody expected the {noun} to be {verb} so soon, a {other} from {place} told us.",
            f"{place} has spent {number} thousand on the {noun} since the {other} was {verb}.",
            f"Asked about the {adjective} {other}, the {noun} said it would answer by {day}.",
        ]
        return rng.choice(shapes)

    place = rng.choice(_PLACES)
    headline = (
        f"{place} {rng.choice(_NOUNS)} {rng.choice(_VERBS)} after {rng.randint(2, 40)}-month review"
    )
    paragraphs = [" ".join(sentence() for _ in range(3)) for _ in range(3)]
    quote = (
        f'"We will keep working on it," said {rng.choice(_PLACES)} spokesperson Dana Ilyin-{topic}.'
    )
    text = f"{headline}\n\n{paragraphs[0]}\n\n{quote}\n\n{paragraphs[1]}\n\n{paragraphs[2]}\n"
    while len(text) < words:
        text += "\n" + " ".join(sentence() for _ in range(40)) + "\n"
    return text


def build(root: Path, sizes: Sizes) -> list[Case]:
    """Write every hostile input under `root` (created) and return its cases."""
    root.mkdir(parents=True, exist_ok=True)
    return [case for make in _MAKERS for case in make(root, sizes)]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _gzip_stream(path: Path, pieces: Iterator[bytes]) -> Path:
    """Write gzip of the concatenated pieces without holding them (a bomb in a few MB)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    with path.open("wb") as handle:
        for piece in pieces:
            handle.write(compressor.compress(piece))
        handle.write(compressor.flush())
    return path


def _repeat(block: bytes, total: int) -> Iterator[bytes]:
    chunk = block * max(1, (1 << 20) // len(block))
    written = 0
    while written < total:
        piece = chunk[: total - written]
        written += len(piece)
        yield piece


# Row 2 and row 10: names that are not UTF-8, that hold a newline and a forged problem line,
# terminal escapes, bidi controls. The article must be kept and its source escaped.
def _names(root: Path, sizes: Sizes) -> list[Case]:
    names = [
        ("row2-name-not-utf8", b"bad-\xff\xfe-name.txt"),
        ("row10-name-newline", b"evil\nnewsweave: FAKE-SOURCE: all good.txt"),
        ("row10-name-terminal-escape", b"esc-\x1b[31mred\x1b]0;title\x07.txt"),
        ("row10-name-bidi", "bidi-\u202etxt.exe.txt".encode()),
    ]
    cases = []
    for index, (name, raw) in enumerate(names):
        path = Path(os.fsdecode(os.path.join(os.fsencode(root), raw)))
        path.write_text(article(100 + index), encoding="utf-8")
        cases.append(
            Case(name=name, row=name[: name.index("-")], path=path, problems=0, documents=1)
        )
    return cases


# Row 3: comments before the markup made format sniffing backtrack exponentially.
def _comments(root: Path, sizes: Sizes) -> list[Case]:
    path = _write(root / "comments.html", b"<!---->" * sizes.comments + b"<div>x</div>")
    # One document; cleaning may find no text in it (then one problem line at most).
    return [
        Case(name="row3-comments", row="row3", path=path, problems=None, documents=1, kept=False)
    ]


# Row 4: crawl copies of one article under one outlet.
def _copies(root: Path, sizes: Sizes) -> list[Case]:
    body = article(200)
    urls = [
        "https://news.example.com/2024/05/council-vote",
        "https://news.example.com/amp/2024/05/council-vote",
        "https://news.example.com/2024/05/council-vote?utm_source=twitter",
        "https://m.news.example.com/2024/05/council-vote",
    ]
    records = [{"text": body, "url": url, "outlet": "Example News"} for url in urls]
    path = _write(root / "copies.jsonl", _jsonl(records))
    return [
        Case(
            name="row4-crawl-copies", row="row4", path=path, problems=None, documents=4, kept=False
        )
    ]


# Row 6: sizes. A JSON list of many records; tiny JSONL records gzipped; a gzip of blank lines;
# blank lines between two records; one article far over the text bound.
def _sizes(root: Path, sizes: Sizes) -> list[Case]:
    cases = []
    path = root / "many.json"
    with path.open("wb") as handle:
        handle.write(b"[")
        for i in range(sizes.list_records):
            record = {"text": f"Record {i}: the river at gauge {i} rose by {i % 97} cm."}
            handle.write((b"," if i else b"") + json.dumps(record).encode())
        handle.write(b"]")
    cases.append(
        Case(
            name="row6-json-list",
            row="row6",
            path=path,
            problems=None,
            documents=0,
            exact=False,
            kept=False,
        )
    )
    tiny = b'{"text": "tiny record"}\n'
    path = _gzip_stream(root / "tiny.jsonl.gz", _repeat(tiny, sizes.tiny_jsonl_bytes))
    cases.append(
        Case(
            name="row6-tiny-jsonl-gz",
            row="row6",
            path=path,
            problems=None,
            documents=0,
            exact=False,
        )
    )
    path = _gzip_stream(root / "blank.txt.gz", _repeat(b"\n", sizes.blank_bytes))
    cases.append(Case(name="row6-blank-gz", row="row6", path=path, problems=1, documents=0))
    first = json.dumps({"text": article(300)}).encode() + b"\n"
    last = json.dumps({"text": article(301)}).encode() + b"\n"
    pieces = iter([first, *_repeat(b"\n", sizes.blank_bytes), last])
    path = _gzip_stream(root / "blank-between.jsonl.gz", pieces)
    cases.append(
        Case(
            name="row6-blank-lines-between-records", row="row6", path=path, problems=0, documents=2
        )
    )
    path = _write(root / "huge-article.txt", article(302, words=sizes.big_article_bytes).encode())
    cases.append(Case(name="row6-huge-article", row="row6", path=path, problems=1, documents=0))
    return cases


# Row 7: WARCs with one damaged place each, between intact records.
def _warcs(root: Path, sizes: Sizes) -> list[Case]:
    cases = []

    def pages(base: int) -> list[bytes]:  # distinct pages per file: no copies across files
        return [_page(base + i) for i in range(5)]

    def damaged(name: str, data: bytes, documents: int, *, suffix: str = ".warc") -> None:
        path = _write(root / f"{name}{suffix}", data)
        case = Case(name=f"row7-{name}", row="row7", path=path, problems=1, documents=documents)
        cases.append(case)

    plain, offsets = _warc(pages(400), gzipped=False)
    length = _content_length(plain, offsets[1])
    damaged("warc-short-length", _set_length(plain, offsets[1], length - 60), 4)
    plain, offsets = _warc(pages(410), gzipped=False)
    longer = _content_length(plain, offsets[1]) + 200
    damaged("warc-long-length", _set_length(plain, offsets[1], longer), 4)
    plain, offsets = _warc(pages(420), gzipped=False)
    garbage = b"GARBAGE \x00\xff line\r\n\r\n"
    damaged("warc-garbage", plain[: offsets[2]] + garbage + plain[offsets[2] :], 5)
    plain, offsets = _warc(pages(430), gzipped=False)
    damaged("warc-truncated", plain[: offsets[4] + 300], 4)
    packed, packed_offsets = _warc(pages(440), gzipped=True)
    broken = bytearray(packed)
    middle = (packed_offsets[2] + packed_offsets[3]) // 2
    broken[middle : middle + 16] = bytes(16)
    damaged("warc-corrupt-member", bytes(broken), 4, suffix=".warc.gz")
    # ARC files (no `WARC/` marker: the next record is found by its header line).
    arc, arc_offsets = _arc(pages(450))
    damaged(
        "arc-garbage", arc[: arc_offsets[2]] + garbage + arc[arc_offsets[2] :], 5, suffix=".arc"
    )
    arc, arc_offsets = _arc(pages(460), gzipped=True)
    broken = bytearray(arc)
    middle = (arc_offsets[2] + arc_offsets[3]) // 2
    broken[middle : middle + 8] = bytes(8)
    damaged("arc-corrupt-member", bytes(broken), 4, suffix=".arc.gz")
    return cases


# Row 8: one item / the first line nested thousands deep.
def _deep(root: Path, sizes: Sizes) -> list[Case]:
    deep = b'{"a":' * sizes.depth + b"1" + b"}" * sizes.depth
    good = [json.dumps({"text": article(500 + i)}).encode() for i in range(3)]
    path = _write(
        root / "deep-item.json", b"[" + b",".join([good[0], deep, good[1], good[2]]) + b"]"
    )
    cases = [Case(name="row8-deep-list-item", row="row8", path=path, problems=1, documents=3)]
    lines = [deep, *(json.dumps({"text": article(510 + i)}).encode() for i in range(2))]
    path = _write(root / "deep-first-line.jsonl", b"\n".join(lines) + b"\n")
    cases.append(Case(name="row8-deep-first-line", row="row8", path=path, problems=1, documents=2))
    return cases


# Row 9: NUL bytes in an otherwise good article: kept, with one note.
def _nuls(root: Path, sizes: Sizes) -> list[Case]:
    text = article(600).encode()
    data = text[:200] + b"\x00" + text[200:400] + b"\x00\x00" + text[400:]
    path = _write(root / "nuls.txt", data)
    return [Case(name="row9-nul-bytes", row="row9", path=path, problems=1, documents=1)]


# Our own: odd but ordinary, and a few more hostile shapes.
def _odd(root: Path, sizes: Sizes) -> list[Case]:
    cases = []

    def add(name: str, path: Path, problems: int | None, documents: int) -> None:
        cases.append(
            Case(name=f"own-{name}", row="own", path=path, problems=problems, documents=documents)
        )

    record = {"text": article(700) + "\ud800 lone surrogate", "title": "Title with \u0000 NUL"}
    add("json-lone-surrogate", _write(root / "surrogate.jsonl", _jsonl([record])), 0, 1)
    wrapped = {"evil\nnewsweave: FAKE/\x1b[2J": [{"text": article(701)}]}
    add("json-evil-key", _write(root / "evil-key.json", json.dumps(wrapped).encode()), 0, 1)
    good = _jsonl([{"text": article(702)}])
    bad_lines = good + b"not json\n[1, 2]\n" + b'{"title": "no text"}\n'
    add("jsonl-bad-lines", _write(root / "bad-lines.jsonl", bad_lines), 3, 1)
    add("empty", _write(root / "empty.txt", b""), 1, 0)
    add("binary", _write(root / "random.bin", bytes(range(256)) * 64), 1, 0)
    cut = gzip.compress(article(703).encode() * 20)
    add("truncated-gzip", _write(root / "cut.txt.gz", cut[: len(cut) // 2]), 1, 0)
    utf16 = article(704).encode("utf-16-le")
    add("utf16-no-bom", _write(root / "utf16.txt", utf16), 0, 1)
    # Known loss (not ingest's): cleaning finds no text below ~256 levels of nesting (lxml's
    # limit under trafilatura); ingest must still read it as one document, quickly.
    paragraphs = "".join(f"<p>{p}</p>" for p in article(705).split("\n\n")).encode()
    divs = b"<html><body>" + b"<div>" * sizes.nested_divs + paragraphs
    divs += b"</div>" * sizes.nested_divs + b"</body></html>"
    cases.append(
        Case(
            name="own-nested-divs",
            row="own",
            path=_write(root / "nested.html", divs),
            problems=None,
            documents=1,
            kept=False,
        )
    )
    escapes = article(706).replace("council", "council \x1b[31m\u202e", 1)
    add("terminal-escapes-in-text", _write(root / "escapes.txt", escapes.encode()), 0, 1)
    return cases


_MAKERS: tuple[Callable[[Path, Sizes], list[Case]], ...] = (
    _names,
    _comments,
    _copies,
    _sizes,
    _warcs,
    _deep,
    _nuls,
    _odd,
)


def _jsonl(records: list[dict[str, str]]) -> bytes:
    return b"".join(json.dumps(record).encode() + b"\n" for record in records)


def _page(topic: int) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in article(topic).split("\n\n")[1:])
    title = article(topic).split("\n", 1)[0]
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"</head><body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
    ).encode()


def _warc(pages: list[bytes], *, gzipped: bool) -> tuple[bytes, list[int]]:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    offsets = []
    for index, payload in enumerate(pages):
        offsets.append(buffer.tell())
        headers = [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Length", str(len(payload))),
        ]
        http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://warc.example/{index}",
            "response",
            payload=io.BytesIO(payload),
            http_headers=http,
        )
        writer.write_record(record)
        record.raw_stream.close()
    return buffer.getvalue(), offsets


def _arc(pages: list[bytes], *, gzipped: bool = False) -> tuple[bytes, list[int]]:
    """An ARC (version 1) file of the pages, and the offset of each page's record."""
    spec = b"1 0 newsweave\nURL IP-address Archive-date Content-type Archive-length\n"
    records = [b"filedesc://h.arc 0.0.0.0 20200101000000 text/plain %d\n%s\n" % (len(spec), spec)]
    for index, page in enumerate(pages):
        payload = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
        line = b"https://arc.example/%d 1.2.3.4 20200101000000 text/html %d\n"
        records.append(line % (index, len(payload)) + payload + b"\n")
    if gzipped:
        records = [gzip.compress(record, mtime=0) for record in records]
    offsets = list(itertools.accumulate(len(record) for record in records))[:-1]
    return b"".join(records), offsets


def _content_length(data: bytes, offset: int) -> int:
    header = data[offset : data.index(b"\r\n\r\n", offset)]
    return int(header.split(b"Content-Length: ")[1].split(b"\r\n")[0])


def _set_length(data: bytes, offset: int, length: int) -> bytes:
    old = b"Content-Length: %d" % _content_length(data, offset)
    end = data.index(b"\r\n\r\n", offset)
    header = data[offset:end].replace(old, b"Content-Length: %d" % length, 1)
    return data[:offset] + header + data[end:]
