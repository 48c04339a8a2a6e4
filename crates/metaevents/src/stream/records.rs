//! Turning one record's bytes into records and errors, with split messages reassembled across
//! records. Shared by [`super::EventReader`] and the filter's NDJSON scan; the parallel reader
//! leaves the parts of split messages to one pass in input order ([`RecordProcessor::assemble`]).

use std::collections::VecDeque;

use bumpalo::Bump;

use crate::error::{Error, ErrorKind};
use crate::input::{self, Enclosure, Outcome, Sink, SplitAssembler, SplitPart, Unwrapper, kafka};
use crate::json;
use crate::model::Record;
use crate::normalize::Normalizer;
use crate::options::{InputFormat, ParseOptions};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// What one record yields, in order.
#[derive(Debug)]
pub(crate) enum Produced {
    /// A record or what is wrong with one.
    Done(Result<Record, Error>),
    /// A part of a split message found on a line, left unassembled (see
    /// `RecordProcessor::deferring_splits`, used by the parallel reader).
    Part(Box<SplitPart>, u64),
}

/// What a stream's records become.
pub(crate) type Queue = VecDeque<Produced>;

/// Parses records one at a time.
#[derive(Debug)]
pub(crate) struct RecordProcessor {
    normalizer: Normalizer,
    /// Holds the trees of the record being parsed; emptied after each record.
    arena: Bump,
    forced: Option<InputFormat>,
    splits: SplitAssembler,
    /// Hand split parts out instead of assembling them.
    defer_splits: bool,
    sink: Sink,
}

impl Drop for RecordProcessor {
    fn drop(&mut self) {
        json::arena::give_back(std::mem::take(&mut self.arena));
    }
}

impl RecordProcessor {
    pub(crate) fn new(options: &ParseOptions) -> Self {
        Self {
            normalizer: Normalizer::new(options.limits).with_atlan_names(options.atlan_names.clone()),
            arena: json::arena::take(),
            forced: options.format,
            splits: SplitAssembler::new(options.limits.max_event_bytes),
            defer_splits: false,
            sink: Vec::new(),
        }
    }

    /// Hands the parts of split messages out as [`Produced::Part`] instead of assembling them:
    /// a reader of one chunk of a stream cannot, since the other parts may be in other chunks.
    pub(crate) fn deferring_splits(mut self) -> Self {
        self.defer_splits = true;
        self
    }

    /// Events whose ids are computed on first use rather than while parsing.
    pub(crate) fn with_lazy_ids(mut self) -> Self {
        self.normalizer.eager_ids = false;
        self
    }

    pub(crate) fn max_event_bytes(&self) -> usize {
        self.normalizer.limits.max_event_bytes
    }

    /// Parses the record `bytes`, which starts on `line`, into `out`.
    pub(crate) fn process(&mut self, bytes: &[u8], line: u64, out: &mut Queue) {
        self.process_at(bytes, line, None, out);
    }

    /// [`RecordProcessor::process`] of the element `index` of a streamed JSON array, whose errors
    /// are located under `$[index]`.
    pub(crate) fn process_at(&mut self, bytes: &[u8], line: u64, index: Option<usize>, out: &mut Queue) {
        let enclosure = match index {
            None => Enclosure::top(),
            Some(index) => Enclosure { path: crate::json::path::item("$", index), ..Enclosure::default() },
        };
        self.process_in(bytes, line, &enclosure, out);
    }

    /// [`RecordProcessor::process`] of a record that arrived inside `envelope` (the body of a
    /// binary-mode `CloudEvent`).
    pub(crate) fn process_enclosed(&mut self, bytes: &[u8], envelope: InputFormat, out: &mut Queue) {
        self.process_in(bytes, 1, &Enclosure { envelope: vec![envelope], ..Enclosure::top() }, out);
    }

