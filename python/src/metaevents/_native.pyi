"""Stubs of ``metaevents._native``, the Rust core behind the ``metaevents`` package."""

import os
from collections.abc import Iterable, Mapping
from types import GenericAlias
from typing import Any, Generic, Literal, Protocol, TypedDict, TypeVar, final, overload

from typing_extensions import Self, TypeAlias, disjoint_base

from metaevents._errors import MetaeventsError

__version__: str
#: Every normalized kind, in catalog order.
KINDS: tuple[str, ...]
#: The names of the input formats a ``Parser`` can be forced to.
INPUT_FORMATS: tuple[str, ...]

#: An input: JSON text (``str`` or bytes; bytes may also be a Kafka record of DataHub's
#: PlatformEvent_v1 topic, Avro in Confluent's wire format) or JSON already decoded into Python data.
_Input: TypeAlias = str | bytes | bytearray | memoryview | Mapping[str, Any] | list[Any] | tuple[Any, ...]

class _Readable(Protocol):
    def read(self, size: int, /) -> bytes | str: ...

#: A file: a path, or a file object (binary or text) to read from.
_Source: TypeAlias = str | os.PathLike[str] | _Readable
#: Lines of a stream.
_Lines: TypeAlias = Iterable[str | bytes | bytearray]
#: Request headers: a mapping or (name, value) pairs, of ``str`` or ``bytes``.
_Headers: TypeAlias = (
    Mapping[str, str] | Mapping[bytes, bytes] | Iterable[tuple[str, str]] | Iterable[tuple[bytes, bytes]]
)
_T_co = TypeVar("_T_co", covariant=True)

@final
class Entity:
    """The asset (or relationship end) an event is about."""

    __match_args__ = ("id", "type", "name", "qualified_name", "platform", "parent", "field_path")
    @property
    def id(self) -> str | None:
        """DataHub ``entityUrn``; Atlan and Atlas ``entity.guid``; ``None`` only for an unknown event naming no entity."""
    @property
    def type(self) -> str | None:
        """Native type: DataHub ``entityType`` (``dataset``), Atlan and Atlas ``typeName`` (``Table``,
        ``hive_table``); ``None`` only for an unknown event naming no entity."""
    @property
    def name(self) -> str | None:
        """Atlan ``attributes.name``; DataHub: the name part of the urn where it has one."""
    @property
    def qualified_name(self) -> str | None:
        """Atlan ``attributes.qualifiedName``; DataHub dataset: the urn's dataset name."""
    @property
    def platform(self) -> str | None:
        """Lowercase platform (``snowflake``)."""
    @property
    def parent(self) -> str | None:
        """The parent: a schema field's dataset urn, Atlan's parent qualified name, Atlas's where its qualified
        name says it (``db.table@cluster`` of a column)."""
    @property
    def field_path(self) -> str | None:
        """Field path of field-level events."""
    def to_dict(self) -> dict[str, Any]:
        """The contract JSON of the entity (camelCase keys)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@disjoint_base
class Event:
    """One normalized catalog event. Immutable; attributes are read on demand.

    ``parse()`` returns an instance of the class of the event's kind (``TagAdded``, ...), a
    subclass of its family's class (``TagEvent``), a subclass of ``Event``.
    """

    __match_args__ = ("kind", "entity", "subjects")
    @property
    def id(self) -> str:
        """Deterministic id: 32 hex characters, the same through any envelope."""
    @property
    def source(self) -> _SourceName:
        """The platform (``"datahub"``, ``"atlan"``, ``"atlas"``, ...)."""
    @property
    def kind(self) -> str:
        """The normalized kind (``"tag.added"``)."""
    @property
    def family(self) -> str:
        """The kind's family (``"tag"``)."""
    @property
    def time(self) -> int | None:
        """Epoch milliseconds; ``None`` when neither the event nor its envelopes say when it happened."""
    @property
    def actor(self) -> str | None:
        """Who made the change, when the event says."""
    @property
    def entity(self) -> Entity:
        """The asset the event is about."""
    @property
    def subjects(self) -> list[str]:
        """What was added, removed or changed (tag, term, owner, ... urns or ids)."""
    @property
    def details(self) -> dict[str, Any]:
        """Kind-specific typed fields (a new dict on every access)."""
    @property
    def native(self) -> dict[str, Any]:
        """The original discriminators and envelopes (a new dict on every access)."""
    @property
    def raw(self) -> dict[str, Any]:
        """The innermost platform event exactly as received, decoded on first access (then
        kept: the same dict every time)."""
    @property
    def raw_json(self) -> str:
        """The innermost platform event as JSON text, exactly as received."""
    def detail(self, name: str, default: Any = None) -> Any:
        """One field of ``details`` by its name (``"tagUrn"``), or ``default``."""
    def to_dict(self, raw: bool = True) -> dict[str, Any]:
        """The contract JSON of the event as a dict (camelCase keys), ``raw`` included unless
        ``raw=False``."""
    def to_json(self, raw: bool = True) -> str:
        """The contract JSON of the event on one line, ``raw`` included unless ``raw=False``."""
    def to_cloudevent(self, *, source: str | None = None, raw: bool = True) -> dict[str, Any]:
        """The event as a CloudEvents 1.0 structured-mode dict: ``specversion`` ``"1.0"``, ``id``
        the event id, ``source`` (``/metaevents/datahub``, ``/metaevents/atlan``,
        ``/metaevents/atlas`` or ``/metaevents/openmetadata``, or the URI-reference given, such as
        ``https://datahub.example.com``), ``type`` ``io.metaevents.<kind>``, ``subject`` the entity
        id, ``time`` (RFC 3339), the extensions ``catalogsource``, ``entitytype`` and ``platform``,
        and ``data`` the normalized event (``raw`` included unless ``raw=False``). A bad ``source``
        raises ``MetaeventsError``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __copy__(self) -> Self: ...
    def __deepcopy__(self, _memo: Any) -> Self: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...

@final
class ValidationRequest:
    """A webhook's test request (Atlan's validation request, OpenMetadata's test message): answer
    it with 200, it is not an event."""

    __match_args__ = ("message",)
    @property
    def kind(self) -> Literal["webhook.validation"]:
        """Always ``"webhook.validation"``."""
    @property
    def source(self) -> Literal["atlan", "openmetadata"]:
        """The platform that sent it."""
    @property
    def message(self) -> str:
        """Its text (Atlan's greeting, OpenMetadata's test sentence)."""
    def to_dict(self) -> dict[str, Any]:
        """``{"kind": "webhook.validation", "source": ..., "message": ...}``."""
    def to_json(self) -> str:
        """``to_dict()`` as JSON text."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class EventIterator(Generic[_T_co]):
    """Iterates the events of a stream. A bad record does not stop it: its exception is
    appended to ``errors``, and raised (``errors="raise"``) or yielded in place
    (``errors="yield"``) when asked. Validation requests are skipped unless
    ``validation_requests=True``. Closes its file when exhausted, on ``close()`` or at the end
    of a ``with`` block (a file object passed in stays open)."""

    def __iter__(self) -> Self: ...
    def __next__(self) -> _T_co: ...
    @classmethod
    def __class_getitem__(cls, item: Any) -> GenericAlias: ...
    @property
    def errors(self) -> list[MetaeventsError]:
        """The exceptions of the bad records met so far, in order."""
    @property
    def line(self) -> int | None:
        """The line the reader has reached (``None`` once closed or exhausted)."""
    def close(self) -> None:
        """Stops reading and closes the file."""
    def __enter__(self) -> Self: ...
    def __exit__(self, *_args: object) -> bool: ...

