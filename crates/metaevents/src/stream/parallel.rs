//! Reading NDJSON on every core (with the `parallel` feature; without it, the same on the
//! calling thread). One reader cuts the (decompressed) input into chunks of
//! complete lines; a rayon pool parses the chunks, each with a reader of its own that leaves
//! the parts of split messages unassembled, and turns each run of records into the caller's
//! output (NDJSON text, an Arrow batch); one pass in input order then assembles the split
//! messages and hands everything out in input order. What comes out is what the sequential
//! [`EventReader`] gives (the same records, errors and line numbers), in runs.
//!
//! While one batch of chunks is parsed on the pool, the calling thread reads (and gunzips) the
//! next one.

use std::collections::VecDeque;
use std::fmt;
#[cfg(feature = "parallel")]
use std::sync::Arc;

#[cfg(feature = "parallel")]
use rayon::prelude::*;

use super::reader::{EventReader, Piece};
use super::records::{Produced, Queue, RecordProcessor};
use crate::error::{Error, ErrorKind, Result};
use crate::filter::Filter;
use crate::input::SplitPart;
use crate::model::Record;
use crate::options::ParseOptions;

/// Bytes of NDJSON per chunk: big enough that a chunk's bookkeeping is noise next to its
/// parsing, small enough that a few per thread keep every thread busy to the end of a batch.
const CHUNK_BYTES: usize = 512 * 1024;
/// Chunks per batch and thread.
const CHUNKS_PER_THREAD: usize = 4;
/// Records a reader of input that is not NDJSON parses before handing them on.
const RECORDS_PER_UNIT: usize = 4096;

/// The threads a reader (or a writer) works on: a rayon pool of its own, or only the calling
/// thread. Cheap to clone (the pool is shared). Without the `parallel` feature, always the
/// calling thread alone.
#[derive(Clone)]
pub struct Workers {
    #[cfg(feature = "parallel")]
    pool: Option<Arc<rayon::ThreadPool>>,
    threads: usize,
}

impl fmt::Debug for Workers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Workers").field("threads", &self.threads).finish_non_exhaustive()
    }
}

impl Workers {
    /// `threads` threads; 0 means one per core. One thread is the calling thread alone.
    /// Without the `parallel` feature, more than one is an [`ErrorKind::InvalidOption`] error.
    pub fn new(threads: usize) -> Result<Self> {
        let threads = if threads == 0 { Self::cores() } else { threads };
        if threads == 1 {
            return Ok(Self::single());
        }
        Self::pool(threads)
    }

