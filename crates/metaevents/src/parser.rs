//! [`Parser`]: the entry point for reading events.

use std::io::Read;

use crate::cloudevents::HttpMode;
use crate::error::{Error, ErrorKind, Result};
use crate::filter::Filter;
use crate::model::Parsed;
use crate::model::Record;
use crate::options::{InputFormat, Limits, ParseOptions};
use crate::stream::{EventReader, Produced, RecordProcessor};
use crate::stream::{ParallelReader, ParallelRecords, Workers};

/// Reads events with a fixed set of options. Cheap to create and to clone; holds no state
/// between calls, so one parser can serve many threads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parser {
    options: ParseOptions,
    lazy_ids: bool,
}

impl Parser {
    /// A parser that detects every format, with the default limits.
    pub fn new() -> Self {
        Self::default()
    }

    /// A parser with these options (the limits are checked).
    pub fn with_options(options: ParseOptions) -> Result<Self> {
        options.limits.validated()?;
        Ok(Self { options, lazy_ids: false })
    }

    /// The same parser, with events that compute their id on first use (from `raw`) rather
    /// than while parsing: a parse saves the canonical JSON and its SHA-256 (about a sixth of
    /// its time), and the first read of the id costs a second parse of `raw`. For callers that
    /// read ids rarely. Ids are the same either way.
    #[must_use]
    pub fn with_lazy_ids(mut self, lazy: bool) -> Self {
        self.lazy_ids = lazy;
        self
    }

    fn records(&self) -> RecordProcessor {
        let records = RecordProcessor::new(&self.options);
        if self.lazy_ids { records.with_lazy_ids() } else { records }
    }

    /// The same parser, forced to read `format` as the outermost shape.
    #[must_use]
    pub fn with_format(mut self, format: InputFormat) -> Self {
        self.options.format = Some(format);
        self
    }

    /// The same parser, writing the display names of an Atlan tenant's hashed tag and
    /// custom-metadata ids beside them (`details.tags[].name`, `details.changes[].setName` and
    /// `attributeName`); ids stay where they were (`subjects` above all).
    #[must_use]
    pub fn with_atlan_names(mut self, names: crate::atlan_names::AtlanNames) -> Self {
        self.options.atlan_names = Some(std::sync::Arc::new(names));
        self
    }

    /// The same parser with other limits (checked).
    pub fn with_limits(mut self, limits: Limits) -> Result<Self> {
        self.options.limits = limits.validated()?;
        Ok(self)
    }

    /// The options in use.
    pub fn options(&self) -> &ParseOptions {
        &self.options
    }

    /// Parses exactly one event (or the Atlan validation request) from `input`: a JSON
    /// document in any supported format, possibly wrapped in envelopes, or one Kafka record of
    /// `DataHub`'s `PlatformEvent_v1` topic as a consumer receives it (Avro in Confluent's wire
    /// format, told from JSON by its first byte, 0x00).
    ///
    /// A poll response or NDJSON holding several events is [`ErrorKind::NotSingle`], and so is
    /// an `OpenMetadata` `ChangeEvent` that changes several things (one event per change): read
    /// those with [`Parser::parse_many`] or [`Parser::events`].
    pub fn parse(&self, input: &[u8]) -> Result<Parsed> {
        let kafka = self.options.format == Some(InputFormat::KafkaAvro);
        if kafka || (self.options.format.is_none() && crate::input::kafka::is_record(input)) {
            // One Kafka record (binary, or base64 text with the kafka-avro format): never a stream.
            return self.parse_one(input, None);
        }
        let limits = self.options.limits;
        let trimmed = input.trim_ascii_start();
        let simple = trimmed.first() == Some(&b'{') && input.len() <= limits.max_event_bytes;
        if simple {
            // The common case, one JSON object, skips the stream machinery.
            let mut records = self.records();
            let mut queue = std::collections::VecDeque::new();
            records.process(input, 1, &mut queue);
            records.finish(&mut queue);
            let single = queue.len() == 1
                && !matches!(queue.front(), Some(Produced::Done(Err(err))) if err.kind() == ErrorKind::Syntax);
            if single {
                if let Some(Produced::Done(item)) = queue.pop_front() {
                    return item.map(|record| record.parsed);
                }
            }
        }
        let mut reader = self.parse_many(input);
        let first = reader.next();
        let second = reader.next();
        match (first, second) {
            (None, _) => Err(Error::at_path(ErrorKind::Empty, "$", "no event in the input").with_record_line(1)),
            (Some(Err(error)), _) | (Some(Ok(_)), Some(Err(error))) => Err(error),
            (Some(Ok(record)), None) => Ok(record.parsed),
            (Some(Ok(first)), Some(Ok(second))) if fanned_out(&first.parsed, &second.parsed) => Err(Error::new(
                ErrorKind::NotSingle,
                "expected one event, found several: this OpenMetadata ChangeEvent changes several things, one event \
                 each; read them as a stream of events (parse_many, parseMany)",
            )),
            (Some(Ok(_)), Some(Ok(_))) => Err(Error::new(
                ErrorKind::NotSingle,
                "expected one event, found several: read them as a stream of events (parse_many, parseMany)",
            )),
        }
    }

