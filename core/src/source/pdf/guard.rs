//! Checks on a PDF before the extractor sees it, so that a hostile file is refused before it
//! can exhaust memory or time.
//!
//! pdfplumber-rs 0.4.1 inflates streams without a size limit and interprets every use of a form
//! again, so the file is first loaded with lopdf (the parser under pdfplumber-rs) with object
//! streams bounded, then:
//! * every compressed stream except images (which the extractor never inflates) is inflated
//!   against [`Limits::max_stream_bytes`], and all of them against
//!   [`Limits::max_total_stream_bytes`]: a decompression bomb is refused while memory stays
//!   bounded by the limit;
//! * the content each page makes the extractor interpret is bounded from above: its content
//!   streams plus, for every `Do` operator, the largest form it may invoke (recursively, to the
//!   form depth limit); a page past [`Limits::max_page_content_bytes`] or a document past
//!   [`Limits::max_content_bytes`] is refused. Characters, paths and work per page are
//!   proportional to that content;
//! * the font data the extractor inflates again for every page (and every use of a form) is
//!   added up for the document against [`Limits::max_font_bytes`];
//! * an encrypted file whose empty user password does not open it is refused as encrypted.
//!
//! It also works around a cost of pdfplumber-rs 0.4.1 (see [`vertical_metrics_patch`]).

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};

use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::error::{Error, Result};

use super::{Limits, damaged, too_large};

/// A PDF that passed the checks.
pub(super) struct Checked<'a> {
    /// The bytes to open (the input, or the input with an appended update).
    pub(super) bytes: Cow<'a, [u8]>,
    /// Number of pages.
    pub(super) pages: usize,
}

/// A `/ToUnicode` map larger than this once inflated is left compressed.
const MAX_MAP_BYTES: usize = 4 * 1024 * 1024;

/// Sizes of one stream once inflated.
#[derive(Clone, Copy, Default)]
struct StreamInfo {
    /// Inflated bytes.
    bytes: usize,
    /// `Do` operators in it (for content streams and forms).
    invocations: usize,
}

pub(super) fn check<'a>(bytes: &'a [u8], limits: &Limits) -> Result<Checked<'a>> {
    let options = lopdf::LoadOptions::with_max_decompressed_size(limits.max_stream_bytes);
    let doc = match Document::load_mem_with_options(bytes, options) {
        Ok(doc) => doc,
        Err(e) => return Err(load_error(&e, limits)),
    };
    if doc.is_encrypted() {
        // lopdf tried the empty user password (as pdfplumber does) and it did not open the file
        return Err(Error::PdfEncrypted);
    }
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    if pages.len() > limits.max_pages {
        return Err(too_large("pages", pages.len(), limits.max_pages, None));
    }
    check_parents(&doc, &pages)?;
    check_widths(&doc, limits)?;
    let skipped = font_programs(&doc);
    let (streams, inflated) = inflate_all(&doc, limits, &skipped)?;
    let programs = Programs {
        doc: &doc,
        limits,
        sizes: RefCell::new(HashMap::new()),
        total: Cell::new(inflated),
        error: RefCell::new(None),
    };
    check_skipped(bytes, &doc, limits)?;
    let patchable = can_patch(&doc, bytes);
    let mut total = 0usize;
    let mut font_total = 0usize;
    let mut memo = HashMap::new();
    for (i, &page_id) in pages.iter().enumerate() {
        let page_no = u32::try_from(i + 1).ok();
        let fonts = page_font_work(&doc, page_id, &streams, &programs, patchable);
        if let Some(e) = programs.error.take() {
            return Err(e);
        }
        font_total = font_total.saturating_add(fonts);
        if font_total > limits.max_font_bytes {
            return Err(too_large(
                "document font bytes",
                font_total,
                limits.max_font_bytes,
                page_no,
            ));
        }
        let work = page_work(&doc, page_id, &streams, &mut memo, limits);
        if work > limits.max_page_content_bytes {
            return Err(too_large(
                "page content bytes",
                work,
                limits.max_page_content_bytes,
                page_no,
            ));
        }
        total = total.saturating_add(work);
        if total > limits.max_content_bytes {
            return Err(too_large(
                "document content bytes",
                total,
                limits.max_content_bytes,
                page_no,
            ));
        }
    }
    let bytes = match vertical_metrics_patch(&doc, bytes, patchable) {
        Some(patched) => Cow::Owned(patched),
        None => Cow::Borrowed(bytes),
    };
    Ok(Checked {
        bytes,
        pages: pages.len(),
    })
}

