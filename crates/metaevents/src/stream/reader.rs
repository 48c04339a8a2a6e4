//! [`EventReader`]: an iterator of records over any `Read`.

use std::io::{self, Cursor, Read};

use flate2::read::MultiGzDecoder;
use memchr::memchr;

use super::records::{Queue, RecordProcessor, too_large};
use crate::error::{Error, ErrorKind};
use crate::filter::{Candidates, Filter};
use crate::json::scan::{self, ValueEnd};
use crate::model::Record;
use crate::options::{InputFormat, ParseOptions};

const CHUNK: usize = 64 * 1024;
const BOM: &[u8] = b"\xEF\xBB\xBF";
const GZIP_MAGIC: &[u8] = b"\x1f\x8b";

/// The bytes still to read: a borrowed slice (all of the input at once, nothing copied), or a
/// refillable window over a reader. `buf` is zeroed once as it grows; reads fill `buf[end..]` and
/// `buf[pos..end]` is what is available, so no read pays for zeroing.
struct Input<'r> {
    /// `None`: the whole input is `slice`.
    reader: Option<Box<dyn Read + Send + 'r>>,
    slice: &'r [u8],
    buf: Vec<u8>,
    pos: usize,
    end: usize,
    eof: bool,
    /// Offset of the first available byte from the start of the (decompressed) input.
    offset: u64,
}

impl<'r> Input<'r> {
    fn reader(reader: Box<dyn Read + Send + 'r>) -> Self {
        Self { reader: Some(reader), slice: &[], buf: Vec::new(), pos: 0, end: 0, eof: false, offset: 0 }
    }

    fn slice(slice: &'r [u8]) -> Self {
        Self { reader: None, slice, buf: Vec::new(), pos: 0, end: 0, eof: true, offset: 0 }
    }

    fn available(&self) -> &[u8] {
        match self.reader {
            None => self.slice.get(self.pos..).unwrap_or_default(),
            Some(_) => self.buf.get(self.pos..self.end).unwrap_or_default(),
        }
    }

    fn consume(&mut self, count: usize) {
        let count = count.min(self.available().len());
        self.pos += count;
        self.offset += count as u64;
    }

    /// What is left to read, as a reader (to decompress it).
    fn into_rest(self) -> Box<dyn Read + Send + 'r> {
        match self.reader {
            None => Box::new(self.slice.get(self.pos..).unwrap_or_default()),
            Some(reader) => {
                let buffered = self.buf.get(self.pos..self.end).unwrap_or_default().to_vec();
                Box::new(Cursor::new(buffered).chain(reader))
            }
        }
    }

    /// Reads one more chunk (or notes the end of input).
    fn fill(&mut self) -> io::Result<()> {
        let Some(reader) = self.reader.as_mut() else {
            self.eof = true;
            return Ok(());
        };
        if self.eof {
            return Ok(());
        }
        if self.pos > 0 {
            // Keep what is still to be read at the front, then read after it.
            self.buf.copy_within(self.pos..self.end, 0);
            self.end -= self.pos;
            self.pos = 0;
        }
        if self.buf.len() - self.end < CHUNK {
            self.buf.resize(self.end + CHUNK.max(self.buf.len() / 2), 0);
        }
        loop {
            let Some(space) = self.buf.get_mut(self.end..) else { return Ok(()) };
            match reader.read(space) {
                Ok(count) => {
                    self.end += count;
                    self.eof = count == 0;
                    return Ok(());
                }
                Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
                Err(err) => return Err(err),
            }
        }
    }
}

/// Reads until the buffer is full or the input ends. Under the gzip decoder this makes the
/// chunks it decodes independent of how the source hands out its bytes, so that even corrupt
/// data yields the same records (and the same error) however it arrives.
struct FullReads<R> {
    inner: R,
}

impl<R: Read> Read for FullReads<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let mut filled = 0;
        while filled < buf.len() {
            let Some(space) = buf.get_mut(filled..) else { break };
            match self.inner.read(space) {
                Ok(0) => break,
                Ok(count) => filled += count,
                Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
                Err(err) => return Err(err),
            }
        }
        Ok(filled)
    }
}

/// Finds where a value that does not fit in the buffer ends, chunk after chunk, keeping nothing.
#[derive(Debug, Clone, Copy, Default)]
struct SkipScanner {
    depth: usize,
    in_string: bool,
    escaped: bool,
    scalar: bool,
    started: bool,
}

