#!/usr/bin/env bash
# Fuzz suite: builds the cargo-fuzz targets of fuzz/ (nightly toolchain) and runs each for a
# bounded time, starting from the seed corpus, failing on any crash, panic, hang or memory blow-up.
#
#   scripts/test-fuzz.sh                          # every target, 60 s each
#   YUSUAN_FUZZ_SECONDS=600 scripts/test-fuzz.sh  # longer runs
#   YUSUAN_FUZZ_TARGETS="parse amount" ...        # some targets only
#
# Seeds: the corpus and golden documents of tests/, the bad-input catalogue, documents from the
# synthetic generator (plus its pathological inputs, small), and the committed fuzz/seeds/. New
# inputs libFuzzer finds go to fuzz/corpus/<target> (not committed); a crash is written to
# fuzz/artifacts/<target>/ and should become a regression test (see fuzz/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

SECONDS_EACH=${YUSUAN_FUZZ_SECONDS:-60}
TARGETS=${YUSUAN_FUZZ_TARGETS:-"parse check amount synth pdf"}
# libFuzzer: a single input taking more than TIMEOUT s is a hang; RSS above RSS_MB is a blow-up.
TIMEOUT=${YUSUAN_FUZZ_TIMEOUT:-20}
RSS_MB=${YUSUAN_FUZZ_RSS_MB:-4096}
# Safe Rust needs no AddressSanitizer; without it libFuzzer runs several times more inputs.
# Debug assertions (and so integer-overflow checks) stay on.
FUZZ_FLAGS=(--sanitizer none)

command -v cargo-fuzz >/dev/null || { echo "test-fuzz: cargo-fuzz missing: run scripts/setup.sh" >&2; exit 1; }
rustup toolchain list | grep -q '^nightly' || { echo "test-fuzz: the nightly toolchain is missing" >&2; exit 1; }

echo "-- seed corpora"
SEEDS=fuzz/corpus/_seeds
rm -rf "$SEEDS"
mkdir -p "$SEEDS/documents" "$SEEDS/synth"
for src in tests/corpus ../shared/corpus tests/golden/inputs tests/bad_inputs/inputs; do
    for f in "$src"/*; do
        case $f in *.txt) cp "$f" "$SEEDS/documents/$(basename "$(dirname "$f")")_$(basename "$f")" ;; esac
    done
done
cargo run -q --release -p yusuan-synth -- --count 24 --seed 1 --hostile 10000 --out "$SEEDS/documents" >/dev/null
echo "   $(ls "$SEEDS/documents" | wc -l) documents ($(du -sh "$SEEDS/documents" | cut -f1))"
# PDFs: the damaged-PDF catalogue and generated documents rendered as PDF (plain and deflated)
mkdir -p "$SEEDS/pdf"
cp tests/pdf_damaged/inputs/*.pdf "$SEEDS/pdf/"
cargo build -q --release -p yusuan-synth --example pdf
for seed in 1 2 3; do
    "${CARGO_TARGET_DIR:-target}"/release/examples/pdf "$seed" "$SEEDS/pdf/synth_$seed.pdf"
    "${CARGO_TARGET_DIR:-target}"/release/examples/pdf "$seed" "$SEEDS/pdf/synth_${seed}_deflated.pdf" --compress
done
echo "   $(ls "$SEEDS/pdf" | wc -l) PDFs ($(du -sh "$SEEDS/pdf" | cut -f1))"

echo "-- build (cargo +nightly fuzz build)"
(cd fuzz && cargo +nightly fuzz build "${FUZZ_FLAGS[@]}")

summary=()
status=0
for target in $TARGETS; do
    case $target in
    parse | check) seeds=("$SEEDS/documents"); max_len=131072 ;;
    amount) seeds=(fuzz/seeds/amount); max_len=256 ;;
    synth) seeds=(fuzz/seeds/synth); max_len=4096 ;;
    pdf) seeds=("$SEEDS/pdf"); max_len=262144 ;;
    *) echo "test-fuzz: unknown target $target" >&2; exit 2 ;;
    esac
    corpus=fuzz/corpus/$target
    mkdir -p "$corpus"
    log=fuzz/corpus/$target.log
    echo
    echo "-- fuzz $target for ${SECONDS_EACH} s"
    set +e
    (cd fuzz && timeout $((SECONDS_EACH * 3 + 600)) cargo +nightly fuzz run "${FUZZ_FLAGS[@]}" "$target" \
        "../$corpus" "${seeds[@]/#/../}" -- \
        -max_total_time="$SECONDS_EACH" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_MB" \
        -max_len="$max_len" -print_final_stats=1) >"$log" 2>&1
    rc=$?
    set -e
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n1)
    { grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)' "$log" || true; } | tail -n2 | sed 's/^/   /'
    if [ "$rc" -ne 0 ]; then
        status=1
        tail -n 40 "$log" >&2
        echo "test-fuzz: $target FAILED (exit $rc); the crashing input is in fuzz/artifacts/$target/" >&2
        summary+=("$(printf '%-8s FAILED  %12s runs' "$target" "${runs:-?}")")
    else
        summary+=("$(printf '%-8s ok      %12s runs  %8s/s  corpus %s' "$target" "${runs:-?}" "${rate:-?}" "$(ls "$corpus" | wc -l)")")
    fi
done

echo
echo "fuzz summary (${SECONDS_EACH} s per target, sanitizer none, debug assertions on):"
printf '  %s\n' "${summary[@]}"
exit $status
