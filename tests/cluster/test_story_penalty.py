"""`story_penalty` (issue 15, session 22): the stories' penalty with the four member-count
caches read in one lookup per side, and `Profile.size` kept as a field.

The oracle is the penalty as `cluster_profiles` wrote it before: four separate caches
(`_KeyCounts` for weekdays and years, `_MemberCounts` for lead and named surnames), each asked
for both sides, and the checks added gap + contrast + weekday + lead + year. Random clusters
are compared before and after random merges, at several configs (checks off too), float for
float.
"""

from __future__ import annotations

import dataclasses
import random
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np
import pytest

from newsweave.cluster.event_weekdays import count_weekdays, weekday_conflict
from newsweave.cluster.event_years import year_conflict
from newsweave.cluster.profiles import Profile, founder_key
from newsweave.cluster.stories import (
    StoryConfig,
    contrast_penalty,
    gap_penalty,
    lead_conflict,
    story_penalty,
)


class _OldKeyCounts:
    def __init__(self, keys_of: Mapping[str, tuple[int, bool] | None]) -> None:
        self._keys_of = keys_of
        self._cache: dict[int, tuple[int, Counter[tuple[int, bool]]]] = {}

    def of(self, profile: Profile) -> Counter[tuple[int, bool]]:
        cached = self._cache.get(id(profile))
        counted, counts = cached if cached is not None else (0, Counter())
        if counted < len(profile.members):
            counts = counts + count_weekdays(profile.members[counted:], self._keys_of)
            self._cache[id(profile)] = (len(profile.members), counts)
        return counts


class _OldMemberCounts:
    def __init__(self, keys_of: Mapping[str, Sequence[str]]) -> None:
        self._keys_of = keys_of
        self._cache: dict[int, tuple[int, Counter[str]]] = {}

    def of(self, profile: Profile) -> Counter[str]:
        cached = self._cache.get(id(profile))
        counted, counts = cached if cached is not None else (0, Counter())
        if counted < len(profile.members):
            counts = counts + Counter(
                key for member in profile.members[counted:] for key in self._keys_of.get(member, ())
            )
            self._cache[id(profile)] = (len(profile.members), counts)
        return counts


def _old_penalty(config: StoryConfig, weekdays_of, years_of, lead_people_of, named_people_of):  # type: ignore[no-untyped-def]
    weekday_counts = _OldKeyCounts(weekdays_of)
    year_counts = _OldKeyCounts(years_of)
    lead_counts = _OldMemberCounts(lead_people_of)
    named_counts = _OldMemberCounts(named_people_of)

    def size(p: Profile) -> int:
        return len(p.members)

    def scaled(weight: float, share: float, score: float) -> float:
        if share == 0.0:
            return 0.0
        unlike = max(0.0, 1.0 - score) / (1.0 - config.threshold)
        return weight * share * unlike

    def lead_penalty(a: Profile, b: Profile, score: float) -> float:
        if config.lead_conflict_weight <= 0:
            return 0.0
        share = lead_conflict(
            (size(a), lead_counts.of(a), named_counts.of(a)),
            (size(b), lead_counts.of(b), named_counts.of(b)),
        )
        return scaled(config.lead_conflict_weight, share, score)

    def weekday_penalty(a: Profile, b: Profile, score: float) -> float:
        if config.weekday_conflict_weight <= 0:
            return 0.0
        share = weekday_conflict(
            weekday_counts.of(a), weekday_counts.of(b), size(a), size(b), grace=config.weekday_grace
        )
        return scaled(config.weekday_conflict_weight, share, score)

    def year_penalty(a: Profile, b: Profile, score: float) -> float:
        if config.year_conflict_weight <= 0:
            return 0.0
        share = year_conflict(
            year_counts.of(a), year_counts.of(b), size(a), size(b), grace=config.year_grace
        )
        return scaled(config.year_conflict_weight, share, score)

    return lambda a, b, score: (
        gap_penalty(a, b, config, score)
        + contrast_penalty(a, b, config, score)
        + weekday_penalty(a, b, score)
        + lead_penalty(a, b, score)
        + year_penalty(a, b, score)
    )


_SURNAMES = ["reid", "smith", "jones", "lee", "kim"]


def _world(rng: random.Random, n: int):  # type: ignore[no-untyped-def]
    ids = [f"a{i:03d}" for i in range(n)]
    weekdays_of = {
        i: (rng.randrange(7), rng.random() < 0.5) if rng.random() < 0.6 else None for i in ids
    }
    years_of = {
        i: (rng.choice([2008, 2009, 2012]), rng.random() < 0.5) if rng.random() < 0.7 else None
        for i in ids
    }
    lead_people_of = {i: rng.sample(_SURNAMES, rng.randrange(3)) for i in ids}
    named_people_of = {
        i: sorted(set(lead_people_of[i]) | set(rng.sample(_SURNAMES, rng.randrange(3))))
        for i in ids
    }

    def profile(i: str) -> Profile:
        day = rng.choice([None, 730000 + rng.randrange(40)])
        vector = np.asarray([rng.random() for _ in range(4)], dtype=np.float64)
        terms = {w: rng.random() for w in rng.sample(["x", "y", "z", "w", "v"], rng.randrange(4))}
        return Profile(
            founder=i,
            founder_key=founder_key(i, day),
            members=[i],
            vector=vector,
            terms=terms,
            entities={"e": rng.random()} if rng.random() < 0.5 else {},
            first_day=day,
            last_day=day,
            event_days=(day + rng.randrange(-2, 2),)
            if day is not None and rng.random() < 0.5
            else (),
            with_terms=1 if terms else 0,
            vector_self=float(vector @ vector),
        )

    return [profile(i) for i in ids], (weekdays_of, years_of, lead_people_of, named_people_of)


_CONFIGS = [
    StoryConfig(),
    StoryConfig(lead_conflict_weight=0.0, weekday_grace=1),
    StoryConfig(weekday_conflict_weight=0.0, year_conflict_weight=0.0, year_grace=0),
]


@pytest.mark.parametrize("seed", range(30))
def test_penalty_is_the_four_caches_penalty(seed: int) -> None:
    rng = random.Random(seed)
    config = _CONFIGS[seed % len(_CONFIGS)]
    profiles, maps = _world(rng, rng.randrange(4, 30))
    new, old = (
        story_penalty(config, **dict(zip(_KEYS, maps, strict=True))),
        _old_penalty(config, *maps),
    )
    alive = list(profiles)
    compared = 0
    for _ in range(3 * len(profiles)):
        a, b = rng.sample(alive, 2)
        score = rng.uniform(0.0, 1.0)
        assert new(a, b, score) == old(a, b, score)  # the same float, not approximately
        compared += 1
        if len(alive) > 2 and rng.random() < 0.4:
            a.absorb(b)  # clusters grow as agglomerate merges them: the caches must follow
            alive.remove(b)
            assert a.size == len(a.members)
    assert compared


_KEYS = ("weekdays_of", "years_of", "lead_people_of", "named_people_of")


def test_size_follows_members_through_absorb() -> None:
    profiles, _ = _world(random.Random(1), 6)
    first = profiles[0]
    for other in profiles[1:]:
        first.absorb(other)
    assert first.size == len(first.members) == 6
    assert dataclasses.replace(profiles[1], members=["p", "q"]).size == 2
