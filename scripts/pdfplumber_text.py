#!/usr/bin/env python3
"""Python pdfplumber's extraction of a disclosure PDF: the reference the PDF source is measured
against, and the baseline of scripts/bench.

The recipe of ../shared/corpus/pdfplumber-text (see the header line of those files): on every
page `page.find_tables()` with the default settings, each table as tab-separated rows (`None` as
an empty cell, line breaks inside a cell removed), the characters not wholly within a table as
lines (`extract_text_lines(y_tolerance=8)`), tables and lines sorted by their top edge (lines
first at the same height), pages joined by a bare form feed.

    scripts/pdfplumber_text.py FILE.pdf > FILE.txt        # the text
    scripts/pdfplumber_text.py --bench 5 A.pdf B.pdf      # median seconds of 5 extractions and pages, JSON

Needs pdfplumber (scripts/setup.sh installs the pinned version into the tools venv).
"""
import json
import statistics
import sys
import time

import pdfplumber


def page_text(page):
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside(obj):
        if obj.get("object_type") != "char":
            return True
        return not any(
            b[0] <= obj["x0"] and obj["x1"] <= b[2] and b[1] <= obj["top"] and obj["bottom"] <= b[3]
            for b in boxes
        )

    items = [(line["top"], 0, line["text"]) for line in page.filter(outside).extract_text_lines(y_tolerance=8)]
    for t in tables:
        rows = ("\t".join((c or "").replace("\n", "") for c in row) for row in t.extract())
        items.append((t.bbox[1], 1, "\n".join(rows)))
    items.sort(key=lambda i: (i[0], i[1]))
    return "\n".join(i[2] for i in items)


def extract(path):
    with pdfplumber.open(path) as pdf:
        return "\f".join(page_text(p) for p in pdf.pages)


def main(argv):
    if argv[:1] == ["--bench"]:
        runs = int(argv[1])
        out = {}
        for path in argv[2:]:
            times = []
            pages = 0
            for _ in range(runs):
                t0 = time.perf_counter()
                pages = extract(path).count("\f") + 1
                times.append(time.perf_counter() - t0)
            out[path] = {"seconds": statistics.median(times), "pages": pages}
        print(json.dumps(out))
        return 0
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    sys.stdout.write(extract(argv[0]) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
