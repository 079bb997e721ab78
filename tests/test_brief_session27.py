"""Session 27 brief rules (issue 11): an opener's restatement no better supported and ranked the
same does not take the place of the opener the headlines chose (ECB+ 33_ecbplus: a trial's
first report retelling the old killing took the verdict's place by the order of the reports);
a quotation mark no later paragraph closes does not turn the rest of an article into a quote
when telling columns (ECB+ 13_4ecbplus, the Palin arson blog)."""

from __future__ import annotations

import dataclasses

from newsweave.brief import _opinion_piece, summarize_story
from newsweave.model import Article, Story
from tests.report.sample import article, single_source

_KILLING = (
    "Zurana Horton was killed when the accused thugs Andrew Lopez, 20 and Jonathan "
    "Carrasquillo, 24, were spraying bullets from a rooftop in Brownsville, Brooklyn and one "
    "richocheted off a wall."
)
_VERDICT = "Andrew Lopez, 20 was found guilty in murder of Zurana Horton."


def _page(ident: str, text: str, title: str, published: str) -> Article:
    return dataclasses.replace(article(ident, text), title=title, published=published)


def test_a_restatement_ranked_the_same_keeps_the_opener_the_headlines_chose() -> None:
    trial = _page(
        "trial",
        f"{_KILLING}\n\nProsecutors showed the jurors a video of the shooting on Wednesday.",
        "Gangbangers who allegedly killed mom of 12 in crossfire begin trial",
        "2013-04-11",
    )
    verdict = _page(
        "verdict",
        f"{_VERDICT}\n\nHe faces up to 75 years to life in prison when he is sentenced.",
        "Jury finds Andrew Lopez guilty in murder of Zurana Horton",
        "2013-04-24",
    )
    claims = [single_source("k", trial, _KILLING), single_source("v", verdict, _VERDICT)]
    story = Story(id="s", title="Horton trial", article_ids=("trial", "verdict"))
    arts = {a.id: a for a in (trial, verdict)}
    brief = summarize_story(story, claims, [], arts, voices={})
    # Both are one outlet's first sentence: the earlier report's retelling of the 2011 killing
    # came first by the order of the reports, not by support or by the headlines.
    assert brief.sentences[0].text == _VERDICT


# The Palin arson blog (ECB+ 13_4ecbplus), shortened: its opening quotation mark is never closed.
_BLOG = "\n\n".join(
    [
        "There is an old saying that “Once is chance; Twice is Coincidence; the Third Time is a "
        "Pattern.",
        "It was probably “chance” when the Wasilla Bible Church was burned, and arson was "
        "suspected.",
        "It was probably just coincidence that Sarah Palin is not supportive of people who "
        "speak out against her.",
        "It was probably just coincidence that Dar Miller had previously worked at the "
        "Matanuska Maid dairy.",
        "Arson is likely, given the fact that the building was without electrical or gas "
        "connections.",
        "All three fires may have conferred some benefit on Sarah Palin.",
        "When the church fire destroyed church records, I suspected foul play, but knew there "
        "was nothing to be done.",
        "I wonder how long it will be before the Anchorage Police Department will issue a "
        "statement on the fires.",
    ]
)


def test_a_quotation_mark_never_closed_does_not_hide_a_blog() -> None:
    assert _opinion_piece(article("blog", _BLOG))


def test_a_quote_closed_later_or_left_open_at_the_end_stays_someones_words() -> None:
    # A quote that runs across paragraphs until a later one closes it (ECB+ 1_11ecb) ...
    closed = "\n\n".join(
        [
            "Tara Reid has entered a rehab program, her representative confirmed on Friday.",
            '"It was a mess," she said of the show.',
            "\"I didn't know it was going to ruin my career.",
            "I think people forget I've done, like, 20 movies.",
            "I guess I was probably the party girl for a long time.",
            "I'm not just a party girl, I'm sure of it. \"",
            "She recently launched a clothing line and is dating a French designer.",
        ]
    )
    assert not _opinion_piece(article("closed", closed))
    # ... and one a truncated page leaves open at its end (ECB+ 22_1ecbplus) are someone's.
    truncated = "\n\n".join(
        [
            "Kenneth Dorsey says the woman accused of killing two co-workers is a good person.",
            "Dorsey said the shooting was going to be hard on everyone at the plant.",
            '"Tell your audience to keep the families in your prayers, we are all in shock.',
            "I think I lost two of my closest friends, I guess.",
            "I'm gonna go home and take a shower and maybe read the Bible and pray.",
            "Hopefully, I can get through this, I probably will.",
        ]
    )
    assert not _opinion_piece(article("truncated", truncated))
