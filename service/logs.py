"""Log hygiene: capability tokens in request paths are redacted from the access log.

A resolve link (/resolve/<token>) lets whoever holds it resolve a question as the reviewer
it was sent to, so the token must not sit in access logs any more than an API key may.
"""

from __future__ import annotations

import logging
import re

ACCESS_LOGGER = "uvicorn.access"
PATH_PREFIX = "/resolve/"
_TOKEN_IN_PATH = re.compile(rf"({PATH_PREFIX})[^/?#\s\"]+")
REDACTED = r"\1[redacted]"


class TokenRedaction(logging.Filter):
    """Replaces the token of every /resolve/<token> path in a record's arguments."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(_redacted(arg) for arg in record.args)
        elif isinstance(record.msg, str):
            record.msg = _redacted(record.msg)
        return True


def _redacted(value: object) -> object:
    # Every request is logged and few are resolve links: the substring test costs a
    # fraction of the pattern's search.
    if isinstance(value, str) and PATH_PREFIX in value:
        return _TOKEN_IN_PATH.sub(REDACTED, value)
    return value


def redact_access_log() -> None:
    """Install the redaction on uvicorn's access logger, once per process."""
    logger = logging.getLogger(ACCESS_LOGGER)
    if not any(isinstance(existing, TokenRedaction) for existing in logger.filters):
        logger.addFilter(TokenRedaction())
