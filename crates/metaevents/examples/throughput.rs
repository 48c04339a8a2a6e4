//! A quick throughput probe: `cargo run --release -p metaevents --example throughput -- FILE`
//! prints parse+normalize MB/s (whole-file stream and per-line parse) and `filter_ndjson` speed.

use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let data = std::fs::read(&path).unwrap_or_default();
    let mb = data.len() as f64 / 1e6;
    let lines: Vec<&[u8]> = data.split(|b| *b == b'\n').filter(|l| !l.is_empty()).collect();
    for _ in 0..2 {
        let start = Instant::now();
        let count = metaevents::parse_many(&data).filter(Result::is_ok).count();
        let secs = start.elapsed().as_secs_f64();
        println!("stream    {count} events  {:.0} MB/s  {:.0} ev/s", mb / secs, count as f64 / secs);
        let start = Instant::now();
        let parser = metaevents::Parser::new();
        let count = lines.iter().filter(|line| parser.parse(line).is_ok()).count();
        let secs = start.elapsed().as_secs_f64();
        println!("per-line  {count} events  {:.0} MB/s  {:.0} ev/s", mb / secs, count as f64 / secs);
        for spec in [r#"{"subjects": "urn:li:tag:Gold", "actor": "urn:li:corpuser:user7"}"#, r#"{"source": {"ne": "nothing"}}"#, r#"{"kind": "tag.*"}"#] {
            let filter = metaevents::Filter::from_json(spec).unwrap_or_else(|_| metaevents::Filter::everything());
            let start = Instant::now();
            let hits = filter.filter_ndjson(&data).len();
            let secs = start.elapsed().as_secs_f64();
            println!("filter    {spec}: {hits} hits  {:.0} MB/s", mb / secs);
        }
    }
}