@final
class Parser:
    """Reads with a fixed input format (detected when ``None``; one of ``INPUT_FORMATS``) and
    limits. Invalid limits raise ``MetaeventsError``. Create one and reuse it."""

    def __new__(
        cls,
        format: str | None = None,
        max_event_bytes: int | None = None,
        max_depth: int | None = None,
        max_events_per_array: int | None = None,
        atlan_typedefs: dict[str, Any] | list[Any] | str | bytes | None = None,
    ) -> Self: ...
    @property
    def format(self) -> str | None:
        """The forced input format, or ``None`` when it is detected."""
    @property
    def max_event_bytes(self) -> int:
        """Largest event in bytes."""
    @property
    def max_depth(self) -> int:
        """Deepest nesting inside one event."""
    @property
    def max_events_per_array(self) -> int:
        """Most events in one JSON array or poll response."""
    def parse(self, data: _Input) -> Event | ValidationRequest:
        """Parses one event (or the Atlan validation request)."""
    def parse_many(self, data: _Input) -> list[Event]:
        """Every event of NDJSON, a JSON array or poll responses; raises on the first bad record."""
    def parse_http(self, headers: _Headers, body: _Input) -> Event | ValidationRequest:
        """The one event an HTTP request delivered: a CloudEvent in binary mode (``ce-*`` headers,
        the body its data) or structured mode (``Content-Type: application/cloudevents+json``),
        or any event as the body."""
    @overload
    def iter_file(
        self,
        source: _Source,
        *,
        errors: Literal["collect", "raise"] = "collect",
        validation_requests: Literal[False] = False,
    ) -> EventIterator[Event]: ...
    @overload
    def iter_file(
        self, source: _Source, *, errors: Literal["collect", "raise"] = "collect", validation_requests: Literal[True]
    ) -> EventIterator[Event | ValidationRequest]: ...
    @overload
    def iter_file(
        self, source: _Source, *, errors: Literal["yield"], validation_requests: Literal[False] = False
    ) -> EventIterator[Event | MetaeventsError]: ...
    @overload
    def iter_file(
        self, source: _Source, *, errors: Literal["yield"], validation_requests: Literal[True]
    ) -> EventIterator[Event | ValidationRequest | MetaeventsError]: ...
    @overload
    def iter_file(
        self,
        source: _Source,
        *,
        errors: Literal["collect", "raise", "yield"] = "collect",
        validation_requests: bool = False,
    ) -> EventIterator[Event | ValidationRequest | MetaeventsError]: ...
    @overload
    def iter_lines(
        self,
        lines: _Lines,
        *,
        errors: Literal["collect", "raise"] = "collect",
        validation_requests: Literal[False] = False,
    ) -> EventIterator[Event]: ...
    @overload
    def iter_lines(
        self, lines: _Lines, *, errors: Literal["collect", "raise"] = "collect", validation_requests: Literal[True]
    ) -> EventIterator[Event | ValidationRequest]: ...
    @overload
    def iter_lines(
        self, lines: _Lines, *, errors: Literal["yield"], validation_requests: Literal[False] = False
    ) -> EventIterator[Event | MetaeventsError]: ...
    @overload
    def iter_lines(
        self, lines: _Lines, *, errors: Literal["yield"], validation_requests: Literal[True]
    ) -> EventIterator[Event | ValidationRequest | MetaeventsError]: ...
    @overload
    def iter_lines(
        self,
        lines: _Lines,
        *,
        errors: Literal["collect", "raise", "yield"] = "collect",
        validation_requests: bool = False,
    ) -> EventIterator[Event | ValidationRequest | MetaeventsError]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Filter:
    """A compiled filter: its JSON form (a dict, or JSON text), compiled once, evaluated many
    times. A bad filter raises ``FilterError`` with the path of the fault."""

    def __new__(cls, spec: Mapping[str, Any] | str) -> Self: ...
    @staticmethod
    def from_datahub_actions(config: Mapping[str, Any] | str) -> Filter:
        """Compiles a datahub-actions config (its ``filter:`` block and/or ``filters:`` list, or
        a whole action config): a dict, or YAML text. Matches exactly as datahub-actions does."""
    @property
    def spec(self) -> dict[str, Any]:
        """The spec this filter was compiled from."""
    def matches(self, event: Event | ValidationRequest) -> bool:
        """Whether ``event`` passes (a validation request never does)."""
    def filter_ndjson(self, data: str | bytes | bytearray | memoryview, parser: Parser | None = None) -> list[int]:
        """The 0-based indexes of the NDJSON lines of ``data`` holding a matching event. Lines
        that cannot hold a match are ruled out by a byte search before any parsing."""

def parse(data: _Input) -> Event | ValidationRequest:
    """Parses one event (or the Atlan validation request) from ``str``, ``bytes`` or a ``dict``."""

def parse_many(data: _Input) -> list[Event]:
    """Every event of NDJSON, a JSON array or poll responses; raises on the first bad record."""

def parse_http(headers: _Headers, body: _Input) -> Event | ValidationRequest:
    """The one event an HTTP request delivered, from its headers and body: a CloudEvent in binary
    mode (``ce-*`` headers, the body its data) or structured mode (``Content-Type:
    application/cloudevents+json``), or any event as the body."""

# Streams the events of a file: a path or a file object (NDJSON, JSON array, poll responses;
# gzip too). Bad records go to ``.errors`` (and are raised or yielded when asked).
@overload
def iter_file(
    source: _Source, *, errors: Literal["collect", "raise"] = "collect", validation_requests: Literal[False] = False
) -> EventIterator[Event]: ...
@overload
def iter_file(
    source: _Source, *, errors: Literal["collect", "raise"] = "collect", validation_requests: Literal[True]
) -> EventIterator[Event | ValidationRequest]: ...
@overload
def iter_file(
    source: _Source, *, errors: Literal["yield"], validation_requests: Literal[False] = False
) -> EventIterator[Event | MetaeventsError]: ...
@overload
def iter_file(
    source: _Source, *, errors: Literal["yield"], validation_requests: Literal[True]
) -> EventIterator[Event | ValidationRequest | MetaeventsError]: ...
@overload
def iter_file(
    source: _Source, *, errors: Literal["collect", "raise", "yield"] = "collect", validation_requests: bool = False
) -> EventIterator[Event | ValidationRequest | MetaeventsError]: ...

# Streams the events of an iterable of lines (``str`` or ``bytes``), one event per line.
@overload
def iter_lines(
    lines: _Lines, *, errors: Literal["collect", "raise"] = "collect", validation_requests: Literal[False] = False
) -> EventIterator[Event]: ...
@overload
def iter_lines(
    lines: _Lines, *, errors: Literal["collect", "raise"] = "collect", validation_requests: Literal[True]
) -> EventIterator[Event | ValidationRequest]: ...
@overload
def iter_lines(
    lines: _Lines, *, errors: Literal["yield"], validation_requests: Literal[False] = False
) -> EventIterator[Event | MetaeventsError]: ...
@overload
def iter_lines(
    lines: _Lines, *, errors: Literal["yield"], validation_requests: Literal[True]
) -> EventIterator[Event | ValidationRequest | MetaeventsError]: ...
@overload
def iter_lines(
    lines: _Lines, *, errors: Literal["collect", "raise", "yield"] = "collect", validation_requests: bool = False
) -> EventIterator[Event | ValidationRequest | MetaeventsError]: ...
def catalog() -> dict[str, Any]:
    """The catalog: every known event, its discriminators and typed parameters."""