impl SkipScanner {
    /// Index just after the value's end within `bytes`, if it ends there.
    fn feed(&mut self, bytes: &[u8]) -> Option<usize> {
        for (index, &byte) in bytes.iter().enumerate() {
            if self.in_string {
                if self.escaped {
                    self.escaped = false;
                } else if byte == b'\\' {
                    self.escaped = true;
                } else if byte == b'"' {
                    self.in_string = false;
                    if self.depth == 0 {
                        return Some(index + 1);
                    }
                }
            } else if self.scalar {
                if matches!(byte, b',' | b']' | b'}' | b' ' | b'\t' | b'\r' | b'\n') {
                    return Some(index);
                }
            } else if !self.started {
                self.started = true;
                match byte {
                    b'"' => self.in_string = true,
                    b'{' | b'[' => self.depth = 1,
                    _ => self.scalar = true,
                }
            } else {
                match byte {
                    b'"' => self.in_string = true,
                    b'{' | b'[' => self.depth += 1,
                    b'}' | b']' => {
                        self.depth = self.depth.saturating_sub(1);
                        if self.depth == 0 {
                            return Some(index + 1);
                        }
                    }
                    _ => {}
                }
            }
        }
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Start,
    /// NDJSON. `long`: inside a line too long to keep, consumed as it comes; whether it was
    /// all whitespace so far (then it is a blank line, not an error).
    Lines {
        long: Option<bool>,
    },
    Array {
        first: bool,
    },
    AfterArray,
    Documents,
    /// Binary input without the kafka-avro format: one Kafka record, the whole input.
    Binary,
    /// With the kafka-avro format: records each after its length as a 4-byte big-endian signed
    /// integer (what `kcat -f '%R%s'` writes; -1 for a null value).
    Prefixed,
    Done,
}

/// An iterator over the records of an input: NDJSON (one event per line), a JSON array, or
/// JSON documents one after another (pretty-printed, poll responses), gzip-compressed or not,
/// with a UTF-8 byte-order mark at the start or not.
///
/// Kafka records (`DataHub`'s `PlatformEvent_v1` in Avro) need a framing to be told apart: with
/// the `kafka-avro` format, an input whose first byte is 0x00 or 0xFF is length-prefixed records
/// (each after its length as a 4-byte big-endian signed integer, as `kcat -C -t
/// PlatformEvent_v1 -f '%R%s'` writes; a length of -1, a null value, is skipped), whose `line`
/// is the record's 1-based number; any other input is one record in base64 per line. Without
/// that format, an input that starts with byte 0x00 is one Kafka record.
///
/// Each item is a [`Record`] (an event or a webhook validation request, with its line) or an
/// [`Error`] for one bad record; the stream goes on after errors. Memory stays bounded by
/// `Limits::max_event_bytes` whatever the input's size.
pub struct EventReader<'r> {
    input: Input<'r>,
    records: RecordProcessor,
    state: State,
    line: u64,
    queue: Queue,
    elements: usize,
    max_events_per_array: usize,
    gzip: bool,
    /// Read one record per line whatever the first line looks like.
    lines_only: bool,
    /// The `kafka-avro` format is forced: length-prefixed records or base64 lines.
    kafka: bool,
    /// No format is forced: binary input is one Kafka record.
    detect: bool,
    prefilter: Option<Filter>,
    /// Where the next NDJSON lines that may pass the prefilter are (when it can rule any out).
    candidates: Option<Candidates>,
}

impl std::fmt::Debug for EventReader<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventReader").field("state", &self.state).field("line", &self.line).finish_non_exhaustive()
    }
}

impl<'r> EventReader<'r> {
    /// A reader of everything `reader` yields.
    pub(crate) fn from_reader(
        reader: Box<dyn Read + Send + 'r>,
        records: RecordProcessor,
        options: &ParseOptions,
    ) -> Self {
        Self::new(Input::reader(reader), records, options)
    }

    /// A reader of `data`, read in place.
    pub(crate) fn from_slice(data: &'r [u8], records: RecordProcessor, options: &ParseOptions) -> Self {
        Self::new(Input::slice(data), records, options)
    }

