"""Options of the ingest stage."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from newsweave.errors import ConfigError

# Where JSON/JSONL records keep each RawDoc field, first match wins. The names cover the dumps of
# common crawlers and datasets: news-please (maintext, date_publish, source_domain), CC-News,
# newspaper3k exports, NewsAPI-style APIs (content, publishedAt, source), schema.org
# (headline, datePublished, publisher) and RSS (link, pubDate). A dotted name such as
# "source.name" reaches into a nested object when no key has that literal name.
DEFAULT_FIELD_MAP: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "text": ("text", "body", "content", "maintext", "article", "article_text", "full_text"),
        "html": ("html", "raw_html", "html_content"),
        "url": ("url", "link", "source_url", "canonical_url", "uri"),
        "title": ("title", "headline"),
        "published": (
            "published",
            "date",
            "date_publish",
            "publish_date",
            "published_at",
            "publishedAt",
            "pubDate",
            "datePublished",
        ),
        "outlet": ("outlet", "source", "site_name", "publisher", "source_domain", "source.name"),
        "language": ("language", "lang", "inLanguage"),
    }
)
FIELDS = tuple(DEFAULT_FIELD_MAP)

# 20 MB: over ten times the largest page of the cleaning eval set (1.6 MB of HTML) and far above
# any real article; a bigger single record is a dump or an attack, and holding several such in
# memory at once on a 24 GB machine with Dask workers would be the real risk.
DEFAULT_MAX_BYTES = 20_000_000

# The bounds below are not accuracy thresholds (no eval moves with them) but limits on the work
# one input can cause; tests/hostile and benchmarks/bench_hostile.py exercise each of them.
# 10 GB decompressed per file: a Common Crawl WARC (about 1 GB gzipped) holds about 5 GB, so
# twice that; a gzip bomb stops there after some 30 s of CPU (zlib inflates ~350 MB/s here).
DEFAULT_MAX_DECOMPRESSED_BYTES = 10_000_000_000
# Records read per file. Every record read is analysed with the models (~16 ms of CPU even for a
# 10-word article), so this cap is what bounds a run fed one file of a million tiny valid
# records (issue 14: every hostile case under 60 s on 2 cores): 5,000 such records take
# about 100 CPU s through `newsweave analyze`, i.e. ~60 s of wall time on two idle cores
# (docs/benchmarks.md, "Hostile inputs"). Real bulk files hold more: a Common Crawl news WARC
# ~50,000 records, a day of a news-please or JSONL export tens of thousands; their users raise
# it (`--max-records`, `max_records` under [ingest]), and the problem line says so.
DEFAULT_MAX_RECORDS = 5_000
# JSON nesting: news records and API responses nest under 10 levels; Python's json parser
# fails near 1,000 (it recurses), so the limit is ours and far below that.
DEFAULT_MAX_JSON_DEPTH = 100
# 500,000 characters of text per article: about 80,000 words, five times the longest long-form
# features we have seen (a New Yorker long read is ~15,000 words); beyond that the text is a
# dump, not an article, and later stages spend at least linear time per character.
DEFAULT_MAX_TEXT_CHARS = 500_000
# Problems listed per file: a file of a million bad lines is one bad input, not a million lines
# of report; past 1,000 one more line counts the rest.
DEFAULT_MAX_PROBLEMS = 1_000


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestConfig:
    """How inputs are read.

    `field_map` overrides where JSON/JSONL records keep each field, e.g.
    `IngestConfig(field_map={"text": ("body",)})` (what `--field text=body` gives); fields it does
    not name keep their defaults (`DEFAULT_FIELD_MAP`), and an empty tuple turns a field off.
    Limits bound the work any input can cause; passing one costs one Problem, never the batch:
    `max_bytes` caps one document (a file, a JSONL line, a JSON list item, a WARC record
    payload) after decompression; `max_text_chars` the text of one article;
    `max_decompressed_bytes` what one gzipped file may inflate to (reading stops there);
    `max_records` the records (documents and problems) read from one file (reading stops
    there); `max_problems` the problems listed per file (one more line counts the rest);
    `max_json_depth` the nesting of one JSON record (a deeper one is skipped).
    `raise_unexpected` lets errors that are bugs of ours (not bad input) propagate instead of
    becoming Problems: for tests and debugging.
    """

    # After construction: every field's names, as a plain dict (picklable for workers).
    field_map: Mapping[str, Sequence[str]] = field(default_factory=dict, hash=False)
    max_bytes: int = DEFAULT_MAX_BYTES
    max_decompressed_bytes: int = DEFAULT_MAX_DECOMPRESSED_BYTES
    # Records (documents and problems) read from one file; the rest of a bigger file is skipped
    # with one problem line. It bounds a run's work: raise it for big JSONL exports or Common
    # Crawl WARCs (tens of thousands of records per file), e.g. `--max-records 100000`.
    max_records: int = DEFAULT_MAX_RECORDS
    max_json_depth: int = DEFAULT_MAX_JSON_DEPTH
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS
    max_problems: int = DEFAULT_MAX_PROBLEMS
    # Raw documents cleaned and stored together by `newsweave ingest`: memory is bounded by one
    # batch, and a run stopped midway keeps every batch it finished. 2,000 articles of clean
    # text are ~20 MB; larger batches only save a little per-batch overhead.
    batch_records: int = 2_000
    raise_unexpected: bool = False

    def __post_init__(self) -> None:
        merged = dict(DEFAULT_FIELD_MAP)
        for target, names in self.field_map.items():
            if target not in DEFAULT_FIELD_MAP:
                raise ConfigError(
                    f"unknown field {target!r} in field_map; use one of {', '.join(FIELDS)}"
                )
            # A lone string is one field name, not a sequence of one-letter names.
            chosen = (names,) if isinstance(names, str) else tuple(names)
            if not all(isinstance(name, str) and name for name in chosen):
                raise ConfigError(f"field_map[{target!r}] must be non-empty strings, got {names!r}")
            merged[target] = chosen
        if not merged["text"] and not merged["html"]:
            raise ConfigError("field_map turns off both 'text' and 'html': no record could be read")
        for name in (
            "max_bytes",
            "max_decompressed_bytes",
            "max_records",
            "max_json_depth",
            "max_text_chars",
            "max_problems",
            "batch_records",
        ):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise ConfigError(f"{name} must be an integer, got {value!r}")
            if value < 1:
                raise ConfigError(f"{name} must be at least 1, got {value}")
        object.__setattr__(self, "field_map", merged)

    def names(self, target: str) -> tuple[str, ...]:
        """The record keys searched for `target` (one of `FIELDS`), in order."""
        return tuple(self.field_map[target])


def parse_field_options(options: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """`["text=body,content", "url=link"]` (the CLI's `--field` values) as a `field_map`."""
    overrides: dict[str, tuple[str, ...]] = {}
    for option in options:
        target, sep, names = option.partition("=")
        target = target.strip()
        if not sep or target not in DEFAULT_FIELD_MAP:
            raise ConfigError(
                f"--field {option!r}: write FIELD=NAME[,NAME...] with FIELD one of "
                f"{', '.join(FIELDS)}"
            )
        overrides[target] = tuple(name.strip() for name in names.split(",") if name.strip())
    return overrides


def format_size(size: int) -> str:
    """`20000000` -> `"20 MB"`; sizes in Problems read better rounded."""
    for unit, scale in (("GB", 1_000_000_000), ("MB", 1_000_000), ("kB", 1_000)):
        if size >= scale:
            return f"{size / scale:.3g} {unit}"
    return f"{size} bytes"