fn load_error(e: &lopdf::Error, limits: &Limits) -> Error {
    match e {
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
            Error::PdfDecompressionBomb {
                limit: u64::try_from(limits.max_stream_bytes).unwrap_or(u64::MAX),
            }
        }
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => Error::PdfEncrypted,
        lopdf::Error::Parse(_)
        | lopdf::Error::Xref(_)
        | lopdf::Error::InvalidStream(_)
        | lopdf::Error::IndirectObject { .. } => damaged(
            "its structure (cross-reference table or objects) cannot be read",
            None,
        ),
        _ => damaged("it cannot be parsed", None),
    }
}

fn is_image(dict: &Dictionary) -> bool {
    dict.get(b"Subtype")
        .and_then(Object::as_name)
        .is_ok_and(|n| n == b"Image")
}

/// Every stream but images and the font programs in `skip` inflated against the limits; the
/// sizes of those that may be interpreted as content, and the bytes inflated in all.
fn inflate_all(
    doc: &Document,
    limits: &Limits,
    skip: &HashSet<ObjectId>,
) -> Result<(HashMap<ObjectId, StreamInfo>, usize)> {
    let bomb = |limit: usize| Error::PdfDecompressionBomb {
        limit: u64::try_from(limit).unwrap_or(u64::MAX),
    };
    let mut total = 0usize;
    let mut infos = HashMap::new();
    for (&id, object) in &doc.objects {
        let Object::Stream(stream) = object else {
            continue;
        };
        if is_image(&stream.dict) || skip.contains(&id) {
            continue;
        }
        let info = if stream.dict.has(b"Filter") {
            match stream.decompressed_content_with_limit(limits.max_stream_bytes) {
                Ok(data) => StreamInfo {
                    bytes: data.len(),
                    invocations: count_do(&data),
                },
                Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                    ..
                })) => return Err(bomb(limits.max_stream_bytes)),
                // an unknown or broken filter: the extractor falls back to the raw bytes
                Err(_) => StreamInfo {
                    bytes: stream.content.len(),
                    invocations: count_do(&stream.content),
                },
            }
        } else {
            StreamInfo {
                bytes: stream.content.len(),
                invocations: count_do(&stream.content),
            }
        };
        total = total.saturating_add(info.bytes);
        if total > limits.max_total_stream_bytes {
            return Err(bomb(limits.max_total_stream_bytes));
        }
        infos.insert(id, info);
    }
    Ok((infos, total))
}

/// Every page's `/Parent` chain ends: the extractor follows it for inherited attributes
/// (`/CropBox`, `/Resources`) without noticing a cycle (a fuzzer's find: a page whose parent's
/// parent is the page spins for ever).
fn check_parents(doc: &Document, pages: &[ObjectId]) -> Result<()> {
    for (i, &page) in pages.iter().enumerate() {
        let mut seen = HashSet::from([page]);
        let mut at = page;
        while let Some(parent) = doc
            .get_dictionary(at)
            .ok()
            .and_then(|d| d.get(b"Parent").ok())
            .and_then(|p| p.as_reference().ok())
        {
            if !seen.insert(parent) || seen.len() > 64 {
                return Err(damaged(
                    "the page tree's /Parent links form a cycle",
                    u32::try_from(i + 1).ok(),
                ));
            }
            at = parent;
        }
    }
    Ok(())
}

