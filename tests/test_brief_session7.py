"""Session 7: the writer speaking to the reader as "us" is opinion; "told us" is reporting."""

from __future__ import annotations

from newsweave.brief import _speculates


def test_us_addressed_to_the_reader_is_the_writer_talking() -> None:
    assert _speculates("Deep Throat also gave us a new archetype in popular culture.")
    assert not _speculates("Neighbors told us the man had lived there for years.")
    assert not _speculates("Police tell us the driver fled on foot toward the river.")
    assert not _speculates("The US Navy said the ship was boarded on Friday morning.")
