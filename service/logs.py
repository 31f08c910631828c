"""Log hygiene: capability tokens in request paths are redacted from the access log.

A resolve link (/resolve/<token>) lets whoever holds it resolve a question as the reviewer
it was sent to, so the token must not sit in access logs any more than an API key may.
"""

from __future__ import annotations

import logging
import re

ACCESS_LOGGER = "uvicorn.access"
_TOKEN_IN_PATH = re.compile(r"(/resolve/)[^/?#\s\"]+")
REDACTED = r"\1[redacted]"


class TokenRedaction(logging.Filter):
    """Replaces the token of every /resolve/<token> path in a record's arguments."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                _TOKEN_IN_PATH.sub(REDACTED, arg) if isinstance(arg, str) else arg
                for arg in record.args
            )
        elif isinstance(record.msg, str):
            record.msg = _TOKEN_IN_PATH.sub(REDACTED, record.msg)
        return True


def redact_access_log() -> None:
    """Install the redaction on uvicorn's access logger, once per process."""
    logger = logging.getLogger(ACCESS_LOGGER)
    if not any(isinstance(existing, TokenRedaction) for existing in logger.filters):
        logger.addFilter(TokenRedaction())