def event_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the normalized event."""

def validate(event: Event) -> list[dict[str, Any]]:
    """Strict checks of an event against the catalog: a list of ``{severity, code, path, message}``."""

#: A row of ``error_kinds()``: the kind's stable name (``"invalid_field"``, as in
#: ``MetaeventsError.kind``), its group (``"invalid_event"``), the name of the exception class
#: raised for it (``"InvalidEventError"``) and what it means.
_ErrorKindInfo = TypedDict("_ErrorKindInfo", {"kind": str, "category": str, "class": str, "description": str})

class _InputFormatInfo(TypedDict):
    """A row of ``input_formats()``."""

    name: str
    description: str

def error_kinds() -> list[_ErrorKindInfo]:
    """Every error kind of the core: ``{"kind", "category", "class", "description"}``, where
    ``class`` names the exception raised for it (``ERROR_CLASSES`` maps kind → class)."""

def input_formats() -> list[_InputFormatInfo]:
    """Every input format a ``Parser`` can be forced to: ``{"name", "description"}``
    (``INPUT_FORMATS`` holds the names alone)."""

def is_validation_request(body: _Input) -> bool:
    """Whether ``body`` is a webhook's test request: Atlan's validation request or OpenMetadata's test
    message (bare or in a Lambda/EventBridge wrapper)."""

def verify_signature(headers: _Headers, secret: str) -> bool:
    """Whether the headers carry ``x-atlan-signing-secret`` equal to ``secret`` (names compared
    case-insensitively, the value in constant time)."""

def verify_openmetadata_signature(
    headers: Mapping[str, str] | Mapping[bytes, bytes] | Iterable[tuple[str, str]] | Iterable[tuple[bytes, bytes]],
    body: bytes | bytearray | memoryview | str,
    secret: str,
) -> bool:
    """Whether the headers carry an ``X-OM-Signature`` that signs ``body``, the raw request body,
    with ``secret``, as OpenMetadata signs webhooks (``sha256=`` and base64 of HMAC-SHA256; names
    compared case-insensitively, the signature in constant time)."""

def openmetadata_signature(body: bytes | bytearray | memoryview | str, secret: str) -> str:
    """The ``X-OM-Signature`` value OpenMetadata sends with ``body`` for the webhook secret ``secret``."""

def lambda_headers(event: Mapping[str, Any] | str) -> list[tuple[str, str]]:
    """The headers of a Lambda function URL / API Gateway event, as (name, value) pairs."""

def unwrap(body: _Input) -> Event | ValidationRequest:
    """The event a webhook delivered (bare, or the Lambda / API Gateway / EventBridge event
    around it), or the ``ValidationRequest``. An OpenMetadata ChangeEvent of several changes is
    several events: read it with ``parse_many``."""

def _kind_classes() -> list[tuple[str, type[Event], tuple[tuple[str, str, str], ...]]]: ...
def _event_from_json(json: str) -> Event: ...

#: What ``read_arrow`` reads: bytes, a str (JSON text, or a path when it does not start with
#: ``{`` or ``[``), a path, or an iterable of lines.
_ArrowSource: TypeAlias = bytes | bytearray | memoryview | str | os.PathLike[str] | _Lines
#: A filter: compiled, or a spec as ``Filter()`` takes it.
_FilterLike: TypeAlias = Filter | Mapping[str, Any] | str

@final
class ArrowReader:
    """The events of a source as Arrow record batches, through the Arrow PyCapsule interface:
    ``pyarrow.table(reader)``, ``polars.DataFrame(reader)``, ``duckdb.sql("from reader")``. Each
    consumer reads the source again (an iterable of lines only once). Bad records never stop the
    batches: their exceptions are in ``errors`` once the stream is read."""

    def __arrow_c_schema__(self) -> object:
        """The Arrow C schema of the batches, in a PyCapsule."""
    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object:
        """A new Arrow C stream of the batches, in a PyCapsule."""
    @property
    def errors(self) -> list[MetaeventsError]:
        """The exceptions of the bad records of the last stream read, in input order."""
    @property
    def batch_size(self) -> int | None:
        """Rows per batch (the last may have fewer)."""
    @property
    def raw(self) -> bool:
        """Whether the ``raw`` column is there."""
    @property
    def threads(self) -> int:
        """Threads that parse."""

def read_arrow(
    source: _ArrowSource,
    *,
    batch_size: int = 65536,
    raw: bool = True,
    filter: _FilterLike | None = None,
    threads: int | None = None,
    parser: Parser | None = None,
) -> ArrowReader:
    """The events of ``source`` (NDJSON, JSON arrays, poll responses; gzip too) as Arrow batches of
    ``batch_size`` rows, parsed on ``threads`` threads (``None``: one per core) while the consumer
    reads, with the interpreter lock released. Only the events that pass ``filter`` (lines its byte
    prefilter rules out are skipped unparsed); without ``raw``, no ``raw`` column."""

@final
class _ColumnNormalizer:
    def __new__(
        cls, column: str, *, raw: bool = True, filter: _FilterLike | None = None, parser: Parser | None = None
    ) -> Self: ...
    def push(self, batch: object) -> tuple[list[object], list[MetaeventsError]]: ...
    def finish(self) -> list[MetaeventsError]: ...

def spark_schema(*, raw: bool = True) -> str:
    """The Spark SQL DDL of what ``metaevents.arrow.normalize_batches`` yields."""

# --- kind classes: generated by tools/gen_kind_stubs.py from the catalog; do not edit ---

#: The platforms an event can come from (``Event.source``).
_SourceName: TypeAlias = Literal["datahub"] | Literal["atlan"] | Literal["atlas"] | Literal["openmetadata"]

class EntityEvent(Event):
    """Base class of the ``entity.*`` kinds."""

    @property
    def family(self) -> Literal["entity"]: ...

@final
class EntityCreated(EntityEvent):
    """An event of kind ``entity.created``."""

    __match_args__ = ("status", "created_by", "create_time", "entity", "subjects")
    @property
    def kind(self) -> Literal["entity.created"]: ...
    @property
    def status(self) -> str | None:
        """``details.status`` (string): entity.status (ACTIVE)"""
    @property
    def created_by(self) -> str | None:
        """``details.createdBy`` (string): entity.createdBy"""
    @property
    def create_time(self) -> int | None:
        """``details.createTime`` (timestamp): entity.createTime"""

@final
class EntityUpdated(EntityEvent):
    """An event of kind ``entity.updated``."""

    __match_args__ = (
        "changed_attributes",
        "changed_relationships",
        "attributes",
        "relationship_attributes",
        "request_id",
        "via_ui",
        "status",
        "changes",
        "changed_fields",
        "entity",
        "subjects",
    )
    @property
    def kind(self) -> Literal["entity.updated"]: ...
    @property
    def changed_attributes(self) -> list[str] | None:
        """``details.changedAttributes`` (string_list): names of mutatedDetails.attributes (but tenantId, which every update repeats)"""
    @property
    def changed_relationships(self) -> list[str] | None:
        """``details.changedRelationships`` (string_list): names of mutatedDetails.relationshipAttributes"""
    @property
    def attributes(self) -> dict[str, Any] | None:
        """``details.attributes`` (object): mutatedDetails.attributes: the changed attributes' new values"""
    @property
    def relationship_attributes(self) -> dict[str, Any] | None:
        """``details.relationshipAttributes`` (object): mutatedDetails.relationshipAttributes"""
    @property
    def request_id(self) -> str | None:
        """``details.requestId`` (string): headers x-atlan-request-id"""
    @property
    def via_ui(self) -> bool | None:
        """``details.viaUi`` (boolean): headers x-atlan-via-ui"""
    @property
    def status(self) -> str | None:
        """``details.status`` (string): entity.status (ACTIVE, DELETED)"""
    @property
    def changes(self) -> list[dict[str, Any]] | None:
        """``details.changes`` (object_list): one `{list, name, oldValue, newValue}` per FieldChange no other kind took (`list`: fieldsAdded, fieldsUpdated or fieldsDeleted; values that are JSON text decoded)"""
    @property
    def changed_fields(self) -> list[str] | None:
        """``details.changedFields`` (string_list): the names of those FieldChanges"""

@final
class EntityDeleted(EntityEvent):
    """An event of kind ``entity.deleted``."""

    __match_args__ = ("hard", "delete_handler", "status", "recursive", "entity", "subjects")
    @property
    def kind(self) -> Literal["entity.deleted"]: ...
    @property
    def hard(self) -> bool | None:
        """``details.hard`` (boolean): true for HARD_DELETE, false for SOFT_DELETE"""
    @property
    def delete_handler(self) -> str | None:
        """``details.deleteHandler`` (string): entity.deleteHandler: DEFAULT, SOFT, HARD or PURGE"""
    @property
    def status(self) -> str | None:
        """``details.status`` (string): entity.status (DELETED, PURGED)"""
    @property
    def recursive(self) -> bool | None:
        """``details.recursive`` (boolean): the delete cascaded to the entity's children, which get no events of their own (2.x)"""

@final
class EntityRestored(EntityEvent):
    """An event of kind ``entity.restored``."""

    __match_args__ = ("entity", "subjects")
    @property
    def kind(self) -> Literal["entity.restored"]: ...

class LineageEvent(Event):
    """Base class of the ``lineage.*`` kinds."""

    @property
    def family(self) -> Literal["lineage"]: ...

@final
class LineageCreated(LineageEvent):
    """An event of kind ``lineage.created``."""

    __match_args__ = ("status", "created_by", "create_time", "inputs", "outputs", "entity", "subjects")
    @property
    def kind(self) -> Literal["lineage.created"]: ...
    @property
    def status(self) -> str | None:
        """``details.status`` (string): entity.status (ACTIVE)"""
    @property
    def created_by(self) -> str | None:
        """``details.createdBy`` (string): entity.createdBy"""
    @property
    def create_time(self) -> int | None:
        """``details.createTime`` (timestamp): entity.createTime"""
    @property
    def inputs(self) -> list[dict[str, Any]] | None:
        """``details.inputs`` (object_list): process inputs `{guid, typeName, qualifiedName}`, when the event lists them"""
    @property
    def outputs(self) -> list[dict[str, Any]] | None:
        """``details.outputs`` (object_list): process outputs `{guid, typeName, qualifiedName}`, when the event lists them"""

class TagEvent(Event):
    """Base class of the ``tag.*`` kinds."""

    @property
    def family(self) -> Literal["tag"]: ...

