//! `OpenMetadata`: a `ChangeEvent`, which fans out into one event per change, and the list of
//! `ChangeEvent`s servers before 1.3 posted (`{data: [...], paging}`, a `ResultList`).

use super::{Enclosure, Outcome, Unwrapper, dispatch};
use crate::error::{Error, ErrorKind};
use crate::json::{Node, path};
use crate::model::{Parsed, RawRef, Step};
use crate::normalize::{self, Fields};
use crate::options::InputFormat;

/// A `ChangeEvent`: its events go to `out`.
pub(super) fn change_event(
    node: &Node<'_>,
    raw: RawRef<'_>,
    enclosure: &Enclosure,
    unwrapper: &mut Unwrapper<'_>,
) -> Result<Option<Parsed>, Error> {
    let events =
        normalize::openmetadata::change_event(&enclosure.inner(node, raw), enclosure.facts, unwrapper.normalizer)?;
    unwrapper.out.extend(events.into_iter().map(|event| Ok(Outcome::Parsed(Parsed::Event(event)))));
    Ok(None)
}

/// A list of `ChangeEvent`s: each item is one.
pub(super) fn event_list(
    node: &Node<'_>,
    raw: RawRef<'_>,
    enclosure: &Enclosure,
    unwrapper: &mut Unwrapper<'_>,
) -> Result<Option<Parsed>, Error> {
    let list = Fields::of(node, &enclosure.path, "an OpenMetadata event list")?;
    let data_path = list.child_path("data");
    let items = match list.get("data") {
        Some(Node::Array(items)) => *items,
        Some(other) => {
            return Err(Error::at_path(
                ErrorKind::InvalidField,
                data_path,
                format!("`data` must be a list of ChangeEvents, found {}", other.type_name()),
            ));
        }
        None => return Ok(None),
    };
    let limit = unwrapper.normalizer.limits.max_events_per_array;
    let mut envelope = enclosure.envelope.clone();
    envelope.push(InputFormat::OpenMetadataEventList);
    for (index, item) in items.iter().enumerate() {
        if index == limit {
            return Err(Error::at_path(
                ErrorKind::TooMany,
                data_path,
                format!("{} events in one OpenMetadata event list, over the limit of {limit}", items.len()),
            ));
        }
        let child = Enclosure { path: path::item(&data_path, index), envelope: envelope.clone(), ..enclosure.clone() };
        let item_raw = raw.then(Step::Member("data")).then(Step::Element(index));
        dispatch(item, item_raw, Some(InputFormat::OpenMetadataChangeEvent), &child, unwrapper);
    }
    Ok(None)
}
