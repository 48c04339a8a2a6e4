//! The normalized event of the contract and its parts.

mod details;
mod event;
mod kind;
mod raw;

pub use details::Details;
pub(crate) use event::EventBuilder;
pub use event::{Entity, Event, EventId, EventJson, Native, NativeFormat, Parsed, Record, ValidationRequest};
pub use kind::{Family, Kind, Source};
pub(crate) use raw::{RawRef, Step};