@final
class TagAdded(TagEvent):
    """An event of kind ``tag.added``."""

    __match_args__ = (
        "tag_urn",
        "field_path",
        "parent_urn",
        "context",
        "source_details",
        "tags",
        "propagated",
        "classifications",
        "entity",
        "subjects",
    )
    @property
    def kind(self) -> Literal["tag.added"]: ...
    @property
    def tag_urn(self) -> str | None:
        """``details.tagUrn`` (urn): the tag"""
    @property
    def field_path(self) -> str | None:
        """``details.fieldPath`` (string): path of the schema field, on field-level events"""
    @property
    def parent_urn(self) -> str | None:
        """``details.parentUrn`` (urn): the dataset that holds the schema field, on field-level events"""
    @property
    def context(self) -> Any:
        """``details.context`` (json): change context (JSON text decoded), `{}` by default"""
    @property
    def source_details(self) -> Any:
        """``details.sourceDetails`` (json): where the change came from (JSON text decoded)"""
    @property
    def tags(self) -> list[dict[str, Any]] | None:
        """``details.tags`` (object_list): one `{tagId, name, entityGuid, entityStatus, propagated, propagate, removePropagationsOnEntityDelete, restrictPropagationThroughLineage, restrictPropagationThroughHierarchy, ...}` per tag of mutatedDetails; tagId is Atlan's hashed tag id, name its display name when the parser was given Atlan's typedefs"""
    @property
    def propagated(self) -> bool | None:
        """``details.propagated`` (boolean): every tag in this event reached this asset by propagation (each tag's entityGuid is another asset's; details.tags[].propagated says it per tag)"""
    @property
    def classifications(self) -> list[dict[str, Any]] | None:
        """``details.classifications`` (object_list): the entity's classifications after the change, as Atlas lists them (supertypes included): one `{tagId, entityGuid, entityStatus, propagated, propagate, removePropagationsOnEntityDelete, validityPeriods, attributes, ...}` each; Atlas does not say which one changed"""

@final
class TagRemoved(TagEvent):
    """An event of kind ``tag.removed``."""

    __match_args__ = (
        "tag_urn",
        "field_path",
        "parent_urn",
        "context",
        "source_details",
        "tags",
        "propagated",
        "classifications",
        "entity",
        "subjects",
    )
    @property
    def kind(self) -> Literal["tag.removed"]: ...
    @property
    def tag_urn(self) -> str | None:
        """``details.tagUrn`` (urn): the tag"""
    @property
    def field_path(self) -> str | None:
        """``details.fieldPath`` (string): path of the schema field, on field-level events"""
    @property
    def parent_urn(self) -> str | None:
        """``details.parentUrn`` (urn): the dataset that holds the schema field, on field-level events"""
    @property
    def context(self) -> Any:
        """``details.context`` (json): change context (JSON text decoded), `{}` by default"""
    @property
    def source_details(self) -> Any:
        """``details.sourceDetails`` (json): where the change came from (JSON text decoded)"""
    @property
    def tags(self) -> list[dict[str, Any]] | None:
        """``details.tags`` (object_list): one `{tagId, name, entityGuid, entityStatus, propagated, propagate, removePropagationsOnEntityDelete, restrictPropagationThroughLineage, restrictPropagationThroughHierarchy, ...}` per tag of mutatedDetails; tagId is Atlan's hashed tag id, name its display name when the parser was given Atlan's typedefs"""
    @property
    def propagated(self) -> bool | None:
        """``details.propagated`` (boolean): every tag in this event reached this asset by propagation (each tag's entityGuid is another asset's; details.tags[].propagated says it per tag)"""
    @property
    def classifications(self) -> list[dict[str, Any]] | None:
        """``details.classifications`` (object_list): the entity's classifications after the change, as Atlas lists them (supertypes included): one `{tagId, entityGuid, entityStatus, propagated, propagate, removePropagationsOnEntityDelete, validityPeriods, attributes, ...}` each; Atlas does not say which one changed"""

@final
class TagUpdated(TagEvent):
    """An event of kind ``tag.updated``."""

    __match_args__ = ("tags", "propagated", "classifications", "entity", "subjects")
    @property
    def kind(self) -> Literal["tag.updated"]: ...
    @property
    def tags(self) -> list[dict[str, Any]] | None:
        """``details.tags`` (object_list): one `{tagId, name, entityGuid, entityStatus, propagated, propagate, removePropagationsOnEntityDelete, restrictPropagationThroughLineage, restrictPropagationThroughHierarchy, ...}` per tag of mutatedDetails; tagId is Atlan's hashed tag id, name its display name when the parser was given Atlan's typedefs"""
    @property
    def propagated(self) -> bool | None:
        """``details.propagated`` (boolean): every tag in this event reached this asset by propagation (each tag's entityGuid is another asset's; details.tags[].propagated says it per tag)"""
    @property
    def classifications(self) -> list[dict[str, Any]] | None:
        """``details.classifications`` (object_list): the entity's classifications after the change, as Atlas lists them (supertypes included): one `{tagId, entityGuid, entityStatus, propagated, propagate, removePropagationsOnEntityDelete, validityPeriods, attributes, ...}` each; Atlas does not say which one changed"""

class TermEvent(Event):
    """Base class of the ``term.*`` kinds."""

    @property
    def family(self) -> Literal["term"]: ...

@final
class TermAdded(TermEvent):
    """An event of kind ``term.added``."""

    __match_args__ = (
        "term_urn",
        "field_path",
        "parent_urn",
        "context",
        "source_details",
        "terms",
        "entity",
        "subjects",
    )
    @property
    def kind(self) -> Literal["term.added"]: ...
    @property
    def term_urn(self) -> str | None:
        """``details.termUrn`` (urn): the glossary term"""
    @property
    def field_path(self) -> str | None:
        """``details.fieldPath`` (string): path of the schema field, on field-level events"""
    @property
    def parent_urn(self) -> str | None:
        """``details.parentUrn`` (urn): the dataset that holds the schema field, on field-level events"""
    @property
    def context(self) -> Any:
        """``details.context`` (json): change context (JSON text decoded), `{}` by default"""
    @property
    def source_details(self) -> Any:
        """``details.sourceDetails`` (json): where the change came from (JSON text decoded)"""
    @property
    def terms(self) -> list[dict[str, Any]] | None:
        """``details.terms`` (object_list): the glossary terms, as TagLabels with source Glossary `{tagFQN, source, labelType, state, ...}` (JSON text decoded, repeats dropped)"""

@final
class TermRemoved(TermEvent):
    """An event of kind ``term.removed``."""

    __match_args__ = (
        "term_urn",
        "field_path",
        "parent_urn",
        "context",
        "source_details",
        "terms",
        "entity",
        "subjects",
    )
    @property
    def kind(self) -> Literal["term.removed"]: ...
    @property
    def term_urn(self) -> str | None:
        """``details.termUrn`` (urn): the glossary term"""
    @property
    def field_path(self) -> str | None:
        """``details.fieldPath`` (string): path of the schema field, on field-level events"""
    @property
    def parent_urn(self) -> str | None:
        """``details.parentUrn`` (urn): the dataset that holds the schema field, on field-level events"""
    @property
    def context(self) -> Any:
        """``details.context`` (json): change context (JSON text decoded), `{}` by default"""
    @property
    def source_details(self) -> Any:
        """``details.sourceDetails`` (json): where the change came from (JSON text decoded)"""
    @property
    def terms(self) -> list[dict[str, Any]] | None:
        """``details.terms`` (object_list): the glossary terms, as TagLabels with source Glossary `{tagFQN, source, labelType, state, ...}` (JSON text decoded, repeats dropped)"""

class DomainEvent(Event):
    """Base class of the ``domain.*`` kinds."""

    @property
    def family(self) -> Literal["domain"]: ...

@final
class DomainAdded(DomainEvent):
    """An event of kind ``domain.added``."""

    __match_args__ = ("domain_urn", "context", "source_details", "domains", "entity", "subjects")
    @property
    def kind(self) -> Literal["domain.added"]: ...
    @property
    def domain_urn(self) -> str | None:
        """``details.domainUrn`` (urn): the domain"""
    @property
    def context(self) -> Any:
        """``details.context`` (json): change context (JSON text decoded), `{}` by default"""
    @property
    def source_details(self) -> Any:
        """``details.sourceDetails`` (json): where the change came from (JSON text decoded)"""
    @property
    def domains(self) -> list[dict[str, Any]] | None:
        """``details.domains`` (object_list): the domains, as EntityReferences `{id, type, name, fullyQualifiedName, ...}`"""

@final
class DomainRemoved(DomainEvent):
    """An event of kind ``domain.removed``."""

    __match_args__ = ("domain_urn", "context", "source_details", "domains", "entity", "subjects")
    @property
    def kind(self) -> Literal["domain.removed"]: ...
    @property
    def domain_urn(self) -> str | None:
        """``details.domainUrn`` (urn): the domain"""
    @property
    def context(self) -> Any:
        """``details.context`` (json): change context (JSON text decoded), `{}` by default"""
    @property
    def source_details(self) -> Any:
        """``details.sourceDetails`` (json): where the change came from (JSON text decoded)"""
    @property
    def domains(self) -> list[dict[str, Any]] | None:
        """``details.domains`` (object_list): the domains, as EntityReferences `{id, type, name, fullyQualifiedName, ...}`"""

