"""Screenshot an HTML report in headless Chromium: python scripts/screenshot.py IN.html OUT.png"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> None:
    source, target = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1500}, device_scale_factor=1)
        page.goto(source.as_uri())
        anchor = sys.argv[3] if len(sys.argv) > 3 else None
        if anchor:
            page.locator(anchor).first.scroll_into_view_if_needed()
        page.screenshot(path=str(target), full_page=False)
        browser.close()


if __name__ == "__main__":
    main()
