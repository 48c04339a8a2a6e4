//! Reassembly of split Atlan messages: parts share `msgId`, are numbered 1..=`msgSplitCount`,
//! and their `message` chunks joined in order give the message text (base64 gzip when
//! compressed). Parts may arrive in any order; what never completes is reported at the end.

use super::atlan::{Compression, decode_message};
use crate::error::{Error, ErrorKind};
use crate::normalize::EnvelopeFacts;
use crate::options::InputFormat;

/// One part of a split message.
#[derive(Debug, Clone)]
pub(crate) struct SplitPart {
    pub msg_id: String,
    pub index: u64,
    pub count: u64,
    pub chunk: String,
    pub compression: Compression,
    pub facts: EnvelopeFacts,
    pub envelope: Vec<InputFormat>,
    pub path: String,
}

/// A message whose parts have all arrived, decoded to its JSON text.
#[derive(Debug)]
pub(crate) struct Assembled {
    pub text: String,
    pub facts: EnvelopeFacts,
    pub envelope: Vec<InputFormat>,
    pub path: String,
}

/// More parts than any real message has; more would only cost memory.
const MAX_PARTS: usize = 10_000;

#[derive(Debug)]
struct Group {
    msg_id: String,
    count: u64,
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
                    part.path,
                    format!("split message `{}` claims {} parts, more than {MAX_PARTS}", part.msg_id, part.count),
                ));
            }
            self.groups.push(Group {
                msg_id: part.msg_id.clone(),
                count: part.count,
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
                part.path,
                format!(
                    "part {} of split message `{}` says {} parts, an earlier part said {}",
                    part.index, part.msg_id, part.count, group.count
                ),
            ));
        }
        let slot = usize::try_from(part.index.saturating_sub(1)).ok().and_then(|i| group.chunks.get_mut(i));
        let Some(slot) = slot else { return Ok(None) };
        match slot {
            Some(existing) if *existing == part.chunk => return Ok(None), // delivered twice
            Some(_) => {
                return Err(Error::at_path(
                    ErrorKind::InvalidField,
                    part.path,
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
                part.path,
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
        let text = decode_message(&encoded, part.compression, &part.path, self.max_event_bytes)?;
        Ok(Some(Assembled { text, facts: part.facts, envelope: part.envelope, path: part.path }))
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
                    .map(|(index, _)| (index + 1).to_string())
                    .collect();
                Error::new(
                    ErrorKind::IncompleteSplit,
                    format!(
                        "split message `{}` is incomplete: part {} of {} missing",
                        group.msg_id,
                        missing.join(", "),
                        group.count
                    ),
                )
                .with_path("$.message")
                .with_record_line(group.first_line)
            })
            .collect()
    }
}