class OwnerEvent(Event):
    """Base class of the ``owner.*`` kinds."""

    @property
    def family(self) -> Literal["owner"]: ...

@final
class OwnerAdded(OwnerEvent):
    """An event of kind ``owner.added``."""

    __match_args__ = (
        "owner_urn",
        "owner_type",
        "owner_type_urn",
        "context",
        "source_details",
        "owners",
        "entity",
        "subjects",
    )
    @property
    def kind(self) -> Literal["owner.added"]: ...
    @property
    def owner_urn(self) -> str | None:
        """``details.ownerUrn`` (urn): the owner (corpuser or corpGroup urn)"""
    @property
    def owner_type(self) -> str | None:
        """``details.ownerType`` (string): TECHNICAL_OWNER, BUSINESS_OWNER, DATA_STEWARD, NONE, CUSTOM, ..."""
    @property
    def owner_type_urn(self) -> str | None:
        """``details.ownerTypeUrn`` (urn): custom ownership type urn"""
    @property
    def context(self) -> Any:
        """``details.context`` (json): change context (JSON text decoded), `{}` by default"""
    @property
    def source_details(self) -> Any:
        """``details.sourceDetails`` (json): where the change came from (JSON text decoded)"""
    @property
    def owners(self) -> list[dict[str, Any]] | None:
        """``details.owners`` (object_list): the owners, as EntityReferences `{id, type, name, fullyQualifiedName, ...}` (a user or a team)"""

@final
class OwnerRemoved(OwnerEvent):
    """An event of kind ``owner.removed``."""

    __match_args__ = (
        "owner_urn",
        "owner_type",
        "owner_type_urn",
        "context",
        "source_details",
        "owners",
        "entity",
        "subjects",
    )
    @property
    def kind(self) -> Literal["owner.removed"]: ...
    @property
    def owner_urn(self) -> str | None:
        """``details.ownerUrn`` (urn): the owner (corpuser or corpGroup urn)"""
    @property
    def owner_type(self) -> str | None:
        """``details.ownerType`` (string): TECHNICAL_OWNER, BUSINESS_OWNER, DATA_STEWARD, NONE, CUSTOM, ..."""
    @property
    def owner_type_urn(self) -> str | None:
        """``details.ownerTypeUrn`` (urn): custom ownership type urn"""
    @property
    def context(self) -> Any:
        """``details.context`` (json): change context (JSON text decoded), `{}` by default"""
    @property
    def source_details(self) -> Any:
        """``details.sourceDetails`` (json): where the change came from (JSON text decoded)"""
    @property
    def owners(self) -> list[dict[str, Any]] | None:
        """``details.owners`` (object_list): the owners, as EntityReferences `{id, type, name, fullyQualifiedName, ...}` (a user or a team)"""

class DocumentationEvent(Event):
    """Base class of the ``documentation.*`` kinds."""

    @property
    def family(self) -> Literal["documentation"]: ...

@final
class DocumentationAdded(DocumentationEvent):
    """An event of kind ``documentation.added``."""

    __match_args__ = (
        "description",
        "documentation",
        "field_path",
        "parent_urn",
        "context",
        "previous_description",
        "entity",
        "subjects",
    )
    @property
    def kind(self) -> Literal["documentation.added"]: ...
    @property
    def description(self) -> str | None:
        """``details.description`` (string): the description added, changed to or removed"""
    @property
    def documentation(self) -> str | None:
        """``details.documentation`` (string): the documentation text (documentation aspect)"""
    @property
    def field_path(self) -> str | None:
        """``details.fieldPath`` (string): path of the schema field, on field-level events"""
    @property
    def parent_urn(self) -> str | None:
        """``details.parentUrn`` (urn): the dataset that holds the schema field, on field-level events"""
    @property
    def context(self) -> Any:
        """``details.context`` (json): change context (JSON text decoded), `{}` by default"""
    @property
    def previous_description(self) -> str | None:
        """``details.previousDescription`` (string): the description before a modification"""

@final
class DocumentationModified(DocumentationEvent):
    """An event of kind ``documentation.modified``."""

    __match_args__ = (
        "description",
        "documentation",
        "field_path",
        "parent_urn",
        "context",
        "previous_description",
        "entity",
        "subjects",
    )
    @property
    def kind(self) -> Literal["documentation.modified"]: ...
    @property
    def description(self) -> str | None:
        """``details.description`` (string): the description added, changed to or removed"""
    @property
    def documentation(self) -> str | None:
        """``details.documentation`` (string): the documentation text (documentation aspect)"""
    @property
    def field_path(self) -> str | None:
        """``details.fieldPath`` (string): path of the schema field, on field-level events"""
    @property
    def parent_urn(self) -> str | None:
        """``details.parentUrn`` (urn): the dataset that holds the schema field, on field-level events"""
    @property
    def context(self) -> Any:
        """``details.context`` (json): change context (JSON text decoded), `{}` by default"""
    @property
    def previous_description(self) -> str | None:
        """``details.previousDescription`` (string): the description before a modification"""

@final
class DocumentationRemoved(DocumentationEvent):
    """An event of kind ``documentation.removed``."""

    __match_args__ = (
        "description",
        "documentation",
        "field_path",
        "parent_urn",
        "context",
        "previous_description",
        "entity",
        "subjects",
    )
    @property
    def kind(self) -> Literal["documentation.removed"]: ...
    @property
    def description(self) -> str | None:
        """``details.description`` (string): the description added, changed to or removed"""
    @property
    def documentation(self) -> str | None:
        """``details.documentation`` (string): the documentation text (documentation aspect)"""
    @property
    def field_path(self) -> str | None:
        """``details.fieldPath`` (string): path of the schema field, on field-level events"""
    @property
    def parent_urn(self) -> str | None:
        """``details.parentUrn`` (urn): the dataset that holds the schema field, on field-level events"""
    @property
    def context(self) -> Any:
        """``details.context`` (json): change context (JSON text decoded), `{}` by default"""
    @property
    def previous_description(self) -> str | None:
        """``details.previousDescription`` (string): the description before a modification"""

class DeprecationEvent(Event):
    """Base class of the ``deprecation.*`` kinds."""

    @property
    def family(self) -> Literal["deprecation"]: ...

@final
class DeprecationChanged(DeprecationEvent):
    """An event of kind ``deprecation.changed``."""

    __match_args__ = ("status", "timestamp", "note", "entity_status", "previous_entity_status", "entity", "subjects")
    @property
    def kind(self) -> Literal["deprecation.changed"]: ...
    @property
    def status(self) -> str | None:
        """``details.status`` (string): DEPRECATED or ACTIVE"""
    @property
    def timestamp(self) -> int | None:
        """``details.timestamp`` (timestamp): decommission time (sent as a string of digits)"""
    @property
    def note(self) -> str | None:
        """``details.note`` (string): deprecation note"""
    @property
    def entity_status(self) -> str | None:
        """``details.entityStatus`` (string): the new status as OpenMetadata spells it (Deprecated, Approved, ...)"""
    @property
    def previous_entity_status(self) -> str | None:
        """``details.previousEntityStatus`` (string): the status before"""

class SchemaEvent(Event):
    """Base class of the ``schema.*`` kinds."""

    @property
    def family(self) -> Literal["schema"]: ...

@final
class SchemaFieldAdded(SchemaEvent):
    """An event of kind ``schema.field_added``."""

    __match_args__ = (
        "field_urn",
        "field_path",
        "nullable",
        "modification_category",
        "column",
        "previous_column",
        "changed_property",
        "previous_value",
        "value",
        "entity",
        "subjects",
    )
    @property
    def kind(self) -> Literal["schema.field_added"]: ...
    @property
    def field_urn(self) -> str | None:
        """``details.fieldUrn`` (urn): the schema field urn"""
    @property
    def field_path(self) -> str | None:
        """``details.fieldPath`` (string): the field path"""
    @property
    def nullable(self) -> bool | None:
        """``details.nullable`` (boolean): whether the field is nullable (documented as always present)"""
    @property
    def modification_category(self) -> str | None:
        """``details.modificationCategory`` (string): RENAME, TYPE_CHANGE or OTHER"""
    @property
    def column(self) -> dict[str, Any] | None:
        """``details.column`` (object): the Column `{name, dataType, dataLength, ...}` added, removed, or as it is now"""
    @property
    def previous_column(self) -> dict[str, Any] | None:
        """``details.previousColumn`` (object): the Column before a modification (a type change is a remove and an add of it)"""
    @property
    def changed_property(self) -> str | None:
        """``details.changedProperty`` (string): the column property a `columns.<path>.<property>` change names: dataLength, precision, scale, constraint, displayName"""
    @property
    def previous_value(self) -> Any:
        """``details.previousValue`` (json): that property before"""
    @property
    def value(self) -> Any:
        """``details.value`` (json): that property now"""

