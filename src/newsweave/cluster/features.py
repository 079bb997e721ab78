"""Per-article features for story clustering: a meaning vector, words, named things, a day.

This is the costly part of clustering (MiniLM and spaCy NER), so it runs per partition through
`Executor.map_partitions`; everything here is a pure function of one article, which keeps the
result independent of partitioning and input order.

- `vector`: mean of the MiniLM vectors of the *lede* sentences (headline + first 4 sentences),
  re-normalised. Reports of one happening agree most in their opening; later paragraphs drift
  into background that twin events share. Measured on ECB+ train, embedding-only average link
  (best threshold each): mean of lede sentence vectors B3 F1 0.877, the lede embedded as one
  text 0.857, mean of all sentence vectors 0.825 (`docs/evaluation.md`, "Stories").
- `terms`: counts of content words, numbers and years of the lede and body (TF-IDF is applied
  later, once document frequencies of the whole collection are known). Distinctive numbers and
  years ("6.1", "2013") are what tells two earthquakes in one place apart.
- `entities`: people, places, organisations, events of the title and the text's opening
  (spaCy NER, or capitalised-phrase rules when no spaCy model is installed), normalised so that
  "Reid" joins "Tara Reid". With spaCy, the text's names are the entity stage's NER mentions
  (`extract.mentions.spacy_mentions`), computed once per article for both stages.
- `lede_words`: the lede's words and word pairs as a unit vector (rules, no model): what the
  story similarity compares the ledes by (see `lede_words`).
- `day`: proleptic ordinal of `Article.published` when known.
- `mention_days`: the day-precision dates the text mentions (`Article.dates`, from the dates
  stage), as (character offset, ordinal): `stories.event_day` picks the day of the happening from
  them. Together with `day` they are the time evidence of the story decision.
- `newest_year`: the latest year the text's valued dates name (`event_years`: for an undated
  report, when it was written at the earliest, and near which year its happening lies).
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt

from newsweave.embed import get_embedder
from newsweave.extract.mentions import spacy_mentions
from newsweave.model import Article, record
from newsweave.nlp import NER_ONLY, load_spacy, spacy_safe

Vector = npt.NDArray[np.float32]

# Headline + 4 sentences (5 in all) on ECB+ train: mean of the first 5 sentence vectors beat the
# mean of all of them (0.877 vs 0.825 B3 F1, embedding only); a longer lede adds background.
LEDE_SENTENCES = 4
# Names of the beginning of the text only: the who/where of a report is in its first paragraphs
# (the entity stage reads the whole text; the features keep the mentions that start before this).
NER_CHARS = 3000
# Entity types that identify a happening; DATE/TIME are left to `terms` (years, day numbers),
# since "Friday" or "last week" say nothing about which event it is.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP", "PRODUCT"})
# A title longer than this is a lead paragraph, not a headline.
MAX_TITLE_CHARS = 160

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|\d+(?:[.,:]\d+)*")
_CAPITALISED_WORD = r"(?:[A-Z][\w'’.-]{0,40}[a-z0-9][\w'’-]*|[A-Z]{2,})"
_CAPITALISED_RUN = re.compile(
    _CAPITALISED_WORD + r"(?:\s+(?:(?:of|de|al|bin|van|von|the|and)\s+)?" + _CAPITALISED_WORD + ")*"
)

_STOPWORD_TEXT = """a about above after again against all also am an and any are as at be
    because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    said says say told tell according one two new would may might must also year years day days
    time week weeks month months monday tuesday wednesday thursday friday saturday sunday today
    yesterday tomorrow last first people mr mrs ms dr s t don didn doesn isn wasn aren weren
    won wouldn couldn shouldn it's that's he's she's they're we're i'm you're via get got
    like make made many much well back even still around since another per us news report
    reported reports reuters ap afp cnn bbc"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


