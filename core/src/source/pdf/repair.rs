//! Rebuilding a damaged cross-reference table by scanning the file for objects.
//!
//! A PDF's cross-reference table gives the byte offset of every object. When it is missing,
//! cut off, or shifted (bytes added or removed before it, a common result of careless editing
//! or transfer), a reader finds no object and opens no page. The objects themselves are usually
//! intact: each starts with `N G obj`. This scans the file once for those headers (skipping the
//! data of streams), and appends a fresh cross-reference table and trailer that point at the
//! last version of every object found, with the document catalog as root. Objects stored in
//! object streams are reached through their stream, which is listed like any other object.
//!
//! The scan is linear: keyword positions are collected once and looked up by binary search.

/// A file with a rebuilt cross-reference table.
pub(super) struct Rebuilt {
    /// The original bytes followed by the new table and trailer.
    pub(super) bytes: Vec<u8>,
    /// Number of objects found.
    pub(super) objects: usize,
}

fn positions(hay: &[u8], needle: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    let Some(&first) = needle.first() else {
        return out;
    };
    let mut i = 0;
    while let Some(off) = hay
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| b == first))
    {
        let at = i + off;
        if hay.get(at..at + needle.len()) == Some(needle) {
            out.push(at);
        }
        i = at + 1;
    }
    out
}

/// The first position in `sorted` at or after `from`.
fn next_at(sorted: &[usize], from: usize) -> Option<usize> {
    let i = sorted.partition_point(|&p| p < from);
    sorted.get(i).copied()
}

fn is_delimiter(b: u8) -> bool {
    b.is_ascii_whitespace() || b"()<>[]{}/%".contains(&b)
}

/// Reads `num gen` backwards from `end` (exclusive), where `end` is the position of `obj`:
/// returns (num, gen, start of num).
fn header_before(pdf: &[u8], end: usize) -> Option<(u32, u16, usize)> {
    let mut i = end;
    let skip_ws = |i: &mut usize| {
        let start = *i;
        while *i > 0 && pdf.get(*i - 1).is_some_and(u8::is_ascii_whitespace) {
            *i -= 1;
        }
        *i < start
    };
    let digits = |i: &mut usize| {
        let stop = *i;
        while *i > 0 && pdf.get(*i - 1).is_some_and(u8::is_ascii_digit) && stop - *i < 10 {
            *i -= 1;
        }
        (*i < stop).then(|| {
            std::str::from_utf8(pdf.get(*i..stop)?)
                .ok()?
                .parse::<u64>()
                .ok()
        })?
    };
    if !skip_ws(&mut i) {
        // `12 0 obj` needs the space before `obj`
        return None;
    }
    let generation = digits(&mut i)?;
    if !skip_ws(&mut i) {
        return None;
    }
    let num = digits(&mut i)?;
    if i > 0 && !pdf.get(i - 1).copied().is_some_and(is_delimiter) {
        return None;
    }
    Some((u32::try_from(num).ok()?, u16::try_from(generation).ok()?, i))
}

/// Parses `N G R` at the start of `s` (after whitespace).
fn reference_at(s: &[u8]) -> Option<(u32, u16)> {
    let text = std::str::from_utf8(s.get(..s.len().min(40))?).ok()?;
    let mut it = text.split_ascii_whitespace();
    let num = it.next()?.parse().ok()?;
    let generation = it.next()?.parse().ok()?;
    let r = it.next()?;
    r.starts_with('R').then_some((num, generation))
}

