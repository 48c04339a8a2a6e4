//! The event classes: `Event` (holding the core's event, shared, never copied), one class per
//! kind family and one per kind (generated below), `Entity` and `ValidationRequest`.
//!
//! Attributes are read from the core event when asked for; only `raw` is converted once and
//! kept. The typed attributes of each kind (`TagAdded.tag_urn`, ...) are attached by the Python
//! package at import, from the catalog, so they cannot drift from it.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use metaevents::{Entity, Event, Kind, Parsed, ValidationRequest};
use pyo3::prelude::*;
use pyo3::pyclass_init::PyClassInitializer;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString, PyType};

use crate::convert::{json_to_py, map_to_py, value_to_py};
use crate::errors::IntoPyResult;

/// One normalized catalog event. Immutable; attributes are read on demand.
#[pyclass(subclass, frozen, module = "metaevents", name = "Event")]
pub struct PyEvent {
    pub(crate) event: Event,
    raw: PyOnceLock<Py<PyAny>>,
}

impl std::fmt::Debug for PyEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PyEvent").field("event", &self.event).finish_non_exhaustive()
    }
}

impl PyEvent {
    fn new(event: Event) -> Self {
        Self { event, raw: PyOnceLock::new() }
    }
}

fn repr_of(py: Python<'_>, text: &str) -> PyResult<String> {
    Ok(PyString::new(py, text).repr()?.to_cow()?.into_owned())
}

fn repr_of_option(py: Python<'_>, text: Option<&str>) -> PyResult<String> {
    text.map_or_else(|| Ok("None".to_owned()), |text| repr_of(py, text))
}

#[pymethods]
impl PyEvent {
    #[classattr]
    fn __match_args__() -> (&'static str, &'static str, &'static str) {
        ("kind", "entity", "subjects")
    }

    /// Deterministic id: 32 hex characters, the same through any envelope.
    #[getter]
    fn id(&self) -> String {
        self.event.id().to_hex()
    }

    /// `"datahub"`, `"atlan"` or `"atlas"`.
    #[getter]
    fn source(&self) -> &'static str {
        self.event.source().as_str()
    }

    /// The normalized kind (`"tag.added"`).
    #[getter]
    fn kind(&self) -> &'static str {
        self.event.kind().as_str()
    }

    /// The kind's family (`"tag"`).
    #[getter]
    fn family(&self) -> &'static str {
        self.event.kind().family().as_str()
    }

    /// Epoch milliseconds; `None` when neither the event nor its envelopes say when it happened.
    #[getter]
    fn time(&self) -> Option<i64> {
        self.event.time()
    }

    /// Who made the change, when the event says.
    #[getter]
    fn actor(&self) -> Option<&str> {
        self.event.actor()
    }

    /// The asset the event is about.
    #[getter]
    fn entity(&self) -> PyEntity {
        PyEntity { event: self.event.clone() }
    }

    /// What was added, removed or changed (tag, term, owner, ... urns or ids).
    #[getter]
    fn subjects<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.event.subjects())
    }

    /// Kind-specific typed fields (a new dict on every access).
    #[getter]
    fn details<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        map_to_py(py, self.event.details().iter())
    }

    /// The original discriminators and envelopes (a new dict on every access).
    #[getter]
    fn native<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let text = serde_json::to_string(self.event.native()).unwrap_or_default();
        json_to_py(py, &text)
    }

    /// The innermost platform event exactly as received, decoded on first access (then kept:
    /// the same dict every time).
    #[getter]
    fn raw(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let raw = self.raw.get_or_try_init(py, || json_to_py(py, self.event.raw_json()).map(Bound::unbind))?;
        Ok(raw.clone_ref(py))
    }

    /// The innermost platform event as JSON text, exactly as received.
    #[getter]
    fn raw_json(&self) -> &str {
        self.event.raw_json()
    }

    /// One field of `details` by its name (`"tagUrn"`), or `default`.
    #[pyo3(signature = (name, default = None))]
    fn detail<'py>(
        &self,
        py: Python<'py>,
        name: &str,
        default: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        match self.event.detail(name) {
            Some(value) => value_to_py(py, value),
            None => Ok(default.unwrap_or_else(|| py.None().into_bound(py))),
        }
    }

    /// The contract JSON of the event as a dict (camelCase keys), `raw` included unless
    /// `raw=False`.
    #[pyo3(signature = (raw = true))]
    fn to_dict<'py>(&self, py: Python<'py>, raw: bool) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.event.to_json(raw))
    }

    /// The contract JSON of the event on one line, `raw` included unless `raw=False`.
    #[pyo3(signature = (raw = true))]
    fn to_json(&self, raw: bool) -> String {
        self.event.to_json(raw)
    }

    /// The event as a CloudEvents 1.0 structured-mode dict (`Event::to_cloudevent`): `source`
    /// names the catalog instance (a URI-reference; `/metaevents/<catalog>` when `None`), `data`
    /// holds `raw` unless `raw=False`.
    #[pyo3(signature = (*, source = None, raw = true))]
    fn to_cloudevent<'py>(&self, py: Python<'py>, source: Option<&str>, raw: bool) -> PyResult<Bound<'py, PyAny>> {
        let mut options = metaevents::cloudevents::CloudEventOptions::new().with_raw(raw);
        if let Some(source) = source {
            options = options.with_source(source).or_raise(py)?;
        }
        json_to_py(py, &self.event.to_cloudevent_json(&options))
    }

    /// The core's equality: the same id (the same platform event, however `raw` is spelled)
    /// and the same normalized fields.
    fn __eq__(&self, other: &Bound<'_, PyEvent>) -> bool {
        self.event == other.get().event
    }

    /// From the id, which equal events share.
    fn __hash__(&self) -> u64 {
        let bytes = self.event.id();
        let mut first = [0u8; 8];
        first.copy_from_slice(bytes.as_bytes().get(..8).unwrap_or(&[0; 8]));
        u64::from_le_bytes(first)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        let py = slf.py();
        let event = &slf.get().event;
        let class = slf.get_type().name()?;
        let subjects = PyList::new(py, event.subjects())?.repr()?;
        Ok(format!(
            "{class}(kind={}, entity={}, subjects={subjects})",
            repr_of(py, event.kind().as_str())?,
            repr_of_option(py, event.entity().id.as_deref())?,
        ))
    }

    fn __copy__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    fn __deepcopy__<'py>(slf: Bound<'py, Self>, _memo: Bound<'py, PyAny>) -> Bound<'py, Self> {
        slf
    }

    /// Pickles as the contract JSON, read back exactly (envelopes included) by the core.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let function = slf.py().import("metaevents._native")?.getattr("_event_from_json")?;
        Ok((function, (slf.get().event.to_json(true),)))
    }
}

