"""A web page's own metadata: headline, publication date, author, site name, address.

Read from the page's JSON-LD (schema.org ``Article`` and its kinds), its meta tags
(Open Graph, ``article:*``, Dublin Core, ``name=author``) and ``<link rel=canonical>``;
what they leave empty is asked of trafilatura's metadata extraction (which also reads
bylines and dates written in the page, through htmldate).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any
from urllib.parse import urlparse

from lxml import html as lxml_html

from ...knowledge import html_rules
from .dates import iso_day
from .types import Properties

# schema.org types whose headline, date and author are the page's own.
_ARTICLE_TYPES = re.compile(r"(Article|BlogPosting|LiveBlogPosting|Report|NewsArticle)$")
_URL = re.compile(r"^(https?:)?//|^www\.", re.IGNORECASE)
# "Headline | Site" and "Headline - Site": the site part of a <title>.
_TITLE_SITE_SUFFIX = re.compile(r"\s+[|\-–—·:]\s+([^|\-–—·:]{2,60})$")

_PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "article:published",
    "datepublished", "og:pubdate", "pubdate", "publishdate", "dc.date.issued",
    "dcterms.issued", "dc.date", "date", "sailthru.date",
)  # fmt: skip
_AUTHOR_META = ("author", "article:author_name", "article:author", "og:article:author",
                "dc.creator", "sailthru.author", "byl")  # fmt: skip
_SITE_META = ("og:site_name", "application-name", "apple-mobile-web-app-title", "publisher")
_TITLE_META = ("og:title", "twitter:title", "dc.title")


def page_properties(tree: lxml_html.HtmlElement) -> Properties:
    """What the page's JSON-LD, meta tags and canonical link say about it."""
    meta = _meta_tags(tree)
    article = _ld_article(tree)
    sites = [
        _ld_name(article.get("publisher")) if article else None,
        *(meta.get(k) for k in _SITE_META),
        _title_site(tree),
    ]
    title = _without_site(_title(tree, meta, article), sites)
    # Some pages put the headline where the site's name belongs (application-name).
    site = next((s for s in sites if s and not (title and similar(s, title))), None)
    url = _canonical(tree) or meta.get("og:url") or _ld_url(article)
    date = iso_day((article or {}).get("datePublished")) or _first_date(meta)
    authors = _ld_authors(article) if article else []
    if not authors:
        byline = next(
            (meta[k] for k in _AUTHOR_META if k in meta and not _URL.match(meta[k])), None
        )
        authors = _split_authors(byline) if byline else []
    # A page that names its author (even only as the organisation) is taken at its word;
    # only pages that name none are searched for a byline (``with_fallback``).
    named = bool(authors)
    authors = _clean_authors(authors, site)
    return Properties(
        title=title,
        date=date,
        author="; ".join(authors) or (None if named else _UNNAMED),
        site=site or _host(url),
        url=url,
    )


# Marks "the page's tags name no author" between page_properties and with_fallback.
_UNNAMED = "\x00unnamed"


def with_fallback(properties: Properties, tree: lxml_html.HtmlElement) -> Properties:
    """Fill what the page's tags left empty from trafilatura's metadata extraction."""
    unnamed = properties.author == _UNNAMED
    if unnamed:
        properties = replace(properties, author=None)
    if properties.title and properties.date and not unnamed:
        return properties
    from trafilatura import extract_metadata

    found = extract_metadata(tree)
    if found is None:
        return properties
    author = properties.author
    if unnamed and found.author:
        author = "; ".join(_clean_authors(_split_authors(found.author), properties.site)) or None
    return replace(
        properties,
        title=properties.title or _text(found.title),
        date=properties.date or iso_day(found.date),
        author=author,
        url=properties.url or _text(found.url),
    )


def title_candidates(tree: lxml_html.HtmlElement) -> list[str]:
    """Every form of the headline the page offers (for matching its first heading)."""
    meta = _meta_tags(tree)
    article = _ld_article(tree)
    found = [_text((article or {}).get("headline")), *(meta.get(k) for k in _TITLE_META)]
    found.append(_page_title(tree))
    found.extend(_text(h.text_content()) for h in tree.iter("h1"))
    return [" ".join(t.split()) for t in found if t]


def similar(a: str, b: str) -> bool:
    """Two headlines for one story: most words of the shorter one are in the other."""
    words_a, words_b = set(_words(a)), set(_words(b))
    if not words_a or not words_b:
        return False
    shorter = min(len(words_a), len(words_b))
    return len(words_a & words_b) >= max(1, 0.6 * shorter)


