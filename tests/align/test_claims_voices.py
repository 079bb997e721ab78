"""Claims count one agency sentence once, however each outlet edited around it (issue 11)."""

from __future__ import annotations

from newsweave.align.claims import ClaimConfig, _copy_key, _distinct_voices
from newsweave.dedupe.config import DedupeConfig
from newsweave.model import Evidence


def _voices(texts: list[str], config: ClaimConfig | None = None) -> int:
    evidence = [
        Evidence(article_id=f"a{k}", text=text, span=(0, len(text))) for k, text in enumerate(texts)
    ]
    keys = [_copy_key(t) for t in texts]
    voice_of = {e.article_id: e.article_id for e in evidence}
    return _distinct_voices(range(len(texts)), evidence, keys, voice_of, config or ClaimConfig())


# ECB+ 12_ecb: an AP sentence, once as filed and once with a clause added at its end.
AGENCY = (
    "Last month, India's navy drew criticism after sinking a Thai fishing trawler that had "
    "been commandeered hours earlier by pirates."
)
EDITED = AGENCY.removesuffix(".") + ", but the navy says it fired in self-defence."
OWN_WORDS = "The Indian navy was criticised last month for sinking a hijacked Thai trawler."


def test_an_agency_sentence_edited_at_its_end_is_one_voice() -> None:
    assert _voices([AGENCY, EDITED]) == 1
    assert _voices([AGENCY, EDITED, OWN_WORDS]) == 2


def test_the_shared_run_rule_can_be_turned_off() -> None:
    # Too far apart for a near-identical sentence: only the shared run joins them.
    assert _voices([AGENCY, EDITED], ClaimConfig(shared_run_words=0)) == 2


def test_a_shared_quote_is_no_shared_narration() -> None:
    # Independent reporters quote a statement alike: the words inside quotation marks (or
    # after a lone opening mark, a quote that runs on) are the speaker's, not an agency's.
    quote = (
        "Dr. Benjamin's most important qualification for surgeon general is her deep "
        "commitment to her patients and to the people of her town"
    )
    # ECB+ 34_ecbplus: one outlet closes the quote in the sentence, one runs it on.
    first, second = f'"{quote}."', f'"{quote}.'
    assert _voices([first, second]) == 2


def test_claims_use_the_voices_stage_run_length() -> None:
    assert ClaimConfig().shared_run_words == DedupeConfig().shared_run_words