/// The asset (or relationship end) an event is about.
#[pyclass(frozen, module = "metaevents", name = "Entity")]
#[derive(Debug)]
pub struct PyEntity {
    event: Event,
}

impl PyEntity {
    fn entity(&self) -> &Entity {
        self.event.entity()
    }
}

#[pymethods]
impl PyEntity {
    #[classattr]
    fn __match_args__()
    -> (&'static str, &'static str, &'static str, &'static str, &'static str, &'static str, &'static str) {
        ("id", "type", "name", "qualified_name", "platform", "parent", "field_path")
    }

    /// `DataHub` `entityUrn`; Atlan `entity.guid`; `None` only for an unknown event naming no entity.
    #[getter]
    fn id(&self) -> Option<&str> {
        self.entity().id.as_deref()
    }

    /// Native type: `DataHub` `entityType` (`dataset`), Atlan `typeName` (`Table`); `None` only
    /// for an unknown event naming no entity.
    #[getter(r#type)]
    fn entity_type(&self) -> Option<&str> {
        self.entity().entity_type.as_deref()
    }

    /// Atlan `attributes.name`; `DataHub`: the name part of the urn where it has one.
    #[getter]
    fn name(&self) -> Option<&str> {
        self.entity().name.as_deref()
    }

    /// Atlan `attributes.qualifiedName`; `DataHub` dataset: the urn's dataset name.
    #[getter]
    fn qualified_name(&self) -> Option<&str> {
        self.entity().qualified_name.as_deref()
    }

    /// Lowercase platform (`snowflake`).
    #[getter]
    fn platform(&self) -> Option<&str> {
        self.entity().platform.as_deref()
    }

    /// The parent: a schema field's dataset urn, Atlan's parent qualified name.
    #[getter]
    fn parent(&self) -> Option<&str> {
        self.entity().parent.as_deref()
    }

    /// Field path of field-level events.
    #[getter]
    fn field_path(&self) -> Option<&str> {
        self.entity().field_path.as_deref()
    }

    /// The contract JSON of the entity (camelCase keys).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &serde_json::to_string(self.entity()).unwrap_or_default())
    }

    fn __eq__(&self, other: &Bound<'_, PyEntity>) -> bool {
        self.entity() == other.get().entity()
    }

    fn __hash__(&self) -> u64 {
        let mut hasher = DefaultHasher::new();
        self.entity().id.hash(&mut hasher);
        self.entity().entity_type.hash(&mut hasher);
        hasher.finish()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let entity = self.entity();
        let mut out = format!(
            "Entity(id={}, type={}",
            repr_of_option(py, entity.id.as_deref())?,
            repr_of_option(py, entity.entity_type.as_deref())?
        );
        for (name, value) in [("name", &entity.name), ("platform", &entity.platform)] {
            if let Some(value) = value {
                out = format!("{out}, {name}={}", repr_of(py, value)?);
            }
        }
        out.push(')');
        Ok(out)
    }
}

/// A webhook's test request (Atlan's validation request, OpenMetadata's test message): answer it
/// with 200, it is not an event.
#[pyclass(frozen, module = "metaevents", name = "ValidationRequest")]
#[derive(Debug)]
pub struct PyValidationRequest {
    request: ValidationRequest,
}

#[pymethods]
impl PyValidationRequest {
    #[classattr]
    fn __match_args__() -> (&'static str,) {
        ("message",)
    }

