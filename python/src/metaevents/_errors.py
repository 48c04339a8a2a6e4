"""The exceptions of metaevents. Which error kind raises which class is the core's to say
(``error_kinds()``, and the ``class`` of each error it reports)."""

from __future__ import annotations

from metaevents import _native


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


#: The exception classes by name, as the core names them.
_CLASSES: dict[str, type[MetaeventsError]] = {
    cls.__name__: cls for cls in (MetaeventsError, ParseError, InvalidEventError, DecodeError, LimitError, FilterError)
}

#: Error kind (the core's ``ErrorKind``) → exception class, read from the core's table.
ERROR_CLASSES: dict[str, type[MetaeventsError]] = {
    row["kind"]: _CLASSES.get(row["class"], MetaeventsError) for row in _native.error_kinds()
}


_DEFAULT_KIND: dict[type, str] = {}
for _kind, _class in ERROR_CLASSES.items():
    _DEFAULT_KIND.setdefault(_class, _kind)

for _class in _CLASSES.values():
    _class.__module__ = "metaevents"


def _make(
    class_name: str,
    kind: str,
    message: str,
    display: str,
    line: int | None,
    column: int | None,
    path: str | None,
) -> MetaeventsError:
    """Builds the exception the core named for one of its errors (called by the native module)."""
    error = _CLASSES.get(class_name, MetaeventsError)(message, kind=kind, line=line, column=column, path=path)
    error.args = (display,)
    return error