/// The widths the extractor would expand from the `/W` and `/W2` arrays of every font: it reads
/// `c [w …]` as one entry per width and `c_first c_last w…` as one entry per CID of the range,
/// with the numbers cast to 32 bits (a negative `c_last` wraps to four billion). A font past
/// [`Limits::max_font_widths`] is refused before the extractor sees it.
fn check_widths(doc: &Document, limits: &Limits) -> Result<()> {
    let resolve = |o: &Object| -> Object {
        match o {
            Object::Reference(id) => doc.get_object(*id).cloned().unwrap_or(Object::Null),
            other => other.clone(),
        }
    };
    // (as the extractor casts: an integer or a real to u32, wrapping)
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let as_u32 = |o: &Object| -> Option<u32> {
        match o {
            Object::Integer(i) => Some(*i as u32),
            Object::Real(f) => Some(*f as u32),
            _ => None,
        }
    };
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else {
            continue;
        };
        for (key, per_range) in [(&b"W"[..], 1usize), (&b"W2"[..], 3)] {
            let Ok(w) = dict.get(key) else {
                continue;
            };
            let Object::Array(items) = resolve(w) else {
                continue;
            };
            let items: Vec<Object> = items.iter().map(resolve).collect();
            let mut count = 0usize;
            let mut i = 0;
            while let Some(first) = items.get(i) {
                let Some(start) = as_u32(first) else {
                    i += 1;
                    continue;
                };
                match items.get(i + 1) {
                    Some(Object::Array(ws)) => {
                        count = count.saturating_add(ws.len());
                        i += 2;
                    }
                    Some(next) => match as_u32(next) {
                        Some(end) => {
                            let n = usize::try_from(end.saturating_sub(start))
                                .unwrap_or(usize::MAX)
                                .saturating_add(1);
                            count = count.saturating_add(n);
                            i += 2 + per_range;
                        }
                        None => i += 2,
                    },
                    None => break,
                }
                if count > limits.max_font_widths {
                    return Err(too_large(
                        "font width entries",
                        count,
                        limits.max_font_widths,
                        None,
                    ));
                }
            }
        }
    }
    Ok(())
}

/// The font programs (`/FontFile`, `/FontFile2`, `/FontFile3` of a font descriptor, wherever it
/// stands). The extractor reads a font program only for some fonts (see [`page_font_work`]): they
/// are inflated only for those, once, by [`Programs`] (a 3 MB document of embedded CJK fonts
/// spent most of its check inflating programs nothing reads).
fn font_programs(doc: &Document) -> HashSet<ObjectId> {
    fn walk(o: &Object, out: &mut HashSet<ObjectId>, depth: u8) {
        if depth > 8 {
            return;
        }
        match o {
            Object::Dictionary(d) => walk_dict(d, out, depth),
            Object::Array(a) => a.iter().for_each(|x| walk(x, out, depth + 1)),
            _ => {}
        }
    }
    fn walk_dict(d: &Dictionary, out: &mut HashSet<ObjectId>, depth: u8) {
        for (key, value) in d {
            match (key.as_slice(), value) {
                (b"FontFile" | b"FontFile2" | b"FontFile3", Object::Reference(id)) => {
                    out.insert(*id);
                }
                _ => walk(value, out, depth + 1),
            }
        }
    }
    let mut out = HashSet::new();
    for object in doc.objects.values() {
        match object {
            Object::Stream(s) => walk_dict(&s.dict, &mut out, 0),
            other => walk(other, &mut out, 0),
        }
    }
    out
}

/// The font programs, inflated when the extractor would read one (against the same limits as
/// [`inflate_all`]), each once; the first limit passed is kept in `error`.
struct Programs<'d> {
    doc: &'d Document,
    limits: &'d Limits,
    sizes: RefCell<HashMap<ObjectId, usize>>,
    /// The bytes inflated so far, by [`inflate_all`] and here.
    total: Cell<usize>,
    error: RefCell<Option<Error>>,
}

impl Programs<'_> {
    /// The inflated size of the font program `id` (0 when it is not a stream).
    fn size(&self, id: ObjectId) -> usize {
        if let Some(&n) = self.sizes.borrow().get(&id) {
            return n;
        }
        let Ok(stream) = self.doc.get_object(id).and_then(Object::as_stream) else {
            return 0;
        };
        let bomb = |limit: usize| Error::PdfDecompressionBomb {
            limit: u64::try_from(limit).unwrap_or(u64::MAX),
        };
        let n = if stream.dict.has(b"Filter") {
            match stream.decompressed_content_with_limit(self.limits.max_stream_bytes) {
                Ok(data) => data.len(),
                Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                    ..
                })) => {
                    self.fail(bomb(self.limits.max_stream_bytes));
                    return 0;
                }
                Err(_) => stream.content.len(),
            }
        } else {
            stream.content.len()
        };
        let total = self.total.get().saturating_add(n);
        self.total.set(total);
        if total > self.limits.max_total_stream_bytes {
            self.fail(bomb(self.limits.max_total_stream_bytes));
        }
        self.sizes.borrow_mut().insert(id, n);
        n
    }

    fn fail(&self, e: Error) {
        self.error.borrow_mut().get_or_insert(e);
    }
}

