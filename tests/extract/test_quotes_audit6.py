"""Quote cases of the session-6 audit (issue 12): a reporter's credit line is never a speaker;
titles and slogans in quote marks are no quotes; a single-quoted statement over two paragraphs
with its attribution after the closing mark is one quote."""

from __future__ import annotations

from newsweave.extract.entities import EntityConfig, extract_entities
from newsweave.extract.quotes import extract_quotes

from .helpers import plain_article as _article


def _quotes(text: str) -> list[tuple[str, str, str | None, str | None]]:
    """(kind, quote text, speaker entity name, speaker text as written) of each quote."""
    article = _article(text)
    result = extract_entities([article], config=EntityConfig(use_model=False))
    names = {e.id: e.name for e in result.entities}
    return [
        (q.kind, q.text, names.get(q.speaker_id or ""), q.speaker_text)
        for q in extract_quotes(article, result)
    ]


def test_a_reporters_credit_line_is_never_the_speaker() -> None:
    # GVC 7097f0dd: the grandmother's words were given to the reporter of the video credit.
    # The page repeats its lead after the video's credit, so the credit comes before a "he".
    lead = (
        "The 19-year-old man charged in the shooting death of a teen inside a Bronx apartment "
        "Thursday evening cried after his friend died, telling his family he thought the gun "
        "was empty, the man's grandmother told NBC 4 New York Friday."
    )
    text = (
        f"{lead} Michael George reports. (Published Friday, May 20, 2016)\n\n{lead}\n\n"
        '"He was crying," Villittha Lewis said of her grandson.'
    )
    for _, quoted, entity, written in _quotes(text):
        assert "George" not in f"{entity} {written}", quoted


def test_a_credit_line_before_a_quote_is_not_its_speaker() -> None:
    text = (
        "Reporting by Jane Smith; Editing by Tom Brown\n\n"
        '"We will rebuild the school before the winter," the mayor told reporters.'
    )
    for _, _, entity, written in _quotes(text):
        assert "Smith" not in f"{entity} {written}" and "Brown" not in f"{entity} {written}"


def test_a_seminar_title_in_quote_marks_is_no_quote() -> None:
    # ECB+ 11_5ecbplus.
    text = (
        "On October 1-2 Ashgabat hosts a seminar organised with the assistance of the United "
        "Nations Development Programme on 'Enhancing the electoral system and processes in "
        "Turkmenistan', a statement of the event organisers said on Wednesday."
    )
    assert not [q for q in _quotes(text) if q[0] == "direct"]


def test_a_promotional_slogan_is_no_quote() -> None:
    # ECB+ 4_11ecbplus.
    text = (
        "The California native, who once held the record in the 100 meter freestyle, was "
        'promoted as "the girl you will dream about!" in the film that made her a household '
        'name, "Bathing Beauty," which was released shortly after.'
    )
    assert not [q for q in _quotes(text) if q[0] == "direct"]


def test_a_single_quoted_statement_over_two_paragraphs_is_one_quote() -> None:
    # ECB+ 11_1ecbplus: the quote was dropped, its second half left as an unclosed fragment.
    text = (
        "Parliamentary elections in Turkmenistan will be held on a two-party basis, a message "
        "from the Central Commission for Elections and Referenda of Turkmenistan said.\n\n"
        "'Representatives of the two political parties will compete for victory in the "
        "parliamentary elections.\n\n"
        "This will give a powerful impetus to the pre-election campaign and allow the "
        "electorate to nominate the most worthy representatives for the country's legislative "
        "body', the message said.\n\nThe start of the campaign will be announced on October 5."
    )
    direct = [q for q in _quotes(text) if q[0] == "direct"]
    assert len(direct) == 1
    assert direct[0][1].startswith("Representatives of the two")
    assert direct[0][1].endswith("legislative body")
    # "the message said": the message's issuer, named in the paragraph before.
    assert "Commission" in f"{direct[0][2]} {direct[0][3]}"


def test_an_apostrophe_over_paragraphs_is_still_no_quote() -> None:
    text = "The players' union met on Monday.\n\nThe owners' offer was rejected, the union said."
    assert not [q for q in _quotes(text) if q[0] == "direct"]


def test_a_typed_quote_closing_its_sentence_is_not_framed_by_the_next_one() -> None:
    # TimeBank APW19980301.0720 (fresh6, read after its untouched figure): the next sentence's
    # speaker was read as the frame of a quote ending in newswire marks ('' ).
    text = (
        "On Friday, Netanyahu said he had ``no qualms'' about implementing the U.N. resolution, "
        "as long as Israel had ``the necessary security safeguards.'' Cabinet minister Michael "
        "Eitan said Sunday that Netanyahu's remarks marked a substantive change in Israel's "
        "position."
    )
    direct = [q for q in _quotes(text) if q[0] == "direct"]
    assert direct
    for _, quoted, entity, written in direct:
        assert "Eitan" not in f"{entity} {written}", quoted
