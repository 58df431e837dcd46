"""HTML -> visible article text and page metadata (trafilatura, else our own walk over lxml)."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from checker.load.decode import clean_text
from checker.load.metadata import Metadata, _text_value, parse_published

log = logging.getLogger(__name__)

FALLBACK_SHARE = 0.4  # trafilatura text shorter than this share of the visible text: fall back
LINK_HEAVY_SHARE = 0.5  # fallback blocks with more link text than this are menus

_CHARSET_NAME = r"[A-Za-z0-9_.:-]{1,40}"

RE_META_CHARSET = re.compile(
    rb"""
    <meta\b [^>]{0,300}?          # a meta tag, its attributes before the charset (bounded)
    charset \s{0,5} = \s{0,5}     # charset=, in <meta charset> or in http-equiv content
    ["']? \s{0,5}                 # optional quote
    (?P<name>"""
    + _CHARSET_NAME.encode()
    + rb""")                      # the encoding label
    """,
    re.VERBOSE | re.IGNORECASE,
)

RE_HTML_SPACE = re.compile(
    r"""
    [ \t\n\r\f\v]+                # ASCII white space, which HTML renders as one space
    """,
    re.VERBOSE,
)

RE_BLOCK_SPACES = re.compile(
    r"""
    [ ]{2,}                       # spaces left where text nodes met
    """,
    re.VERBOSE,
)

RE_SPACE_AROUND_BREAK = re.compile(
    r"""
    [ ]?                          # one space before a break (runs are already collapsed)
    (?P<brk>[\n\t])                # a line break (<br>) or a cell break
    [ ]?                          # one space after it
    """,
    re.VERBOSE,
)

RE_XML_DECLARATION = re.compile(
    r"""
    ^\s{0,100}                    # leading white space (bounded)
    <\?xml\b [^>]{0,200} \?>      # <?xml version="1.0" encoding="..."?>
    """,
    re.VERBOSE,
)

RE_DISPLAY_NONE = re.compile(
    r"""
    (?:display\s{0,5}:\s{0,5}none          # display: none
     | visibility\s{0,5}:\s{0,5}hidden)    # visibility: hidden
    """,
    re.VERBOSE | re.IGNORECASE,
)


INVISIBLE_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas", "select"}
)
BOILERPLATE_TAGS = frozenset({"nav", "aside"})
PAGE_FRAME_TAGS = frozenset({"header", "footer"})  # boilerplate outside <article>/<main> only
BOILERPLATE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
ARTICLE_TAGS = frozenset({"article", "main"})
VOID_TAGS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
BLOCK_TAGS = frozenset(
    {
        "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "hr", "html", "legend", "li", "main", "ol", "p", "pre", "section", "summary", "table",
        "tbody", "tfoot", "thead", "tr", "ul",
    }
)  # fmt: skip
CELL_TAGS = frozenset({"td", "th"})
# Meta names that carry the publication date, best first.
DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
)


@dataclass(frozen=True, slots=True)
class _Block:
    text: str
    in_article: bool
    link_chars: int


class _VisibleText:
    """Visible text blocks and page metadata, from one walk over lxml's parse of the page.

    lxml (libxml2) parses in linear time and repairs broken markup; the stdlib HTMLParser
    of Python 3.11 is quadratic on unclosed tags ("<meta <meta <meta ..."), which a
    hostile page can use to hang the run.
    """

    def __init__(self) -> None:
        self.blocks: list[_Block] = []
        self.meta: dict[str, str] = {}
        self.lang: str | None = None
        self.time: str | None = None
        self._parts: list[str] = []
        self._links = 0
        self._skip: str | None = None
        self._skip_depth = 0
        self._article_depth = 0
        self._link_depth = 0
        self._title: list[str] | None = None
        self._h1: list[str] | None = None
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []

    # Elements that hide their content until their end tag.
    def _hidden(self, tag: str, attrs: dict[str, str | None]) -> bool:
        if tag in VOID_TAGS:
            return False
        if tag in INVISIBLE_TAGS or tag in BOILERPLATE_TAGS:
            return True
        if tag in PAGE_FRAME_TAGS and self._article_depth == 0:
            return True
        return _hidden_attrs(attrs) or (attrs.get("role") or "").lower() in BOILERPLATE_ROLES

    def _collect_meta(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag == "html" and attrs.get("lang") and self.lang is None:
            self.lang = attrs["lang"]
        elif tag == "meta":
            content = (attrs.get("content") or "").strip()
            for key in ("property", "name", "itemprop", "http-equiv"):
                name = (attrs.get(key) or "").strip().lower()
                if name and content:
                    self.meta.setdefault(name, content)
        elif tag == "time" and attrs.get("datetime") and self.time is None and self._skip is None:
            # Only a <time> marked as the publication time, or the first in the article:
            # the first on the page is often today's date in the header.
            marked = "pubdate" in attrs or (attrs.get("itemprop") or "").lower() == "datepublished"
            if marked or self._article_depth:
                self.time = attrs["datetime"]

    def handle_starttag(self, tag: str, attr_list: list[tuple[str, str | None]]) -> None:
        attrs = dict(attr_list)
        self._collect_meta(tag, attrs)
        if self._skip is not None:
            if tag == self._skip:
                self._skip_depth += 1
            return
        if self._hidden(tag, attrs):
            if tag in BLOCK_TAGS or tag in PAGE_FRAME_TAGS or tag in BOILERPLATE_TAGS:
                self._flush()
            self._skip, self._skip_depth = tag, 1
            return
        if tag == "title":
            self._title = self.title_parts
        elif tag == "h1" and not self.h1_parts:
            self._h1 = self.h1_parts
        elif tag in ARTICLE_TAGS:
            self._article_depth += 1
        elif tag == "a":
            self._link_depth += 1
        if tag in BLOCK_TAGS:
            self._flush()
        elif tag == "br":
            self._parts.append("\n")
        elif tag in CELL_TAGS:
            self._parts.append("\t")

    def handle_endtag(self, tag: str) -> None:
        if self._skip is not None:
            if tag == self._skip:
                self._skip_depth -= 1
                if self._skip_depth == 0:
                    self._skip = None
            return
        if tag == "title":
            self._title = None
        elif tag == "h1":
            self._h1 = None
        elif tag in ARTICLE_TAGS:
            self._article_depth = max(0, self._article_depth - 1)
        elif tag == "a":
            self._link_depth = max(0, self._link_depth - 1)
        if tag in BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._skip is not None:
            return
        if self._title is not None:
            self._title.append(data)
            return
        if self._h1 is not None:
            self._h1.append(data)
        text = RE_HTML_SPACE.sub(" ", data)
        self._parts.append(text)
        if self._link_depth:
            self._links += len(text.strip())

    def walk(self, tree: Any) -> None:
        """Feed the tree's events to the handlers, in document order."""
        from lxml import etree

        for event, el in etree.iterwalk(tree, events=("start", "end", "comment", "pi")):
            if event == "start":
                self.handle_starttag(el.tag.lower(), [(str(k).lower(), v) for k, v in el.attrib.items()])
                self.handle_data(el.text or "")
            elif event == "end":
                self.handle_endtag(el.tag.lower())
                self.handle_data(el.tail or "")
            else:  # a comment or processing instruction: invisible, but its tail is not
                self.handle_data(el.tail or "")
        self._flush()

    def _flush(self) -> None:
        if not self._parts:
            return
        text = _join_block(self._parts)
        if text:
            self.blocks.append(_Block(text, self._article_depth > 0, self._links))
        self._parts = []
        self._links = 0

    def text(self) -> str:
        """The visible text: the article's blocks when the page marks them, link lists dropped."""
        blocks = self.blocks
        if any(b.in_article for b in blocks):
            blocks = [b for b in blocks if b.in_article]
        kept = [b.text for b in blocks if b.link_chars <= LINK_HEAVY_SHARE * len(b.text)]
        return "\n\n".join(kept)


def _join_block(parts: Iterable[str]) -> str:
    """One block's text: white space already collapsed in ``parts``; "\n" and "\t" are breaks."""
    text = RE_BLOCK_SPACES.sub(" ", "".join(parts))
    return RE_SPACE_AROUND_BREAK.sub(lambda m: m.group("brk"), text).strip(" \n\t")


def _hidden_attrs(attrs: Mapping[str, str | None]) -> bool:
    """An element the page hides: ``hidden``, ``aria-hidden="true"``, ``display: none``."""
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true":
        return True
    return bool(RE_DISPLAY_NONE.search(attrs.get("style") or ""))


def _collapse(parts: Iterable[str]) -> str | None:
    text = RE_HTML_SPACE.sub(" ", "".join(parts)).strip()
    return text or None


def _lxml_document(html: str) -> Any:
    """lxml's tree of a page, or None when there is nothing to parse."""
    from lxml import etree
    from lxml import html as lxml_html

    # lxml refuses str input that declares its encoding; the text is already decoded.
    html = RE_XML_DECLARATION.sub("", html, count=1)
    try:
        return lxml_html.document_fromstring(html)
    except (ValueError, etree.ParserError) as err:
        log.debug("lxml cannot parse the page: %s", err)
        return None


def _parse_html(html: str) -> _VisibleText:
    parser = _VisibleText()
    tree = _lxml_document(html)
    if tree is not None:
        parser.walk(tree)
    return parser


def _is_baseline(body: Any) -> bool:
    """trafilatura's last resort: all the page's text in one ``<p>``, lines and cells merged."""
    children = list(body)
    return len(children) == 1 and children[0].tag == "p" and len(children[0]) == 0


def _tree_text(body: Any) -> str:
    """Text of trafilatura's output tree, with our block conventions."""
    from lxml import etree

    blocks: list[str] = []
    parts: list[str] = []

    def flush() -> None:
        text = _join_block(parts)
        if text:
            blocks.append(text)
        parts.clear()

    block_tags = {"p", "head", "item", "quote", "row", "code", "list", "table", "div"}
    for event, el in etree.iterwalk(body, events=("start", "end")):
        if not isinstance(el.tag, str) or el is body:
            continue
        if event == "start":
            if el.tag in block_tags:
                flush()
            elif el.tag == "lb":
                parts.append("\n")
            elif el.tag == "cell" and el.getprevious() is not None:
                parts.append("\t")
            parts.append(RE_HTML_SPACE.sub(" ", el.text or ""))
        else:
            if el.tag in block_tags:
                flush()
            parts.append(RE_HTML_SPACE.sub(" ", el.tail or ""))
    flush()
    return "\n\n".join(blocks)


def _pruned_tree(html: str) -> Any:
    """The page as an lxml tree without the invisible elements trafilatura would keep.

    trafilatura keeps the text of ``<template>`` and of ``hidden`` elements; a figure
    there is not something the reader saw. Returns the string when lxml cannot parse it.
    """
    from lxml import etree

    tree = _lxml_document(html)
    if tree is None:
        return html
    doomed = []
    for el in tree.iter():
        if not isinstance(el.tag, str):
            # trafilatura loses the text after a comment ("<p>61%<!-- x --> of votes</p>").
            doomed.append(el)
            continue
        attrs = {str(k).lower(): v for k, v in el.attrib.items()}
        tag = el.tag.lower()
        if tag in INVISIBLE_TAGS or (tag not in VOID_TAGS and _hidden_attrs(attrs)):
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            _drop_keeping_tail(el, etree)
    return tree


def _drop_keeping_tail(el: Any, etree: Any) -> None:
    """Remove an element (or comment) but keep the text that follows it, which is visible."""
    parent = el.getparent()
    tail = el.tail or ""
    previous = el.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(el)


def _trafilatura(html: str) -> tuple[str, str | None, str | None]:
    """(body text, title, date) from trafilatura, working on the string (never the network)."""
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(
            _pruned_tree(html),
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            # No dates guessed from the running text: a wrong publication date would
            # shift every "last week" and "a year ago" in the article.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as err:  # a third-party parser failing on one page must not stop the run
        log.warning("trafilatura failed: %s", err)
        return "", None, None
    if doc is None:
        return "", None, None
    body = getattr(doc, "body", None)
    if body is None or _is_baseline(body):
        return "", getattr(doc, "title", None), getattr(doc, "date", None)
    text = _tree_text(body)
    return text, getattr(doc, "title", None), getattr(doc, "date", None)


def extract_html_text(html: str) -> tuple[str, Metadata]:
    """Visible article text of an HTML page and the metadata the page gives.

    >>> text, meta = extract_html_text(
    ...     "<html lang='en'><title>T</title><script>var x='9%'</script><p>Turnout was 58%.</p></html>")
    >>> text, meta.title, meta.language
    ('Turnout was 58%.', 'T', 'en')
    """
    page = _parse_html(html)
    visible = page.text()
    body, traf_title, traf_date = _trafilatura(html)
    h1 = _collapse(page.h1_parts)
    if not body.strip() or len(body) < FALLBACK_SHARE * len(visible):
        log.debug("using our visible text (%d chars) over trafilatura's (%d)", len(visible), len(body))
        text = visible
    else:
        text = body if not h1 or h1 in body else f"{h1}\n\n{body}"
    published = None
    for name in DATE_META:
        if name in page.meta and (published := parse_published(page.meta[name])):
            break
    published = published or parse_published(page.time) or parse_published(traf_date)
    title = _text_value(page.meta.get("og:title")) or h1 or _collapse(page.title_parts) or traf_title
    language = page.lang or page.meta.get("content-language") or page.meta.get("og:locale")
    url = _text_value(page.meta.get("og:url"))
    return clean_text(text), Metadata(title=title, published=published, url=url, language=language)


def _declared_charset(data: bytes) -> str | None:
    m = RE_META_CHARSET.search(data[:4096])
    return m["name"].decode("ascii") if m else None
