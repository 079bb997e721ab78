"""The article's own address: normalising, repairing, finding it in page text, its domain.

Scraped text often keeps the page address in a junk line ("Original url:", "Source:", a bare
link beside the share buttons), sometimes broken by a stray space or line break. We pick the
link that looks like an article address (a long path with a date or a slug) over image, CDN
and social links, and rejoin a slug that a space or line break cut in two.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that only track the click, never select the page.
_TRACKING_KEYS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid",
        "_ga", "_gl", "ocid", "cmpid", "smid", "smtyp", "ncid", "ito", "sr_share", "at_medium",
        "at_campaign", "utm", "share", "ref_src", "cid", "__twitter_impression",
    }
)  # fmt: skip
_TRACKING_PREFIXES = ("utm_", "at_", "pk_", "mtm_", "hsa_")

_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"'`{}|\\^\[\]]+", re.IGNORECASE)
_TRAILING_PUNCT = ".,;:!?)]}>'\"’”»…*"
# A label that announces the page's own address on the line itself or the line above.
_LABEL_RE = re.compile(
    r"(?i)\b(?:original\s+(?:url|link|article|source)|source\s*(?:url|link)?|read\s+more\s+(?:at|on)"
    r"|permalink|canonical|url|link|article\s+(?:url|link)|via|full\s+(?:story|article)"
    r"(?:\s+(?:at|on))?)\s*[:\-—]?\s*$"
)
_IMAGE_EXT_RE = re.compile(
    r"\.(?:jpe?g|png|gif|webp|svg|bmp|ico|tiff?|mp4|mp3|webm|m4a|mov|avi|pdf|zip|js|css|woff2?|ttf)"
    r"(?:$|[?#])",
    re.IGNORECASE,
)
_ASSET_HOST_RE = re.compile(r"^(?:cdn|img|image|images|static|media|assets|pics?|s|i)\d*[.-]")
_SOCIAL_DOMAINS = frozenset(
    {
        "facebook.com", "twitter.com", "x.com", "t.co", "instagram.com", "youtube.com",
        "youtu.be", "linkedin.com", "pinterest.com", "reddit.com", "whatsapp.com", "wa.me",
        "telegram.org", "t.me", "vk.com", "tiktok.com", "bit.ly", "ow.ly", "tinyurl.com",
        "google.com", "apple.com", "flipboard.com", "addthis.com", "sharethis.com",
        "gravatar.com", "wp.com", "doubleclick.net", "googletagmanager.com", "disqus.com",
        "feedburner.com", "archive.org", "mailto.com", "ok.ru", "threads.net", "bsky.app",
    }
)  # fmt: skip
_DATE_PATH_RE = re.compile(
    r"/(?P<y>(?:19|20)\d\d)[/-](?P<m>0?[1-9]|1[0-2])(?:[/-](?P<d>0?[1-9]|[12]\d|3[01]))?(?=[/\-_.]|$)"
)
# Eight digits YYYYMMDD at the start of a path segment or after a separator, possibly followed by
# more digits of an id (Sputnik's /us/202012151081463006-slug/, thelocal's /20200428/).
_COMPACT_DATE_RE = re.compile(
    r"(?:(?<=/)|(?<=[-_]))(?P<y>(?:199[5-9]|20\d\d))(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])"
    r"(?=\d*(?:[/\-_.]|$))"
)
_SLUG_FRAGMENT_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-_/.%=&?#~+]*")
_WORD_RE = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=1)
def _extractor() -> Any:
    """tldextract with its bundled suffix list only: never fetches anything.

    Private suffixes count ("emacspeak.blogspot.com", "someone.github.io"): each blog on a
    hosting platform is its own site, not an outlet named "blogspot.com".
    """
    import tldextract

    return tldextract.TLDExtract(
        suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True
    )


def url_host(url: str) -> str | None:
    """Lower-cased host of `url` without a leading "www.", or None."""
    try:
        host = urlsplit(url if "://" in url else f"http://{url}").hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


# Blog platforms that give each blog its own subdomain ("malialitman.wordpress.com"): the blog is
# the site and its voice, not the platform. The public suffix list marks only a few of them
# (blogspot.com, wixsite.com, github.io). ECB+ has 14 such blogs, 11 of them on blogspot.nl.
_BLOG_PLATFORMS = frozenset(
    {
        "wordpress.com", "livejournal.com", "tumblr.com", "typepad.com", "substack.com",
        "weebly.com", "medium.com", "over-blog.com", "blogs.com", "ghost.io", "squarespace.com",
        "canalblog.com", "tistory.com", "xanga.com", "webs.com", "jimdofree.com", "blog.hu",
    }
)  # fmt: skip
# Parent domains whose subdomains are separate brands of one owner ("espn.go.com" is ESPN,
# "abcnews.go.com" ABC News): the brand's host is its site, as a blog's is on a platform.
BRAND_PARENTS = frozenset({"go.com", "indiatimes.com"})
# Subdomains that are the platform's own pages, not a blog ("en.blog.wordpress.com" is the
# WordPress.com Blog).
_PLATFORM_HOSTS = frozenset({"www", "m", "mobile", "api", "public-api", "blog", "news", "support"})


def registered_domain(url: str) -> str | None:
    """The registered domain of `url` ("news.bbc.co.uk/x" -> "bbc.co.uk"), or None.

    A blog on a hosting platform is its own site ("druzifer.livejournal.com"); Blogger's country
    mirrors are one host ("x.blogspot.nl" -> "x.blogspot.com")."""
    host = url_host(url)
    if host is None:
        return None
    parts = _extractor()(host)
    domain = getattr(parts, "top_domain_under_public_suffix", None)
    if domain is None:  # tldextract < 5.3
        domain = parts.registered_domain
    if not domain:
        return None
    blog = parts.subdomain.rsplit(".", 1)[-1] if parts.subdomain else ""
    if blog and blog not in _PLATFORM_HOSTS:
        if parts.domain == "blogspot":
            return f"{blog}.blogspot.com"
        if domain in _BLOG_PLATFORMS or domain in BRAND_PARENTS:
            return f"{blog}.{domain}"
    return str(domain)


def clean_url(url: str) -> str | None:
    """`url` with tracking parameters, anchors and trailing punctuation removed; None if invalid."""
    url = url.strip().rstrip(_TRAILING_PUNCT)
    if url.lower().startswith("www."):
        url = "https://" + url
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname
    if "." not in host or not re.fullmatch(r"[a-z0-9.-]+", host) or ".." in host:
        return None
    netloc = host if parts.port is None else f"{host}:{parts.port}"
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    )
    # Anchors never select another page, except the old "#!" single-page-app addresses.
    fragment = parts.fragment if parts.fragment.startswith("!") else ""
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", query, fragment))


def _is_tracking(key: str) -> bool:
    low = key.lower()
    return low in _TRACKING_KEYS or low.startswith(_TRACKING_PREFIXES)


def date_from_url(url: str) -> str | None:
    """A day-precision ISO date written in the URL path (/2020/12/15/, /20201215...), or None."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    match = _DATE_PATH_RE.search(path)
    if match and match.group("d"):
        return _iso(match.group("y"), match.group("m"), match.group("d"))
    compact = _COMPACT_DATE_RE.search(path)
    if compact:
        return _iso(compact.group("y"), compact.group("m"), compact.group("d"))
    return None