    /// `input` as one record, inside `envelope` when given.
    fn parse_one(&self, input: &[u8], envelope: Option<InputFormat>) -> Result<Parsed> {
        let mut records = self.records();
        let mut queue = std::collections::VecDeque::new();
        match envelope {
            Some(envelope) => records.process_enclosed(input, envelope, &mut queue),
            None => records.process(input, 1, &mut queue),
        }
        records.finish(&mut queue);
        // As `parse` answers for a stream: the first error among the first two, else one event.
        // The processor assembles split messages itself, so every item is done.
        let mut items = queue.into_iter().filter_map(|item| match item {
            crate::stream::Produced::Done(item) => Some(item),
            crate::stream::Produced::Part(..) => None,
        });
        match (items.next(), items.next()) {
            (None, _) => Err(Error::at_path(ErrorKind::Empty, "$", "no event in the input").with_record_line(1)),
            (Some(Err(error)), _) | (Some(Ok(_)), Some(Err(error))) => Err(error),
            (Some(Ok(record)), None) => Ok(record.parsed),
            (Some(Ok(_)), Some(Ok(_))) => Err(Error::new(
                ErrorKind::NotSingle,
                "expected one event, found several: read them as a stream of events (parse_many, parseMany)",
            )),
        }
    }

    /// Parses the event an HTTP request delivered, from its headers (name-value pairs, names in
    /// any case) and body: a webhook handler's one call.
    ///
    /// - `Content-Type: application/cloudevents+json`: a structured-mode `CloudEvent`;
    /// - `ce-*` headers: a binary-mode `CloudEvent` (HTTP protocol binding §3.1), whose body is
    ///   its `data`: a normalized event (which comes back as it was) or any event this parser
    ///   reads, a Kafka record too; `ce-specversion` must be `1.0`;
    /// - otherwise the body is the event itself, as [`Parser::parse`] reads it.
    ///
    /// A batch (`application/cloudevents-batch`) of several events is [`ErrorKind::NotSingle`]:
    /// read it with [`Parser::parse_many`] and the `cloudevent` format.
    pub fn parse_http<I, K, V>(&self, headers: I, body: &[u8]) -> Result<Parsed>
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<str>,
        V: AsRef<str>,
    {
        match crate::cloudevents::http_mode(headers)? {
            HttpMode::Structured => self.clone().with_format(InputFormat::CloudEvent).parse(body),
            HttpMode::Binary => self.parse_one(body, Some(InputFormat::CloudEvent)),
            HttpMode::Plain => self.parse(body),
        }
    }

    /// Every event of `input` ([`Parser::parse_many`]), leaving out webhook validation requests;
    /// the first bad record is the error.
    pub fn events(&self, input: &[u8]) -> Result<Vec<crate::model::Event>> {
        let mut events = Vec::new();
        for record in self.parse_many(input) {
            if let Parsed::Event(event) = record?.parsed {
                events.push(event);
            }
        }
        Ok(events)
    }

    /// [`Parser::parse`] of text.
    pub fn parse_str(&self, input: &str) -> Result<Parsed> {
        self.parse(input.as_bytes())
    }

    /// [`Parser::parse`] of an already decoded JSON value (a Python dict, a JS object).
    pub fn parse_value(&self, value: &serde_json::Value) -> Result<Parsed> {
        let text = serde_json::to_string(value).map_err(|err| Error::new(ErrorKind::Syntax, err.to_string()))?;
        self.parse(text.as_bytes())
    }

    /// Every record of `input` (NDJSON, a JSON array, poll responses, documents one after
    /// another; gzip too), one at a time.
    pub fn parse_many<'a>(&self, input: &'a [u8]) -> EventReader<'a> {
        EventReader::from_slice(input, self.records(), &self.options)
    }

    /// The records read from `reader` that may pass `filter`: those its byte prefilter rules out
    /// are skipped unparsed (and report no errors). Check the rest with [`Filter::matches`].
    pub fn read_filtered<'r, R: Read + Send + 'r>(&self, reader: R, filter: &Filter) -> EventReader<'r> {
        self.read(reader).prefiltered(filter)
    }

    /// Every record read from `reader`, incrementally with bounded memory.
    pub fn read<'r, R: Read + Send + 'r>(&self, reader: R) -> EventReader<'r> {
        EventReader::from_reader(Box::new(reader), self.records(), &self.options)
    }

    /// The records of NDJSON `data`, one per line, with ids computed only when read (the
    /// events of `filter_ndjson` are only matched).
    fn ndjson_lines<'a>(&self, data: &'a [u8]) -> EventReader<'a> {
        EventReader::from_slice(data, self.records().with_lazy_ids(), &self.options).lines_only()
    }
}