    fn new(input: Input<'r>, records: RecordProcessor, options: &ParseOptions) -> Self {
        Self {
            input,
            records,
            state: State::Start,
            line: 1,
            queue: Queue::new(),
            elements: 0,
            max_events_per_array: options.limits.max_events_per_array,
            gzip: false,
            lines_only: false,
            kafka: options.format == Some(InputFormat::KafkaAvro),
            detect: options.format.is_none(),
            prefilter: None,
            candidates: None,
        }
    }

    /// Reads one record per line (NDJSON), also when the first line looks like the start of a
    /// JSON array or of a pretty-printed document.
    #[must_use]
    pub(crate) fn lines_only(mut self) -> Self {
        self.lines_only = true;
        self
    }

    /// Skips, without parsing them, the records `filter` rules out by its byte prefilter (see
    /// [`Filter::may_match_line`]): what remains are the records that may match, which the caller
    /// still checks with [`Filter::matches`]. Records ruled out report no errors.
    #[must_use]
    pub fn prefiltered(mut self, filter: &Filter) -> Self {
        if self.kafka {
            // Base64 or binary records hide their text from a byte search: every one is parsed.
            return self;
        }
        self.candidates = (!filter.prefilter().is_trivial()).then(|| filter.prefilter().candidates());
        self.prefilter = Some(filter.clone());
        self
    }

    /// A read failure as an error: inside gzip data, a decoding fault of the input.
    fn read_error(&self, err: &io::Error) -> Error {
        let error = if self.gzip && err.kind() != io::ErrorKind::Interrupted {
            Error::new(ErrorKind::Decode, format!("the input is not valid gzip data: {err}"))
        } else {
            Error::new(ErrorKind::Io, format!("cannot read input: {err}"))
        };
        error.with_path("$").with_record_line(self.line)
    }

    /// The line the reader has reached.
    pub fn line(&self) -> u64 {
        self.line
    }

    fn finish(&mut self) {
        self.records.finish(&mut self.queue);
        self.state = State::Done;
    }

    fn fail(&mut self, error: Error) {
        self.queue.push_back(Err(error));
        self.finish();
    }

    /// Fills until at least `count` bytes are available or the input ends.
    fn fill_to(&mut self, count: usize) -> io::Result<()> {
        while self.input.available().len() < count && !self.input.eof {
            self.input.fill()?;
        }
        Ok(())
    }