@final
class SchemaFieldRemoved(SchemaEvent):
    """An event of kind ``schema.field_removed``."""

    __match_args__ = (
        "field_urn",
        "field_path",
        "nullable",
        "modification_category",
        "column",
        "previous_column",
        "changed_property",
        "previous_value",
        "value",
        "entity",
        "subjects",
    )
    @property
    def kind(self) -> Literal["schema.field_removed"]: ...
    @property
    def field_urn(self) -> str | None:
        """``details.fieldUrn`` (urn): the schema field urn"""
    @property
    def field_path(self) -> str | None:
        """``details.fieldPath`` (string): the field path"""
    @property
    def nullable(self) -> bool | None:
        """``details.nullable`` (boolean): whether the field is nullable (documented as always present)"""
    @property
    def modification_category(self) -> str | None:
        """``details.modificationCategory`` (string): RENAME, TYPE_CHANGE or OTHER"""
    @property
    def column(self) -> dict[str, Any] | None:
        """``details.column`` (object): the Column `{name, dataType, dataLength, ...}` added, removed, or as it is now"""
    @property
    def previous_column(self) -> dict[str, Any] | None:
        """``details.previousColumn`` (object): the Column before a modification (a type change is a remove and an add of it)"""
    @property
    def changed_property(self) -> str | None:
        """``details.changedProperty`` (string): the column property a `columns.<path>.<property>` change names: dataLength, precision, scale, constraint, displayName"""
    @property
    def previous_value(self) -> Any:
        """``details.previousValue`` (json): that property before"""
    @property
    def value(self) -> Any:
        """``details.value`` (json): that property now"""

@final
class SchemaFieldModified(SchemaEvent):
    """An event of kind ``schema.field_modified``."""

    __match_args__ = (
        "field_urn",
        "field_path",
        "nullable",
        "modification_category",
        "column",
        "previous_column",
        "changed_property",
        "previous_value",
        "value",
        "entity",
        "subjects",
    )
    @property
    def kind(self) -> Literal["schema.field_modified"]: ...
    @property
    def field_urn(self) -> str | None:
        """``details.fieldUrn`` (urn): the schema field urn"""
    @property
    def field_path(self) -> str | None:
        """``details.fieldPath`` (string): the field path"""
    @property
    def nullable(self) -> bool | None:
        """``details.nullable`` (boolean): whether the field is nullable (documented as always present)"""
    @property
    def modification_category(self) -> str | None:
        """``details.modificationCategory`` (string): RENAME, TYPE_CHANGE or OTHER"""
    @property
    def column(self) -> dict[str, Any] | None:
        """``details.column`` (object): the Column `{name, dataType, dataLength, ...}` added, removed, or as it is now"""
    @property
    def previous_column(self) -> dict[str, Any] | None:
        """``details.previousColumn`` (object): the Column before a modification (a type change is a remove and an add of it)"""
    @property
    def changed_property(self) -> str | None:
        """``details.changedProperty`` (string): the column property a `columns.<path>.<property>` change names: dataLength, precision, scale, constraint, displayName"""
    @property
    def previous_value(self) -> Any:
        """``details.previousValue`` (json): that property before"""
    @property
    def value(self) -> Any:
        """``details.value`` (json): that property now"""

class CustomMetadataEvent(Event):
    """Base class of the ``custom_metadata.*`` kinds."""

    @property
    def family(self) -> Literal["custom_metadata"]: ...

@final
class CustomMetadataUpdated(CustomMetadataEvent):
    """An event of kind ``custom_metadata.updated``."""

    __match_args__ = ("changes", "entity", "subjects")
    @property
    def kind(self) -> Literal["custom_metadata.updated"]: ...
    @property
    def changes(self) -> list[dict[str, Any]] | None:
        """``details.changes`` (object_list): one `{setId, setName, attributeId, attributeName, value, removed}` per attribute of mutatedDetails; a null value means removed; the names only when the parser was given Atlan's typedefs"""

class BusinessAttributeEvent(Event):
    """Base class of the ``business_attribute.*`` kinds."""

    @property
    def family(self) -> Literal["business_attribute"]: ...

@final
class BusinessAttributeAdded(BusinessAttributeEvent):
    """An event of kind ``business_attribute.added``."""

    __match_args__ = ("business_attribute_urn", "parent_urn", "dataset_urn", "entity", "subjects")
    @property
    def kind(self) -> Literal["business_attribute.added"]: ...
    @property
    def business_attribute_urn(self) -> str | None:
        """``details.businessAttributeUrn`` (urn): the business attribute"""
    @property
    def parent_urn(self) -> str | None:
        """``details.parentUrn`` (urn): the dataset of the schema field"""
    @property
    def dataset_urn(self) -> str | None:
        """``details.datasetUrn`` (urn): the dataset of the schema field"""

@final
class BusinessAttributeRemoved(BusinessAttributeEvent):
    """An event of kind ``business_attribute.removed``."""

    __match_args__ = ("business_attribute_urn", "parent_urn", "dataset_urn", "entity", "subjects")
    @property
    def kind(self) -> Literal["business_attribute.removed"]: ...
    @property
    def business_attribute_urn(self) -> str | None:
        """``details.businessAttributeUrn`` (urn): the business attribute"""
    @property
    def parent_urn(self) -> str | None:
        """``details.parentUrn`` (urn): the dataset of the schema field"""
    @property
    def dataset_urn(self) -> str | None:
        """``details.datasetUrn`` (urn): the dataset of the schema field"""

class StructuredPropertyEvent(Event):
    """Base class of the ``structured_property.*`` kinds."""

    @property
    def family(self) -> Literal["structured_property"]: ...

@final
class StructuredPropertyAdded(StructuredPropertyEvent):
    """An event of kind ``structured_property.added``."""

    __match_args__ = ("property_urn", "property_values", "source_details", "entity", "subjects")
    @property
    def kind(self) -> Literal["structured_property.added"]: ...
    @property
    def property_urn(self) -> str | None:
        """``details.propertyUrn`` (urn): the structured property"""
    @property
    def property_values(self) -> Any:
        """``details.propertyValues`` (json): the values (JSON array text decoded)"""
    @property
    def source_details(self) -> Any:
        """``details.sourceDetails`` (json): where the change came from (JSON text decoded)"""

@final
class StructuredPropertyRemoved(StructuredPropertyEvent):
    """An event of kind ``structured_property.removed``."""

    __match_args__ = ("property_urn", "property_values", "source_details", "entity", "subjects")
    @property
    def kind(self) -> Literal["structured_property.removed"]: ...
    @property
    def property_urn(self) -> str | None:
        """``details.propertyUrn`` (urn): the structured property"""
    @property
    def property_values(self) -> Any:
        """``details.propertyValues`` (json): the values (JSON array text decoded)"""
    @property
    def source_details(self) -> Any:
        """``details.sourceDetails`` (json): where the change came from (JSON text decoded)"""

@final
class StructuredPropertyModified(StructuredPropertyEvent):
    """An event of kind ``structured_property.modified``."""

    __match_args__ = ("property_urn", "property_values", "source_details", "entity", "subjects")
    @property
    def kind(self) -> Literal["structured_property.modified"]: ...
    @property
    def property_urn(self) -> str | None:
        """``details.propertyUrn`` (urn): the structured property"""
    @property
    def property_values(self) -> Any:
        """``details.propertyValues`` (json): the values (JSON array text decoded)"""
    @property
    def source_details(self) -> Any:
        """``details.sourceDetails`` (json): where the change came from (JSON text decoded)"""

class AssertionEvent(Event):
    """Base class of the ``assertion.*`` kinds."""

    @property
    def family(self) -> Literal["assertion"]: ...

@final
class AssertionRunCompleted(AssertionEvent):
    """An event of kind ``assertion.run_completed``."""

    __match_args__ = ("run_result", "run_id", "assertee_urn", "assertion_result", "entity", "subjects")
    @property
    def kind(self) -> Literal["assertion.run_completed"]: ...
    @property
    def run_result(self) -> str | None:
        """``details.runResult`` (string): run status (the producer sends COMPLETE; docs say SUCCESS/FAILURE)"""
    @property
    def run_id(self) -> str | None:
        """``details.runId`` (string): native id of the run"""
    @property
    def assertee_urn(self) -> str | None:
        """``details.asserteeUrn`` (urn): the entity the assertion checks"""
    @property
    def assertion_result(self) -> str | None:
        """``details.assertionResult`` (string): INIT, SUCCESS, FAILURE or ERROR"""