/// Whether two events are parts of one `OpenMetadata` `ChangeEvent`.
fn fanned_out(first: &Parsed, second: &Parsed) -> bool {
    match (first.as_event(), second.as_event()) {
        (Some(a), Some(b)) => {
            a.native().format == crate::model::NativeFormat::OpenMetadataChangeEvent && a.raw_json() == b.raw_json()
        }
        _ => false,
    }
}

/// Filtering NDJSON in memory: the stream reader over the lines, with the filter's prefilter.
impl Filter {
    /// The 0-based indexes of the NDJSON lines of `data` that hold a matching event, exactly as
    /// parsing every line and matching would give (a line of several events counts once; a
    /// split message counts on the line of its last part), but parsing only the lines the
    /// filter's byte prefilter cannot rule out (see [`EventReader::prefiltered`]).
    pub fn filter_ndjson(&self, data: &[u8]) -> Vec<usize> {
        self.filter_ndjson_with(&Parser::new(), data)
    }

    /// [`Filter::filter_ndjson`] with a parser's options (format, limits).
    pub fn filter_ndjson_with(&self, parser: &Parser, data: &[u8]) -> Vec<usize> {
        self.matching_lines(parser.ndjson_lines(data).prefiltered(self))
    }

    /// [`Filter::filter_ndjson`] without the prefilter: every line parsed. For tests and
    /// benchmarks; the result is always the same.
    #[doc(hidden)]
    pub fn filter_ndjson_exhaustive_with(&self, parser: &Parser, data: &[u8]) -> Vec<usize> {
        self.matching_lines(parser.ndjson_lines(data))
    }

    fn matching_lines(&self, records: EventReader<'_>) -> Vec<usize> {
        let mut matched: Vec<usize> = Vec::new();
        for record in records.flatten() {
            let index = usize::try_from(record.line.saturating_sub(1)).unwrap_or(usize::MAX);
            if matched.last() != Some(&index) && self.matches_parsed(&record.parsed) {
                matched.push(index);
            }
        }
        matched
    }
}

/// Reading on every core.
impl Parser {
    /// Reads `reader` (NDJSON, JSON arrays, documents; gzip too) on `workers`: NDJSON is cut into
    /// chunks of lines parsed on every thread, and `map` turns each run of consecutive records
    /// into the caller's output on the same threads. Items come in input order: `Ok(map(run))`
    /// and `Err` for each bad record, exactly the errors (kinds, lines, paths) the sequential
    /// [`Parser::read`] reports. Split messages are assembled across chunks. Input of another
    /// shape than NDJSON is read on one thread.
    pub fn read_parallel<'r, R, T, F>(&self, reader: R, workers: &Workers, map: F) -> ParallelReader<'r, T, F>
    where
        R: Read + Send + 'r,
        T: Send,
        F: Fn(Vec<Record>) -> T + Sync,
    {
        ParallelReader::new(self.read(reader), &self.options, self.lazy_ids, workers, map)
    }

    /// [`Parser::read_parallel`] of input in memory, cut in place.
    pub fn parse_many_parallel<'a, T, F>(&self, input: &'a [u8], workers: &Workers, map: F) -> ParallelReader<'a, T, F>
    where
        T: Send,
        F: Fn(Vec<Record>) -> T + Sync,
    {
        ParallelReader::new(self.parse_many(input), &self.options, self.lazy_ids, workers, map)
    }

    /// A processor of records with this parser's options.
    #[cfg(feature = "arrow")]
    pub(crate) fn record_processor(&self) -> RecordProcessor {
        self.records()
    }

    /// The records of `reader` read on `workers`, one by one: what [`Parser::read`] yields.
    pub fn read_records_parallel<'r, R: Read + Send + 'r>(&self, reader: R, workers: &Workers) -> ParallelRecords<'r> {
        ParallelRecords::new(self.read(reader), &self.options, self.lazy_ids, workers)
    }

    /// The records of `input` read on `workers`, one by one: what [`Parser::parse_many`] yields.
    pub fn parse_many_records_parallel<'a>(&self, input: &'a [u8], workers: &Workers) -> ParallelRecords<'a> {
        ParallelRecords::new(self.parse_many(input), &self.options, self.lazy_ids, workers)
    }
}
