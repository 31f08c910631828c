"""The Jinja2 environment every HTML page renders with: autoescaped, with display filters."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from fastapi import Request, Response, status
from fastapi.templating import Jinja2Templates

from forecasts.quantities import error_in_words, measured, quantity_in_words

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
MISSING = "—"


def instant(value: datetime | None) -> str:
    """An instant as people read it, in UTC: '1 Aug 2023, 12:00 UTC'."""
    if value is None:
        return MISSING
    moment = value.astimezone(UTC)
    return f"{moment.day} {moment:%b %Y, %H:%M} UTC"


def day(value: datetime | None) -> str:
    """The UTC date of an instant: '1 Aug 2023'."""
    if value is None:
        return MISSING
    moment = value.astimezone(UTC)
    return f"{moment.day} {moment:%b %Y}"


def iso(value: datetime | None) -> str:
    """An instant for a <time datetime=...> attribute."""
    return "" if value is None else value.astimezone(UTC).isoformat().replace("+00:00", "Z")


_SPANS = (
    ("year", 365 * 86400),
    ("month", 30 * 86400),
    ("week", 7 * 86400),
    ("day", 86400),
    ("hour", 3600),
    ("minute", 60),
)


def elapsed(later: datetime, earlier: datetime) -> str:
    """How long after `earlier` `later` came, in its largest whole unit: '2 years'."""
    seconds = max(0, int((later - earlier).total_seconds()))
    for unit, size in _SPANS:
        if seconds >= size:
            amount = seconds // size
            return f"{amount} {unit}{'' if amount == 1 else 's'}"
    return "moments"


def _absent(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def percent(value: float | None) -> str:
    """A probability as a percentage, to a tenth of a point where that matters: '2.5%'."""
    if value is None or _absent(value):
        return MISSING
    shown = f"{value * 100:.1f}".removesuffix(".0")
    return f"{shown}%"


def percent_range(lower: float | None, upper: float | None) -> str:
    """Two probabilities as one range of percentages: '20.7–100%'."""
    if lower is None or upper is None or _absent(lower) or _absent(upper):
        return MISSING
    return f"{percent(lower).removesuffix('%')}–{percent(upper)}"


def score(value: float | None, digits: int = 3) -> str:
    """A score to `digits` decimals, or a dash when there is none."""
    if value is None or _absent(value):
        return MISSING
    return f"{value:.{digits}f}".replace("-", "−")


def points(value: float | None, *, signed: bool = True) -> str:
    """A difference of probabilities in percentage points: '+12.5 points' (or '12.5 points')."""
    if value is None or _absent(value):
        return MISSING
    shown = f"{abs(value) * 100:.1f}".removesuffix(".0")
    sign = "+" if value > 0 else "−" if value < 0 else ""
    unit = "point" if shown == "1" else "points"
    return f"{sign if signed else ''}{shown} {unit}"


def web_url(value: str | None) -> str | None:
    """The URL if it is http(s), else None: escaping alone would let javascript: links run."""
    if not value:
        return None
    scheme = urlsplit(value.strip()).scheme.lower()
    return value.strip() if scheme in ("http", "https") else None


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(
        instant=instant,
        day=day,
        elapsed=elapsed,
        iso=iso,
        percent=percent,
        percent_range=percent_range,
        score=score,
        points=points,
        web_url=web_url,
        quantity=quantity_in_words,
        measured=measured,
        error_words=lambda quantity, value, unit: error_in_words(
            quantity=quantity, value=value, unit=unit
        ),
    )
    environment.globals["site_name"] = "Sooth"
    return environment


templates = Jinja2Templates(env=_environment())


def form_page(
    request: Request,
    template: str,
    context: dict[str, Any],
    *,
    status_code: int = status.HTTP_200_OK,
    back_returns: bool = False,
) -> Response:
    """A page holding a signed-in person's form: no shared cache keeps it. It is not kept at
    all (no-store) unless Back from the page it leads to should return to it (private).
    """
    cache = "private" if back_returns else "no-store"
    return templates.TemplateResponse(
        request, template, context, status_code=status_code, headers={"Cache-Control": cache}
    )