class ProcessEvent(Event):
    """Base class of the ``process.*`` kinds."""

    @property
    def family(self) -> Literal["process"]: ...

@final
class ProcessRunStarted(ProcessEvent):
    """An event of kind ``process.run_started``."""

    __match_args__ = ("attempt", "data_flow_urn", "data_job_urn", "parent_instance_urn", "entity", "subjects")
    @property
    def kind(self) -> Literal["process.run_started"]: ...
    @property
    def attempt(self) -> int | None:
        """``details.attempt`` (integer): attempt number (a number on the wire, a string in the docs)"""
    @property
    def data_flow_urn(self) -> str | None:
        """``details.dataFlowUrn`` (urn): the data flow of the run"""
    @property
    def data_job_urn(self) -> str | None:
        """``details.dataJobUrn`` (urn): the data job of the run"""
    @property
    def parent_instance_urn(self) -> str | None:
        """``details.parentInstanceUrn`` (urn): the parent process instance"""

@final
class ProcessRunCompleted(ProcessEvent):
    """An event of kind ``process.run_completed``."""

    __match_args__ = (
        "run_result",
        "attempt",
        "data_flow_urn",
        "data_job_urn",
        "parent_instance_urn",
        "entity",
        "subjects",
    )
    @property
    def kind(self) -> Literal["process.run_completed"]: ...
    @property
    def run_result(self) -> str | None:
        """``details.runResult`` (string): SUCCESS, FAILURE, SKIPPED or UP_FOR_RETRY"""
    @property
    def attempt(self) -> int | None:
        """``details.attempt`` (integer): attempt number (a number on the wire, a string in the docs)"""
    @property
    def data_flow_urn(self) -> str | None:
        """``details.dataFlowUrn`` (urn): the data flow of the run"""
    @property
    def data_job_urn(self) -> str | None:
        """``details.dataJobUrn`` (urn): the data job of the run"""
    @property
    def parent_instance_urn(self) -> str | None:
        """``details.parentInstanceUrn`` (urn): the parent process instance"""

class ProposalEvent(Event):
    """Base class of the ``proposal.*`` kinds."""

    @property
    def family(self) -> Literal["proposal"]: ...

@final
class ProposalCreated(ProposalEvent):
    """An event of kind ``proposal.created``."""

    __match_args__ = (
        "action_request_type",
        "resource_type",
        "resource_urn",
        "sub_resource_type",
        "sub_resource",
        "tag_urn",
        "term_urn",
        "glossary_term_urn",
        "glossary_entity_name",
        "parent_node_urn",
        "description",
        "domains",
        "owners",
        "structured_properties",
        "actor_urn",
        "workflow_urn",
        "workflow_id",
        "expires_at_ms",
        "fields",
        "step_id",
        "entity_type",
        "entity_urn",
        "entity_name",
        "qualified_name",
        "entity_platform_name",
        "entity",
        "subjects",
    )
    @property
    def kind(self) -> Literal["proposal.created"]: ...
    @property
    def action_request_type(self) -> str | None:
        """``details.actionRequestType`` (string): TAG_ASSOCIATION, TERM_ASSOCIATION, CREATE_GLOSSARY_TERM, UPDATE_DESCRIPTION, WORKFLOW_FORM_REQUEST, ..."""
    @property
    def resource_type(self) -> str | None:
        """``details.resourceType`` (string): type of the entity the proposal applies to"""
    @property
    def resource_urn(self) -> str | None:
        """``details.resourceUrn`` (urn): the entity the proposal applies to"""
    @property
    def sub_resource_type(self) -> str | None:
        """``details.subResourceType`` (string): sub-resource type, e.g. schemaField"""
    @property
    def sub_resource(self) -> str | None:
        """``details.subResource`` (string): sub-resource id"""
    @property
    def tag_urn(self) -> str | None:
        """``details.tagUrn`` (urn): proposed tag"""
    @property
    def term_urn(self) -> str | None:
        """``details.termUrn`` (urn): proposed glossary term"""
    @property
    def glossary_term_urn(self) -> str | None:
        """``details.glossaryTermUrn`` (urn): proposed glossary term (newer events)"""
    @property
    def glossary_entity_name(self) -> str | None:
        """``details.glossaryEntityName`` (string): name of the glossary node or term to create"""
    @property
    def parent_node_urn(self) -> str | None:
        """``details.parentNodeUrn`` (urn): parent glossary node"""
    @property
    def description(self) -> str | None:
        """``details.description`` (string): proposed description"""
    @property
    def domains(self) -> Any:
        """``details.domains`` (json): proposed domains (JSON text decoded)"""
    @property
    def owners(self) -> Any:
        """``details.owners`` (json): proposed owners (JSON text decoded)"""
    @property
    def structured_properties(self) -> Any:
        """``details.structuredProperties`` (json): proposed structured properties (JSON text decoded)"""
    @property
    def actor_urn(self) -> str | None:
        """``details.actorUrn`` (urn): workflow requester"""
    @property
    def workflow_urn(self) -> str | None:
        """``details.workflowUrn`` (urn): workflow"""
    @property
    def workflow_id(self) -> str | None:
        """``details.workflowId`` (string): workflow id"""
    @property
    def expires_at_ms(self) -> int | None:
        """``details.expiresAtMs`` (timestamp): expiry, epoch milliseconds"""
    @property
    def fields(self) -> Any:
        """``details.fields`` (json): workflow form fields (JSON text decoded)"""
    @property
    def step_id(self) -> str | None:
        """``details.stepId`` (string): workflow step"""
    @property
    def entity_type(self) -> str | None:
        """``details.entityType`` (string): type of the workflow's entity"""
    @property
    def entity_urn(self) -> str | None:
        """``details.entityUrn`` (urn): the workflow's entity"""
    @property
    def entity_name(self) -> str | None:
        """``details.entityName`` (string): name of the workflow's entity"""
    @property
    def qualified_name(self) -> str | None:
        """``details.qualifiedName`` (string): qualified name of the workflow's entity"""
    @property
    def entity_platform_name(self) -> str | None:
        """``details.entityPlatformName`` (string): platform of the workflow's entity"""

@final
class ProposalStatusChanged(ProposalEvent):
    """An event of kind ``proposal.status_changed``."""

    __match_args__ = (
        "action_request_status",
        "action_request_result",
        "action_request_type",
        "resource_urn",
        "step_id",
        "step_result",
        "result",
        "workflow_urn",
        "workflow_id",
        "actor_urn",
        "fields",
        "entity",
        "subjects",
    )
    @property
    def kind(self) -> Literal["proposal.status_changed"]: ...
    @property
    def action_request_status(self) -> str | None:
        """``details.actionRequestStatus`` (string): PENDING or COMPLETED (documented as always present)"""
    @property
    def action_request_result(self) -> str | None:
        """``details.actionRequestResult`` (string): ACCEPTED or REJECTED, once completed"""
    @property
    def action_request_type(self) -> str | None:
        """``details.actionRequestType`` (string): type of the proposal"""
    @property
    def resource_urn(self) -> str | None:
        """``details.resourceUrn`` (urn): the entity the proposal applies to"""
    @property
    def step_id(self) -> str | None:
        """``details.stepId`` (string): workflow step"""
    @property
    def step_result(self) -> str | None:
        """``details.stepResult`` (string): result of a completed workflow step"""
    @property
    def result(self) -> str | None:
        """``details.result`` (string): result of a completed workflow"""
    @property
    def workflow_urn(self) -> str | None:
        """``details.workflowUrn`` (urn): workflow"""
    @property
    def workflow_id(self) -> str | None:
        """``details.workflowId`` (string): workflow id"""
    @property
    def actor_urn(self) -> str | None:
        """``details.actorUrn`` (urn): who acted"""
    @property
    def fields(self) -> Any:
        """``details.fields`` (json): workflow form fields (JSON text decoded)"""

class IncidentEvent(Event):
    """Base class of the ``incident.*`` kinds."""

    @property
    def family(self) -> Literal["incident"]: ...

@final
class IncidentStatusChanged(IncidentEvent):
    """An event of kind ``incident.status_changed``."""

    __match_args__ = ("entities", "status", "entity", "subjects")
    @property
    def kind(self) -> Literal["incident.status_changed"]: ...
    @property
    def entities(self) -> list[str] | None:
        """``details.entities`` (urn_list): the entities the incident is raised on (`[a, b]` text decoded)"""
    @property
    def status(self) -> str | None:
        """``details.status`` (string): ACTIVE or RESOLVED (the operation)"""

class RelationshipEvent(Event):
    """Base class of the ``relationship.*`` kinds."""

    @property
    def family(self) -> Literal["relationship"]: ...

