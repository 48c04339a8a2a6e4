//! Reading a stream of events into Arrow batches: chunks of the input are parsed and built into
//! columns on every thread ([`crate::Parser::read_parallel`]); one pass in input order gives
//! the open dictionaries (`entity.type`, `entity.platform`) one growing set of values shared by
//! every batch (so that an IPC file can carry them as deltas), and cuts batches of the size asked.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::Int32Type;
use arrow_array::{Array, ArrayRef, DictionaryArray, Int32Array, RecordBatch, StringArray, StructArray};
use arrow_schema::SchemaRef;

use super::builder::{BatchBuilder, arrow_error};
use super::schema::{Dialect, SchemaOptions, schema};
use crate::error::{Error, Result};
use crate::filter::Filter;
use crate::model::{Parsed, Record};
use crate::stream::ParallelReader;

/// How a stream is read into batches.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// The columns and their types.
    pub schema: SchemaOptions,
    /// Rows per batch (the last batch may have fewer); `None`: batches as the chunks of the input
    /// give them (a few thousand rows each), with no copying to make them even.
    pub batch_size: Option<usize>,
    /// Only the events that pass this filter (lines its byte prefilter rules out are skipped
    /// unparsed).
    pub filter: Option<Filter>,
}

impl Default for BatchOptions {
    fn default() -> Self {
        Self { schema: SchemaOptions::default(), batch_size: Some(Self::DEFAULT_BATCH_SIZE), filter: None }
    }
}

impl BatchOptions {
    /// The default rows per batch.
    pub const DEFAULT_BATCH_SIZE: usize = 65_536;
}

/// The batch of one run of records: their events that pass the filter (webhook validation
/// requests are not events), or `None` when none does.
pub(crate) fn build_run(
    records: &[Record],
    options: SchemaOptions,
    filter: Option<&Filter>,
) -> Result<Option<RecordBatch>> {
    let mut builder = BatchBuilder::new(options);
    for record in records {
        if let Parsed::Event(event) = &record.parsed {
            if filter.is_none_or(|filter| filter.matches(event)) {
                builder.push(event);
            }
        }
    }
    if builder.is_empty() { Ok(None) } else { builder.finish().map(Some) }
}

/// The values an open dictionary column has had so far; each batch gets them all, so that
/// the dictionary of one batch is a prefix of the next one's.
#[derive(Debug, Default)]
struct GrowingDictionary {
    keys: HashMap<String, i32>,
    values: Vec<String>,
    /// The values as an array, while no new value came.
    array: Option<ArrayRef>,
}

/// More distinct values than this and the dictionary starts over (a new dictionary then
/// replaces the old one in a stream; an IPC file cannot hold that, but no real catalog has so
/// many entity types or platforms).
const MAX_DICTIONARY_VALUES: usize = 1 << 20;

impl GrowingDictionary {
    /// The keys, in this dictionary, of the values of `local`.
    fn add(&mut self, local: &StringArray) -> Vec<i32> {
        if self.values.len() + local.len() > MAX_DICTIONARY_VALUES {
            *self = Self::default();
        }
        local
            .iter()
            .map(|value| {
                let value = value.unwrap_or_default();
                if let Some(key) = self.keys.get(value) {
                    return *key;
                }
                let key = i32::try_from(self.values.len()).unwrap_or(i32::MAX);
                self.keys.insert(value.to_owned(), key);
                self.values.push(value.to_owned());
                self.array = None;
                key
            })
            .collect()
    }

    fn array(&mut self) -> ArrayRef {
        let values = &self.values;
        Arc::clone(self.array.get_or_insert_with(|| Arc::new(StringArray::from_iter_values(values))))
    }
}

/// Gives the open dictionary columns of every batch the growing set of values.
#[derive(Debug, Default)]
struct Unifier {
    /// One per open dictionary member of `entity`, by its index there.
    dictionaries: Vec<(usize, GrowingDictionary)>,
}

