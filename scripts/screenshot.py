"""Screenshot a report in headless Chromium: python scripts/screenshot.py IN.html OUT.png [CSS]"""

from __future__ import annotations

import sys
from pathlib import Path

from newsweave.report.chromium import chromium_page


def main() -> None:
    source, target = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
    with chromium_page(width=1280, height=1500) as page:
        page.goto(source.as_uri())
        if len(sys.argv) > 3:
            page.locator(sys.argv[3]).first.scroll_into_view_if_needed()
        page.screenshot(path=str(target), full_page=False)


if __name__ == "__main__":
    main()
