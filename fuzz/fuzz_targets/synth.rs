//! Generated documents, then damaged: the first eight bytes pick the document, the rest is spliced
//! into it at a position the input chooses. The undamaged document must read back exactly; the
//! damaged one must parse or fail cleanly, and check without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (seed, rest) = data.split_at(data.len().min(8));
    let mut s = [0u8; 8];
    s[..seed.len()].copy_from_slice(seed);
    let doc = yusuan_synth::generate(u64::from_le_bytes(s) % 100_000);
    if rest.is_empty() {
        let parsed = yusuan::parse(&doc.text).unwrap();
        let diff = doc.truth.compare(&parsed);
        assert!(diff.is_empty(), "seed {}: {diff:?}", doc.seed);
        let _ = yusuan::check(&parsed);
        return;
    }
    // splice: two bytes of position, then the bytes to insert (replacing as many)
    let (pos, insert) = rest.split_at(rest.len().min(2));
    let mut p = [0u8; 2];
    p[..pos.len()].copy_from_slice(pos);
    let mut bytes = doc.text.into_bytes();
    let at = usize::from(u16::from_le_bytes(p)) * bytes.len() / 65_536;
    let end = (at + insert.len()).min(bytes.len());
    bytes.splice(at..end, insert.iter().copied());
    if let Ok(parsed) = yusuan::parse_bytes(&bytes) {
        let report = yusuan::check(&parsed);
        let _ = report.to_json();
    }
});
