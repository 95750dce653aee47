//! Prints a generated 决算 and what the checker and the truth say about it (a debugging aid):
//! `cargo run -p yusuan-synth --example final_check -- SEED [print]`, `-- SEED edit LINE POS
//! VALUE` with one cell replaced, or `-- FROM..TO` for the truth differences and errors of a
//! range of seeds; `-- file PATH` checks a text file.
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::indexing_slicing)]

fn report(seed: u64, print: bool, all: bool, edit: Option<(usize, usize, &str)>) {
    let variant = yusuan_synth::Variant {
        yuan_tables: false,
        ..yusuan_synth::Variant::draw(seed)
    };
    let mut doc = yusuan_synth::generate_final(seed, variant);
    if let Some((line, pos, value)) = edit {
        let mut lines: Vec<String> = doc.text.split('\n').map(str::to_owned).collect();
        let mut cells: Vec<&str> = lines[line - 1].split('\t').collect();
        cells[pos] = value;
        lines[line - 1] = cells.join("\t");
        doc.text = lines.join("\n");
    }
    if print {
        println!("{}", doc.text);
    }
    let parsed = yusuan::parse(&doc.text).unwrap();
    for d in doc.truth.compare(&parsed) {
        println!("seed {seed} TRUTH {d}");
    }
    let r = yusuan::check(&parsed);
    for f in &r.findings {
        let shown = if all {
            f.outcome != yusuan::Outcome::Pass && f.outcome != yusuan::Outcome::NotApplicable
        } else {
            f.is_error() || f.outcome == yusuan::Outcome::Fail
        };
        if shown {
            println!("seed {seed} {:?} {} {}", f.outcome, f.rule, f.message_en);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = args.get(1).cloned().unwrap_or_else(|| "1".into());
    if arg == "file" {
        // `-- file PATH`: the findings of a document text
        let text = std::fs::read_to_string(&args[2]).unwrap();
        if args.get(3).is_some_and(|s| s == "claims") {
            for c in yusuan::claims::extract(&yusuan::parse(&text).unwrap()) {
                println!(
                    "line {} {} {:?} amount {:?} parts {}",
                    c.line,
                    c.subject.key(),
                    c.section,
                    c.amount.map(|q| q.value),
                    c.parts.len()
                );
            }
        }
        for f in &yusuan::check(&yusuan::parse(&text).unwrap()).findings {
            println!("{:?} {} {}", f.outcome, f.rule, f.message_en);
        }
        return;
    }
    if let Some((a, b)) = arg.split_once("..") {
        for seed in a.parse().unwrap()..b.parse().unwrap() {
            report(seed, false, false, None);
        }
    } else {
        let print = args.get(2).is_some_and(|s| s == "print");
        // `-- SEED edit LINE POS VALUE`: the document with one cell replaced
        let edit = (args.get(2).is_some_and(|s| s == "edit")).then(|| {
            (
                args[3].parse().unwrap(),
                args[4].parse().unwrap(),
                args[5].as_str(),
            )
        });
        report(arg.parse().unwrap(), print, true, edit);
    }
}
