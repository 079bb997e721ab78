"""Immutable record types of newsweave.

Field names match `spec/report.schema.json`; `to_json()` in `report/json.py` turns them into
the exported objects. Records never hold parser objects or models, so they pickle cheaply to
Dask workers. Later stages add records linked by id; they never mutate earlier ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, TypeVar, dataclass_transform

PublishedBasis = Literal["metadata", "text", "url", "inferred", "unknown"]
CopyKind = Literal["exact", "near", "rewritten"]
ClaimStatus = Literal["corroborated", "single-source", "disputed"]
DatePrecision = Literal["day", "week", "month", "year"]
Span = tuple[int, int]

_T = TypeVar("_T")


@dataclass_transform(frozen_default=True, kw_only_default=True)
def record(cls: type[_T]) -> type[_T]:
    """Make `cls` an immutable, slotted, keyword-only dataclass: the shape of every record."""
    return dataclass(frozen=True, slots=True, kw_only=True)(cls)


@record
class Problem:
    """An input that could not be read: `source` names it, `error` is one line saying why."""

    source: str
    error: str


@record
class RawDoc:
    """One record as read from an input, before cleaning.

    `text` is decoded plain text or None; `html` is decoded HTML or None (at least one is set).
    The metadata fields hold what the container said (JSONL fields, WARC headers, HTML meta),
    never guesses: guessing is the describe stage's job.
    """

    source: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    language: str | None = None
    encoding: str | None = None


@record
class Removal:
    """A piece of the input that cleaning took out, with the rule that took it."""

    text: str
    reason: str


@record
class Cleaned:
    """What cleaning made of a `RawDoc`: body text, what was removed, and page-level hints.

    `title` is the headline the cleaner recognised (and kept out of `text`). The `meta_*` fields
    come from HTML metadata (trafilatura/htmldate) on the HTML route and are None on the text route.
    """

    text: str
    removed: tuple[Removal, ...] = ()
    title: str | None = None
    route: Literal["text", "html"] = "text"
    meta_url: str | None = None
    meta_published: str | None = None
    meta_outlet: str | None = None
    meta_language: str | None = None


@record
class CopyLink:
    """This article copies or rewrites `article_id`."""

    article_id: str
    kind: CopyKind
    similarity: float


@record
class DateMention:
    """A time expression in an article's clean text, resolved to a TIMEX3-style value."""

    text: str
    span: Span
    value: str | None
    precision: DatePrecision | None


@record
class Article:
    """A cleaned and described article: the unit every later stage works on."""

    id: str
    source: str
    url: str | None
    outlet: str | None
    domain: str | None
    title: str
    published: str | None
    published_basis: PublishedBasis
    language: str | None
    text: str
    removed: tuple[Removal, ...] = ()
    copy_of: CopyLink | None = None
    origin: str | None = None
    dates: tuple[DateMention, ...] = ()


UNKNOWN_SOURCE = "unknown source"


def source_label(article: Article) -> str:
    """How outputs name an article as a source: its outlet, else its domain, else "unknown source".

    Never a piece of the title or an internal id: those read like an outlet and make every
    unknown article look like one more independent source.
    """
    return article.outlet or article.domain or UNKNOWN_SOURCE


@record
class Evidence:
    """Words of an article that support a statement; `article.text[span[0]:span[1]] == text`."""

    article_id: str
    text: str
    span: Span


@record
class Story:
    """Articles that report the same happening."""

    id: str
    title: str
    article_ids: tuple[str, ...]
    storyline_id: str | None = None
    start: str | None = None
    end: str | None = None


@record
class StoryLink:
    """Why two stories are in one storyline: what they share and how far apart they are.

    `story_ids` is (earlier story, later story); `shared` the central names, then the words,
    both stories carry; `gap_days` the days between them (None when either is undated);
    `similarity` the storyline score that linked them.
    """

    story_ids: tuple[str, str]
    shared: tuple[str, ...]
    gap_days: int | None
    similarity: float


@record
class Storyline:
    """Stories that continue one another over time; `links` say why each story joined."""

    id: str
    title: str
    story_ids: tuple[str, ...]
    links: tuple[StoryLink, ...] = ()


