"""Open a report in Debian's headless Chromium through Playwright (never `playwright install`)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from newsweave.report.chromium import CHROMIUM, chromium_page


def chromium_or_skip() -> str:
    if shutil.which(CHROMIUM) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing in CI: .ci/run must install Debian's chromium")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    pytest.importorskip("playwright")
    return CHROMIUM


@contextmanager
def browser_page(*, width: int = 1280, height: int = 900) -> Iterator[Any]:
    chromium_or_skip()
    with chromium_page(width=width, height=height) as page:
        yield page