/// lopdf drops an object it cannot load (an object stream that inflates past the limit among
/// them) without an error, and pdfplumber would then load it again without a limit: every
/// object of the cross-reference table that is missing is looked at in the raw bytes, and its
/// stream, if it has one, inflated against the limit.
fn check_skipped(bytes: &[u8], doc: &Document, limits: &Limits) -> Result<()> {
    let start = bytes
        .get(..super::PDF_HEADER_WINDOW)
        .unwrap_or(bytes)
        .windows(5)
        .position(|w| w == b"%PDF-")
        .unwrap_or(0);
    let pdf = bytes.get(start..).unwrap_or(&[]);
    for (&num, entry) in &doc.reference_table.entries {
        let lopdf::xref::XrefEntry::Normal { offset, generation } = *entry else {
            continue;
        };
        if doc.objects.contains_key(&(num, generation)) {
            continue;
        }
        let Some(object) = usize::try_from(offset).ok().and_then(|o| pdf.get(o..)) else {
            continue;
        };
        if raw_stream_inflates_past(object, limits.max_stream_bytes) {
            return Err(Error::PdfDecompressionBomb {
                limit: u64::try_from(limits.max_stream_bytes).unwrap_or(u64::MAX),
            });
        }
    }
    Ok(())
}

/// Whether the stream of the object starting at `object[0]` inflates past `limit` (its filters
/// read from the raw dictionary; memory stays bounded by the limit).
fn raw_stream_inflates_past(object: &[u8], limit: usize) -> bool {
    let find = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).position(|w| w == needle);
    let head = object.get(..object.len().min(64 * 1024)).unwrap_or(object);
    let Some(at) = find(head, b"stream") else {
        return false;
    };
    let dict = head.get(..at).unwrap_or(&[]);
    if find(dict, b"endobj").is_some() || find(dict, b"/Image").is_some() {
        return false;
    }
    let mut data = object.get(at + 6..).unwrap_or(&[]);
    data = data
        .strip_prefix(b"\r\n")
        .or_else(|| data.strip_prefix(b"\n"))
        .or_else(|| data.strip_prefix(b"\r"))
        .unwrap_or(data);
    if let Some(end) = find(data, b"endstream") {
        data = data.get(..end).unwrap_or(data);
    }
    let mut filters = Vec::new();
    if let Some(f) = find(dict, b"/Filter") {
        let mut rest = dict.get(f + 7..).unwrap_or(&[]);
        // the names up to the end of the value (a name or an array of names)
        let end = rest
            .iter()
            .position(|&b| b == b']' || b == b'>')
            .unwrap_or(rest.len());
        rest = rest.get(..end).unwrap_or(rest);
        for part in rest.split(|&b| b == b'/').skip(1) {
            let name: Vec<u8> = part
                .iter()
                .copied()
                .take_while(u8::is_ascii_alphanumeric)
                .collect();
            let name = match name.as_slice() {
                b"Fl" => b"FlateDecode".to_vec(),
                b"LZW" => b"LZWDecode".to_vec(),
                b"A85" => b"ASCII85Decode".to_vec(),
                _ => name,
            };
            if !name.is_empty() {
                filters.push(Object::Name(name));
            }
        }
    }
    if filters.is_empty() {
        return data.len() > limit;
    }
    let mut dict = Dictionary::new();
    dict.set("Filter", Object::Array(filters));
    let stream = lopdf::Stream::new(dict, data.to_vec());
    matches!(
        stream.decompressed_content_with_limit(limit),
        Err(lopdf::Error::Decompress(
            lopdf::DecompressError::MemoryLimitExceeded { .. }
        ))
    )
}

/// Number of `Do` operators (a token `Do` between delimiters).
fn count_do(data: &[u8]) -> usize {
    let delimiter = |b: u8| b.is_ascii_whitespace() || b"()<>[]{}/%".contains(&b);
    let mut n = 0;
    let mut i = 0;
    while let Some(off) = data
        .get(i..)
        .and_then(|rest| rest.windows(2).position(|w| w == b"Do"))
    {
        let at = i + off;
        let before_ok = at == 0 || data.get(at - 1).copied().is_some_and(delimiter);
        let after_ok = data.get(at + 2).is_none_or(|&b| delimiter(b));
        if before_ok && after_ok {
            n += 1;
        }
        i = at + 2;
    }
    n
}