@final
class RelationshipCreated(RelationshipEvent):
    """An event of kind ``relationship.created``."""

    __match_args__ = (
        "relationship_type",
        "source_urn",
        "destination_urn",
        "lifecycle_owner",
        "via",
        "properties",
        "relationship_guid",
        "status",
        "label",
        "propagate_tags",
        "end1",
        "end2",
        "entity",
        "subjects",
    )
    @property
    def kind(self) -> Literal["relationship.created"]: ...
    @property
    def relationship_type(self) -> str | None:
        """``details.relationshipType`` (string): edge type, e.g. DownstreamOf, Contains, OwnedBy"""
    @property
    def source_urn(self) -> str | None:
        """``details.sourceUrn`` (urn): source end of the edge (also `entity.id`)"""
    @property
    def destination_urn(self) -> str | None:
        """``details.destinationUrn`` (urn): destination end of the edge"""
    @property
    def lifecycle_owner(self) -> str | None:
        """``details.lifecycleOwner`` (string): owner of the edge's lifecycle"""
    @property
    def via(self) -> str | None:
        """``details.via`` (string): intermediate urn of the edge"""
    @property
    def properties(self) -> dict[str, Any] | None:
        """``details.properties`` (object): edge properties (string map)"""
    @property
    def relationship_guid(self) -> str | None:
        """``details.relationshipGuid`` (string): relationship.guid"""
    @property
    def status(self) -> str | None:
        """``details.status`` (string): relationship.status"""
    @property
    def label(self) -> str | None:
        """``details.label`` (string): relationship.label"""
    @property
    def propagate_tags(self) -> str | None:
        """``details.propagateTags`` (string): relationship.propagateTags (NONE, ONE_TO_TWO, ...)"""
    @property
    def end1(self) -> dict[str, Any] | None:
        """``details.end1`` (object): `{guid, typeName, qualifiedName}` of end 1 (also `entity`)"""
    @property
    def end2(self) -> dict[str, Any] | None:
        """``details.end2`` (object): `{guid, typeName, qualifiedName}` of end 2"""

@final
class RelationshipUpdated(RelationshipEvent):
    """An event of kind ``relationship.updated``."""

    __match_args__ = (
        "relationship_type",
        "source_urn",
        "destination_urn",
        "lifecycle_owner",
        "via",
        "properties",
        "relationship_guid",
        "status",
        "label",
        "propagate_tags",
        "end1",
        "end2",
        "entity",
        "subjects",
    )
    @property
    def kind(self) -> Literal["relationship.updated"]: ...
    @property
    def relationship_type(self) -> str | None:
        """``details.relationshipType`` (string): edge type, e.g. DownstreamOf, Contains, OwnedBy"""
    @property
    def source_urn(self) -> str | None:
        """``details.sourceUrn`` (urn): source end of the edge (also `entity.id`)"""
    @property
    def destination_urn(self) -> str | None:
        """``details.destinationUrn`` (urn): destination end of the edge"""
    @property
    def lifecycle_owner(self) -> str | None:
        """``details.lifecycleOwner`` (string): owner of the edge's lifecycle"""
    @property
    def via(self) -> str | None:
        """``details.via`` (string): intermediate urn of the edge"""
    @property
    def properties(self) -> dict[str, Any] | None:
        """``details.properties`` (object): edge properties (string map)"""
    @property
    def relationship_guid(self) -> str | None:
        """``details.relationshipGuid`` (string): relationship.guid"""
    @property
    def status(self) -> str | None:
        """``details.status`` (string): relationship.status"""
    @property
    def label(self) -> str | None:
        """``details.label`` (string): relationship.label"""
    @property
    def propagate_tags(self) -> str | None:
        """``details.propagateTags`` (string): relationship.propagateTags (NONE, ONE_TO_TWO, ...)"""
    @property
    def end1(self) -> dict[str, Any] | None:
        """``details.end1`` (object): `{guid, typeName, qualifiedName}` of end 1 (also `entity`)"""
    @property
    def end2(self) -> dict[str, Any] | None:
        """``details.end2`` (object): `{guid, typeName, qualifiedName}` of end 2"""

@final
class RelationshipDeleted(RelationshipEvent):
    """An event of kind ``relationship.deleted``."""

    __match_args__ = (
        "relationship_type",
        "source_urn",
        "destination_urn",
        "lifecycle_owner",
        "via",
        "properties",
        "relationship_guid",
        "status",
        "label",
        "propagate_tags",
        "end1",
        "end2",
        "entity",
        "subjects",
    )
    @property
    def kind(self) -> Literal["relationship.deleted"]: ...
    @property
    def relationship_type(self) -> str | None:
        """``details.relationshipType`` (string): edge type, e.g. DownstreamOf, Contains, OwnedBy"""
    @property
    def source_urn(self) -> str | None:
        """``details.sourceUrn`` (urn): source end of the edge (also `entity.id`)"""
    @property
    def destination_urn(self) -> str | None:
        """``details.destinationUrn`` (urn): destination end of the edge"""
    @property
    def lifecycle_owner(self) -> str | None:
        """``details.lifecycleOwner`` (string): owner of the edge's lifecycle"""
    @property
    def via(self) -> str | None:
        """``details.via`` (string): intermediate urn of the edge"""
    @property
    def properties(self) -> dict[str, Any] | None:
        """``details.properties`` (object): edge properties (string map)"""
    @property
    def relationship_guid(self) -> str | None:
        """``details.relationshipGuid`` (string): relationship.guid"""
    @property
    def status(self) -> str | None:
        """``details.status`` (string): relationship.status"""
    @property
    def label(self) -> str | None:
        """``details.label`` (string): relationship.label"""
    @property
    def propagate_tags(self) -> str | None:
        """``details.propagateTags`` (string): relationship.propagateTags (NONE, ONE_TO_TWO, ...)"""
    @property
    def end1(self) -> dict[str, Any] | None:
        """``details.end1`` (object): `{guid, typeName, qualifiedName}` of end 1 (also `entity`)"""
    @property
    def end2(self) -> dict[str, Any] | None:
        """``details.end2`` (object): `{guid, typeName, qualifiedName}` of end 2"""

@final
class UnknownEvent(Event):
    """An event the catalog does not know: ``native`` and ``raw`` say what it was."""

    __match_args__ = ("entity", "subjects")
    @property
    def kind(self) -> Literal["unknown"]: ...

__all__ = [
    "__version__",
    "KINDS",
    "INPUT_FORMATS",
    "Event",
    "UnknownEvent",
    "EntityEvent",
    "EntityCreated",
    "EntityUpdated",
    "EntityDeleted",
    "EntityRestored",
    "LineageEvent",
    "LineageCreated",
    "TagEvent",
    "TagAdded",
    "TagRemoved",
    "TagUpdated",
    "TermEvent",
    "TermAdded",
    "TermRemoved",
    "DomainEvent",
    "DomainAdded",
    "DomainRemoved",
    "OwnerEvent",
    "OwnerAdded",
    "OwnerRemoved",
    "DocumentationEvent",
    "DocumentationAdded",
    "DocumentationModified",
    "DocumentationRemoved",
    "DeprecationEvent",
    "DeprecationChanged",
    "SchemaEvent",
    "SchemaFieldAdded",
    "SchemaFieldRemoved",
    "SchemaFieldModified",
    "CustomMetadataEvent",
    "CustomMetadataUpdated",
    "BusinessAttributeEvent",
    "BusinessAttributeAdded",
    "BusinessAttributeRemoved",
    "StructuredPropertyEvent",
    "StructuredPropertyAdded",
    "StructuredPropertyRemoved",
    "StructuredPropertyModified",
    "AssertionEvent",
    "AssertionRunCompleted",
    "ProcessEvent",
    "ProcessRunStarted",
    "ProcessRunCompleted",
    "ProposalEvent",
    "ProposalCreated",
    "ProposalStatusChanged",
    "IncidentEvent",
    "IncidentStatusChanged",
    "RelationshipEvent",
    "RelationshipCreated",
    "RelationshipUpdated",
    "RelationshipDeleted",
    "Entity",
    "ValidationRequest",
    "Parser",
    "EventIterator",
    "Filter",
    "ArrowReader",
    "read_arrow",
    "_ColumnNormalizer",
    "spark_schema",
    "parse",
    "parse_many",
    "parse_http",
    "iter_file",
    "iter_lines",
    "catalog",
    "event_schema",
    "validate",
    "error_kinds",
    "input_formats",
    "_kind_classes",
    "_event_from_json",
    "is_validation_request",
    "verify_signature",
    "verify_openmetadata_signature",
    "openmetadata_signature",
    "lambda_headers",
    "unwrap",
]

# --- end of generated kind classes ---
