"""Knowledge the readers of web pages, PDFs and Word files need (models/formats.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .files import load_yaml


def _any_of(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@dataclass(frozen=True)
class HtmlRules:
    """Furniture inside articles, and how bylines are written."""

    furniture_class_words: frozenset[str]
    furniture_max_chars: int
    promo_headings: re.Pattern[str]
    placeholder_authors: re.Pattern[str]
    byline_prefix: re.Pattern[str]
    byline_suffix: re.Pattern[str]
    author_separators: re.Pattern[str]


@cache
def html_rules() -> HtmlRules:
    data = load_yaml("formats.yaml")["html"]
    return HtmlRules(
        furniture_class_words=frozenset(w.lower() for w in data["furniture_class_words"]),
        furniture_max_chars=int(data["furniture_max_chars"]),
        promo_headings=_any_of(data["promo_headings"]),
        placeholder_authors=_any_of(data["placeholder_authors"]),
        byline_prefix=re.compile(data["byline_prefix"], re.IGNORECASE),
        byline_suffix=re.compile(data["byline_suffix"], re.IGNORECASE),
        author_separators=re.compile(data["author_separators"], re.IGNORECASE),
    )


@dataclass(frozen=True)
class PdfRules:
    """Text-layer threshold, header/footer furniture, paragraph and heading geometry."""

    min_chars_per_page: int
    furniture_band: float
    furniture_min_share: float
    page_number: re.Pattern[str]
    paragraph_gap: float
    heading_size_ratio: float
    junk_titles: re.Pattern[str]
    junk_title_prefixes: re.Pattern[str]


@cache
def pdf_rules() -> PdfRules:
    data = load_yaml("formats.yaml")["pdf"]
    return PdfRules(
        min_chars_per_page=int(data["min_chars_per_page"]),
        furniture_band=float(data["furniture_band"]),
        furniture_min_share=float(data["furniture_min_share"]),
        page_number=_any_of(data["page_number_lines"]),
        paragraph_gap=float(data["paragraph_gap"]),
        heading_size_ratio=float(data["heading_size_ratio"]),
        junk_titles=_any_of(data["junk_titles"]),
        junk_title_prefixes=_any_of(data["junk_title_prefixes"]),
    )


@dataclass(frozen=True)
class DocxStyles:
    """Paragraph style names (python-docx) of headings, titles and list items."""

    heading: re.Pattern[str]
    title: re.Pattern[str]
    list_item: re.Pattern[str]


@cache
def docx_styles() -> DocxStyles:
    data = load_yaml("formats.yaml")["docx"]
    return DocxStyles(
        heading=_any_of(data["heading_styles"]),
        title=_any_of(data["title_styles"]),
        list_item=_any_of(data["list_styles"]),
    )
