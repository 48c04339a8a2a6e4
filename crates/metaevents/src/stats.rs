//! Counting a stream of events: by source, kind, platform and actor, the time range, and the
//! records that were not events.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::model::Event;

/// A running tally.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Events counted.
    pub events: u64,
    /// Bad records.
    pub errors: u64,
    /// Atlan webhook validation requests.
    pub validation_requests: u64,
    /// Events per source.
    pub by_source: BTreeMap<String, u64>,
    /// Events per kind.
    pub by_kind: BTreeMap<String, u64>,
    /// Events per kind, per source (`kind` → `source` → count).
    pub by_kind_and_source: BTreeMap<String, BTreeMap<String, u64>>,
    /// Events per platform (`(none)` when unknown).
    pub by_platform: BTreeMap<String, u64>,
    /// Events per actor (`(none)` when unknown).
    pub by_actor: BTreeMap<String, u64>,
    /// Earliest event time.
    pub first_time: Option<i64>,
    /// Latest event time.
    pub last_time: Option<i64>,
}

const NONE: &str = "(none)";

fn bump(map: &mut BTreeMap<String, u64>, key: &str) {
    match map.get_mut(key) {
        Some(count) => *count += 1,
        None => {
            map.insert(key.to_owned(), 1);
        }
    }
}

impl Stats {
    /// Counts one event.
    pub fn add(&mut self, event: &Event) {
        self.events += 1;
        bump(&mut self.by_source, event.source().as_str());
        bump(&mut self.by_kind, event.kind().as_str());
        bump(self.by_kind_and_source.entry(event.kind().as_str().to_owned()).or_default(), event.source().as_str());
        bump(&mut self.by_platform, event.entity().platform.as_deref().unwrap_or(NONE));
        bump(&mut self.by_actor, event.actor().unwrap_or(NONE));
        if let Some(time) = event.time() {
            self.first_time = Some(self.first_time.map_or(time, |first| first.min(time)));
            self.last_time = Some(self.last_time.map_or(time, |last| last.max(time)));
        }
    }

    /// The largest `n` entries of a tally, largest first (ties by name).
    pub fn top(map: &BTreeMap<String, u64>, n: usize) -> Vec<(&str, u64)> {
        let mut entries: Vec<(&str, u64)> = map.iter().map(|(key, count)| (key.as_str(), *count)).collect();
        entries.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        entries.truncate(n);
        entries
    }

    /// As JSON, keeping the `top` largest platforms and actors.
    pub fn to_value(&self, top: usize) -> Value {
        let tally = |map: &BTreeMap<String, u64>, n: usize| -> Value {
            Value::Array(
                Self::top(map, n).into_iter().map(|(key, count)| json!({"name": key, "count": count})).collect(),
            )
        };
        json!({
            "events": self.events,
            "errors": self.errors,
            "validationRequests": self.validation_requests,
            "firstTime": self.first_time,
            "lastTime": self.last_time,
            "bySource": tally(&self.by_source, usize::MAX),
            "byKind": Value::Array(
                Self::top(&self.by_kind, usize::MAX)
                    .into_iter()
                    .map(|(kind, count)| {
                        let mut entry = serde_json::Map::new();
                        entry.insert("name".to_owned(), json!(kind));
                        entry.insert("count".to_owned(), json!(count));
                        for (source, n) in self.by_kind_and_source.get(kind).into_iter().flatten() {
                            entry.insert(source.clone(), json!(n));
                        }
                        Value::Object(entry)
                    })
                    .collect()
            ),
            "byPlatform": tally(&self.by_platform, top),
            "byActor": tally(&self.by_actor, top),
            "distinctPlatforms": self.by_platform.len(),
            "distinctActors": self.by_actor.len(),
        })
    }
}
