//! `OpenMetadata` `ChangeEvent`s → events. One `ChangeEvent` can change several things at once,
//! so it becomes one event per recognised change: its `eventType` alone makes one
//! (`entityCreated`, `entityDeleted`, ...), and in the event types that carry changes every
//! `FieldChange` the catalog recognises makes one, the rest together one `entity.updated`.
//! The common fields and the fan-out are here; each group of kinds reads its `FieldChange`s in its
//! own module. The crate docs state the rules and how the events' ids differ.

mod changes;
mod columns;
mod entity;
mod labels;
mod references;
mod text;

use compact_str::CompactString;
use std::collections::HashSet;
use std::hash::Hash;

use bumpalo::Bump;
use serde_json::{Map, Value};

use super::{EnvelopeFacts, Fields, Innermost, Normalizer, coerce};
use crate::error::Result;
use crate::json::Node;
use crate::model::{Details, Event, EventBuilder, Kind, Native, NativeFormat, Source};
use changes::{Change, Op, Target};

/// The locator of an event made by the `eventType` alone.
const EVENT_TYPE: &str = "eventType";

/// What every kind group reads besides its `FieldChange`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Context<'b> {
    /// Holds the values decoded from JSON text.
    pub arena: &'b Bump,
    pub max_depth: usize,
    /// The JSON path of the `ChangeEvent`.
    pub path: &'b str,
    /// `entityFullyQualifiedName`, which field FQNs start with.
    pub entity_fqn: Option<&'b str>,
}

impl<'b> Context<'b> {
    /// A value of a `FieldChange`, JSON text decoded.
    pub(crate) fn decoded(&self, node: &'b Node<'b>) -> &'b Node<'b> {
        changes::decoded(node, self.arena, self.max_depth)
    }

    /// The items of a change's new (or old) value: a list as JSON text or JSON, or one object;
    /// none when the value is absent; `Err` with the value when it is neither.
    pub(crate) fn list_items(
        &self,
        change: &Change<'b>,
        new: bool,
    ) -> std::result::Result<&'b [Node<'b>], &'b Node<'b>> {
        let Some(value) = (if new { change.new } else { change.old }) else { return Ok(&[]) };
        match self.decoded(value) {
            Node::Array(items) => Ok(items),
            single @ Node::Object(_) => Ok(std::slice::from_ref(single)),
            other => Err(other),
        }
    }
}

/// One event a `ChangeEvent` fans out to, before the fields all its events share.
#[derive(Debug)]
pub(crate) struct Fanned {
    pub kind: Kind,
    /// Where it came from: `eventType`, `fieldsAdded[0]`, `fieldsDeleted[1].oldValue[0]`; with
    /// the kind, they make the part hashed into its id.
    pub locators: Vec<String>,
    /// The names of its `FieldChange`s.
    pub fields: Vec<String>,
    pub field_path: Option<String>,
    pub subjects: Vec<String>,
    pub details: Details,
}

impl Fanned {
    /// An event of `kind` made by one `FieldChange` (`locator` inside it when given).
    pub(crate) fn of(kind: Kind, change: &Change<'_>, inside: Option<String>) -> Self {
        let locator = match inside {
            Some(inside) => format!("{}{inside}", change.locator()),
            None => change.locator(),
        };
        Self {
            kind,
            locators: vec![locator],
            fields: vec![change.name.to_owned()],
            field_path: None,
            subjects: Vec::new(),
            details: Details::default(),
        }
    }

    /// An event of `kind` made by the `eventType`.
    fn of_event_type(kind: Kind) -> Self {
        Self {
            kind,
            locators: vec![EVENT_TYPE.to_owned()],
            fields: Vec::new(),
            field_path: None,
            subjects: Vec::new(),
            details: Details::default(),
        }
    }

    /// `kind:locator+locator`: which part of its `ChangeEvent` the event is.
    fn part(&self) -> String {
        format!("{}:{}", self.kind.as_str(), self.locators.join("+"))
    }
}

/// `items` without repeats (the first of each `key`), in order. In linear time: the lists of one
/// change (tags, columns, changes) can be as long as an event is large.
pub(crate) fn distinct<T, K: Eq + Hash>(items: impl IntoIterator<Item = T>, key: impl Fn(&T) -> K) -> Vec<T> {
    let mut seen = HashSet::new();
    items.into_iter().filter(|item| seen.insert(key(item))).collect()
}