    /// Skips whitespace, counting lines; false at the end of input.
    fn skip_whitespace(&mut self) -> io::Result<bool> {
        loop {
            let available = self.input.available();
            let spaces = available.iter().take_while(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n')).count();
            self.line += count_lines(available.get(..spaces).unwrap_or_default());
            self.input.consume(spaces);
            if !self.input.available().is_empty() {
                return Ok(true);
            }
            if self.input.eof {
                return Ok(false);
            }
            self.input.fill()?;
        }
    }

    fn step(&mut self) -> io::Result<()> {
        match self.state {
            State::Start => self.start(),
            State::Lines { long } => self.next_line(long),
            State::Array { first } => self.next_element(first),
            State::AfterArray => {
                if self.skip_whitespace()? {
                    let error = syntax(self.line, "unexpected content after the end of the JSON array");
                    self.fail(error);
                } else {
                    self.finish();
                }
                Ok(())
            }
            State::Documents => {
                if self.skip_whitespace()? {
                    self.next_value(None);
                    Ok(())
                } else {
                    self.finish();
                    Ok(())
                }
            }
            State::Binary => self.whole_record(),
            State::Prefixed => self.next_prefixed(),
            State::Done => Ok(()),
        }
    }

    fn start(&mut self) -> io::Result<()> {
        self.fill_to(3)?;
        if self.input.available().starts_with(GZIP_MAGIC) {
            let compressed = std::mem::replace(&mut self.input, Input::slice(&[])).into_rest();
            let source = FullReads { inner: compressed };
            self.input = Input::reader(Box::new(MultiGzDecoder::new(source)));
            self.gzip = true;
            self.fill_to(3)?;
        }
        if self.input.available().starts_with(BOM) {
            self.input.consume(BOM.len());
        }
        if !self.skip_whitespace()? {
            self.finish();
            return Ok(());
        }
        if self.lines_only {
            self.state = State::Lines { long: None };
            return Ok(());
        }
        let first = self.input.available().first().copied();
        if self.kafka {
            // Length-prefixed records start with a length's high byte (0, or 0xFF for -1); base64
            // text never does.
            self.state = if matches!(first, Some(0x00 | 0xff)) { State::Prefixed } else { State::Lines { long: None } };
            return Ok(());
        }
        if self.detect && first == Some(crate::input::kafka::MAGIC) {
            self.state = State::Binary;
            return Ok(());
        }
        if self.input.available().first() == Some(&b'[') {
            self.input.consume(1);
            self.state = State::Array { first: true };
            return Ok(());
        }
        // One value per line (NDJSON) unless the first line is the opening of a pretty-printed
        // document: it holds no complete value and ends where a pretty-printer breaks lines.
        let limit = self.records.max_event_bytes();
        loop {
            let available = self.input.available();
            if memchr(b'\n', available).is_some() || self.input.eof || available.len() > limit {
                break;
            }
            self.input.fill()?;
        }
        // Decide on the same bytes however the input arrives: at most one record's worth.
        let available = self.input.available();
        let window = available.get(..available.len().min(limit + 1)).unwrap_or_default();
        let Some(first_line) = (match memchr(b'\n', window) {
            Some(newline) => window.get(..newline),
            None if window.len() <= limit => Some(window),
            // A first line longer than a record may be: NDJSON, and that line is too large.
            None => None,
        }) else {
            self.state = State::Lines { long: None };
            return Ok(());
        };
        let trimmed = first_line.trim_ascii_end();
        let complete = match scan::value_end(trimmed, 0) {
            ValueEnd::At(end) => trimmed.get(end..).is_some_and(|rest| rest.trim_ascii().is_empty()),
            ValueEnd::Incomplete => matches!(trimmed.first(), Some(b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n')),
        };
        let opens_document = matches!(trimmed.last(), Some(b'{' | b'[' | b',' | b':'));
        self.state = if !complete && opens_document { State::Documents } else { State::Lines { long: None } };
        Ok(())
    }

    /// With a prefilter that can rule lines out: skips the complete lines before the next one
    /// that may pass it, unparsed, only checking that none is too large (which is reported
    /// whatever the prefilter says, as for lines too long to keep).
    fn skip_to_candidate(&mut self) {
        let Some(candidates) = self.candidates.as_mut() else { return };
        let Some(filter) = self.prefilter.as_ref() else { return };
        let limit = self.records.max_event_bytes();
        let available = self.input.available();
        let complete = if self.input.eof {
            available.len()
        } else {
            memchr::memrchr(b'\n', available).map_or(0, |newline| newline + 1)
        };
        let Some(window) = available.get(..complete).filter(|window| !window.is_empty()) else { return };
        let skip = candidates.first(filter.prefilter(), window, self.input.offset).unwrap_or(complete);
        let skipped = window.get(..skip).unwrap_or_default();
        let mut line_start = 0;
        let mut check = |line: &[u8], number: u64| {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            if line.len() > limit && !line.trim_ascii().is_empty() {
                self.queue.push_back(Err(too_large(limit, number)));
            }
        };
        for newline in memchr::memchr_iter(b'\n', skipped) {
            check(skipped.get(line_start..newline).unwrap_or_default(), self.line);
            self.line += 1;
            line_start = newline + 1;
        }
        if line_start < skipped.len() {
            // The last line of the input, without a newline.
            check(skipped.get(line_start..).unwrap_or_default(), self.line);
        }
        self.input.consume(skip);
    }

    fn next_line(&mut self, long: Option<bool>) -> io::Result<()> {
        if long.is_none() {
            self.skip_to_candidate();
        }
        let limit = self.records.max_event_bytes();
        let available = self.input.available();
        let newline = memchr(b'\n', available);
        if let Some(blank_so_far) = long {
            // The rest of a line too long to keep: its verdict comes at its end, so that it is
            // the same however the line arrives (all whitespace: a blank line; else too large).
            let part = available.get(..newline.unwrap_or(available.len())).unwrap_or_default();
            let blank = blank_so_far && part.trim_ascii().is_empty();
            let ended = newline.is_some() || self.input.eof;
            self.input.consume(newline.map_or(available.len(), |newline| newline + 1));
            if !ended {
                self.state = State::Lines { long: Some(blank) };
                return self.input.fill();
            }
            if !blank {
                self.queue.push_back(Err(too_large(limit, self.line)));
            }
            self.line += 1;
            if self.input.eof && newline.is_none() {
                self.finish();
            } else {
                self.state = State::Lines { long: None };
            }
            return Ok(());
        }
        if let Some(newline) = newline {
            let line = self.line;
            self.line += 1;
            let record = available.get(..newline).unwrap_or_default();
            let record = record.strip_suffix(b"\r").unwrap_or(record);
            if !record.trim_ascii().is_empty() {
                process(&mut self.records, self.prefilter.as_ref(), &mut self.queue, record, line, None);
            }
            self.input.consume(newline + 1);
            return Ok(());
        }
        if self.input.eof {
            if !available.trim_ascii().is_empty() {
                let record = available.strip_suffix(b"\r").unwrap_or(available);
                process(&mut self.records, self.prefilter.as_ref(), &mut self.queue, record, self.line, None);
            }
            let rest = available.len();
            self.input.consume(rest);
            self.finish();
            return Ok(());
        }
        // Longer than a record may be even without a final `\r`: stop keeping it.
        if available.len() > limit + 1 {
            let blank = available.trim_ascii().is_empty();
            let rest = available.len();
            self.input.consume(rest);
            self.state = State::Lines { long: Some(blank) };
        }
        self.input.fill()
    }

    fn next_element(&mut self, first: bool) -> io::Result<()> {
        if !self.skip_whitespace()? {
            let error = syntax(self.line, "truncated JSON array: missing `]`");
            self.fail(error);
            return Ok(());
        }
        match (first, self.input.available().first()) {
            (_, Some(b']')) => {
                self.input.consume(1);
                self.state = State::AfterArray;
                return Ok(());
            }
            (false, Some(b',')) => {
                self.input.consume(1);
                if !self.skip_whitespace()? {
                    let error = syntax(self.line, "truncated JSON array: missing `]`");
                    self.fail(error);
                    return Ok(());
                }
            }
            (false, _) => {
                let error = syntax(self.line, "expected `,` or `]` between the elements of the JSON array");
                self.fail(error);
                return Ok(());
            }
            (true, _) => {}
        }
        if self.elements >= self.max_events_per_array {
            let error = Error::new(
                ErrorKind::TooMany,
                format!("more than {} events in one JSON array", self.max_events_per_array),
            )
            .with_path("$")
            .with_record_line(self.line);
            self.fail(error);
            return Ok(());
        }
        self.elements += 1;
        self.next_value(Some(self.elements - 1));
        self.state = match self.state {
            State::Done => State::Done,
            _ => State::Array { first: false },
        };
        Ok(())
    }

    /// Reads the value starting at the current position (after whitespace) as one record; `index`
    /// is its place in a streamed array.
    fn next_value(&mut self, index: Option<usize>) {
        let limit = self.records.max_event_bytes();
        loop {
            let available = self.input.available();
            let end = match scan::value_end(available, 0) {
                ValueEnd::At(end) => end,
                ValueEnd::Incomplete if self.input.eof => available.len(),
                ValueEnd::Incomplete if available.len() > limit => {
                    let line = self.line;
                    if let Err(err) = self.skip_value() {
                        let error = self.read_error(&err);
                        self.fail(error);
                        return;
                    }
                    let root = index.map_or_else(|| "$".to_owned(), |index| crate::json::path::item("$", index));
                    self.queue.push_back(Err(too_large(limit, line).with_path(root)));
                    return;
                }
                ValueEnd::Incomplete => {
                    if let Err(err) = self.input.fill() {
                        let error = self.read_error(&err);
                        self.fail(error);
                        return;
                    }
                    continue;
                }
            };
            let record = available.get(..end).unwrap_or_default();
            let line = self.line;
            process(&mut self.records, self.prefilter.as_ref(), &mut self.queue, record, line, index);
            self.line += count_lines(record);
            self.input.consume(end);
            return;
        }
    }

    /// Reads the whole input as one (binary) record.
    fn whole_record(&mut self) -> io::Result<()> {
        let limit = self.records.max_event_bytes();
        self.fill_to(limit.saturating_add(1))?;
        let available = self.input.available();
        if available.len() > limit {
            self.queue.push_back(Err(too_large(limit, self.line)));
        } else {
            let first = self.queue.len();
            process(&mut self.records, None, &mut self.queue, available, self.line, None);
            // A stream of records read without the kafka-avro format is likelier than a bad record.
            for item in self.queue.iter_mut().skip(first) {
                if let Err(error) = item {
                    if error.kind() == ErrorKind::Decode {
                        *error = error.clone().with_note(
                            " (read as one Kafka record; a file of several is read with the kafka-avro format: \
                             length-prefixed records or one base64 record per line)",
                        );
                    }
                }
            }
        }
        self.finish();
        Ok(())
    }

    /// Reads the next length-prefixed record; `line` counts records.
    fn next_prefixed(&mut self) -> io::Result<()> {
        const PREFIX: usize = 4;
        self.fill_to(PREFIX)?;
        let available = self.input.available();
        let Some(&[a, b, c, d]) = available.get(..PREFIX) else {
            if !available.is_empty() {
                let message = format!("the input ends inside a length prefix ({} of 4 bytes)", available.len());
                self.queue.push_back(Err(framing(self.line, message)));
            }
            self.finish();
            return Ok(());
        };
        let length = i32::from_be_bytes([a, b, c, d]);
        let record = self.line;
        self.line += 1;
        if length == -1 {
            // A null value (a tombstone): no event, nothing wrong.
            self.input.consume(PREFIX);
            return Ok(());
        }
        let Ok(length) = usize::try_from(length) else {
            let message = format!("record {record} has a negative length prefix ({length}): the framing is lost");
            self.fail(framing(record, message));
            return Ok(());
        };
        let limit = self.records.max_event_bytes();
        if length > limit {
            self.input.consume(PREFIX);
            self.queue.push_back(Err(too_large(limit, record)));
            return self.skip_bytes(length);
        }
        self.fill_to(PREFIX + length)?;
        let available = self.input.available();
        let Some(bytes) = available.get(PREFIX..PREFIX + length) else {
            let message = format!(
                "record {record} declares {length} bytes, but the input ends after {}: it is truncated",
                available.len().saturating_sub(PREFIX)
            );
            self.fail(framing(record, message));
            return Ok(());
        };
        // Binary records hide their text from the prefilter: always parsed.
        process(&mut self.records, None, &mut self.queue, bytes, record, None);
        self.input.consume(PREFIX + length);
        Ok(())
    }

    /// Consumes `count` bytes (or what is left of the input).
    fn skip_bytes(&mut self, mut count: usize) -> io::Result<()> {
        while count > 0 {
            let skip = count.min(self.input.available().len());
            self.input.consume(skip);
            count -= skip;
            if count > 0 {
                if self.input.eof {
                    self.finish();
                    return Ok(());
                }
                self.input.fill()?;
            }
        }
        Ok(())
    }

    /// Consumes a value too big to keep.
    fn skip_value(&mut self) -> io::Result<()> {
        let mut scanner = SkipScanner::default();
        loop {
            let available = self.input.available();
            if let Some(end) = scanner.feed(available) {
                self.line += count_lines(available.get(..end).unwrap_or_default());
                self.input.consume(end);
                return Ok(());
            }
            self.line += count_lines(available);
            let all = available.len();
            self.input.consume(all);
            if self.input.eof {
                return Ok(());
            }
            self.input.fill()?;
        }
    }
}

/// Parses one record unless the prefilter rules it out. A free function over the reader's
/// fields, so the record can stay borrowed from the input buffer.
fn process(
    records: &mut RecordProcessor,
    prefilter: Option<&Filter>,
    queue: &mut Queue,
    record: &[u8],
    line: u64,
    index: Option<usize>,
) {
    if prefilter.is_none_or(|filter| filter.may_match_line(record)) {
        records.process_at(record, line, index, queue);
    }
}

fn count_lines(bytes: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', bytes).count() as u64
}

/// A fault of the length-prefixed framing of Kafka records.
fn framing(record: u64, message: String) -> Error {
    Error::new(ErrorKind::Decode, message).with_path("$").with_record_line(record)
}

fn syntax(line: u64, message: &str) -> Error {
    Error::new(ErrorKind::Syntax, message).with_path("$").with_record_line(line)
}

impl Iterator for EventReader<'_> {
    type Item = Result<Record, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.queue.pop_front() {
                return Some(item);
            }
            if self.state == State::Done {
                return None;
            }
            if let Err(err) = self.step() {
                let error = self.read_error(&err);
                self.fail(error);
            }
        }
    }
}