/// Whether [`vertical_metrics_patch`] can append to the file.
fn can_patch(doc: &Document, bytes: &[u8]) -> bool {
    !doc.was_encrypted() && bytes.starts_with(b"%PDF-") && !has_page_markers(bytes)
}

/// The font data the extractor inflates for one page: it loads the fonts of the page's
/// resources again on every page, and of a form's resources on every use of the form. A font
/// costs its `/ToUnicode` map and `/CIDToGIDMap`, and its whole font program where the
/// extractor reads metrics from it (a simple font without `/Widths`; a TrueType CID font
/// without `/W2`, unless [`vertical_metrics_patch`] gives it one).
fn page_font_work(
    doc: &Document,
    page_id: ObjectId,
    streams: &HashMap<ObjectId, StreamInfo>,
    programs: &Programs<'_>,
    patchable: bool,
) -> usize {
    let size = |o: Result<&Object, lopdf::Error>| -> usize {
        o.and_then(Object::as_reference).ok().map_or(0, |id| {
            streams
                .get(&id)
                .map_or_else(|| programs.size(id), |i| i.bytes)
        })
    };
    let font_cost = |font: &Dictionary| -> usize {
        let mut cost = size(font.get(b"ToUnicode"));
        let program = |f: &Dictionary| -> usize {
            f.get(b"FontDescriptor")
                .and_then(|d| doc.dereference(d))
                .and_then(|(_, d)| d.as_dict())
                .map_or(0, |d| {
                    size(d.get(b"FontFile2")).max(size(d.get(b"FontFile3")))
                })
        };
        let subtype = font
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        if subtype == b"Type0" {
            let horizontal = font
                .get(b"Encoding")
                .and_then(Object::as_name)
                .is_ok_and(|n| n.ends_with(b"-H"));
            let descendants = font
                .get(b"DescendantFonts")
                .and_then(|d| doc.dereference(d))
                .and_then(|(_, d)| d.as_array())
                .map_or(&[][..], Vec::as_slice);
            for d in descendants {
                let Ok((_, Object::Dictionary(cid))) = doc.dereference(d) else {
                    continue;
                };
                cost = cost.saturating_add(size(cid.get(b"CIDToGIDMap")));
                let type2 = cid
                    .get(b"Subtype")
                    .and_then(Object::as_name)
                    .is_ok_and(|n| n == b"CIDFontType2");
                if type2 && !cid.has(b"W2") && !(horizontal && patchable) {
                    cost = cost.saturating_add(program(cid));
                }
            }
        } else if !font.has(b"Widths") {
            cost = cost.saturating_add(program(font));
        }
        cost
    };
    let fonts_of = |resources: &Dictionary| -> usize {
        resources
            .get(b"Font")
            .and_then(|f| doc.dereference(f))
            .and_then(|(_, f)| f.as_dict())
            .map_or(0, |fonts| {
                fonts
                    .iter()
                    .filter_map(|(_, f)| doc.dereference(f).ok())
                    .filter_map(|(_, f)| f.as_dict().ok())
                    .map(font_cost)
                    .fold(0usize, usize::saturating_add)
            })
    };
    let Ok((inline, ids)) = doc.get_page_resources(page_id) else {
        return 0;
    };
    let page: usize = inline
        .into_iter()
        .chain(ids.iter().filter_map(|&id| doc.get_dictionary(id).ok()))
        .map(fonts_of)
        .fold(0, usize::saturating_add);
    // every use of a form with fonts of its own loads them again
    let invocations: usize = doc
        .get_page_contents(page_id)
        .iter()
        .filter_map(|id| streams.get(id))
        .map(|i| i.invocations)
        .fold(0, usize::saturating_add);
    let forms = page_forms(doc, page_id)
        .iter()
        .filter_map(|&f| doc.get_object(f).and_then(Object::as_stream).ok())
        .filter_map(|s| {
            let res = s.dict.get(b"Resources").ok()?;
            let (_, res) = doc.dereference(res).ok()?;
            Some(fonts_of(res.as_dict().ok()?))
        })
        .max()
        .unwrap_or(0);
    page.saturating_add(invocations.saturating_mul(forms))
}

