"""Reading rendered pages in tests: the content of <main>, and text without tags."""

from __future__ import annotations

import html
import re


def main_of(page: str) -> str:
    """The markup inside <main>, where a page's own content is."""
    start = page.index('<main id="content"')
    return page[start : page.index("</main>", start)]


def text_of(markup: str) -> str:
    """Visible text: tags removed, entities decoded, whitespace collapsed."""
    without_tags = re.sub(r"<[^>]+>", " ", markup)
    collapsed = re.sub(r"\s+", " ", html.unescape(without_tags)).strip()
    return re.sub(r" ([.,:;)”])", r"\1", collapsed)
