//! `yusuan`: check Chinese government budget disclosures from the command line.
#![allow(clippy::print_stdout, clippy::print_stderr)]

fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap_or_default()).unwrap_or_default();
    match yusuan::parse(&text) {
        Ok(doc) => println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default()),
        Err(e) => eprintln!("error: {e}"),
    }
}
