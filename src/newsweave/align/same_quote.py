"""One statement quoted word for word by two outlets: a claim that is a quote is stated by a
sentence of another article quoting the same words, however the two frame it.

"He told Parliament that "a demonstration is one thing and murder is quite another."" and
"Greek prime minister George Papandreou condemned the killings, saying: "A demonstration is
one thing and murder is quite another"" (ECB+ 8_ecbplus) tell one statement, which the
support rule refuses: the frames around the quote differ ("told Parliament" / "condemned the
killings"). A long run of quoted words is its own evidence, so a claim that is mostly a quote is
stated where the same run is quoted. Two guards keep it to quotes: the claim's words outside
its quotes are few and carry no figure (a frame, not another fact), and two named speakers
that share no surname part it ("... involving Vincent," Chargers general manager A.J. Butler
said" is not "... A.J. Smith said": a name spelt two ways is a dispute, not a corroboration).

Among the labelled claim pairs of eval/data/claim_pairs.jsonl (every half), 59 pairs quote a
run of at least 8 words alike: 58 are labelled `same`, the other is that Butler / Smith pair.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["quotes_alike"]

# A double-quoted run, straight or curly, of at least a few characters.
_QUOTED = re.compile(r"[\"“”]([^\"“”]{10,}?)[\"“”]")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_FRAME_WORD = re.compile(r"[A-Za-z0-9]+")
# A name as news writes it: two or more capitalised words in a row ("A.J. Butler", "George
# Papandreou"); a sentence's capitalised first word may join one, which only makes it stricter.
# A name starts only where a word starts, and a word once read is not read again shorter
# (tests/test_regex_linear.py: "AAAA..." would be quadratic otherwise).
_NAME = re.compile(r"(?<![\w'.-])[A-Z][\w'.-]*+(?: [A-Z][\w'.-]*+)+")


def _runs(text: str, min_words: int) -> list[tuple[str, ...]]:
    runs = []
    for match in _QUOTED.finditer(text):
        words = tuple(_WORD.findall(match.group(1).lower()))
        if len(words) >= min_words:
            runs.append(words)
    return runs


def _inside(short: Sequence[str], long: Sequence[str]) -> bool:
    n = len(short)
    return any(tuple(long[i : i + n]) == tuple(short) for i in range(len(long) - n + 1))


def _frame(text: str) -> str:
    """The sentence without its quoted runs."""
    return _QUOTED.sub(" ", text)


def _surnames(frame: str) -> set[str]:
    """Last words of the two-word-or-longer names written outside the quotes."""
    return {match.group(0).split()[-1].strip(".").lower() for match in _NAME.finditer(frame)}


def quotes_alike(claim: str, other: str, *, min_words: int, max_frame_words: int) -> bool:
    """Whether `other` quotes, word for word, a run of at least `min_words` words that `claim`
    quotes, `claim` being mostly that quote (at most `max_frame_words` words outside its quotes,
    no figure among them) and no two named speakers parting them."""
    if min_words <= 0:
        return False
    runs = _runs(claim, min_words)
    if not runs:
        return False
    frame = _frame(claim)
    if len(_FRAME_WORD.findall(frame)) > max_frame_words or any(c.isdigit() for c in frame):
        return False
    theirs = _runs(other, min_words)
    if not any(_inside(run, their) for run in runs for their in theirs):
        return False
    ours, others = _surnames(frame), _surnames(_frame(other))
    return not (ours and others and not ours & others)