pub(super) fn rebuild_xref(bytes: &[u8]) -> Option<Rebuilt> {
    let start = bytes
        .get(..super::PDF_HEADER_WINDOW)
        .unwrap_or(bytes)
        .windows(5)
        .position(|w| w == b"%PDF-")?;
    let pdf = bytes.get(start..)?;
    let objs = positions(pdf, b"obj");
    let endobjs = positions(pdf, b"endobj");
    let streams: Vec<usize> = positions(pdf, b"stream")
        .into_iter()
        .filter(|&p| p < 3 || pdf.get(p - 3..p) != Some(b"end"))
        .collect();
    let endstreams = positions(pdf, b"endstream");

    // object number -> (generation, offset); later definitions win (incremental updates)
    let mut found: std::collections::BTreeMap<u32, (u16, usize)> =
        std::collections::BTreeMap::new();
    let mut catalog: Option<(u32, u16)> = None;
    let mut pos = 0usize;
    for &at in &objs {
        if at < pos {
            continue;
        }
        // not the tail of `endobj`, and a keyword on its own
        if at >= 3 && pdf.get(at - 3..at) == Some(b"end") {
            continue;
        }
        if pdf.get(at + 3).is_some_and(|&b| !is_delimiter(b)) {
            continue;
        }
        let Some((num, generation, offset)) = header_before(pdf, at) else {
            continue;
        };
        found.insert(num, (generation, offset));
        let body_start = at + 3;
        let end = next_at(&endobjs, body_start).unwrap_or(pdf.len());
        let stream = next_at(&streams, body_start).filter(|&s| s < end);
        let dict_end = stream.unwrap_or(end);
        let dict = pdf
            .get(body_start..dict_end.min(body_start + 4096))
            .unwrap_or(&[]);
        if dict.windows(8).any(|w| w == b"/Catalog") {
            catalog = Some((num, generation));
        }
        pos = match stream {
            // skip the stream's data: it may hold anything
            Some(s) => next_at(&endstreams, s).map_or(pdf.len(), |e| e + 9),
            None => body_start,
        };
    }
    if found.is_empty() {
        return None;
    }
    // the root the last trailer (or cross-reference stream) names, when it exists
    let named = |key: &[u8]| -> Option<(u32, u16)> {
        positions(pdf, key)
            .into_iter()
            .rev()
            .find_map(|p| reference_at(pdf.get(p + key.len()..)?))
    };
    // an object of an object stream is not found by the scan, but lopdf finds it when the
    // object stream is listed
    let packed = !positions(pdf, b"/ObjStm").is_empty();
    let root = named(b"/Root")
        .filter(|(n, g)| packed || found.get(n).is_some_and(|&(fg, _)| fg == *g))
        .or(catalog)?;
    let encrypt = named(b"/Encrypt").filter(|(n, _)| packed || found.contains_key(n));
    let id = positions(pdf, b"/ID").into_iter().rev().find_map(|p| {
        let rest = pdf.get(p + 3..)?;
        let open = rest.iter().take(8).position(|&b| b == b'[')?;
        let close = rest.iter().skip(open).take(300).position(|&b| b == b']')?;
        rest.get(open..=open + close)
    });

    let mut out = Vec::with_capacity(bytes.len() + found.len() * 20 + 256);
    out.extend_from_slice(bytes);
    out.extend_from_slice(b"\n");
    let xref_at = out.len() - start;
    out.extend_from_slice(b"xref\n0 1\n0000000000 65535 f\r\n");
    // one subsection per run of consecutive object numbers
    let entries: Vec<(u32, u16, usize)> = found.iter().map(|(&n, &(g, o))| (n, g, o)).collect();
    let mut i = 0;
    while i < entries.len() {
        let mut j = i + 1;
        while j < entries.len()
            && entries.get(j).map(|e| e.0) == entries.get(j - 1).map(|e| e.0 + 1)
        {
            j += 1;
        }
        let run = entries.get(i..j).unwrap_or(&[]);
        if let Some(first) = run.first() {
            out.extend_from_slice(format!("{} {}\n", first.0, run.len()).as_bytes());
        }
        for &(_, g, o) in run {
            out.extend_from_slice(format!("{o:010} {g:05} n\r\n").as_bytes());
        }
        i = j;
    }
    let size = found.keys().next_back().map_or(1, |n| n.saturating_add(1));
    out.extend_from_slice(
        format!("trailer\n<< /Size {size} /Root {} {} R", root.0, root.1).as_bytes(),
    );
    if let Some((n, g)) = encrypt {
        out.extend_from_slice(format!(" /Encrypt {n} {g} R").as_bytes());
    }
    if let Some(id) = id {
        out.extend_from_slice(b" /ID ");
        out.extend_from_slice(id);
    }
    out.extend_from_slice(format!(" >>\nstartxref\n{xref_at}\n%%EOF\n").as_bytes());
    Some(Rebuilt {
        bytes: out,
        objects: found.len(),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_read_backwards() {
        let pdf = b"x\n12 0 obj\n<<>>\nendobj";
        let at = pdf.windows(3).position(|w| w == b"obj").unwrap();
        assert_eq!(header_before(pdf, at), Some((12, 0, 2)));
        assert_eq!(header_before(b"a12 0 obj", 6), None);
        assert_eq!(header_before(b"12 0obj", 4), None);
    }

    #[test]
    fn references_are_parsed() {
        assert_eq!(reference_at(b" 3 0 R /Info"), Some((3, 0)));
        assert_eq!(reference_at(b" 3 0 obj"), None);
    }

    #[test]
    fn a_shifted_table_is_rebuilt() {
        // offsets in the table are all wrong by 7 bytes
        let body = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n";
        let file = format!(
            "{body}xref\n0 3\n0000000000 65535 f\r\n0000000016 00000 n\r\n0000000072 00000 n\r\ntrailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n{}\n%%EOF\n",
            body.len() + 7
        );
        let r = rebuild_xref(file.as_bytes()).unwrap();
        assert_eq!(r.objects, 2);
        let tail = String::from_utf8_lossy(&r.bytes[file.len()..]).into_owned();
        assert!(tail.contains("1 2\n0000000009 00000 n"), "{tail}");
        assert!(tail.contains("/Root 1 0 R"), "{tail}");
    }
}