/// Upper bound of the content bytes the extractor interprets for a page.
fn page_work(
    doc: &Document,
    page_id: ObjectId,
    streams: &HashMap<ObjectId, StreamInfo>,
    memo: &mut HashMap<ObjectId, usize>,
    limits: &Limits,
) -> usize {
    let mut bytes = 0usize;
    let mut invocations = 0usize;
    for id in doc.get_page_contents(page_id) {
        if let Some(info) = streams.get(&id) {
            bytes = bytes.saturating_add(info.bytes);
            invocations = invocations.saturating_add(info.invocations);
        }
    }
    if invocations == 0 {
        return bytes;
    }
    let forms = page_forms(doc, page_id);
    let largest = forms
        .iter()
        .map(|&f| form_work(doc, f, &forms, streams, memo, 1, limits))
        .max()
        .unwrap_or(0);
    bytes.saturating_add(invocations.saturating_mul(largest))
}

/// Upper bound of the content interpreted for one use of form `id` at `depth`; a form without
/// resources of its own uses `inherited` (its page's forms).
fn form_work(
    doc: &Document,
    id: ObjectId,
    inherited: &[ObjectId],
    streams: &HashMap<ObjectId, StreamInfo>,
    memo: &mut HashMap<ObjectId, usize>,
    depth: usize,
    limits: &Limits,
) -> usize {
    let Some(info) = streams.get(&id).copied() else {
        return 0;
    };
    // past the depth limit the extractor stops with an error instead of interpreting
    if info.invocations == 0 || depth >= limits.max_form_depth {
        return info.bytes;
    }
    let own = doc
        .get_object(id)
        .and_then(Object::as_stream)
        .ok()
        .and_then(|s| resources_forms(doc, &s.dict));
    if own.is_some()
        && let Some(&w) = memo.get(&id)
    {
        return w;
    }
    let children = own.as_deref().unwrap_or(inherited);
    let largest = children
        .iter()
        .map(|&c| form_work(doc, c, children, streams, memo, depth + 1, limits))
        .max()
        .unwrap_or(0);
    let w = info
        .bytes
        .saturating_add(info.invocations.saturating_mul(largest));
    // memoised only when it does not depend on the page (and a cycle is cut by the depth)
    if own.is_some() && depth == 1 {
        memo.insert(id, w);
    }
    w
}

/// The forms a page's resources name (its own and inherited resources).
fn page_forms(doc: &Document, page_id: ObjectId) -> Vec<ObjectId> {
    let mut forms = Vec::new();
    let Ok((inline, ids)) = doc.get_page_resources(page_id) else {
        return forms;
    };
    let dicts = inline
        .into_iter()
        .chain(ids.iter().filter_map(|&id| doc.get_dictionary(id).ok()));
    for dict in dicts {
        forms.extend(xobject_forms(doc, dict));
    }
    forms
}

/// The forms of a form's own `/Resources`, if it has any.
fn resources_forms(doc: &Document, dict: &Dictionary) -> Option<Vec<ObjectId>> {
    let res = dict.get(b"Resources").ok()?;
    let (_, res) = doc.dereference(res).ok()?;
    let res = res.as_dict().ok()?;
    Some(xobject_forms(doc, res))
}

/// The form `XObject`s named in a resource dictionary.
fn xobject_forms(doc: &Document, resources: &Dictionary) -> Vec<ObjectId> {
    let Ok(xobjects) = resources.get(b"XObject") else {
        return Vec::new();
    };
    let Ok((_, xobjects)) = doc.dereference(xobjects) else {
        return Vec::new();
    };
    let Ok(xobjects) = xobjects.as_dict() else {
        return Vec::new();
    };
    xobjects
        .iter()
        .filter_map(|(_, v)| v.as_reference().ok())
        .filter(|&id| {
            doc.get_object(id)
                .and_then(Object::as_stream)
                .is_ok_and(|s| !is_image(&s.dict))
        })
        .collect()
}

