"""Isolate right-to-left text and bidi controls of untrusted strings in HTML output.

A U+202E (RIGHT-TO-LEFT OVERRIDE) in a title reverses everything after it up to the end of the
paragraph: `2023-11-09` would read `90-11-3202` (issue 14, row 11). Wrapping each interpolated
string that holds a bidi control or a right-to-left letter in `<bdi>` confines its effect to the
string itself (HTML's bidi isolation; the CSS also sets `unicode-bidi: isolate` on `bdi`). Both
the static report and the web app install `finalize` into their Jinja environment, so every
`{{ value }}` in element content goes through it; attribute values use the `attr` filter, which
drops the controls instead (an attribute cannot hold an element).
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# Explicit bidi controls (embeddings, overrides, isolates, marks) and right-to-left scripts
# (Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, presentation forms).
_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_NEEDS_ISOLATION = re.compile(f"[{_CONTROLS}\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_CONTROL = re.compile(f"[{_CONTROLS}]")


def finalize(value: object) -> object:
    """Jinja `finalize`: a string needing isolation becomes escaped text inside `<bdi>`."""
    if (
        isinstance(value, str)
        and not value.isascii()  # the common case, checked in C
        and not isinstance(value, Markup)
        and _NEEDS_ISOLATION.search(value)
    ):
        return Markup("<bdi>") + escape(value) + Markup("</bdi>")
    return value


def attr(value: object) -> Markup:
    """An attribute value: escaped, bidi controls removed (they cannot be isolated there)."""
    return escape(_CONTROL.sub("", str(value)))