impl Unifier {
    fn new(dialect: Dialect) -> Self {
        let dictionaries = match dialect {
            // entity.type and entity.platform
            Dialect::Standard => vec![(1, GrowingDictionary::default()), (4, GrowingDictionary::default())],
            Dialect::Spark => Vec::new(),
        };
        Self { dictionaries }
    }

    /// `batches` with their open dictionaries replaced by the shared one (the same array in
    /// every batch, so they concatenate without merging).
    fn unify(&mut self, batches: Vec<RecordBatch>) -> Result<Vec<RecordBatch>> {
        if self.dictionaries.is_empty() {
            return Ok(batches);
        }
        let entity_index = batches.first().and_then(|batch| batch.schema().index_of("entity").ok());
        let Some(entity_index) = entity_index else { return Ok(batches) };
        // First every value of every batch, so that all of them get the same final array.
        let mut mappings: Vec<Vec<Vec<i32>>> = Vec::with_capacity(batches.len());
        for batch in &batches {
            let entity = batch.column(entity_index).as_struct();
            let mut per_column = Vec::new();
            for (member, dictionary) in &mut self.dictionaries {
                let local = entity.column(*member).as_dictionary::<Int32Type>();
                per_column.push(dictionary.add(local.values().as_string::<i32>()));
            }
            mappings.push(per_column);
        }
        let arrays: Vec<ArrayRef> = self.dictionaries.iter_mut().map(|(_, dictionary)| dictionary.array()).collect();
        batches
            .into_iter()
            .zip(mappings)
            .map(|(batch, mapping)| {
                let entity = batch.column(entity_index).as_struct();
                let (fields, mut columns, nulls) = entity.clone().into_parts();
                for (((member, _), map), values) in self.dictionaries.iter().zip(&mapping).zip(&arrays) {
                    let Some(column) = columns.get_mut(*member) else { continue };
                    let local = column.as_dictionary::<Int32Type>();
                    let keys: Int32Array = local
                        .keys()
                        .iter()
                        .map(|key| key.and_then(|key| usize::try_from(key).ok()).and_then(|key| map.get(key).copied()))
                        .collect();
                    let unified = DictionaryArray::<Int32Type>::try_new(keys, Arc::clone(values))
                        .map_err(|err| arrow_error(&err))?;
                    *column = Arc::new(unified);
                }
                let entity = StructArray::try_new(fields, columns, nulls).map_err(|err| arrow_error(&err))?;
                let mut columns = batch.columns().to_vec();
                if let Some(slot) = columns.get_mut(entity_index) {
                    *slot = Arc::new(entity);
                }
                RecordBatch::try_new(batch.schema(), columns).map_err(|err| arrow_error(&err))
            })
            .collect()
    }
}

/// The growing dictionaries of a [`BatchReader`], to hand on to the reader of the next input
/// so that the batches of several inputs share them (one IPC file of many files).
#[derive(Debug, Default)]
pub struct SharedDictionaries(Unifier);

/// Cuts batches of a fixed number of rows out of batches of any size.
#[derive(Debug)]
struct Rebatcher {
    schema: SchemaRef,
    size: Option<usize>,
    pending: VecDeque<RecordBatch>,
    rows: usize,
    unifier: Unifier,
}

impl Rebatcher {
    fn push(&mut self, batch: RecordBatch, out: &mut VecDeque<Result<RecordBatch>>) {
        self.rows += batch.num_rows();
        self.pending.push_back(batch);
        match self.size {
            None => self.emit(self.rows, out),
            Some(size) => {
                while self.rows >= size {
                    self.emit(size, out);
                }
            }
        }
    }

    fn flush(&mut self, out: &mut VecDeque<Result<RecordBatch>>) {
        if self.rows > 0 {
            self.emit(self.rows, out);
        }
    }