    #[cfg(feature = "parallel")]
    fn pool(threads: usize) -> Result<Self> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|index| format!("metaevents-{index}"))
            .build()
            .map_err(|err| Error::new(ErrorKind::InvalidOption, format!("cannot start {threads} threads: {err}")))?;
        Ok(Self { pool: Some(Arc::new(pool)), threads })
    }

    #[cfg(not(feature = "parallel"))]
    fn pool(threads: usize) -> Result<Self> {
        Err(Error::new(
            ErrorKind::InvalidOption,
            format!("cannot use {threads} threads: built without the `parallel` feature, one thread only"),
        )
        .with_path("threads"))
    }

    /// The calling thread only.
    pub fn single() -> Self {
        Self {
            #[cfg(feature = "parallel")]
            pool: None,
            threads: 1,
        }
    }

    /// How many cores this machine offers (1 when it cannot tell, or without the `parallel`
    /// feature).
    pub fn cores() -> usize {
        if cfg!(feature = "parallel") {
            std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
        } else {
            1
        }
    }

    /// How many threads work.
    pub fn threads(&self) -> usize {
        self.threads
    }

    /// Runs `here` on the calling thread while `on_pool` runs on the pool (both here, one after
    /// the other, without a pool). The calling thread is the one that reads the input: a reader
    /// that needs it (one pulling lines from Python, which holds the interpreter lock) never
    /// runs on a thread of the pool. `None` only if `on_pool` did not run, which cannot happen.
    #[cfg_attr(not(feature = "parallel"), allow(clippy::unused_self, reason = "the pool is the `parallel` feature's"))]
    pub(crate) fn beside<A, B: Send>(
        &self,
        here: impl FnOnce() -> A,
        on_pool: impl FnOnce() -> B + Send,
    ) -> (A, Option<B>) {
        #[cfg(feature = "parallel")]
        if let Some(pool) = &self.pool {
            let mut done = None;
            let slot = &mut done;
            let result = pool.in_place_scope(|scope| {
                scope.spawn(move |_| *slot = Some(on_pool()));
                here()
            });
            return (result, done);
        }
        (here(), Some(on_pool()))
    }

    /// `work` of every item, on the pool when there is one, in order.
    #[cfg_attr(not(feature = "parallel"), allow(clippy::unused_self, reason = "the pool is the `parallel` feature's"))]
    pub(crate) fn map<I: Send, O: Send>(&self, items: Vec<I>, work: impl Fn(I) -> O + Sync + Send) -> Vec<O> {
        #[cfg(feature = "parallel")]
        if let Some(pool) = &self.pool {
            return pool.install(|| items.into_par_iter().map(work).collect());
        }
        items.into_iter().map(work).collect()
    }

    /// Runs `work` on the pool without waiting for it (right here without a pool).
    #[cfg_attr(not(feature = "parquet"), allow(dead_code, reason = "the Parquet writer's"))]
    #[cfg_attr(not(feature = "parallel"), allow(clippy::unused_self, reason = "the pool is the `parallel` feature's"))]
    pub(crate) fn spawn(&self, work: impl FnOnce() + Send + 'static) {
        #[cfg(feature = "parallel")]
        if let Some(pool) = &self.pool {
            return pool.spawn(work);
        }
        work();
    }

    pub(crate) fn is_parallel(&self) -> bool {
        self.threads > 1
    }
}

/// A processor of records with these options.
fn records(options: &ParseOptions, lazy_ids: bool) -> RecordProcessor {
    let records = RecordProcessor::new(options);
    if lazy_ids { records.with_lazy_ids() } else { records }
}

/// What one batch of the input holds, in order.
enum Unit<'r> {
    /// Complete lines, to parse on the pool.
    Lines { data: std::borrow::Cow<'r, [u8]>, first_line: u64 },
    /// What the cutting reader produced itself.
    Produced(Vec<Produced>),
}

/// A stretch of output, in input order.
enum Segment<T> {
    /// A run of records, mapped.
    Mapped(T),
    Error(Error),
    /// A split message's part, for the pass in order to assemble.
    Part(Box<SplitPart>, u64),
}

/// Reads an input on [`Workers`], turning runs of consecutive records into `T` with a function
/// run on the pool. Yields `Ok(T)` and `Err(bad record)` in input order. Made by
/// `Parser::read_parallel`.
pub struct ParallelReader<'r, T, F> {
    cutter: EventReader<'r>,
    /// How to parse each chunk.
    options: ParseOptions,
    lazy_ids: bool,
    prefilter: Option<Filter>,
    map: F,
    workers: Workers,
    /// The split parts seen so far, assembled in input order.
    assembler: RecordProcessor,
    chunk_bytes: usize,
    /// The next batch, read while the previous one was parsed.
    read_ahead: Option<Vec<Unit<'r>>>,
    ready: VecDeque<Result<T>>,
    done: bool,
}

impl<T, F> fmt::Debug for ParallelReader<'_, T, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ParallelReader")
            .field("workers", &self.workers)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

