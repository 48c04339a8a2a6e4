//! [`BatchBuilder`]: normalized events → an Arrow [`RecordBatch`], column by column, straight
//! from the event's fields (nothing is parsed again: `details` and `native` are written from
//! their typed values, `raw` from the text kept as received, minified like the JSON form).

use std::sync::{Arc, OnceLock};

use arrow_array::builder::{
    Int32Builder, ListBuilder, PrimitiveBuilder, StringBuilder, StringDictionaryBuilder, TimestampMicrosecondBuilder,
    TimestampMillisecondBuilder,
};
use arrow_array::types::Int32Type;
use arrow_array::{ArrayRef, DictionaryArray, RecordBatch, StringArray, StructArray};
use arrow_schema::{ArrowError, SchemaRef};

use super::schema::{Dialect, SchemaOptions, entity_fields, schema, subject_field};
use crate::error::{Error, ErrorKind, Result};
use crate::json::scan;
use crate::model::{Event, Kind, Source};

/// An Arrow failure inside the core: a bug, reported as an error rather than a panic.
pub(crate) fn arrow_error(err: &ArrowError) -> Error {
    Error::new(ErrorKind::Io, format!("cannot build the Arrow columns: {err}"))
}

/// The names of a closed set (sources, kinds) as the values of a dictionary shared by every
/// batch, so that batches concatenate and stream without merging dictionaries.
fn names(cell: &'static OnceLock<ArrayRef>, all: impl Fn() -> Vec<&'static str>) -> ArrayRef {
    Arc::clone(cell.get_or_init(|| Arc::new(StringArray::from(all()))))
}

fn source_names() -> ArrayRef {
    static CELL: OnceLock<ArrayRef> = OnceLock::new();
    names(&CELL, || Source::ALL.iter().map(|source| source.as_str()).collect())
}

fn kind_names() -> ArrayRef {
    static CELL: OnceLock<ArrayRef> = OnceLock::new();
    names(&CELL, || Kind::ALL.iter().map(|kind| kind.as_str()).collect())
}

fn index_of<T: PartialEq>(all: &[T], item: &T) -> i32 {
    all.iter().position(|known| known == item).and_then(|index| i32::try_from(index).ok()).unwrap_or(0)
}

/// A text column of few distinct values.
enum Categorical {
    /// Keys into a closed set of names known in advance.
    Closed { keys: Int32Builder, values: ArrayRef },
    /// Values as they come, each distinct one stored once.
    Open(StringDictionaryBuilder<Int32Type>),
    /// Plain text (the Spark dialect).
    Plain(StringBuilder),
}

impl std::fmt::Debug for Categorical {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Closed { .. } => "Categorical::Closed",
            Self::Open(_) => "Categorical::Open",
            Self::Plain(_) => "Categorical::Plain",
        })
    }
}

impl Categorical {
    fn closed(dialect: Dialect, values: ArrayRef) -> Self {
        match dialect {
            Dialect::Standard => Self::Closed { keys: Int32Builder::new(), values },
            Dialect::Spark => Self::Plain(StringBuilder::new()),
        }
    }

    fn open(dialect: Dialect) -> Self {
        match dialect {
            Dialect::Standard => Self::Open(StringDictionaryBuilder::new()),
            Dialect::Spark => Self::Plain(StringBuilder::new()),
        }
    }

    fn append_closed(&mut self, index: i32, name: &str) {
        match self {
            Self::Closed { keys, .. } => keys.append_value(index),
            Self::Open(builder) => builder.append_value(name),
            Self::Plain(builder) => builder.append_value(name),
        }
    }

    fn append(&mut self, value: Option<&str>) {
        match (self, value) {
            (Self::Closed { keys, .. }, _) => keys.append_null(),
            (Self::Open(builder), Some(value)) => builder.append_value(value),
            (Self::Open(builder), None) => builder.append_null(),
            (Self::Plain(builder), value) => builder.append_option(value),
        }
    }

