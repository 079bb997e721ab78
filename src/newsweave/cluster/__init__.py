"""Clustering: articles into stories (one happening), stories into storylines (over time).

`cluster_stories` groups articles by meaning, words, names and time (the days of the happening
their texts name, else their publication days), and returns a `StoryIndex` that keeps every
article's features, so a later run extracts features of new articles only and gets the groups a
one-shot run would; `link_storylines` links stories that continue one another and says why.
"""

from newsweave.cluster.incremental import StoryIndex
from newsweave.cluster.stories import StoryConfig, cluster_stories
from newsweave.cluster.storylines import link_storylines

__all__ = ["StoryConfig", "StoryIndex", "cluster_stories", "link_storylines"]