    /// Emits the first `rows` pending rows as batches: one batch of them, or (without a size)
    /// the pending batches as they are.
    fn emit(&mut self, rows: usize, out: &mut VecDeque<Result<RecordBatch>>) {
        let mut parts = Vec::new();
        let mut needed = rows;
        while needed > 0 {
            let Some(batch) = self.pending.pop_front() else { break };
            if batch.num_rows() > needed {
                self.pending.push_front(batch.slice(needed, batch.num_rows() - needed));
                parts.push(batch.slice(0, needed));
                needed = 0;
            } else {
                needed -= batch.num_rows();
                parts.push(batch);
            }
        }
        self.rows -= rows - needed;
        let unified = match self.unifier.unify(parts) {
            Ok(unified) => unified,
            Err(error) => return out.push_back(Err(error)),
        };
        if self.size.is_none() {
            out.extend(unified.into_iter().map(Ok));
            return;
        }
        out.push_back(arrow_select::concat::concat_batches(&self.schema, &unified).map_err(|err| arrow_error(&err)));
    }
}

/// The function each chunk's records go through on the pool.
type BuildRun = Box<dyn Fn(Vec<Record>) -> Result<Option<RecordBatch>> + Send + Sync>;

/// Arrow batches of the events of a stream, and the stream's bad records in their place, each
/// exactly as the stream reader reports it: `Ok(batch)` and `Err(error)` items, in input order
/// (rows held for a batch still being filled come after the errors met meanwhile). A bad record
/// never stops the batches. Made by [`crate::Parser::read_batches`].
pub struct BatchReader<'r> {
    records: ParallelReader<'r, Result<Option<RecordBatch>>, BuildRun>,
    rebatcher: Rebatcher,
    ready: VecDeque<Result<RecordBatch>>,
    done: bool,
}

impl std::fmt::Debug for BatchReader<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BatchReader").field("schema", &self.rebatcher.schema).finish_non_exhaustive()
    }
}

impl<'r> BatchReader<'r> {
    pub(crate) fn new(
        records: impl FnOnce(BuildRun) -> ParallelReader<'r, Result<Option<RecordBatch>>, BuildRun>,
        options: &BatchOptions,
    ) -> Self {
        let schema_options = options.schema;
        let filter = options.filter.clone();
        let build: BuildRun = Box::new(move |records| build_run(&records, schema_options, filter.as_ref()));
        let mut records = records(build);
        if let Some(filter) = &options.filter {
            records = records.prefiltered(filter);
        }
        Self {
            records,
            rebatcher: Rebatcher {
                schema: schema(schema_options),
                size: options.batch_size.map(|size| size.max(1)),
                pending: VecDeque::new(),
                rows: 0,
                unifier: Unifier::new(schema_options.dialect),
            },
            ready: VecDeque::new(),
            done: false,
        }
    }

    /// The schema of every batch.
    pub fn schema(&self) -> SchemaRef {
        Arc::clone(&self.rebatcher.schema)
    }

    /// Goes on with the dictionaries of an earlier reader (of the same schema options).
    #[must_use]
    pub fn with_dictionaries(mut self, dictionaries: SharedDictionaries) -> Self {
        if dictionaries.0.dictionaries.len() == self.rebatcher.unifier.dictionaries.len() {
            self.rebatcher.unifier = dictionaries.0;
        }
        self
    }

    /// The dictionaries so far, for the reader of the next input.
    pub fn into_dictionaries(self) -> SharedDictionaries {
        SharedDictionaries(self.rebatcher.unifier)
    }

    /// See [`ParallelReader::with_chunk_bytes`].
    #[doc(hidden)]
    #[must_use]
    pub fn with_chunk_bytes(mut self, bytes: usize) -> Self {
        self.records = self.records.with_chunk_bytes(bytes);
        self
    }
}

impl Iterator for BatchReader<'_> {
    type Item = Result<RecordBatch, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.ready.pop_front() {
                return Some(item);
            }
            if self.done {
                return None;
            }
            match self.records.next() {
                Some(Ok(Ok(Some(batch)))) => self.rebatcher.push(batch, &mut self.ready),
                Some(Ok(Ok(None))) => {}
                Some(Ok(Err(error)) | Err(error)) => self.ready.push_back(Err(error)),
                None => {
                    self.rebatcher.flush(&mut self.ready);
                    self.done = true;
                }
            }
        }
    }
}
