"""Clustering: articles into stories (one happening), stories into storylines (over time).

`cluster_stories` groups articles by meaning, words, names and publication time, and returns a
`StoryIndex` with which a later run adds new articles without re-clustering from scratch;
`link_storylines` links stories that continue one another.
"""

from newsweave.cluster.incremental import StoryIndex
from newsweave.cluster.stories import StoryConfig, cluster_stories
from newsweave.cluster.storylines import link_storylines

__all__ = ["StoryConfig", "StoryIndex", "cluster_stories", "link_storylines"]