/// The items of `from` whose `key` no item of `other` has, in order.
pub(crate) fn minus<T: Copy, K: Eq + Hash>(from: &[T], other: &[T], key: impl Fn(&T) -> K) -> Vec<T> {
    let known: HashSet<K> = other.iter().map(&key).collect();
    from.iter().filter(|item| !known.contains(&key(item))).copied().collect()
}

/// Texts without repeats or empty ones, in order.
pub(crate) fn distinct_texts<'t>(texts: impl IntoIterator<Item = &'t str>) -> Vec<String> {
    distinct(texts.into_iter().filter(|text| !text.is_empty()), |text| *text).into_iter().map(str::to_owned).collect()
}

/// A `ChangeEvent`: its events, in the order of the changes they come from (the `eventType`'s
/// first, the rest of the changes last).
pub(crate) fn change_event(
    inner: &Innermost<'_, '_>,
    envelope: EnvelopeFacts,
    normalizer: &mut Normalizer,
) -> Result<Vec<Event>> {
    let fields = Fields::of(inner.node, inner.path, "an OpenMetadata ChangeEvent")?;
    let event_type = fields.required_str("eventType")?;
    let entity_type = fields.required_str("entityType")?;
    let entity_id = fields.required_str("entityId")?;
    // Required by OpenMetadata's schema; an envelope's time stands in, as for the other platforms.
    let time = match fields.optional_time("timestamp")? {
        Some(time) => time,
        None => envelope.time.ok_or_else(|| {
            changes::invalid(
                fields.child_path("timestamp"),
                "missing required field `timestamp` (epoch milliseconds)".to_owned(),
            )
        })?,
    };
    let actor = fields.optional_str("userName")?;
    let fqn = fields.optional_str("entityFullyQualifiedName")?;
    fields.optional_str("id")?;

    let arena = Bump::new();
    let max_depth = normalizer.limits.max_depth;
    let snapshot = entity::snapshot(fields.get("entity"), entity_id, &arena, max_depth);
    let base_entity = entity::entity(entity_id, entity_type, fqn, snapshot);
    let context =
        Context { arena: &arena, max_depth, path: inner.path, entity_fqn: base_entity.qualified_name.as_deref() };
    let changes = changes::read(&fields)?;

    let mut out = Vec::new();
    match event_type {
        "entityCreated" => out.push(Fanned::of_event_type(Kind::EntityCreated)),
        // The changeDescription of a hard delete is the entity's last one, stale: not read.
        "entityDeleted" => out.push(deleted(true, &fields, &[])),
        "entitySoftDeleted" | "entityRestored" => {
            let (flag, rest): (Vec<Change<'_>>, Vec<Change<'_>>) =
                changes.iter().copied().partition(|change| Target::of(change.name) == Target::Deleted);
            out.push(if event_type == "entityRestored" {
                let mut restored = Fanned::of_event_type(Kind::EntityRestored);
                restored.fields = flag.iter().map(|change| change.name.to_owned()).collect();
                restored
            } else {
                deleted(false, &fields, &flag)
            });
            fan_out(&rest, &context, &mut out)?;
        }
        "entityUpdated" | "entityFieldsChanged" => {
            fan_out(&changes, &context, &mut out)?;
            if out.is_empty() {
                out.push(updated(&[], &context));
            }
        }
        // Threads, tasks, suggestions, logins, lineage and event types to come.
        _ => out.push(Fanned::of_event_type(Kind::Unknown)),
    }

    let parts: Vec<String> = out.iter().map(Fanned::part).collect();
    let ids = normalizer.event_ids(inner.node, NativeFormat::OpenMetadataChangeEvent, &parts);
    let raw = inner.raw.to_owned_text();
    let mut events = Vec::with_capacity(out.len());
    for ((fanned, part), id) in out.into_iter().zip(parts).zip(ids) {
        let mut native = Native::new(NativeFormat::OpenMetadataChangeEvent);
        native.event_type = Some(event_type.into());
        let names = distinct(fanned.fields, Clone::clone);
        native.fields = (!names.is_empty()).then_some(names);
        native.part = Some(part);
        native.envelope.clone_from(&inner.envelope);
        let mut entity = base_entity.clone();
        entity.field_path = fanned.field_path.map(CompactString::from);
        events.push(
            EventBuilder {
                id,
                source: Source::OpenMetadata,
                kind: fanned.kind,
                time: Some(time),
                actor: actor.map(CompactString::from),
                entity,
                subjects: fanned.subjects,
                details: fanned.details,
                native,
                raw: raw.clone(),
            }
            .build(),
        );
    }
    Ok(events)
}