/// pdfplumber-rs 0.4.1 loads a page's fonts again for every page, which costs most of the time
/// of a typical Chinese PDF (embedded TrueType CID fonts, one `/ToUnicode` map each). This
/// appends an incremental update to the file that changes nothing the extraction reads but two
/// costs:
/// * a TrueType CID font without a `/W2` entry (vertical metrics) makes it inflate the whole
///   embedded font program on every page to read its vertical metrics table; vertical metrics
///   are only used for vertical writing, and for a font whose parent declares a horizontal
///   encoding (`…-H`) they are never read: those fonts get an explicit default `/W2` (one
///   entry, for CID 0, with the PDF defaults);
/// * every `/ToUnicode` map is inflated on every page: the maps are stored again uncompressed.
///
/// The extracted characters are the same (the corpus tests compare them with Python
/// pdfplumber). Returns `None` when nothing needs it, or when the file is not one this can
/// safely append to (encrypted, or with bytes before `%PDF-` that shift offsets:
/// `patchable`, what [`can_patch`] says).
fn vertical_metrics_patch(doc: &Document, bytes: &[u8], patchable: bool) -> Option<Vec<u8>> {
    if !patchable {
        return None;
    }
    let mut fonts: Vec<ObjectId> = Vec::new();
    let mut maps: Vec<ObjectId> = Vec::new();
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else {
            continue;
        };
        if !dict
            .get(b"Type")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"Font")
        {
            continue;
        }
        if let Ok(id) = dict.get(b"ToUnicode").and_then(Object::as_reference)
            && doc
                .get_object(id)
                .and_then(Object::as_stream)
                .is_ok_and(|s| s.dict.has(b"Filter"))
            && !maps.contains(&id)
        {
            maps.push(id);
        }
        if !dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"Type0")
        {
            continue;
        }
        let horizontal = dict
            .get(b"Encoding")
            .and_then(Object::as_name)
            .is_ok_and(|n| n.ends_with(b"-H"));
        if !horizontal {
            continue;
        }
        let Ok(descendants) = dict.get(b"DescendantFonts") else {
            continue;
        };
        let Ok((_, descendants)) = doc.dereference(descendants) else {
            continue;
        };
        let Ok(descendants) = descendants.as_array() else {
            continue;
        };
        for d in descendants {
            let Ok(id) = d.as_reference() else { continue };
            let Ok(font) = doc.get_dictionary(id) else {
                continue;
            };
            let type2 = font
                .get(b"Subtype")
                .and_then(Object::as_name)
                .is_ok_and(|n| n == b"CIDFontType2");
            if type2 && !font.has(b"W2") && !fonts.contains(&id) {
                fonts.push(id);
            }
        }
    }
    if fonts.is_empty() && maps.is_empty() {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() + 256 * fonts.len() + 65_536 * maps.len() + 256);
    out.extend_from_slice(bytes);
    if !out.ends_with(b"\n") {
        out.push(b'\n');
    }
    let mut offsets = Vec::with_capacity(fonts.len() + maps.len());
    for &id in &fonts {
        let mut font = doc.get_dictionary(id).ok()?.clone();
        // [cid [w1y v_x v_y]]: the defaults of /DW2 [880 -1000] for CID 0
        font.set(
            "W2",
            Object::Array(vec![
                Object::Integer(0),
                Object::Array(vec![
                    Object::Integer(-1000),
                    Object::Integer(500),
                    Object::Integer(880),
                ]),
            ]),
        );
        offsets.push((id, out.len()));
        out.extend_from_slice(format!("{} {} obj\n", id.0, id.1).as_bytes());
        write_object(&mut out, &Object::Dictionary(font), 0)?;
        out.extend_from_slice(b"\nendobj\n");
    }
    for &id in &maps {
        let stream = doc.get_object(id).and_then(Object::as_stream).ok()?;
        // a map that does not inflate stays as it is (the extractor falls back the same way)
        let Ok(data) = stream.decompressed_content_with_limit(MAX_MAP_BYTES) else {
            continue;
        };
        let mut dict = stream.dict.clone();
        dict.remove(b"Filter");
        dict.remove(b"DecodeParms");
        dict.set("Length", Object::Integer(i64::try_from(data.len()).ok()?));
        offsets.push((id, out.len()));
        out.extend_from_slice(format!("{} {} obj\n", id.0, id.1).as_bytes());
        write_object(&mut out, &Object::Dictionary(dict), 0)?;
        out.extend_from_slice(b"\nstream\n");
        out.extend_from_slice(&data);
        out.extend_from_slice(b"\nendstream\nendobj\n");
    }
    let targets: Vec<ObjectId> = offsets.iter().map(|&(id, _)| id).collect();
    let xref_at = out.len();
    out.extend_from_slice(b"xref\n");
    for &(id, offset) in &offsets {
        out.extend_from_slice(format!("{} 1\n{offset:010} {:05} n\r\n", id.0, id.1).as_bytes());
    }
    let mut trailer = Dictionary::new();
    let size = doc
        .max_id
        .max(targets.iter().map(|t| t.0).max().unwrap_or(0))
        .saturating_add(1);
    trailer.set("Size", Object::Integer(i64::from(size)));
    for key in [&b"Root"[..], b"Info", b"ID"] {
        if let Ok(v) = doc.trailer.get(key) {
            trailer.set(key.to_vec(), v.clone());
        }
    }
    trailer.set("Prev", Object::Integer(i64::try_from(doc.xref_start).ok()?));
    out.extend_from_slice(b"trailer\n");
    write_object(&mut out, &Object::Dictionary(trailer), 0)?;
    out.extend_from_slice(format!("\nstartxref\n{xref_at}\n%%EOF\n").as_bytes());
    Some(out)
}

