"""Saved web pages: the main text by trafilatura, the page's metadata from its tags.

trafilatura is the maintained standard for main-text extraction (best or near-best F1
in its own and in independent evaluations, e.g. Bevendorff et al. 2023 and the
ScrapingHub article-extraction benchmark, with no browser or network needed); it drops
navigation, cookie banners, adverts, related links and comments. Its XML keeps the
structure: headings, paragraphs, list items, table rows, which become our blocks so
that titles, kinds and minutes statements work as on text files. Before it runs, boxes
that news pages put inside the article itself (calls to action, newsletter sign-ups,
trust badges; ``models/formats.yaml``) are removed.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from copy import deepcopy

from lxml import etree
from lxml import html as lxml_html

from ...knowledge import html_rules
from ...records import BlockKind
from .html_meta import page_properties, similar, title_candidates, with_fallback
from .types import Extracted, Properties, TextBuilder, UnreadableDocument

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Browsers read these declarations as Windows-1252 (the WHATWG encoding standard).
_AS_CP1252 = {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "iso8859-1"}
_HEADING = re.compile(r"h[1-6]")
_CLASS_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def read_html(data: bytes) -> Extracted:
    """The page's main text as blocks (title first), with the page's metadata."""
    tree = parse_html(data)
    properties = with_fallback(page_properties(tree), tree)
    candidates = title_candidates(tree)
    _remove_furniture(tree)
    body = _main_text(tree)
    if body is None or not "".join(body.itertext()).strip():
        raise UnreadableDocument(
            "no main text found in the page (an index page, or one that shows its text "
            "only with JavaScript?)"
        )
    builder = TextBuilder()
    blocks = list(_blocks(body))
    title = properties.title
    first_kind, first_text = blocks[0] if blocks else ("", "")
    printed = first_kind == "h1" and any(similar(first_text, c) for c in candidates)
    if printed or (first_kind == BlockKind.HEADING and _same(first_text, title)):
        # The article's own first heading is the headline as printed on the page.
        title = first_text
        blocks[0] = (BlockKind.TITLE, title)
    elif title:
        builder.add(BlockKind.TITLE, title)
    for kind, text in blocks:
        builder.add(BlockKind.HEADING if kind == "h1" else kind, text)
    return builder.build(Properties(title, *_rest(properties)))


def _main_text(tree: lxml_html.HtmlElement) -> etree._Element | None:
    """trafilatura's main text; when it found no article container and so kept bare
    paragraphs only (headings and lists lost, as on many council pages), its recall mode,
    provided that keeps every paragraph of the first result."""
    from trafilatura import bare_extraction

    options = {
        "include_comments": False,
        "include_tables": True,
        "include_images": False,
        "include_links": False,
        "include_formatting": False,
        "deduplicate": False,  # minutes repeat their lines ("Motion Passed") on purpose
        "with_metadata": False,
    }
    body = getattr(bare_extraction(deepcopy(tree), **options), "body", None)
    if body is not None and body.find(".//head") is None and body.find(".//list") is None:
        recall = getattr(bare_extraction(tree, favor_recall=True, **options), "body", None)
        if recall is not None and _structured(recall):
            kept = " ".join(" ".join(recall.itertext()).split())
            paragraphs = (" ".join(" ".join(p.itertext()).split()) for p in body.iter("p"))
            if all(p in kept for p in paragraphs):
                return recall
    return body


def _structured(body: etree._Element) -> bool:
    return body.find(".//head") is not None or body.find(".//list") is not None


def html_properties(data: bytes) -> Properties:
    """The page's metadata without extracting its text (for the unchanged check)."""
    tree = parse_html(data)
    return with_fallback(page_properties(tree), tree)


def parse_html(data: bytes) -> lxml_html.HtmlElement:
    text = _XML_DECLARATION.sub("", decode_html(data))
    if not text.strip():
        raise UnreadableDocument("empty page")
    try:
        return lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as error:
        raise UnreadableDocument(f"not a readable HTML page ({error})") from error