    /// Always `"webhook.validation"`.
    #[getter]
    fn kind(_slf: &Bound<'_, Self>) -> &'static str {
        "webhook.validation"
    }

    /// The platform that sent it: `"atlan"` or `"openmetadata"`.
    #[getter]
    fn source(&self) -> &'static str {
        self.request.source.as_str()
    }

    /// Its text (Atlan's greeting, OpenMetadata's test sentence).
    #[getter]
    fn message(&self) -> &str {
        &self.request.message
    }

    /// `{"kind": "webhook.validation", "source": ..., "message": ...}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        value_to_py(py, &self.request.to_value())
    }

    /// [`to_dict`] as JSON text.
    fn to_json(&self) -> String {
        self.request.to_value().to_string()
    }

    fn __eq__(&self, other: &Bound<'_, PyValidationRequest>) -> bool {
        self.request == other.get().request
    }

    fn __hash__(&self) -> u64 {
        let mut hasher = DefaultHasher::new();
        self.request.source.as_str().hash(&mut hasher);
        self.request.message.hash(&mut hasher);
        hasher.finish()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "ValidationRequest(source={}, message={})",
            repr_of(py, self.request.source.as_str())?,
            repr_of(py, &self.request.message)?
        ))
    }
}

/// An event the catalog does not know (kind `unknown`): `native` and `raw` say what it was.
#[pyclass(extends = PyEvent, frozen, module = "metaevents")]
pub struct UnknownEvent;

macro_rules! event_classes {
    ($($family:ident => [$($kind:ident),+ $(,)?]),+ $(,)?) => {
        $(
            #[doc = "Base class of the kinds of one family."]
            #[pyclass(extends = PyEvent, subclass, frozen, module = "metaevents")]
            pub struct $family;
            $(
                #[doc = concat!("The events of one kind (`", stringify!($kind), "`): see its `kind`.")]
                #[pyclass(extends = $family, frozen, module = "metaevents")]
                pub struct $kind;
            )+
        )+

        /// Wraps a core event in the Python class of its kind.
        pub(crate) fn event_to_py(py: Python<'_>, event: Event) -> PyResult<Bound<'_, PyAny>> {
            let kind = event.kind();
            let base = PyClassInitializer::from(PyEvent::new(event));
            Ok(match kind {
                $($(Kind::$kind => Bound::new(py, base.add_subclass($family).add_subclass($kind))?.into_any(),)+)+
                _ => Bound::new(py, base.add_subclass(UnknownEvent))?.into_any(),
            })
        }

        /// Adds every event class to the module.
        pub(crate) fn add_classes(module: &Bound<'_, PyModule>) -> PyResult<()> {
            module.add_class::<PyEvent>()?;
            module.add_class::<UnknownEvent>()?;
            $(
                module.add_class::<$family>()?;
                $(module.add_class::<$kind>()?;)+
            )+
            Ok(())
        }

        /// `(kind, class)` for every kind that has a class.
        pub(crate) fn kind_classes(py: Python<'_>) -> Vec<(&'static str, Bound<'_, PyType>)> {
            vec![
                $($((Kind::$kind.as_str(), py.get_type::<$kind>()),)+)+
                (Kind::Unknown.as_str(), py.get_type::<UnknownEvent>()),
            ]
        }
    };
}

event_classes! {
    EntityEvent => [EntityCreated, EntityUpdated, EntityDeleted, EntityRestored],
    LineageEvent => [LineageCreated],
    TagEvent => [TagAdded, TagRemoved, TagUpdated],
    TermEvent => [TermAdded, TermRemoved],
    DomainEvent => [DomainAdded, DomainRemoved],
    OwnerEvent => [OwnerAdded, OwnerRemoved],
    DocumentationEvent => [DocumentationAdded, DocumentationModified, DocumentationRemoved],
    DeprecationEvent => [DeprecationChanged],
    SchemaEvent => [SchemaFieldAdded, SchemaFieldRemoved, SchemaFieldModified],
    CustomMetadataEvent => [CustomMetadataUpdated],
    BusinessAttributeEvent => [BusinessAttributeAdded, BusinessAttributeRemoved],
    StructuredPropertyEvent => [StructuredPropertyAdded, StructuredPropertyRemoved, StructuredPropertyModified],
    AssertionEvent => [AssertionRunCompleted],
    ProcessEvent => [ProcessRunStarted, ProcessRunCompleted],
    ProposalEvent => [ProposalCreated, ProposalStatusChanged],
    IncidentEvent => [IncidentStatusChanged],
    RelationshipEvent => [RelationshipCreated, RelationshipUpdated, RelationshipDeleted],
}

/// An event or the validation request, as Python objects.
pub(crate) fn parsed_to_py(py: Python<'_>, parsed: Parsed) -> PyResult<Bound<'_, PyAny>> {
    match parsed {
        Parsed::Event(event) => event_to_py(py, event),
        Parsed::ValidationRequest(request) => Ok(Bound::new(py, PyValidationRequest { request })?.into_any()),
    }
}