/// `entity.deleted` of the `eventType`, with the `deleted` changes it stands for.
fn deleted(hard: bool, event: &Fields<'_, '_>, flag: &[Change<'_>]) -> Fanned {
    let mut out = Fanned::of_event_type(Kind::EntityDeleted);
    out.fields = flag.iter().map(|change| change.name.to_owned()).collect();
    out.details.insert("hard", Value::Bool(hard));
    if let Some(recursive) = event.get("recursive").and_then(coerce::boolean) {
        out.details.insert("recursive", Value::Bool(recursive));
    }
    out
}

/// Every change's events; the changes no kind takes make one `entity.updated` at the end.
fn fan_out<'b>(changes: &[Change<'b>], context: &Context<'b>, out: &mut Vec<Fanned>) -> Result<()> {
    let mut left = Vec::new();
    let mut columns = columns::Columns::default();
    for change in changes {
        let taken = match Target::of(change.name) {
            Target::Tags { field_path } => labels::changed(change, field_path.as_deref(), context, out)?,
            Target::Owners => references::changed(change, references::OWNERS, context, out)?,
            Target::Domains => references::changed(change, references::DOMAINS, context, out)?,
            Target::Description { field_path } => text::description(change, field_path.as_deref(), context, out)?,
            Target::Status => text::status(change, context, out),
            Target::Deleted => deleted_flag(change, context, out),
            Target::Columns { parent } => columns.add(change, &parent, context)?,
            Target::ColumnProperty { path, property } => {
                columns::property(change, &path, &property, context, out);
                true
            }
            Target::Other => false,
        };
        if !taken {
            left.push(*change);
        }
    }
    columns.finish(context, out);
    if !left.is_empty() {
        out.push(updated(&left, context));
    }
    Ok(())
}

/// `deleted` set or cleared by an update (a PUT onto a soft-deleted entity restores it).
fn deleted_flag(change: &Change<'_>, context: &Context<'_>, out: &mut Vec<Fanned>) -> bool {
    let now = change.new.map(|node| context.decoded(node)).and_then(coerce::boolean);
    let kind = match (change.op, now) {
        (Op::Updated, Some(true)) => Kind::EntityDeleted,
        (Op::Updated, Some(false)) => Kind::EntityRestored,
        _ => return false,
    };
    let mut event = Fanned::of(kind, change, None);
    if kind == Kind::EntityDeleted {
        event.details.insert("hard", Value::Bool(false));
    }
    out.push(event);
    true
}

/// `entity.updated` with the changes no other kind took (none: the event had no changes).
fn updated(left: &[Change<'_>], context: &Context<'_>) -> Fanned {
    let mut out = Fanned::of_event_type(Kind::EntityUpdated);
    if !left.is_empty() {
        out.locators = left.iter().map(Change::locator).collect();
        out.fields = left.iter().map(|change| change.name.to_owned()).collect();
    }
    let mut listed = Vec::with_capacity(left.len());
    for change in left {
        let mut item = Map::new();
        item.insert("list".to_owned(), Value::String(change.op.list().to_owned()));
        item.insert("name".to_owned(), Value::String(change.name.to_owned()));
        for (key, value) in [("oldValue", change.old), ("newValue", change.new)] {
            if let Some(value) = value {
                item.insert(key.to_owned(), context.decoded(value).to_value());
            }
        }
        listed.push(Value::Object(item));
    }
    let names = distinct_texts(left.iter().map(|change| change.name));
    out.details.insert("changes", Value::Array(listed));
    out.details.insert("changedFields", Value::Array(names.into_iter().map(Value::String).collect()));
    out
}
