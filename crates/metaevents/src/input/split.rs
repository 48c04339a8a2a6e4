//! Reassembly of split notifications as Atlas's producer writes them
//! (`AbstractNotification.createNotificationMessages`): the base64 text of the envelope (of its
//! gzip when `msgCompressionKind` is GZIP) cut into chunks, one per part; the parts share
//! `msgId` and are numbered `msgSplitIdx` 0 .. `msgSplitCount`-1. Joined in index order, the
//! chunks are base64-decoded (and gunzipped) into the envelope's JSON text, as Atlas's consumer
//! does (`AtlasNotificationMessageDeserializer.deserialize`).
//!
//! Atlas's consumer drops parts that arrive before part 0 and a message whose last part arrives
//! before another; Kafka does not keep parts in order (Atlas sends them without a key, so they
//! may land on different partitions), so here parts are joined in whatever order they come.
//! A part repeated with the same chunk (a redelivery) is ignored; parts that disagree on their
//! count, compression or a chunk are an error, and so is a message still missing parts when
//! the stream ends.

use super::Enclosure;
use super::notification::{Compression, decode};
use crate::error::{Error, ErrorKind};

/// One part of a split message.
#[derive(Debug, Clone)]
pub(crate) struct SplitPart {
    pub msg_id: String,
    /// 0 .. count-1.
    pub index: u64,
    pub count: u64,
    pub chunk: String,
    pub compression: Compression,
    /// Where the part's `message` is, the envelopes around the part, what the part's envelope knows.
    pub at: Enclosure,
}

/// A message whose parts have all arrived, decoded to its JSON text, and where it was found
/// (its last part's `message`).
#[derive(Debug)]
pub(crate) struct Assembled {
    pub text: String,
    pub at: Enclosure,
}

/// More parts than any real message has; more would only cost memory.
const MAX_PARTS: usize = 10_000;

#[derive(Debug)]
struct Group {
    msg_id: String,
    count: u64,
    compression: Compression,
    chunks: Vec<Option<String>>,
    bytes: usize,
    first_line: u64,
}

/// Collects split parts until each message is complete.
#[derive(Debug)]
pub(crate) struct SplitAssembler {
    groups: Vec<Group>,
    buffered: usize,
    max_event_bytes: usize,
}

fn kind_name(compression: Compression) -> &'static str {
    match compression {
        Compression::None => "NONE",
        Compression::Gzip => "GZIP",
    }
}

impl SplitAssembler {
    pub(crate) fn new(max_event_bytes: usize) -> Self {
        Self { groups: Vec::new(), buffered: 0, max_event_bytes }
    }

    /// Adds a part (found on `line`); returns the whole message once its last part arrives.
    pub(crate) fn add(&mut self, part: SplitPart, line: u64) -> Result<Option<Assembled>, Error> {
        let position = self.groups.iter().position(|group| group.msg_id == part.msg_id);
        let index = if let Some(index) = position {
            index
        } else {
            let slots = usize::try_from(part.count).unwrap_or(usize::MAX);
            if slots > MAX_PARTS {
                return Err(Error::at_path(
                    ErrorKind::TooLarge,
                    part.at.path,
                    format!("split message `{}` claims {} parts, more than {MAX_PARTS}", part.msg_id, part.count),
                ));
            }
            self.groups.push(Group {
                msg_id: part.msg_id.clone(),
                count: part.count,
                compression: part.compression,
                chunks: vec![None; slots],
                bytes: 0,
                first_line: line,
            });
            self.groups.len() - 1
        };
        let Some(group) = self.groups.get_mut(index) else { return Ok(None) };
        if group.count != part.count {
            return Err(Error::at_path(
                ErrorKind::InvalidField,
                part.at.path,
                format!(
                    "part {} of split message `{}` says {} parts, an earlier part said {}",
                    part.index, part.msg_id, part.count, group.count
                ),
            ));
        }
        if group.compression != part.compression {
            return Err(Error::at_path(
                ErrorKind::InvalidField,
                part.at.path,
                format!(
                    "part {} of split message `{}` says msgCompressionKind {}, an earlier part said {}",
                    part.index,
                    part.msg_id,
                    kind_name(part.compression),
                    kind_name(group.compression)
                ),
            ));
        }
        let slot = usize::try_from(part.index).ok().and_then(|i| group.chunks.get_mut(i));
        let Some(slot) = slot else { return Ok(None) };
        match slot {
            Some(existing) if *existing == part.chunk => return Ok(None), // delivered twice
            Some(_) => {
                return Err(Error::at_path(
                    ErrorKind::InvalidField,
                    part.at.path,
                    format!(
                        "part {} of split message `{}` arrived twice with different content",
                        part.index, part.msg_id
                    ),
                ));
            }
            None => {}
        }
        let size = part.chunk.len();
        if group.bytes + size > self.max_event_bytes || self.buffered + size > self.max_event_bytes.saturating_mul(8) {
            let msg_id = group.msg_id.clone();
            self.drop_group(index);
            return Err(Error::at_path(
                ErrorKind::TooLarge,
                part.at.path,
                format!("split message `{msg_id}` is over the limit of {} bytes", self.max_event_bytes),
            ));
        }
        *slot = Some(part.chunk);
        group.bytes += size;
        self.buffered += size;
        if group.chunks.iter().any(Option::is_none) {
            return Ok(None);
        }
        let group = self.drop_group(index);
        let mut encoded = String::with_capacity(group.bytes);
        for chunk in group.chunks.into_iter().flatten() {
            encoded.push_str(&chunk);
        }
        let text = decode(&encoded, group.compression, &part.at.path, self.max_event_bytes)?;
        Ok(Some(Assembled { text, at: part.at }))
    }

    fn drop_group(&mut self, index: usize) -> Group {
        let group = self.groups.remove(index);
        self.buffered = self.buffered.saturating_sub(group.bytes);
        group
    }

    /// Errors for every message still missing parts.
    pub(crate) fn finish(&mut self) -> Vec<Error> {
        self.buffered = 0;
        self.groups
            .drain(..)
            .map(|group| {
                let missing: Vec<String> = group
                    .chunks
                    .iter()
                    .enumerate()
                    .filter(|(_, chunk)| chunk.is_none())
                    .map(|(index, _)| index.to_string())
                    .collect();
                let (noun, verb) = if missing.len() == 1 { ("part", "is") } else { ("parts", "are") };
                Error::new(
                    ErrorKind::IncompleteSplit,
                    format!(
                        "split message `{}` is incomplete: {noun} {} {verb} missing (it has parts 0 to {})",
                        group.msg_id,
                        missing.join(", "),
                        group.count.saturating_sub(1)
                    ),
                )
                .with_path("$.message")
                .with_record_line(group.first_line)
            })
            .collect()
    }
}