@record
class ArticleFeatures:
    """What clustering knows of one article besides its vector."""

    id: str
    title: str
    headline_like: bool
    terms: tuple[tuple[str, int], ...]
    entities: tuple[tuple[str, int], ...]
    day: int | None
    mention_days: tuple[tuple[int, int], ...] = ()
    mention_weekdays: tuple[tuple[int, int], ...] = ()
    # The lede's words and word pairs (`lede_words`), a unit vector: (word or pair, weight).
    lede_words: tuple[tuple[str, float], ...] = ()
    # Surnames of the people the headline and the first sentence name (`lede_people`; spaCy
    # PERSON names only, empty without the model): whom the report is about.
    lede_people: tuple[str, ...] = ()
    # The latest year the text's valued date mentions name (`newest_year`), None for none.
    newest_year: int | None = None


def split_sentences(text: str) -> list[str]:
    """Sentences of `text`: paragraphs split at sentence-ending punctuation (rules, no model)."""
    sentences: list[str] = []
    for raw in re.split(r"\n\s*\n|\n", text):
        paragraph = " ".join(raw.split())
        if paragraph:
            sentences.extend(s for s in _SENTENCE_END.split(paragraph) if s.strip())
    return sentences


def lede(article: Article, n_sentences: int = LEDE_SENTENCES) -> list[str]:
    """The headline and the first `n_sentences` of the body (the headline is not repeated)."""
    title = " ".join(article.title.split())
    body = [s for s in split_sentences(article.text) if s != title]
    return [s for s in [title, *body[:n_sentences]] if s.strip()]


def lede_vectors(articles: list[Article]) -> npt.NDArray[np.float32]:
    """Per article, the re-normalised mean of its lede sentence vectors (one embed call)."""
    embedder = get_embedder()
    ledes = [lede(a) or [a.text[:500]] for a in articles]
    flat = [s for sentences in ledes for s in sentences]
    vectors = embedder.embed(flat)
    out = np.zeros((len(articles), embedder.dim), dtype=np.float32)
    start = 0
    for row, sentences in enumerate(ledes):
        mean = vectors[start : start + len(sentences)].mean(axis=0) if sentences else out[row]
        norm = float(np.linalg.norm(mean))
        out[row] = mean / norm if norm > 0 else mean
        start += len(sentences)
    return out


_LEDE_TOKEN = re.compile(r"\w+")


def lede_words(article: Article) -> tuple[tuple[str, float], ...]:
    """The lede as words and word pairs: the mean of its sentences' unit count vectors,
    re-normalised (sorted by key).

    What the same happening's reports share word for word in their openings: names, numbers,
    "23 pirates", "INS Sukanya". Measured through the stories stage on the product's features
    (session 6), with the fallback's values (tuned on ECB+ train + GVC train): in place of the
    MiniLM lede vectors ECB+ train 0.903 -> 0.903, GVC train 0.979 -> 0.978, while twin
    happenings of one kind, which MiniLM finds alike in meaning, stay apart.
    """
    total: dict[str, float] = {}
    sentences = lede(article) or [article.text[:500]]
    for sentence in sentences:
        words = [w.lower() for w in _LEDE_TOKEN.findall(sentence)]
        counts = Counter(words + [f"{a} {b}" for a, b in itertools.pairwise(words)])
        norm = math.sqrt(sum(c * c for c in counts.values()))
        if norm == 0:
            continue
        for key, count in counts.items():
            total[key] = total.get(key, 0.0) + count / norm / len(sentences)
    norm = math.sqrt(sum(w * w for w in total.values()))
    return tuple(sorted((k, w / norm) for k, w in total.items())) if norm > 0 else ()


def is_headline_like(title: str) -> bool:
    """True for a real headline: words, mixed case, not a file name, URL or all-caps junk."""
    text = title.strip()
    if not text or len(text) > MAX_TITLE_CHARS:
        return False
    if re.search(r"(?:^|\s)(?:https?://|www\.)|\.(?:txt|html?|xml|jsonl?|pdf|docx?)$", text, re.I):
        return False
    words = _WORD.findall(text)
    letters = [c for c in text if c.isalpha()]
    if len(words) < 3 or not letters:
        return False
    upper = sum(c.isupper() for c in letters) / len(letters)
    return upper < 0.8 and sum(c.isdigit() for c in text) < len(letters)


