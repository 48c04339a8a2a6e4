//! The normalized event of the contract and its parts.

mod details;
mod event;
mod kind;
mod raw;

pub(crate) use event::EventBuilder;
pub(crate) use raw::{RawRef, Step};
pub use details::Details;
pub use event::{Entity, Event, EventId, EventJson, Native, NativeFormat, Parsed, Record, ValidationRequest};
pub use kind::{Family, Kind, Source};