impl<'r, T, F> ParallelReader<'r, T, F>
where
    T: Send,
    F: Fn(Vec<Record>) -> T + Sync,
{
    /// A reader of what `cutter` reads, parsing chunks with `options` (and ids computed on first
    /// use with `lazy_ids`).
    pub(crate) fn new(
        cutter: EventReader<'r>,
        options: &ParseOptions,
        lazy_ids: bool,
        workers: &Workers,
        map: F,
    ) -> Self {
        Self {
            cutter,
            options: options.clone(),
            lazy_ids,
            prefilter: None,
            map,
            workers: workers.clone(),
            assembler: records(options, lazy_ids),
            chunk_bytes: CHUNK_BYTES,
            read_ahead: None,
            ready: VecDeque::new(),
            done: false,
        }
    }

    /// Skips, unparsed, the records `filter`'s byte prefilter rules out, as
    /// [`EventReader::prefiltered`] does.
    #[must_use]
    pub fn prefiltered(mut self, filter: &Filter) -> Self {
        self.cutter = self.cutter.prefiltered(filter);
        self.prefilter = Some(filter.clone());
        self
    }

    /// Cuts chunks of about `bytes` bytes (at least 1) instead of the default 512 KiB. For tests
    /// and tuning: what comes out is the same.
    #[doc(hidden)]
    #[must_use]
    pub fn with_chunk_bytes(mut self, bytes: usize) -> Self {
        self.chunk_bytes = bytes.max(1);
        self
    }

    /// Reads the next batch: a few chunks per thread.
    fn read_batch(cutter: &mut EventReader<'r>, chunks: usize, chunk_bytes: usize) -> Vec<Unit<'r>> {
        let mut batch: Vec<Unit<'r>> = Vec::new();
        let mut count = 0;
        while count < chunks {
            match cutter.next_piece(chunk_bytes) {
                None => break,
                Some(Piece::Lines { data, first_line }) => {
                    batch.push(Unit::Lines { data, first_line });
                    count += 1;
                }
                Some(Piece::Produced(produced)) => {
                    if let Some(Unit::Produced(items)) = batch.last_mut() {
                        if items.len() < RECORDS_PER_UNIT {
                            items.push(produced);
                            continue;
                        }
                    }
                    batch.push(Unit::Produced(vec![produced]));
                    count += 1;
                }
            }
        }
        batch
    }

    /// Parses one unit and maps its runs of records.
    fn run_unit(
        unit: Unit<'_>,
        options: (&ParseOptions, bool),
        prefilter: Option<&Filter>,
        map: &F,
    ) -> Vec<Segment<T>> {
        let mut segments = Vec::new();
        let mut run = Vec::new();
        let take = |produced: Produced, run: &mut Vec<Record>, segments: &mut Vec<Segment<T>>| {
            let segment = match produced {
                Produced::Done(Ok(record)) => {
                    run.push(record);
                    return;
                }
                Produced::Done(Err(error)) => Segment::Error(error),
                Produced::Part(part, line) => Segment::Part(part, line),
            };
            if !run.is_empty() {
                segments.push(Segment::Mapped(map(std::mem::take(run))));
            }
            segments.push(segment);
        };
        match unit {
            Unit::Lines { data, first_line } => {
                let records = records(options.0, options.1).deferring_splits();
                let mut reader = EventReader::chunk_of_lines(&data, first_line, records, options.0);
                if let Some(filter) = prefilter {
                    reader = reader.prefiltered(filter);
                }
                while let Some(produced) = reader.next_produced() {
                    take(produced, &mut run, &mut segments);
                }
            }
            Unit::Produced(items) => {
                for produced in items {
                    take(produced, &mut run, &mut segments);
                }
            }
        }
        if !run.is_empty() {
            segments.push(Segment::Mapped(map(run)));
        }
        segments
    }

    /// Parses the next batch (reading the one after it meanwhile) and queues its output.
    fn advance(&mut self) {
        let chunks = self.workers.threads() * CHUNKS_PER_THREAD;
        let batch = match self.read_ahead.take() {
            Some(batch) => batch,
            None => Self::read_batch(&mut self.cutter, chunks, self.chunk_bytes),
        };
        if batch.is_empty() {
            let mut queue = Queue::new();
            self.assembler.finish(&mut queue);
            self.queue_produced(queue);
            self.done = true;
            return;
        }
        let (parser, prefilter, map) = ((&self.options, self.lazy_ids), self.prefilter.as_ref(), &self.map);
        let outputs: Vec<Vec<Segment<T>>> = if self.workers.is_parallel() {
            let (cutter, chunk_bytes, workers) = (&mut self.cutter, self.chunk_bytes, &self.workers);
            let (next, outputs) = workers.beside(
                || Self::read_batch(cutter, chunks, chunk_bytes),
                || workers.map(batch, |unit| Self::run_unit(unit, parser, prefilter, map)),
            );
            self.read_ahead = Some(next);
            outputs.unwrap_or_default()
        } else {
            batch.into_iter().map(|unit| Self::run_unit(unit, parser, prefilter, map)).collect()
        };
        for segment in outputs.into_iter().flatten() {
            match segment {
                Segment::Mapped(mapped) => self.ready.push_back(Ok(mapped)),
                Segment::Error(error) => self.ready.push_back(Err(error)),
                Segment::Part(part, line) => {
                    let mut queue = Queue::new();
                    self.assembler.assemble(*part, line, &mut queue);
                    self.queue_produced(queue);
                }
            }
        }
    }

    /// Queues what the pass in order produced itself (assembled split messages, their errors).
    fn queue_produced(&mut self, queue: Queue) {
        let mut run = Vec::new();
        for produced in queue {
            match produced {
                Produced::Done(Ok(record)) => run.push(record),
                Produced::Done(Err(error)) => {
                    if !run.is_empty() {
                        self.ready.push_back(Ok((self.map)(std::mem::take(&mut run))));
                    }
                    self.ready.push_back(Err(error));
                }
                Produced::Part(..) => {}
            }
        }
        if !run.is_empty() {
            self.ready.push_back(Ok((self.map)(run)));
        }
    }
}

impl<T, F> Iterator for ParallelReader<'_, T, F>
where
    T: Send,
    F: Fn(Vec<Record>) -> T + Sync,
{
    type Item = Result<T>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.ready.pop_front() {
                return Some(item);
            }
            if self.done {
                return None;
            }
            self.advance();
        }
    }
}

