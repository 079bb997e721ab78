"""Credit lines: the outlet whose account a sentence retells ("..., told The San Diego
Union-Tribune", "according to the AP", "(AP) —", "Reuters reported").

`describe.origin` reads an article's credited origin, and leaves out a lone credit for one quote
or fact ("told Reuters"), since the article may still be the outlet's own report. Claims count
voices sentence by sentence (`align.claims`): a sentence that credits an outlet is that outlet's
voice, whatever else its article reports itself.
"""

from __future__ import annotations

import re

from newsweave.describe.outlets import canonical_outlet

# A credit verb right before an outlet's name: "according to the AP", "told The San Diego
# Union-Tribune", "quoted by Reuters". Audit 10 (ECB+ dev): one AP / Union-Tribune text retold by
# other sites corroborated itself ten times; the retellings name the outlet in such lines.
_CREDIT_BEFORE_RE = re.compile(
    r"(?i:\b(?:according\s+to|told|quoted\s+by|cited\s+by|reported\s+by|confirmed\s+to|"
    r"per)\s+(?:the\s+)?)(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})"
)
# An outlet's name right before a reporting verb: "the Associated Press reported", "Reuters
# reports", "KTVI is reporting".
_CREDIT_AFTER_RE = re.compile(
    # A name starts a word (the look-behind keeps the search linear on a long capitalised run).
    r"(?<![\w.&'’-])(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4}),?\s+(?:has\s+|had\s+)?"
    r"(?:reported|reports|(?:is|was)\s+reporting)\b"
)
# A wire mark: "SAN DIEGO (AP) —".
_CREDIT_DATELINE_RE = re.compile(r"\((?P<name>[A-Z][\w.&' -]{1,30})\)\s*[-–—]")
# Words that end the name of a newspaper, agency or station that is not in the outlet table.
_PRESS_WORD_RE = re.compile(
    r"(?i:(?:^|[\s-])(?:tribune|times|post|journal|news|herald|press|gazette|chronicle|telegraph|"
    r"guardian|examiner|register|observer|bulletin|reporter|enquirer|dispatch|courier|inquirer|"
    r"daily|star|radio|tv|agency|wire|magazine|globe|record|standard|newspaper))$"
    r"|^[KW][A-Z]{2,3}(?:-(?:TV|FM|AM))?$"
)


def sentence_credits(sentence: str) -> frozenset[str]:
    """The outlets a sentence credits for what it says (their keys, as `credit_key` names
    them): a known outlet or a name that ends like one ("The San Diego Union-Tribune", "KTVI"),
    after a credit verb, before "reported", or in a wire mark. Quoted words are left out (a
    speaker who says "the Times reported" credits nothing of the article's own account)."""
    text = _QUOTED_SPAN_RE.sub(" ", sentence)
    found = set()
    for pattern in (_CREDIT_BEFORE_RE, _CREDIT_AFTER_RE, _CREDIT_DATELINE_RE):
        for match in pattern.finditer(text):
            key = _outlet_name_key(match.group("name"))
            if key is not None:
                found.add(key)
    return frozenset(found)


_QUOTED_SPAN_RE = re.compile(r"[\"“][^\"“”]*[\"”]")


def credit_key(outlet: str | None) -> str | None:
    """The key an outlet is known by in credit lines: the outlet table's name when it has
    one, else its last word ("San Diego Union-Tribune" and "the Union-Tribune" are one)."""
    if not outlet:
        return None
    known = canonical_outlet(outlet)
    if known is not None:
        return known.casefold()
    words = outlet.strip().rstrip(".,;:").split()
    return words[-1].casefold() if words else None


def _outlet_name_key(name: str) -> str | None:
    """`credit_key` of the outlet a captured name starts with, or None when it names no outlet
    (a person, a police department: "told Officer Smith", "Police reported")."""
    words = name.rstrip(".,;:").split()
    for end in range(len(words), 0, -1):
        phrase = " ".join(words[:end])
        known = canonical_outlet(phrase)
        if known is not None:
            return known.casefold()
        if _PRESS_WORD_RE.search(phrase) and not _NOT_PRESS_RE.search(phrase):
            return credit_key(phrase)
    return None


# Names that end like an outlet's but are not one ("Police News" is rare; a "Daily" alone, a
# "Star" player, the "Press Secretary" are not outlets).
_NOT_PRESS_RE = re.compile(r"(?i:^(?:daily|star|news|press|record|times|post|standard|wire)$)")