def day_ordinal(published: str | None) -> int | None:
    """Proleptic Gregorian day number of an ISO date or datetime string, None when unknown."""
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def mention_days(article: Article) -> tuple[tuple[int, int], ...]:
    """(offset, ordinal) of each day-precision date the article's text mentions, in text order."""
    out: list[tuple[int, int]] = []
    for mention in article.dates:
        if mention.precision != "day" or mention.value is None:
            continue
        day = day_ordinal(mention.value)
        if day is not None:
            out.append((mention.span[0], day))
    return tuple(sorted(out))


def newest_year(article: Article) -> int | None:
    """The latest year of the dates the text names with a value ("2006", "Dec. 11, 2008").

    An undated text values only what names its year, so this is the newest year it states.
    """
    years = [int(m.value[:4]) for m in article.dates if m.value and m.value[:4].isdigit()]
    return max(years, default=None)


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)
_NOT_PAST = re.compile(r"\b(?:next|coming|this)\b", re.IGNORECASE)


def mention_weekdays(article: Article) -> tuple[tuple[int, int], ...]:
    """(offset, weekday 0=Monday) of weekdays the text names without a calendar anchor.

    Only mentions the dates stage could not value (no publication date to count from): "on
    Saturday" in an undated report still says on which weekday its happening fell.
    """
    out: list[tuple[int, int]] = []
    for mention in article.dates:
        if mention.value is not None or _NOT_PAST.search(mention.text):
            continue
        found = _WEEKDAY.search(mention.text)
        if found:
            out.append((mention.span[0], _WEEKDAYS.index(found.group(1).lower())))
    return tuple(sorted(out))


def content_terms(text: str) -> Counter[str]:
    """Lower-cased content words and numbers of `text` (stopwords and 1-letter words out)."""
    counts: Counter[str] = Counter()
    for word in _WORD.findall(text):
        token = word.lower().replace("’", "'")
        if token.endswith("'s"):
            token = token[:-2]
        if len(token) < 2 or token in STOPWORDS:
            continue
        counts[_light_stem(token)] += 1
    return counts


def _light_stem(token: str) -> str:
    """Fold plural and simple verb endings ("arrests", "arrested" -> "arrest") for matching."""
    if token[0].isdigit() or len(token) <= 4:
        return token
    for suffix in ("ies", "ing", "ed", "es", "s"):
        if token.endswith(suffix) and len(token) - len(suffix) >= 4:
            return token[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return token


def _normalise_entity(name: str) -> str:
    name = " ".join(name.replace("’", "'").split()).strip(" .,:;\"'()[]")
    name = re.sub(r"'s$", "", name)
    name = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.I)
    return name.lower()


def _join_surnames(names: list[str]) -> Counter[str]:
    """Count entity names, crediting a lone surname to the full name it abbreviates."""
    full_by_last: dict[str, str] = {}
    for name in sorted(set(names)):
        parts = name.split()
        if len(parts) >= 2:
            full_by_last.setdefault(parts[-1], name)
    return Counter(full_by_last.get(n, n) if " " not in n else n for n in names)


def rule_entities(text: str) -> list[str]:
    """Capitalised phrases (the fallback when no spaCy model is installed)."""
    names: list[str] = []
    for sentence in split_sentences(text):
        for match in _CAPITALISED_RUN.finditer(sentence):
            words = match.group(0).split()
            if match.start() == 0 and words[0].lower() in STOPWORDS:
                words = words[1:]  # "Yesterday Tara Reid": the first word only starts the sentence
            elif match.start() == 0 and len(words) == 1:
                continue  # a lone capitalised first word is usually just the start of a sentence
            if not words:
                continue
            phrase = " ".join(words)
            if all(w.lower() in STOPWORDS for w in words):
                continue
            names.append(phrase)
    return names


def _glue_split(text: str) -> str:
    # Glued caption names ("Joe BidenVladimir Putin") are split before NER: see DEPENDENCIES.md.
    return re.sub(r"(?<=[a-z])(?=[A-Z][a-z])", " ", text)


def _entity_text(article: Article) -> str:
    return _glue_split(f"{article.title}\n\n{article.text[:NER_CHARS]}")