def decode_html(data: bytes) -> str:
    """A BOM, then the page's ``<meta charset>``, then UTF-8, then Windows-1252."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if data.startswith(bom):
            return data.decode(encoding, errors="replace").lstrip("\ufeff")
    declared = _CHARSET.search(data[:8192])
    if declared:
        name = declared.group(1).decode("ascii", errors="ignore").lower()
        name = "cp1252" if name in _AS_CP1252 else name
        try:
            codecs.lookup(name)
        except LookupError:
            pass
        else:
            return data.decode(name, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _same(a: str, b: str | None) -> bool:
    return b is not None and a.casefold().split() == b.casefold().split()


def _rest(properties: Properties) -> tuple[str | None, ...]:
    return properties.date, properties.author, properties.site, properties.url


# --- furniture inside the article -------------------------------------------------------


def _remove_furniture(tree: lxml_html.HtmlElement) -> None:
    rules = html_rules()
    doomed: list[lxml_html.HtmlElement] = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("html", "body", "main", "head"):
            continue
        names = f"{element.get('class') or ''} {element.get('id') or ''}"
        words = {w.lower() for w in _CLASS_WORDS.findall(names)}
        if words & rules.furniture_class_words and _chars(element) <= rules.furniture_max_chars:
            doomed.append(element)
        elif _HEADING.fullmatch(element.tag) and rules.promo_headings.search(
            " ".join(element.text_content().split())
        ):
            doomed.append(_promo_box(element, rules.furniture_max_chars))
    for element in doomed:
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()  # keeps the tail text that follows the box


def _promo_box(heading: lxml_html.HtmlElement, max_chars: int) -> lxml_html.HtmlElement:
    """The largest container around a promotional heading that is still a small box."""
    box = heading
    parent = box.getparent()
    while (
        parent is not None
        and parent.tag not in ("html", "body", "main", "article")
        and _chars(parent) <= max_chars
    ):
        box, parent = parent, parent.getparent()
    return box


def _chars(element: lxml_html.HtmlElement) -> int:
    return len(" ".join(element.text_content().split()))


# --- trafilatura's XML to blocks --------------------------------------------------------


def _blocks(body: etree._Element) -> Iterator[tuple[str, str]]:
    for element in body:
        yield from _element_blocks(element)


def _element_blocks(element: etree._Element) -> Iterator[tuple[str, str]]:
    tag = element.tag
    if tag == "head":
        # "h1" marks the page's own headline, kept apart until the title is chosen.
        yield ("h1" if element.get("rend") == "h1" else BlockKind.HEADING), _inline(element)
    elif tag == "list":
        for item in element.iter("item"):
            # An item holding a nested list gives its own text, then the nested items.
            yield BlockKind.BULLET, _inline(item, skip=("list",))
    elif tag == "table":
        for row in element.iter("row"):
            cells = [_inline(cell) for cell in row.iter("cell")]
            yield BlockKind.PARAGRAPH, " | ".join(c for c in cells if c)
    elif tag in ("quote", "div"):
        if len(element) and all(child.tag in _BLOCK_TAGS for child in element):
            for child in element:
                yield from _element_blocks(child)
        else:
            yield from _lines(BlockKind.PARAGRAPH, element)
    elif tag == "graphic":
        return
    else:
        yield from _lines(BlockKind.PARAGRAPH, element)


_BLOCK_TAGS = {"p", "head", "list", "table", "quote", "div", "code", "graphic"}


def _lines(kind: str, element: etree._Element) -> Iterator[tuple[str, str]]:
    """A paragraph cut at its line breaks (``<lb/>``): minutes put one name or one
    motion line per ``<br>``."""
    for line in _inline(element, breaks=True).split("\n"):
        if line.strip():
            yield kind, line


_BREAK = "\x00"  # stands for <lb/> until white space is collapsed


def _inline(element: etree._Element, *, skip: tuple[str, ...] = (), breaks: bool = False) -> str:
    """The element's text with white space collapsed; ``<lb/>`` becomes a newline when
    ``breaks`` (a line break in the page), else a space. Newlines of the HTML source
    are only white space."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if child.tag in skip:
                pass
            elif child.tag == "lb":
                parts.append(_BREAK if breaks else " ")
            else:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    lines = "".join(parts).split(_BREAK)
    return "\n".join(" ".join(line.split()) for line in lines)
