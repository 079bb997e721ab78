"""What every evaluation shares: figures, the shipped path, and where the labelled data lives.

Every figure in `docs/evaluation.md` is measured on the output of `newsweave.api.analyze` with a
`Config` (the shipped default unless a script says it tunes one), over records written to a
JSONL file exactly as a user would give them — no eval-only article builders, no eval-only
thresholds. Scripts import this module as `harness` (they put `eval/` on `sys.path`, as running
`python eval/NAME.py` does).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsweave.config import Config
    from newsweave.model import Report
    from newsweave.pipeline import Corpus

REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    """One measured number, with what it was measured on and the baseline beside it."""

    eval: str
    metric: str
    data: str
    tuned_on: str
    value: float
    baseline: str | None = None
    baseline_value: float | None = None
    command: str
    higher_is_better: bool = True

    def to_json(self) -> str:
        """One JSON line (what each script's `main()` prints)."""
        return json.dumps(asdict(self), ensure_ascii=False)


def shared_eval(name: str) -> Path | None:
    """`../shared/eval/NAME` beside the project (or under $NEWSWEAVE_EVAL_DATA); None if absent."""
    root = os.environ.get("NEWSWEAVE_EVAL_DATA")
    base = Path(root) if root else REPO.parent / "shared" / "eval"
    path = base / name
    return path if path.exists() else None


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Every non-blank line of a JSONL file, parsed."""
    with path.open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def news_records(ids: Iterable[str]) -> dict[str, dict[str, Any]] | None:
    """GVC and ECB+ articles by id, as input records (id, url, text, published).

    None when either corpus is absent from this machine.
    """
    wanted = set(ids)
    found: dict[str, dict[str, Any]] = {}
    for name in ("gvc", "ecbplus"):
        root = shared_eval(name)
        if root is None:
            return None
        for row in read_jsonl(root / "articles.jsonl"):
            if row["id"] in wanted:
                found[row["id"]] = {
                    k: row[k] for k in ("id", "url", "text", "published") if row.get(k)
                }
    return found


def run_product(
    records: Sequence[Mapping[str, Any]],
    *,
    config: Config | None = None,
    workdir: Path | None = None,
) -> Report:
    """`newsweave.api.analyze` over `records` written as one JSONL file: the shipped path.

    Record `i` is line `i + 1` of the file, so `record_articles` can map the report back.
    """
    from newsweave.api import analyze

    with tempfile.TemporaryDirectory(dir=workdir) as folder:
        return analyze(str(_write_records(records, Path(folder))), config=config)


def read_product(
    records: Sequence[Mapping[str, Any]],
    *,
    config: Config | None = None,
    workdir: Path | None = None,
) -> Report:
    """The reading stages of `analyze` alone (ingest, clean, describe) over `records`.

    These are the very stage objects `analyze` builds from `config`; for evaluations of what
    they decide (clean text, title, date, outlet), without the cost of the analysis after them.
    """
    from newsweave.api import corpus_to_report, reading_stages
    from newsweave.config import Config
    from newsweave.pipeline import Corpus, Pipeline

    settings = config or Config()
    with tempfile.TemporaryDirectory(dir=workdir) as folder:
        path = _write_records(records, Path(folder))
        corpus = Pipeline(reading_stages(settings)).run(Corpus(inputs=(str(path),)))
    return corpus_to_report(corpus, settings)


def run_until(
    records: Sequence[Mapping[str, Any]],
    last_stage: str,
    *,
    config: Config | None = None,
    workdir: Path | None = None,
) -> Corpus:
    """The stages of `analyze`, built from `config` as `analyze` builds them, up to `last_stage`.

    For evaluations of an early stage (copies) on corpora too large for the whole job.
    """
    from newsweave.api import as_inputs, default_stages
    from newsweave.config import Config
    from newsweave.pipeline import Corpus, Pipeline

    stages = default_stages(config or Config())
    names = [stage.name for stage in stages]
    if last_stage not in names:
        raise ValueError(f"no stage {last_stage!r}; stages: {', '.join(names)}")
    chosen = stages[: names.index(last_stage) + 1]
    with tempfile.TemporaryDirectory(dir=workdir) as folder:
        path = _write_records(records, Path(folder))
        return Pipeline(chosen).run(Corpus(inputs=as_inputs(str(path))))


def _write_records(records: Sequence[Mapping[str, Any]], folder: Path) -> Path:
    path = folder / "records.jsonl"
    with path.open("w", encoding="utf-8") as stream:
        for item in records:
            stream.write(json.dumps(dict(item), ensure_ascii=False) + "\n")
    return path


_LINE = re.compile(r"#(\d+)$")
_SAME_AS = re.compile(r"^same content as (.+); kept once$")


def _line_of(source: str) -> int | None:
    found = _LINE.search(source)
    return int(found.group(1)) if found else None


def record_articles(report: Report | Corpus, count: int) -> list[str | None]:
    """The article id each of `count` records became (None where it became a problem).

    A record whose body repeats an earlier one is kept once by the product; it maps to the
    article that was kept, as a reader of the report would find it.
    """
    by_line: dict[int, str] = {}
    by_source: dict[str, str] = {}
    for article in report.articles:
        by_source[article.source] = article.id
        line = _line_of(article.source)
        if line is not None:
            by_line[line] = article.id
    for problem in report.problems:
        same = _SAME_AS.match(problem.error)
        line = _line_of(problem.source)
        if same and line is not None and same.group(1) in by_source:
            by_line[line] = by_source[same.group(1)]
    return [by_line.get(number) for number in range(1, count + 1)]


def story_labels(report: Report, article_ids: Iterable[str | None]) -> list[str]:
    """The story id of each article (a singleton label where an article has no story)."""
    story_of = {a: s.id for s in report.stories for a in s.article_ids}
    return [
        story_of.get(a, f"alone:{a}") if a is not None else f"lost:{i}"
        for i, a in enumerate(article_ids)
    ]


@dataclass(frozen=True, slots=True)
class DateFound:
    """A time expression found in a text: its span, TimeML-style value and words."""

    span: tuple[int, int]
    value: str | None
    text: str


def dateparser_dates(text: str, published: str | None) -> list[DateFound]:
    """The dates baseline: dateparser's search_dates over `text`, relative to `published`.

    Each hit is valued at the period dateparser itself reports (year, month, week or day).
    """
    import warnings
    from datetime import datetime

    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past"}
    if published:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(published[:10])
    found: list[DateFound] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parser = DateDataParser(languages=["en"], settings=settings)
        cursor = 0
        for piece, moment in search_dates(text, languages=["en"], settings=settings) or []:
            start = text.find(piece, cursor)
            if start < 0:
                continue
            cursor = start + len(piece)
            period = parser.get_date_data(piece).period or "day"
            found.append(DateFound((start, cursor), _value_at(moment, period), piece))
    return found


def _value_at(moment: Any, period: str) -> str:
    if period == "year":
        return f"{moment.year:04d}"
    if period == "month":
        return f"{moment.year:04d}-{moment.month:02d}"
    if period == "week":
        year, week, _ = moment.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return str(moment.date().isoformat())


def print_figures(figures: Iterable[Figure]) -> None:
    """Print one JSON line per figure (the scripts' output)."""
    for figure in figures:
        print(figure.to_json())