    /// The column so far; with `keep`, an open dictionary keeps its values for the next
    /// batch, whose dictionary then starts with this one's.
    fn finish(&mut self, keep: bool) -> Result<ArrayRef> {
        Ok(match self {
            Self::Closed { keys, values } => Arc::new(
                DictionaryArray::<Int32Type>::try_new(keys.finish(), Arc::clone(values))
                    .map_err(|err| arrow_error(&err))?,
            ),
            Self::Open(builder) if keep => Arc::new(builder.finish_preserve_values()),
            Self::Open(builder) => Arc::new(builder.finish()),
            Self::Plain(builder) => Arc::new(builder.finish()),
        })
    }
}

#[derive(Debug)]
enum Times {
    Millis(TimestampMillisecondBuilder),
    Micros(TimestampMicrosecondBuilder),
}

/// Builds [`RecordBatch`]es of normalized events in the schema of [`super::schema`].
///
/// ```
/// use metaevents::arrow::{BatchBuilder, SchemaOptions};
/// let events = metaevents::Parser::new().events(include_bytes!("../../../../tests/vectors/events/datahub-tag-added-dataset.input.json"))?;
/// let mut builder = BatchBuilder::new(SchemaOptions::default());
/// for event in &events {
///     builder.push(event);
/// }
/// let batch = builder.finish()?;
/// assert_eq!(batch.num_rows(), 1);
/// assert_eq!(batch.schema().field(2).name(), "kind");
/// # Ok::<(), metaevents::Error>(())
/// ```
#[derive(Debug)]
pub struct BatchBuilder {
    options: SchemaOptions,
    schema: SchemaRef,
    rows: usize,
    /// Whether the open dictionaries keep growing from batch to batch.
    keep_dictionaries: bool,
    ids: StringBuilder,
    sources: Categorical,
    kinds: Categorical,
    times: Times,
    actors: StringBuilder,
    entity_ids: StringBuilder,
    entity_types: Categorical,
    entity_names: StringBuilder,
    entity_qualified_names: StringBuilder,
    entity_platforms: Categorical,
    entity_parents: StringBuilder,
    entity_field_paths: StringBuilder,
    subjects: ListBuilder<StringBuilder>,
    details: StringBuilder,
    natives: StringBuilder,
    raws: StringBuilder,
    /// Reused for the JSON text of each event.
    scratch: String,
}

impl BatchBuilder {
    /// A builder of batches with these columns.
    pub fn new(options: SchemaOptions) -> Self {
        let dialect = options.dialect;
        Self {
            options,
            schema: schema(options),
            rows: 0,
            keep_dictionaries: false,
            ids: StringBuilder::new(),
            sources: Categorical::closed(dialect, source_names()),
            kinds: Categorical::closed(dialect, kind_names()),
            times: match dialect {
                Dialect::Standard => Times::Millis(PrimitiveBuilder::new()),
                Dialect::Spark => Times::Micros(PrimitiveBuilder::new()),
            },
            actors: StringBuilder::new(),
            entity_ids: StringBuilder::new(),
            entity_types: Categorical::open(dialect),
            entity_names: StringBuilder::new(),
            entity_qualified_names: StringBuilder::new(),
            entity_platforms: Categorical::open(dialect),
            entity_parents: StringBuilder::new(),
            entity_field_paths: StringBuilder::new(),
            subjects: ListBuilder::new(StringBuilder::new()).with_field(subject_field()),
            details: StringBuilder::new(),
            natives: StringBuilder::new(),
            raws: StringBuilder::new(),
            scratch: String::new(),
        }
    }

    /// The same builder, whose open dictionaries (`entity.type`, `entity.platform`) keep their
    /// values from batch to batch: each batch's dictionary starts with the previous one's, as
    /// an IPC file or a stream of deltas needs.
    #[must_use]
    pub fn keeping_dictionaries(mut self) -> Self {
        self.keep_dictionaries = true;
        self
    }

    /// The schema of the batches.
    pub fn schema(&self) -> SchemaRef {
        Arc::clone(&self.schema)
    }

    /// The options the builder was made with.
    pub fn options(&self) -> SchemaOptions {
        self.options
    }

    /// Rows added since the last [`BatchBuilder::finish`].
    pub fn len(&self) -> usize {
        self.rows
    }

