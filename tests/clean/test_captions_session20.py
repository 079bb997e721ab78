"""Session 20 (issue 11): credits of a photo handed in by its owner ("(Provided by family)",
"(Photo courtesy of the Sheriff's Office)", "Courtesy of ..." alone on a line) mark captions as
agency credits do, and a caption printed twice on one line (its alt text and its caption) is
still a caption (GVC 571210: such a line was a claim)."""

from __future__ import annotations

import pytest

from newsweave.clean import clean_text
from newsweave.clean.captions import caption_words, is_credit_line
from tests.clean.conftest import PARAGRAPHS


def _page(*parts: str) -> str:
    return "\n\n".join(parts)


_CAPTION = (
    "Jane Doe, of the 900 block of West 36th Street, was pronounced dead at the scene after "
    "being shot June 3, 2016, in the chest with a shotgun, according to police."
)


@pytest.mark.parametrize(
    "caption",
    [
        # GVC 571210: name, credit, the caption as alt text and as caption, the credit twice.
        f"Jane Doe Provided by family {_CAPTION} {_CAPTION} (Provided by family) "
        "(Provided by family)",
        f"{_CAPTION} (Photo courtesy of Bulloch County Sheriff's Office)",
        f"{_CAPTION} (Photo: Courtesy of family)",
        f"{_CAPTION} (File photo)",
    ],
)
def test_a_caption_ending_with_a_handed_in_photos_credit_is_removed(
    article: str, caption: str
) -> None:
    # GVC 571210: the caption stands after the article's first paragraphs.
    assert clean_text(_page(*PARAGRAPHS[:3], caption, *PARAGRAPHS[3:])).text == article


@pytest.mark.parametrize(
    "line",
    [
        "(Provided by family)",
        "Provided by family",
        "Photo provided by the Smith family",
        "Courtesy of The Woodburn IndependentScott Russell, Woodburn Police Chief",
    ],
)
def test_a_handed_in_photos_credit_alone_on_its_line_is_a_credit(line: str) -> None:
    assert is_credit_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Courtesy of the family, the boy was buried on Friday.",
        "Provided by the state, the grant pays for two officers.",
        "(Provided the weather holds)",
    ],
)
def test_a_sentence_that_opens_on_courtesy_or_provided_is_no_credit(line: str) -> None:
    assert not is_credit_line(line)


def test_a_paragraph_that_names_who_provided_something_stays(article: str) -> None:
    prose = (
        "The video was provided by the family of the victim (provided by family members to "
        "police on Monday), and investigators said it shows the car leaving the scene."
    )
    assert prose in clean_text(_page(PARAGRAPHS[0], prose, *PARAGRAPHS[1:])).text


def test_a_caption_repeated_on_its_line_counts_its_words_once() -> None:
    assert caption_words(f"Jane Doe Provided by family {_CAPTION} {_CAPTION}") == len(
        f"Jane Doe Provided by family {_CAPTION}".split()
    )
