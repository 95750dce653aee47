//! Writes a generated document, or a text file, as a PDF (see `yusuan_synth::pdf`).
//!
//! `cargo run -p yusuan-synth --example pdf -- SEED|FILE.txt OUT.pdf [--compress] [--scale N]`

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let source = args.first().expect("a seed or a text file");
    let out = args.get(1).expect("the PDF to write");
    let compress = args.iter().any(|a| a == "--compress");
    let scale = args
        .iter()
        .position(|a| a == "--scale")
        .and_then(|i| args.get(i + 1))
        .map_or(1, |s| s.parse().unwrap());
    let text = match source.parse::<u64>() {
        Ok(seed) => {
            yusuan_synth::generate_with(
                seed,
                yusuan_synth::Options {
                    scale,
                    ..yusuan_synth::Options::default()
                },
            )
            .text
        }
        Err(_) => std::fs::read_to_string(source).unwrap(),
    };
    let pdf = yusuan_synth::pdf::render_with(&text, yusuan_synth::pdf::Options { compress });
    std::fs::write(out, pdf).unwrap();
}