def _iso(year: str, month: str, day: str) -> str | None:
    import datetime as dt

    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def slug_words(url: str) -> list[str]:
    """The words of the URL path ("/2020/12/15/putin-meets-biden-a72" -> putin, meets, biden)."""
    try:
        path = urlsplit(url).path.lower()
    except ValueError:
        return []
    words = _WORD_RE.findall(re.sub(r"\.(?:html?|php|aspx?|shtml)$", "", path))
    # Digits and short id codes ("a72358", "html") are not words of the headline.
    return [w for w in words if not w.isdigit() and not re.fullmatch(r"[a-z]{0,2}\d+\w*", w)]


def find_url_in_text(text: str, *, title: str | None = None) -> str | None:
    """The address of the article itself named in `text`, or None.

    Candidates are links repaired when a space or line break cut them. A link announced by a label
    ("Original url:", "Source:") is taken when it has an article-like path. An unlabelled link is
    taken only when it stands alone on its line and its slug repeats the headline: links inside
    prose point elsewhere (measured on the cleaning dev pages: without these conditions 9 of 102
    pages got another site's address, with them none).
    """
    lines = text.splitlines()
    best: tuple[float, int, str] | None = None
    for index, line in enumerate(lines):
        if "http" not in line and "www." not in line:
            continue
        lead = len(line) - len(line.lstrip(" \t-–—•*>:(["))
        for match in _URL_RE.finditer(line):
            following = lines[index + 1] if index + 1 < len(lines) else ""
            rest = line[match.end() : match.end() + 200]
            raw = _repair_broken(match.group(0), rest, following, title)
            url = clean_url(raw)
            if url is None:
                continue
            # only the few characters before a link can label it (and long lines stay linear)
            before = line[max(0, match.start() - 60) : match.start()]
            at_start = match.start() <= lead
            labelled = bool(_LABEL_RE.search(before)) or (
                at_start and bool(_LABEL_RE.search(_previous_nonempty(lines, index)))
            )
            score = _article_score(url)
            if score < MIN_ARTICLE_SCORE:
                continue
            overlap = _slug_overlap(url, title) if title else 0.0
            if not labelled:
                alone = at_start and (raw != match.group(0) or not rest.strip(" \t.,;)]"))
                if not alone or overlap < MIN_TITLE_OVERLAP:
                    continue
            score += (3.0 if labelled else 0.0) + 2.0 * overlap
            if best is None or (score, -index) > (best[0], best[1]):
                best = (score, -index, url)
    return best[2] if best else None


