"""Screenshots in headless Chromium, for the README.

    python scripts/screenshot.py IN.html OUT.png [CSS]                 a static HTML report
    python scripts/screenshot.py --db STORE.db PATH OUT.png [--phone]  a page of the web app

With `--db`, `newsweave serve --port 0` serves the store on loopback while the page at PATH
(e.g. `/` or `/stories/s-…`) is captured at desktop size, or at a phone's (390×844) with
`--phone`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from newsweave.report.chromium import chromium_page

DESKTOP = (1280, 1000)
PHONE = (390, 844)


def report(source: Path, target: Path, selector: str | None) -> None:
    with chromium_page(width=1280, height=1500) as page:
        page.goto(source.resolve().as_uri())
        if selector:
            page.locator(selector).first.scroll_into_view_if_needed()
        page.screenshot(path=str(target), full_page=False)


def web(db: Path, path: str, target: Path, *, phone: bool) -> None:
    width, height = PHONE if phone else DESKTOP
    command = [sys.executable, "-m", "newsweave.cli", "serve", "--db", str(db), "--port", "0"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as server:
        try:
            assert server.stdout is not None
            url = server.stdout.readline().split(" at ", 1)[1].split(" ", 1)[0].rstrip("/")
            with chromium_page(width=width, height=height) as page:
                page.goto(url + path)
                page.screenshot(path=str(target), full_page=False)
        finally:
            server.terminate()
            server.communicate(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="serve this store and capture a page of the web app")
    parser.add_argument("--phone", action="store_true", help="a phone-sized viewport")
    parser.add_argument("source", help="IN.html, or with --db the page path (e.g. /)")
    parser.add_argument("target", help="OUT.png")
    parser.add_argument("selector", nargs="?", help="scroll this CSS selector into view first")
    args = parser.parse_args()
    if args.db:
        web(Path(args.db), args.source, Path(args.target), phone=args.phone)
    else:
        report(Path(args.source), Path(args.target), args.selector)


if __name__ == "__main__":
    main()
