//! The amount parser against an oracle: whenever a cell reads as a number, `rust_decimal` must
//! read the same digits (separators and width folding removed) as the same value with the same
//! number of decimals; nothing panics on any text, unit or conversion.
#![no_main]

use std::str::FromStr;

use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;
use yusuan::{Amount, CellValue, Unit};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (value, _note) = CellValue::parse(text);
    let _ = Unit::from_label(text);
    let _ = yusuan::text::strip_numbering(text);
    let _ = yusuan::text::find_year(text);
    let _ = yusuan::text::cn_number(text);
    let _ = yusuan::template::title_key(text);
    let CellValue::Amount(n) = value else {
        return;
    };
    // the oracle: fold full-width forms, drop the note, whitespace and thousands separators
    let body = text.split(['（', '(']).next().unwrap_or("");
    let folded: String = yusuan::text::fold_width(body)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',')
        .collect();
    let expected = Decimal::from_str(folded.trim_start_matches('+'))
        .unwrap_or_else(|e| panic!("{text:?} read as {} but the oracle says {e}", n.value));
    assert_eq!(n.value, expected, "{text:?}");
    assert_eq!(n.value.scale(), expected.scale(), "{text:?}");
    for unit in [Unit::Yuan, Unit::WanYuan, Unit::YiYuan] {
        let a = Amount::new(n.value, unit);
        let _ = a.half_ulp();
        for to in [Unit::Yuan, Unit::WanYuan, Unit::YiYuan] {
            if let Some(b) = a.in_unit(to) {
                // converting back is exact when nothing was lost
                if let Some(c) = b.in_unit(unit) {
                    assert_eq!(c.value, a.value, "{text:?} {unit} → {to} → {unit}");
                }
            }
        }
    }
});
