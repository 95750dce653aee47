//! Every finding's message comes from a template of the catalogue (`message_id`), in both
//! languages, on the seed (with passes, and narrative-only) and on the documents of
//! `../shared/corpus`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use yusuan::{Checker, Input, Options};

mod shared;

const SEED: &str = include_str!("../../tests/corpus/seed_2025_yantai_unit_budget.txt");

/// Every finding of `text` (read with `options`) has a known id and text in both languages; the
/// ids seen are added to `seen`.
fn assert_ids(name: &str, text: &str, options: &Options, seen: &mut BTreeSet<&'static str>) {
    let known: BTreeSet<&'static str> = yusuan::check::messages().iter().map(|m| m.id).collect();
    let doc = options.read(&options.parser(), Input::Text(text)).unwrap();
    let report = Checker::new().include_passes(true).check(&doc);
    assert!(!report.findings.is_empty(), "{name}: no findings");
    for f in &report.findings {
        let id = known.get(f.message_id.as_str());
        assert!(
            id.is_some(),
            "{name}: {} has no known message id (`{}`): {}",
            f.rule,
            f.message_id,
            f.message_en
        );
        seen.extend(id);
        assert!(
            !f.message.is_empty() && !f.message_en.is_empty(),
            "{name}: {}",
            f.rule
        );
        assert!(
            !f.message.contains('{') && !f.message_en.contains('{'),
            "{name}: a placeholder left unfilled: {} / {}",
            f.message,
            f.message_en
        );
    }
}

#[test]
fn every_finding_of_the_seed_has_a_template() {
    let mut seen = BTreeSet::new();
    assert_ids("seed", SEED, &Options::default(), &mut seen);
    let narrative = Options {
        narrative_only: true,
        ..Options::default()
    };
    assert_ids("seed (narrative only)", SEED, &narrative, &mut seen);
    // the seed alone exercises a good part of the catalogue
    assert!(seen.len() >= 20, "{} ids: {seen:?}", seen.len());
}

#[test]
fn every_finding_of_the_corpus_has_a_template() {
    let mut seen = BTreeSet::new();
    for name in [shared::DOC01, shared::DOC04, shared::DOC07] {
        let Some(text) = shared::corpus(name) else {
            return;
        };
        assert_ids(name, &text, &Options::default(), &mut seen);
    }
}
