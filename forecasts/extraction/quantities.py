"""Quantity forecasts: the number, range or bound a forecast gives, and the words that state
no likelihood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Final


@dataclass(frozen=True, slots=True)
class Quantity:
    """The number a quantity forecast gives: a point (low == high), a range, or one bound."""

    low: float | None
    high: float | None
    unit: str


# The modals of possibility and of "should": they say an event may come, not how likely.
POSSIBILITY_MODALS: Final = frozenset(
    {
        "may",
        "might",
        "could",
        "can",
        "possible",
        "possibly",
        "perhaps",
        "maybe",
        "may not",
        "might not",
        "should",
        "should not",
        "ought to",
    }
)
EXPECT_PHRASES: Final = frozenset(
    {"expect", "expects", "expecting", "expected", "expected to", "not expected to", "would expect"}
)
# Words that mark the future or a belief without a likelihood: "will", "would", their
# negations and denials, "expects", and the possibility modals. ICD 203 lists none of them,
# and neither do the UK yardstick or Kent's scale, so the extractor leaves the figure to the
# editor (Sooth's verbal scale still has one for recording a claim by its phrase).
_NO_STATED_LIKELIHOOD: Final = POSSIBILITY_MODALS | EXPECT_PHRASES


_BARE_MODALS: Final = frozenset(
    {
        "will",
        "shall",
        "going to",
        "is going to",
        "are going to",
        "is set to",
        "are set to",
        "would",
        "was set to",
        "were set to",
        "will not",
        "shall not",
        "would not",
        "is not going to",
        "are not going to",
        "not going to",
        "will not be delayed",
        "will not be much delayed",
        "will not be long",
        "will not be stopped",
        "will not miss",
        "will not fail",
        "would not be delayed",
        "would not be much delayed",
        "would not be long",
        "would not be stopped",
        "would not miss",
        "would not fail",
    }
)


_NUMBER_WORD_VALUES: Final = {
    word: float(value)
    for value, word in enumerate(
        ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    )
}


_TENS_VALUES: Final = {
    word: float(10 * value)
    for value, word in enumerate(
        ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"), start=2
    )
}


# "Seventy-five dollars", as a figure is spoken on air
_TENS_WORD: Final = (
    "(?:"
    + "|".join(_TENS_VALUES)
    + ")(?:-(?:"
    + "|".join(word for word in _NUMBER_WORD_VALUES if word not in {"zero", "ten"})
    + "))?"
)


# "half a percentage point" before "a percentage point": the half is the figure
_NUMBER: Final = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|"
    + _TENS_WORD
    + "|"
    + "|".join(_NUMBER_WORD_VALUES)
    + r"|half\s+an?|a|an"
)


_SCALE_WORDS: Final = {
    "thousand": 1e3,
    "million": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}


_SCALE: Final = r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|tn|m)\b)?"


_PER: Final = (
    r"(?P<per>\s(?:a|per)\s(?:barrel|gallon|year|month|day|week|litre|liter|tonne|ton|"
    r"share|kilowatt-hour|megawatt-hour|mwh|kwh|head))?"
)


_HIGH_SCALE: Final = _SCALE.replace("scale", "scale2")


_NUMBER_SCALE: Final = _SCALE.replace("scale", "scale_n")


_QUANTITY: Final = re.compile(
    rf"(?P<currency>[$€£¥])\s?(?P<low>{_NUMBER}){_SCALE}"
    rf"(?:\s?(?:-|–|to|and)\s?[$€£¥]?(?P<high>{_NUMBER}))?(?(high){_HIGH_SCALE}|){_PER}"
    # "4.25%-4.50%", "3% to 4%": a range whose low end carries the unit too
    rf"|\b(?P<low_n>{_NUMBER})(?:%?\s?(?:-|–|to|and)\s?(?P<high_n>{_NUMBER}))?{_NUMBER_SCALE}"
    r"\s?(?P<unit>%|percent(?:age\s+points?)?\b|per\s+cent\b|pc\b|basis\s+points?\b|bps?\b|"
    # "a record 45C", "1.5C above": degrees written against the figure
    r"(?<=\d)(?-i:C)\b|"
    r"degrees?(?:\s+(?:celsius|fahrenheit))?\b|°[CF]|barrels?(?:\s+(?:a|per)\s+day)?\b|"
    r"tonnes?\b|tons?\b|seats\b|votes\b|jobs\b|cases\b|deaths\b|units\b|vehicles\b|"
    r"homes\b|points\b|yes\s+votes\b|"
    # "Sixty-two dollars": a price said in words
    r"dollars\b|euros\b)",
    re.IGNORECASE,
)


# "below $60", "above 5%": a threshold, so the forecast is of an event, not of the number.
_THRESHOLD_BEFORE: Final = re.compile(
    r"\b(?:below|above|under|over|beyond|exceed|exceeds|exceeding|past|more\s+than|"
    r"less\s+than|at\s+least|at\s+most|fewer\s+than|no\s+more\s+than|"
    # "lower than the 81% of 2023": a comparison with a figure already known
    r"(?:lower|higher|greater|smaller|bigger|larger)\s+than(?:\s+(?:the|its|their))?)\s*$",
    re.IGNORECASE,
)


# "cut its forecast by $5 to $66", "raised its projection by 4 to 31 seats": a revision's
# size, then the level it comes to (not "rise by 2 to 3%", a range)
_BY_THEN_TO: Final = re.compile(
    r"\b(?:forecast|projection|estimate|target|outlook|guidance)s?\b[^.;]{0,40}\bby\s*$",
    re.IGNORECASE,
)


# "gives the Alliance 118 of the 300 seats": a share of a whole, the whole counted after it.
_SHARE_OF_BEFORE: Final = re.compile(r"\b(?P<part>\d{1,3}(?:,\d{3})*)\s+of\s+(?:the\s+|its\s+)?$")


# "the 2% goal", "its 3% inflation target": a policy's level, which a forecast is measured by.
_REFERENCE_AFTER: Final = re.compile(
    r"\s+(?:(?:inflation|deficit|debt|emissions|growth)\s+)?(?:target|goal|ceiling|cap|limit)\b",
    re.IGNORECASE,
)


# "from an expected 1.0% this year", "up from 25%": where the number starts, not the forecast.
_BASELINE_BEFORE: Final = re.compile(
    r"\b(?:from|since|versus|vs|compared\s+with)\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)


def _number_value(token: str) -> float | None:
    lowered = token.lower()
    if lowered in {"a", "an"}:
        return 1.0
    if lowered.startswith("half"):
        return 0.5
    if lowered in _NUMBER_WORD_VALUES:
        return _NUMBER_WORD_VALUES[lowered]
    tens, _, units = lowered.partition("-")
    if tens in _TENS_VALUES:
        return _TENS_VALUES[tens] + _NUMBER_WORD_VALUES.get(units, 0.0)
    return float(lowered.replace(",", ""))


def _quantity(text: str, start: int, end: int) -> Quantity | None:
    """The number the predictive span forecasts, if it forecasts one."""
    for match in _QUANTITY.finditer(text, start, end):
        before = text[max(0, match.start() - 40) : match.start()]
        if _THRESHOLD_BEFORE.search(before) or _BASELINE_BEFORE.search(before):
            continue
        if _REFERENCE_AFTER.match(text, match.end()):
            continue  # "toward the central bank's 2% goal": a level named, not forecast
        if match.group("currency"):
            scale = _SCALE_WORDS.get((match.group("scale") or "").lower(), 1.0)
            high_scale = _SCALE_WORDS.get((match.group("scale2") or "").lower(), scale)
            low = _number_value(match.group("low"))
            high_token = match.group("high")
            high = _number_value(high_token) if high_token else low
            if _revised_to(match, before, high_token):
                low, scale = high, high_scale  # "cut its forecast by $5 to $66": the new level
            per = (match.group("per") or "").split()
            unit = _CURRENCIES[match.group("currency")] + ("/" + per[-1] if per else "")
            if low is None or high is None or (low == 1.0 and match.group("low").isalpha()):
                continue
            return Quantity(_scaled(low, scale), _scaled(high, high_scale), unit)
        unit = " ".join(match.group("unit").lower().split())
        unit = "%" if unit in {"%", "percent", "per cent", "pc"} else unit
        unit = "C" if unit == "c" else unit
        unit = _WORDED_CURRENCIES.get(unit, unit)
        scale = _SCALE_WORDS.get((match.group("scale_n") or "").lower(), 1.0)
        if match.group("low_n").lower() in {"a", "an"} and unit == "%":
            continue
        low = _number_value(match.group("low_n"))
        high_token = match.group("high_n")
        high = _number_value(high_token) if high_token else low
        if _revised_to(match, before, high_token):
            low = high
        share = _SHARE_OF_BEFORE.search(before) if not high_token else None
        if share is not None:
            low = high = _number_value(share.group("part"))  # "118 of the 300 seats": the 118
        if low is None or high is None or low > high:
            continue
        change = _CHANGE_BEFORE.search(before)
        if change and unit == "%":
            sign = -1.0 if change.group("down") else 1.0
            low, high = sorted((sign * low, sign * high))
            unit = "% change"
        return Quantity(_scaled(low, scale), _scaled(high, scale), unit)
    return None


def _revised_to(match: re.Match[str], before: str, high_token: str | None) -> bool:
    """Whether a range "by X to Y" is a revision's size and the level it comes to."""
    return bool(high_token) and _BY_THEN_TO.search(before) is not None and " to " in match.group()


def _scaled(value: float, scale: float) -> float:
    """`value` times `scale` as the words read: "$8.2 billion" is 8200000000, not the
    8199999999.999999 of binary floating point."""
    return float(Decimal(repr(value)) * Decimal(repr(scale)))


_CURRENCIES: Final = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_WORDED_CURRENCIES: Final = {"dollars": "USD", "euros": "EUR"}


# "sales will drop 3.2%": a change of a level, signed, rather than the level itself.
_CHANGE_BEFORE: Final = re.compile(
    r"\b(?:(?P<down>fall|falls|fell|falling|drop|drops|dropping|decline|declines|declining|"
    r"shrink|shrinks|shrinking|contract|contracts|contracting|slump|sink|lose|cut|down)|"
    r"rise|rises|rising|grow|grows|growing|increase|increases|climb|climbs|gain|gains|up|"
    r"jump|jumps|expand|expands)\s+(?:(?:[a-z-]+\s+){0,2}by\s+)?"
    r"(?:(?:a|another)\s+(?:further|more)\s+|another\s+)?"
    r"(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|almost\s+|as\s+much\s+as\s+)?$",
    re.IGNORECASE,
)