# --- the pieces ---------------------------------------------------------------------


def _meta_tags(tree: lxml_html.HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        content = " ".join((element.get("content") or "").split())
        if key and content:
            found.setdefault(key.strip().lower(), content)
    return found


def _ld_objects(tree: lxml_html.HtmlElement) -> Iterator[dict[str, Any]]:
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue  # a broken block of JSON-LD is the page's problem, not ours
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                if "@graph" in item:
                    stack.extend(item["@graph"] if isinstance(item["@graph"], list) else [])


def _ld_article(tree: lxml_html.HtmlElement) -> dict[str, Any] | None:
    for item in _ld_objects(tree):
        types = item.get("@type")
        types = types if isinstance(types, list) else [types]
        if any(isinstance(t, str) and _ARTICLE_TYPES.search(t) for t in types):
            return item
    return None


def _ld_name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    text = _text(value)
    return text if text and not _URL.match(text) else None


def _ld_authors(article: dict[str, Any]) -> list[str]:
    value = article.get("author") or article.get("creator")
    items = value if isinstance(value, list) else [value]
    people = [i for i in items if isinstance(i, dict) and i.get("@type") == "Person"]
    names = [_ld_name(i) for i in (people or items)]
    return [part for name in names if name for part in _split_authors(name)]


def _ld_url(article: dict[str, Any] | None) -> str | None:
    if not article:
        return None
    page = article.get("mainEntityOfPage")
    if isinstance(page, dict):
        page = page.get("@id") or page.get("url")
    for value in (article.get("url"), page):
        if isinstance(value, str) and _URL.match(value):
            return value.strip()
    return None


def _canonical(tree: lxml_html.HtmlElement) -> str | None:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return link.get("href").strip()
    return None


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((meta[k] for k in keys if meta.get(k)), None)


def _first_date(meta: dict[str, str]) -> str | None:
    return next((d for k in _PUBLISHED_META if (d := iso_day(meta.get(k)))), None)


def _title(
    tree: lxml_html.HtmlElement, meta: dict[str, str], article: dict[str, Any] | None
) -> str | None:
    """The headline: JSON-LD's when another source confirms it (content systems put
    their own name there), else Open Graph's, else the page title without the site."""
    page_title = _page_title(tree)
    social = _first(meta, _TITLE_META)
    headline = _text((article or {}).get("headline"))
    checks = [
        t for t in (social, page_title, *(_text(h.text_content()) for h in tree.iter("h1"))) if t
    ]
    if headline and any(similar(headline, c) for c in checks):
        return headline
    return social or page_title or headline


def _without_site(title: str | None, sites: list[str | None]) -> str | None:
    """``title`` without a trailing " | Site" naming one of ``sites``."""
    suffix = _TITLE_SITE_SUFFIX.search(title or "")
    names = {s.casefold() for s in sites if s}
    if title and suffix and suffix.group(1).strip().casefold() in names:
        return title[: suffix.start()].strip()
    return title


def _title_site(tree: lxml_html.HtmlElement) -> str | None:
    """The site named at the end of the page's <title> ("... - The New York Times")."""
    element = tree.find(".//title")
    title = _text(element.text_content()) if element is not None else None
    suffix = _TITLE_SITE_SUFFIX.search(title or "")
    return suffix.group(1).strip() if suffix else None


def _page_title(tree: lxml_html.HtmlElement) -> str | None:
    element = tree.find(".//title")
    title = _text(element.text_content()) if element is not None else None
    if not title:
        return None
    stripped = _TITLE_SITE_SUFFIX.sub("", title)
    return stripped if len(stripped) >= 0.5 * len(title) else title


def _split_authors(value: str) -> list[str]:
    rules = html_rules()
    value = rules.byline_prefix.sub("", " ".join(value.split()))
    value = rules.byline_suffix.sub("", value)
    return [p.strip() for p in rules.author_separators.split(value) if p and p.strip()]


def _clean_authors(names: list[str], site: str | None) -> list[str]:
    """Drop placeholders, addresses and the site itself ("Rob Picheta, CNN")."""
    rules = html_rules()
    kept: list[str] = []
    for name in names:
        if _URL.match(name) or rules.placeholder_authors.fullmatch(name):
            continue
        if site and name.lower() == site.lower():
            continue
        if name not in kept:
            kept.append(name)
    return kept


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url if "//" in url else f"//{url}").hostname or ""
    return host.removeprefix("www.") or None


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())