@record
class Entity:
    """One real-world thing, with every name it goes by in the corpus."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    article_ids: tuple[str, ...]
    mentions: tuple[Evidence, ...] = ()


@record
class Attribution:
    """Who some articles say spoke a statement: an entity id (or None) and the name as written."""

    speaker: str | None
    speaker_text: str | None
    article_ids: tuple[str, ...]


@record
class Quote:
    """One statement; `variants` are its wordings as each article renders it.

    `attributions` is filled only when outlets put the same words in different mouths; `speaker`
    is then the majority attribution. `speaker_text` is the articles' own description of a
    speaker that is no entity ("a witness", "a spokeswoman for the agency"), when `speaker` is
    None and the text gives one.
    """

    id: str
    story_id: str | None
    speaker: str | None
    variants: tuple[Evidence, ...]
    kind: Literal["direct", "indirect"] = "direct"
    attributions: tuple[Attribution, ...] = ()
    speaker_text: str | None = None


@record
class Claim:
    """A statement made in a story, with the articles that make it."""

    id: str
    story_id: str
    text: str
    status: ClaimStatus
    support: tuple[Evidence, ...]
    # The independent voices among the supporting articles: reprints, light rewrites of one
    # text and sentences crediting one outlet count once (a corroborated claim has 2+). None in
    # reports written before the count existed.
    independent_sources: int | None = None
    # Of a single-source claim: sentences of other voices of the story that the aligner found
    # close to it but did not take as stating it (best first). Empty when no other voice holds
    # anything near it: only then is "single source" said outright; otherwise the claim is
    # "not matched elsewhere", which is what the strict support rule knows (session 21).
    near_elsewhere: tuple[Evidence, ...] = ()


@record
class ConflictValue:
    """One of the incompatible values of a conflict, with where it is stated."""

    value: str
    evidence: tuple[Evidence, ...]


@record
class Conflict:
    """The same quantity, date or fact reported with incompatible values."""

    id: str
    story_id: str | None
    topic: str
    values: tuple[ConflictValue, ...]
    # "conflict": independent voices disagree; "update": a figure that changed over the days;
    # "correction": one voice's later article states it otherwise than its earlier one (no
    # dispute: rendered apart from the disagreements and not counted among them).
    kind: str = "conflict"
    # Why a conflict is a disagreement: "number", "negation", "attribution", "date" or "time"
    # (the clock time of one happening).
    basis: str | None = None

    @property
    def is_correction(self) -> bool:
        """An outlet against its own earlier article: shown apart, never counted as a dispute."""
        return self.kind == "correction"


@record
class TimelineEntry:
    """A dated happening, merged across the outlets that report it."""

    date: str
    precision: Literal["day", "month", "year"]
    text: str
    evidence: tuple[Evidence, ...]
    story_id: str | None = None
    # Report time, kept apart from event time: when the articles saying so were published.
    reported: tuple[str, ...] = ()


@record
class SummarySentence:
    """One sentence of a brief and the articles it is drawn from.

    `independent_sources` counts the independent voices among those articles (reprints and
    light rewrites of one text count once), so seven citations of two texts read as two
    sources; None where it was not counted (a report written before it was).
    `also_reported_by` holds one sentence of each other independent voice that states the
    line's claim in its own words (fewer figures or names than the line): who else says it.
    """

    text: str
    article_ids: tuple[str, ...]
    independent_sources: int | None = None
    also_reported_by: tuple[Evidence, ...] = ()


@record
class Summary:
    """The brief of one story."""

    story_id: str
    sentences: tuple[SummarySentence, ...]


@record
class Provenance:
    """What produced a report: the newsweave version and the hash of every setting in force."""

    version: str
    config_hash: str


@record
class Report:
    """Everything one run produced; serialized by `newsweave.report`."""

    version: str
    articles: tuple[Article, ...] = ()
    stories: tuple[Story, ...] = ()
    storylines: tuple[Storyline, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    summaries: tuple[Summary, ...] = ()
    problems: tuple[Problem, ...] = ()
    modes: dict[str, str] = field(default_factory=dict)
    provenance: Provenance | None = None