/// Writes a direct object in PDF syntax (strings in hex, names escaped); `None` for a stream or
/// nesting deeper than 32.
fn write_object(out: &mut Vec<u8>, object: &Object, depth: usize) -> Option<()> {
    use std::fmt::Write as _;
    if depth > 32 {
        return None;
    }
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Object::Integer(i) => out.extend_from_slice(i.to_string().as_bytes()),
        Object::Real(r) => {
            // Display never writes an exponent; a non-finite real is not PDF
            let text = if r.is_finite() {
                r.to_string()
            } else {
                "0".to_owned()
            };
            out.extend_from_slice(text.as_bytes());
        }
        Object::Name(name) => {
            out.push(b'/');
            for &b in name {
                if b.is_ascii_graphic() && !b"()<>[]{}/%#".contains(&b) {
                    out.push(b);
                } else {
                    let mut s = String::new();
                    let _ = write!(s, "#{b:02X}");
                    out.extend_from_slice(s.as_bytes());
                }
            }
        }
        Object::String(bytes, _) => {
            out.push(b'<');
            for b in bytes {
                let mut s = String::new();
                let _ = write!(s, "{b:02X}");
                out.extend_from_slice(s.as_bytes());
            }
            out.push(b'>');
        }
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                write_object(out, item, depth + 1)?;
            }
            out.push(b']');
        }
        Object::Dictionary(dict) => {
            out.extend_from_slice(b"<<");
            for (key, value) in dict {
                write_object(out, &Object::Name(key.clone()), depth + 1)?;
                out.push(b' ');
                write_object(out, value, depth + 1)?;
                out.push(b' ');
            }
            out.extend_from_slice(b">>");
        }
        Object::Reference((n, g)) => out.extend_from_slice(format!("{n} {g} R").as_bytes()),
        Object::Stream(_) => return None,
    }
    Some(())
}

/// True when a stream ends with a Ghostscript `Page N` marker before `endstream`: pdfplumber
/// removes those before parsing, which moves every later offset.
fn has_page_markers(bytes: &[u8]) -> bool {
    memchr::memmem::find_iter(bytes, b"endstream").any(|at| {
        let before = bytes.get(..at).unwrap_or(&[]);
        before.strip_suffix(b"\n").is_some_and(|rest| {
            let digits = rest.iter().rev().take_while(|b| b.is_ascii_digit()).count();
            digits > 0
                && rest
                    .get(..rest.len() - digits)
                    .is_some_and(|r| r.ends_with(b"Page "))
        })
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::{count_do, has_page_markers};

    #[test]
    fn ghostscript_page_markers_are_found_before_endstream() {
        assert!(has_page_markers(b"stream\nq Q\nPage 12\nendstream"));
        assert!(!has_page_markers(b"stream\nq Q\nendstream\nPage 3\n"));
        assert!(!has_page_markers(b"stream\nxPage \nendstream endstream"));
        assert!(!has_page_markers(b""));
    }

    #[test]
    fn do_operators_are_counted_as_tokens() {
        assert_eq!(count_do(b"/Fm1 Do\n/Im2 Do Q"), 2);
        assert_eq!(count_do(b"(Do) Tj /Done gs"), 1); // `(Do)`: delimiters both sides
        assert_eq!(count_do(b"Dodo xDo Do"), 1);
        assert_eq!(count_do(b""), 0);
    }
}
