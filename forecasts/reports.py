"""CSV export of score and calibration tables that spreadsheets cannot turn into formulas.

Group names come from users: a source called "=HYPERLINK(...)" must reach a spreadsheet
as text. Following OWASP's CSV injection advice, a text cell beginning with = + - @, a
tab, a carriage return or a line feed gets a leading single quote, which spreadsheets
show as text. Numeric columns are left alone, so a negative calibration_in_the_large
stays a number, and missing values are written as empty cells.
"""

from __future__ import annotations

from typing import Final

import pandas as pd

FORMULA_TRIGGERS: Final = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise(cell: object) -> object:
    """ "'" + cell if cell is text beginning with = + - @ tab CR or LF, else cell unchanged."""
    if isinstance(cell, str) and cell.startswith(FORMULA_TRIGGERS):
        return "'" + cell
    return cell


def to_csv(frame: pd.DataFrame) -> str:
    """The frame as CSV text, text cells neutralised, floats at full precision, NaN empty."""
    safe = frame.rename(columns=lambda name: neutralise(str(name)))
    for name in safe.columns:
        column = safe[name]
        if _holds_text(column):
            safe[name] = _neutralised(column)
    # CRLF, as RFC 4180 has it, also makes the writer quote a cell holding a lone CR,
    # which with LF line ends would go out bare and split the row for most readers.
    return safe.to_csv(index=False, na_rep="", lineterminator="\r\n")


def _holds_text(column: pd.Series) -> bool:
    return column.dtype == object or isinstance(column.dtype, (pd.StringDtype, pd.CategoricalDtype))


def _neutralised(column: pd.Series) -> pd.Series:
    return column.astype(object).map(neutralise)
