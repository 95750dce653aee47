//! Writes the precision-suite document of a seed (its [`yusuan_synth::Variant`] drawn as the
//! suite draws it) to standard output, and the variant to standard error.
//!
//! `cargo run -p yusuan-synth --example variant -- SEED`

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::io::Write as _;

fn main() {
    let seed = std::env::args()
        .nth(1)
        .map_or(1, |s| s.parse().expect("a seed"));
    let variant = yusuan_synth::Variant::draw(seed);
    let options = yusuan_synth::Options {
        variant,
        ..yusuan_synth::Options::default()
    };
    let doc = yusuan_synth::generate_with(seed, options);
    let mut err = std::io::stderr();
    writeln!(err, "{variant:?}").unwrap();
    std::io::stdout().write_all(doc.text.as_bytes()).unwrap();
}