def _model_entities(
    nlp: Any, articles: list[Article]
) -> tuple[list[list[str]], list[tuple[str, ...]]]:
    """Names of the title and of the first `NER_CHARS` characters of the text, by spaCy, and
    the surnames of the people of the title and the first sentence (`lede_people`).

    The text's names are the entity stage's mentions (`spacy_mentions`: one NER pass per text,
    shared with that stage through the caching executor), so spaCy reads a text once a run;
    only the title, which is not part of the text, is read here.
    """
    found = spacy_mentions([(a.id, a.text) for a in articles]) or [[] for _ in articles]
    titles = _spacy_labelled(nlp, [_glue_split(a.title) for a in articles])
    names: list[list[str]] = []
    people: list[tuple[str, ...]] = []
    for article, title, mentions in zip(articles, titles, found, strict=True):
        names.append(
            [
                *(text for text, _ in title),
                *(m.text for m in mentions if m.span[0] < NER_CHARS and m.label in ENTITY_LABELS),
            ]
        )
        first_end = _first_sentence_end(article.text)
        lead = [text for text, label in title if label == "PERSON"]
        lead += [m.text for m in mentions if m.label == "PERSON" and m.span[0] < first_end]
        people.append(_surnames(lead))
    return names, people


def _spacy_labelled(nlp: Any, texts: list[str]) -> list[list[tuple[str, str]]]:
    return [
        [(ent.text, ent.label_) for ent in doc.ents if ent.label_ in ENTITY_LABELS]
        for doc in nlp.pipe([spacy_safe(text) for text in texts], batch_size=32)
    ]


def _first_sentence_end(text: str) -> int:
    """Offset where the text's first sentence (or first paragraph, if shorter) ends."""
    start = len(text) - len(text.lstrip())
    newline = text.find("\n", start)
    end = newline if newline >= 0 else len(text)
    found = _SENTENCE_END.search(text, start, end)
    return found.start() if found else end


def _surnames(names: Sequence[str]) -> tuple[str, ...]:
    """The last word of each person's name, lower-cased, as the lede's words spell it."""
    out: set[str] = set()
    for name in names:
        words = _LEDE_TOKEN.findall(_normalise_entity(name))
        if words and not words[-1].isdigit():
            out.add(words[-1])
    return tuple(sorted(out))


def extract_features(articles: list[Article]) -> list[tuple[ArticleFeatures, Vector]]:
    """Features and lede vector of each article of one partition (the map step)."""
    if not articles:
        return []
    vectors = lede_vectors(articles)
    nlp = load_spacy(exclude=NER_ONLY)
    if nlp is not None:
        raw_names, lead_people = _model_entities(nlp, articles)
    else:
        raw_names = [rule_entities(_entity_text(a)) for a in articles]
        lead_people = [() for _ in articles]  # no person types without the model
    out: list[tuple[ArticleFeatures, Vector]] = []
    for article, names, people, vector in zip(
        articles, raw_names, lead_people, vectors, strict=True
    ):
        normalised = [n for n in (_normalise_entity(x) for x in names) if len(n) > 1]
        entities = _join_surnames(normalised)
        terms = content_terms(f"{article.title}\n{article.text}")
        features = ArticleFeatures(
            id=article.id,
            title=" ".join(article.title.split()),
            headline_like=is_headline_like(article.title),
            terms=tuple(sorted(terms.items())),
            entities=tuple(sorted(entities.items())),
            day=day_ordinal(article.published),
            mention_days=mention_days(article),
            mention_weekdays=mention_weekdays(article),
            lede_words=lede_words(article),
            lede_people=people,
            newest_year=newest_year(article),
        )
        out.append((features, vector))
    return out


def features_mode() -> str:
    """Which entity extractor and embedder ran, for the report's `modes`."""
    nlp = load_spacy(exclude=NER_ONLY)
    ner = "spacy" if nlp is not None else "rules"
    return f"{get_embedder().mode}+{ner}"


def stack(vectors: Sequence[Vector], dim: int) -> npt.NDArray[np.float32]:
    """Rows as one float32 matrix (an empty (0, dim) matrix for no rows)."""
    if not vectors:
        return np.zeros((0, dim), dtype=np.float32)
    return np.asarray(np.stack(vectors), dtype=np.float32)
