"""The exceptions of metaevents, and the one table that maps an error kind to its class."""

from __future__ import annotations


class MetaeventsError(ValueError):
    """A record that is not a valid event, a bad filter, or a limit hit.

    ``str(error)`` is the full message with its location (``line 3: $.entityUrn: ...``);
    the parts are attributes: ``kind`` (a stable name such as ``"invalid_field"``),
    ``message`` (without the location), ``line`` and ``column`` (1-based, when known) and
    ``path`` (the JSON path of the faulty value, or the place in a filter).
    """

    kind: str
    message: str
    line: int | None
    column: int | None
    path: str | None

    def __init__(
        self,
        message: str,
        *,
        kind: str | None = None,
        line: int | None = None,
        column: int | None = None,
        path: str | None = None,
    ) -> None:
        super().__init__(message)
        self.kind = kind if kind is not None else _DEFAULT_KIND.get(type(self), "invalid_field")
        self.message = message
        self.line = line
        self.column = column
        self.path = path


class ParseError(MetaeventsError):
    """Not readable as JSON: bad syntax or encoding, duplicate keys, numbers out of range,
    no event at all, several where one was expected, or a failed read."""


class InvalidEventError(MetaeventsError):
    """Valid JSON that is not an event of a supported platform, or one with a required field
    missing or of the wrong type."""


class DecodeError(MetaeventsError):
    """Content to decode first (base64, gzip, JSON inside a string) that could not be, or a split
    Atlan message with parts missing."""


class LimitError(MetaeventsError):
    """An event over a limit of the parser: too deep, too large, or too many in one array."""


class FilterError(MetaeventsError):
    """A filter or datahub-actions config that cannot be compiled; ``path`` is the place in it."""


#: Error kind (the core's ``ErrorKind``) → exception class. The one place that says it.
ERROR_CLASSES: dict[str, type[MetaeventsError]] = {
    "syntax": ParseError,
    "encoding": ParseError,
    "duplicate_key": ParseError,
    "number_out_of_range": ParseError,
    "empty": ParseError,
    "not_single": ParseError,
    "io": ParseError,
    "unrecognized": InvalidEventError,
    "invalid_field": InvalidEventError,
    "decode": DecodeError,
    "incomplete_split": DecodeError,
    "too_deep": LimitError,
    "too_large": LimitError,
    "too_many": LimitError,
    "filter": FilterError,
    "invalid_option": MetaeventsError,
}


_DEFAULT_KIND: dict[type, str] = {}
for _kind, _class in ERROR_CLASSES.items():
    _DEFAULT_KIND.setdefault(_class, _kind)

for _class in (MetaeventsError, ParseError, InvalidEventError, DecodeError, LimitError, FilterError):
    _class.__module__ = "metaevents"


def _make(
    kind: str,
    message: str,
    located: str,
    line: int | None,
    column: int | None,
    path: str | None,
) -> MetaeventsError:
    """Builds the exception for a core error (called by the native module)."""
    error = ERROR_CLASSES.get(kind, MetaeventsError)(message, kind=kind, line=line, column=column, path=path)
    error.args = (located,)
    return error