    /// Whether no row was added since the last [`BatchBuilder::finish`].
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// Adds one event as a row.
    pub fn push(&mut self, event: &Event) {
        self.rows += 1;
        let mut hex = [0u8; 32];
        for (pair, byte) in hex.chunks_mut(2).zip(event.id().as_bytes()) {
            let digits = b"0123456789abcdef";
            if let [high, low] = pair {
                *high = digits.get(usize::from(byte >> 4)).copied().unwrap_or(b'0');
                *low = digits.get(usize::from(byte & 0xf)).copied().unwrap_or(b'0');
            }
        }
        self.ids.append_value(std::str::from_utf8(&hex).unwrap_or_default());
        let source = event.source();
        self.sources.append_closed(index_of(&Source::ALL, &source), source.as_str());
        let kind = event.kind();
        self.kinds.append_closed(index_of(Kind::ALL, &kind), kind.as_str());
        match &mut self.times {
            Times::Millis(times) => times.append_option(event.time()),
            Times::Micros(times) => times.append_option(event.time().map(|time| time.saturating_mul(1000))),
        }
        self.actors.append_option(event.actor());
        let entity = event.entity();
        self.entity_ids.append_option(entity.id.as_deref());
        self.entity_types.append(entity.entity_type.as_deref());
        self.entity_names.append_option(entity.name.as_deref());
        self.entity_qualified_names.append_option(entity.qualified_name.as_deref());
        self.entity_platforms.append(entity.platform.as_deref());
        self.entity_parents.append_option(entity.parent.as_deref());
        self.entity_field_paths.append_option(entity.field_path.as_deref());
        for subject in event.subjects() {
            self.subjects.values().append_value(subject);
        }
        self.subjects.append(true);
        self.scratch.clear();
        // Serializing plain data into a String cannot fail.
        if let Ok(text) = serde_json::to_string(event.details()) {
            self.details.append_value(text);
        } else {
            self.details.append_value("{}");
        }
        if let Ok(text) = serde_json::to_string(event.native()) {
            self.natives.append_value(text);
        } else {
            self.natives.append_value("{}");
        }
        if self.options.raw {
            scan::minify_into(event.raw_json(), &mut self.scratch);
            self.raws.append_value(&self.scratch);
        }
    }

    /// The rows added so far as a batch; the builder starts over empty.
    pub fn finish(&mut self) -> Result<RecordBatch> {
        let rows = std::mem::take(&mut self.rows);
        let keep = self.keep_dictionaries;
        let times: ArrayRef = match &mut self.times {
            Times::Millis(times) => Arc::new(times.finish().with_timezone("UTC")),
            Times::Micros(times) => Arc::new(times.finish().with_timezone("UTC")),
        };
        let dialect = self.options.dialect;
        let entity = StructArray::try_new(
            entity_fields(dialect),
            vec![
                Arc::new(self.entity_ids.finish()),
                self.entity_types.finish(keep)?,
                Arc::new(self.entity_names.finish()),
                Arc::new(self.entity_qualified_names.finish()),
                self.entity_platforms.finish(keep)?,
                Arc::new(self.entity_parents.finish()),
                Arc::new(self.entity_field_paths.finish()),
            ],
            None,
        )
        .map_err(|err| arrow_error(&err))?;
        let mut columns: Vec<ArrayRef> = vec![
            Arc::new(self.ids.finish()),
            self.sources.finish(keep)?,
            self.kinds.finish(keep)?,
            times,
            Arc::new(self.actors.finish()),
            Arc::new(entity),
            Arc::new(self.subjects.finish()),
            Arc::new(self.details.finish()),
            Arc::new(self.natives.finish()),
        ];
        if self.options.raw {
            columns.push(Arc::new(self.raws.finish()));
        }
        let batch = RecordBatch::try_new(self.schema(), columns).map_err(|err| arrow_error(&err))?;
        debug_assert_eq!(batch.num_rows(), rows);
        Ok(batch)
    }
}

/// One batch of `events`.
pub fn batch_of<'e>(events: impl IntoIterator<Item = &'e Event>, options: SchemaOptions) -> Result<RecordBatch> {
    let mut builder = BatchBuilder::new(options);
    for event in events {
        builder.push(event);
    }
    builder.finish()
}
