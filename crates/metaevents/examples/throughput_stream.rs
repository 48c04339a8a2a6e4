fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let data = std::fs::read(&path).unwrap_or_default();
    let count = metaevents::parse_many(&data).filter(Result::is_ok).count();
    println!("{count}");
}
