"""Reading HTML forms in tests: the fields a browser would submit from one form."""

from __future__ import annotations

import re
from html.parser import HTMLParser

SUBMITTED_INPUTS = {"hidden", "text", "url", "password", "datetime-local", "search", "number"}
VOID = {"input", "br", "img", "hr", "meta", "link"}


class _FormReader(HTMLParser):
    def __init__(self, container_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.container_id = container_id
        self.depth = 0  # elements open inside the container; 0 = outside it
        self.in_form = False
        self.fields: dict[str, str] = {}
        self.action: str | None = None
        self._textarea: str | None = None
        self._select: str | None = None
        self._first_option: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if self.depth == 0:
            if attributes.get("id") == self.container_id:
                self.depth = 1
            return
        if tag not in VOID:
            self.depth += 1
        if tag == "form":
            self.in_form, self.action = True, attributes.get("action")
        if not self.in_form:
            return
        name = attributes.get("name", "")
        if tag == "input" and attributes.get("type", "text") in SUBMITTED_INPUTS and name:
            self.fields[name] = attributes.get("value", "")
        elif tag == "textarea":
            self._textarea, self.fields[name] = name, ""
        elif tag == "select":
            self._select, self._first_option = name, None
        elif tag == "option" and self._select is not None:
            value = attributes.get("value", "")
            if self._first_option is None:
                self._first_option = value
                self.fields[self._select] = value
            if "selected" in attributes:
                self.fields[self._select] = value

    def handle_endtag(self, tag: str) -> None:
        if self.depth == 0 or tag in VOID:
            return
        if tag == "textarea" and self._textarea is not None:
            # The HTML parser drops one newline right after <textarea>, as browsers do.
            self.fields[self._textarea] = self.fields[self._textarea].removeprefix("\n")
            self._textarea = None
        if tag == "select":
            self._select = None
        if tag == "form":
            self.in_form = False
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self.fields[self._textarea] += data


def form_in(page: str, container_id: str) -> tuple[str, dict[str, str]]:
    """The action and the fields of the first form inside the element with this id."""
    reader = _FormReader(container_id)
    reader.feed(page)
    assert reader.action is not None, f"no form inside #{container_id}"
    return reader.action, reader.fields


def csrf_token(page: str) -> str:
    """The first CSRF token on a page."""
    match = re.search(r'name="csrf_token" value="([^"]*)"', page)
    assert match is not None, "no csrf_token on the page"
    return match.group(1)