def _previous_nonempty(lines: list[str], index: int) -> str:
    """The closest non-blank line above `index` (a label may stand a blank line above)."""
    for previous in range(index - 1, max(index - 3, -1), -1):
        if lines[previous].strip():
            return lines[previous]
    return ""


# An article address has a path of at least one slug word or a date (home pages score 0.2).
MIN_ARTICLE_SCORE = 1.0
# Share of slug words that must be headline words for an unlabelled link to be the article's
# own: the seed pages' own links share >= 0.8, related-story links on the dev pages < 0.4.
MIN_TITLE_OVERLAP = 0.5


def _article_score(url: str) -> float:
    """How much `url` looks like an article page (<= 0: an asset, a social link or a home page)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    domain = registered_domain(url)
    if domain is None or domain in _SOCIAL_DOMAINS or _IMAGE_EXT_RE.search(parts.path):
        return 0.0
    if _ASSET_HOST_RE.match(host) or "/wp-content/" in parts.path or "/img/" in parts.path:
        return 0.0
    path = parts.path.rstrip("/")
    if not path:
        return 0.2  # a home page: better than nothing, worse than any article path
    words = slug_words(url)
    score = 1.0 + min(len(words), 8) * 0.25
    if date_from_url(url) or re.search(r"/(?:19|20)\d\d/", path):
        score += 1.0
    if re.search(r"(?<![a-z0-9])[a-z0-9]+-[a-z0-9]+-[a-z0-9]+", path.lower()):
        score += 1.0  # a hyphenated slug of at least three words
    return score


def _slug_overlap(url: str, title: str) -> float:
    words = slug_words(url)
    if not words:
        return 0.0
    title_words = set(_WORD_RE.findall(title.lower().replace(".", "").replace("'", "")))
    return sum(w in title_words for w in words) / len(words)


def _repair_broken(url: str, rest_of_line: str, next_line: str, title: str | None) -> str:
    """Rejoin a URL whose slug a space or a line break cut ("...-after-elect oral-college-a72")."""
    base = url.rstrip(_TRAILING_PUNCT)
    if "/" not in base.split("://", 1)[-1]:
        return url  # only a path can be cut; a bare host is complete
    fragment = rest_of_line.strip()
    if not fragment:
        if base.endswith(("-", "_", "/")):
            # the cut fell on a separator at the end of the line: the slug goes on below
            fragment = next_line.strip()
        else:
            return url
    if not _looks_like_slug_continuation(fragment, base):
        return url
    joined = base + fragment
    if clean_url(joined) is None:
        return url
    if title and _slug_overlap(joined, title) < _slug_overlap(base, title):
        return url  # the joined words fit the headline worse: not one address
    return joined


def _looks_like_slug_continuation(fragment: str, base: str) -> bool:
    """A single token of URL characters that carries on a hyphenated slug."""
    if " " in fragment or "\t" in fragment or fragment.lower().startswith(("http", "www.")):
        return False
    if not _SLUG_FRAGMENT_RE.fullmatch(fragment.rstrip(_TRAILING_PUNCT)):
        return False
    last_segment = base.rstrip("/").rsplit("/", 1)[-1]
    slug_like_base = "-" in last_segment or "_" in last_segment or base.endswith(("-", "_", "/"))
    slug_like_fragment = "-" in fragment or "_" in fragment or "/" in fragment
    return slug_like_base and slug_like_fragment
