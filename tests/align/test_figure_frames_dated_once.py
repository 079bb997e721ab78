"""A sentence's figure frames date it once (issue 15): `_sentence_frames` reads where it names
another time (`other_times`, which runs the date extractor) and hands those marks to
`frames_of`, which read them again itself before; the same frames either way."""

from __future__ import annotations

from collections.abc import Sequence

from newsweave.align.conflicts import ConflictConfig
from newsweave.align.figure_conflicts import _sentence_frames
from newsweave.align.quantities import frames_of
from newsweave.align.quantity_time import other_times
from newsweave.extract.dates import extract_dates
from newsweave.extract.numbers import extract_quantities
from newsweave.model import DateMention

DAY = "2020-12-15"
TEXTS = [
    "In February, a 6.4 quake killed 600 people in Zarand, officials said.",
    "At least 12 people died and 40 were injured when the bus overturned on Monday.",
    "The storm left 5,000 homes without power, as it did in 2003.",
]


def test_a_sentence_s_frames_date_it_once() -> None:
    dated: list[str] = []

    def dates(text: str, published: str | None) -> Sequence[DateMention]:
        dated.append(text)
        return extract_dates(text, published)

    for text in TEXTS:
        dated.clear()
        _sentence_frames(text, extract_quantities(text), DAY, dates, ConflictConfig())
        assert dated == [text]


def test_frames_given_the_marks_are_those_read_without() -> None:
    found = {t: extract_quantities(t) for t in TEXTS}
    own = [frames_of(t, found[t], published=DAY, dates=extract_dates) for t in TEXTS]
    given = [
        frames_of(
            t,
            found[t],
            published=DAY,
            dates=extract_dates,
            marks=other_times(t, DAY, extract_dates),
        )
        for t in TEXTS
    ]
    assert given == own
    assert any(f.background for frames in own for f in frames)  # the marks do mark some