    fn process_in(&mut self, bytes: &[u8], line: u64, enclosure: &Enclosure, out: &mut Queue) {
        // The record's JSON path, copied only when an error needs it.
        let root = || enclosure.path.clone();
        // Size first: a reader that meets a record too big to keep knows nothing else of it.
        if bytes.len() > self.normalizer.limits.max_event_bytes {
            out.push_back(Produced::Done(Err(
                too_large(self.normalizer.limits.max_event_bytes, line).with_path(root())
            )));
            return;
        }
        // A Kafka record (JSON never starts with byte 0), or with the kafka-avro format one in base64.
        let forced_kafka = self.forced == Some(InputFormat::KafkaAvro);
        if forced_kafka || (self.forced.is_none() && kafka::is_record(bytes)) {
            let decoded;
            let record = if kafka::is_text(bytes) {
                match kafka::decode_base64(bytes) {
                    Ok(bytes) => {
                        decoded = bytes;
                        &decoded
                    }
                    Err(error) => {
                        out.push_back(Produced::Done(Err(error.nested_in(&enclosure.path).with_record_line(line))));
                        return;
                    }
                }
            } else {
                bytes
            };
            let mut unwrapper = Unwrapper { normalizer: &mut self.normalizer, arena: &self.arena, out: &mut self.sink };
            kafka::record(record, enclosure, &mut unwrapper);
            self.drain(line, out);
            self.arena.reset();
            return;
        }
        if bytes.starts_with(BOM) {
            out.push_back(Produced::Done(Err(Error::new(
                ErrorKind::Encoding,
                "byte-order mark inside the input (one is only allowed at its very start)",
            )
            .with_path(root())
            .with_record_line(line))));
            return;
        }
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(err) => {
                out.push_back(Produced::Done(Err(Error::new(
                    ErrorKind::Encoding,
                    format!("invalid UTF-8 at byte {} of the record", err.valid_up_to() + 1),
                )
                .with_path(root())
                .with_record_line(line))));
                return;
            }
        };
        let mut unwrapper = Unwrapper { normalizer: &mut self.normalizer, arena: &self.arena, out: &mut self.sink };
        input::parse_text(text, self.forced, enclosure, &mut unwrapper);
        self.drain(line, out);
        self.arena.reset();
    }

    fn drain(&mut self, line: u64, out: &mut Queue) {
        let mut pending = std::mem::take(&mut self.sink);
        for outcome in pending.drain(..) {
            match outcome {
                Ok(Outcome::Parsed(parsed)) => out.push_back(Produced::Done(Ok(Record { line, parsed }))),
                Err(error) => out.push_back(Produced::Done(Err(error.with_record_line(line)))),
                Ok(Outcome::Split(part)) if self.defer_splits => out.push_back(Produced::Part(Box::new(part), line)),
                Ok(Outcome::Split(part)) => self.assemble(part, line, out),
            }
        }
        // Keep the allocation for the next record.
        self.sink = pending;
    }

    /// Adds a part of a split message, found on `line`; once the message is complete, parses it
    /// into `out`. Parts must come in input order.
    pub(crate) fn assemble(&mut self, part: SplitPart, line: u64, out: &mut Queue) {
        match self.splits.add(part, line) {
            Ok(None) => {}
            Err(error) => out.push_back(Produced::Done(Err(error.with_record_line(line)))),
            Ok(Some(message)) => {
                let at = Enclosure { decoded: true, ..message.at };
                let mut inner = Vec::new();
                let mut unwrapper = Unwrapper { normalizer: &mut self.normalizer, arena: &self.arena, out: &mut inner };
                input::notification::decoded_text(&message.text, &at, &mut unwrapper, 1);
                for outcome in inner {
                    match outcome {
                        Ok(Outcome::Parsed(parsed)) => out.push_back(Produced::Done(Ok(Record { line, parsed }))),
                        Ok(Outcome::Split(_)) => {}
                        Err(error) => out.push_back(Produced::Done(Err(error.with_record_line(line)))),
                    }
                }
                self.arena.reset();
            }
        }
    }

    /// Reports split messages that never completed.
    pub(crate) fn finish(&mut self, out: &mut Queue) {
        for error in self.splits.finish() {
            out.push_back(Produced::Done(Err(error)));
        }
    }
}

pub(crate) fn too_large(limit: usize, line: u64) -> Error {
    Error::new(ErrorKind::TooLarge, format!("record is over the limit of {limit} bytes"))
        .with_path("$")
        .with_record_line(line)
}