/// A reader that hands records out as they come.
type RecordRuns<'r> = ParallelReader<'r, Vec<Record>, fn(Vec<Record>) -> Vec<Record>>;

/// The records of a [`ParallelReader`] one by one.
pub struct ParallelRecords<'r> {
    inner: RecordRuns<'r>,
    current: std::vec::IntoIter<Record>,
}

impl<'r> ParallelRecords<'r> {
    pub(crate) fn new(cutter: EventReader<'r>, options: &ParseOptions, lazy_ids: bool, workers: &Workers) -> Self {
        let identity: fn(Vec<Record>) -> Vec<Record> = |records| records;
        Self {
            inner: ParallelReader::new(cutter, options, lazy_ids, workers, identity),
            current: Vec::new().into_iter(),
        }
    }
}

impl fmt::Debug for ParallelRecords<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ParallelRecords").field("inner", &self.inner).finish_non_exhaustive()
    }
}

impl ParallelRecords<'_> {
    /// See [`ParallelReader::prefiltered`].
    #[must_use]
    pub fn prefiltered(mut self, filter: &Filter) -> Self {
        self.inner = self.inner.prefiltered(filter);
        self
    }

    /// See [`ParallelReader::with_chunk_bytes`].
    #[doc(hidden)]
    #[must_use]
    pub fn with_chunk_bytes(mut self, bytes: usize) -> Self {
        self.inner = self.inner.with_chunk_bytes(bytes);
        self
    }
}

impl Iterator for ParallelRecords<'_> {
    type Item = Result<Record>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(record) = self.current.next() {
                return Some(Ok(record));
            }
            match self.inner.next()? {
                Ok(records) => self.current = records.into_iter(),
                Err(error) => return Some(Err(error)),
            }
        }
    }
}
