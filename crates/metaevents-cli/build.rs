//! Compresses the demo corpus (`demo/corpus.ndjson`, kept readable in the repository) into
//! `OUT_DIR/corpus.ndjson.gz`, which `src/demo.rs` embeds with `include_bytes!`. The core's
//! reader decodes gzip transparently, so the binary carries the small form.

use std::io::Write as _;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let source = PathBuf::from("demo").join("corpus.ndjson");
    println!("cargo::rerun-if-changed={}", source.display());
    let corpus =
        std::fs::read(&source).map_err(|err| format!("cannot read the demo corpus {}: {err}", source.display()))?;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(&corpus)?;
    let compressed = encoder.finish()?;
    let out = PathBuf::from(std::env::var("OUT_DIR")?).join("corpus.ndjson.gz");
    std::fs::write(out, compressed)?;
    Ok(())
}
