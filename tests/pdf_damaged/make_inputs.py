#!/usr/bin/env python3
"""Writes tests/pdf_damaged/inputs/ from the recipes below (the committed files are its output).

Every input is a small PDF made here (a one-table disclosure, like tests/bad_inputs), damaged
or made unusual in one way. No PDF comes from outside the project. Run it after changing a
recipe, then review the diff and cases.json:

    python3 tests/pdf_damaged/make_inputs.py

Only the Python standard library is used (zlib, hashlib), so the output is the same everywhere.
"""
import hashlib
import os
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "inputs")

# --- the disclosure: one table, as tests/bad_inputs/make_inputs.py MINI ---------------------
TEXT_BEFORE = ["2025年某某市档案馆 单位预算", "一般公共预算支出情况表", "部门(单位): 某某市档案馆", "单位: 万元"]
HEADER = [
    ["科目编码", "", "", "科目名称", "合 计", "基本支出", "", "", "项目支出"],
    ["类", "款", "项", "", "", "小 计", "人员支出", "日常公用支出", ""],
]
ROWS = [
    ["", "", "", "合 计", "300.00", "200.00", "150.00", "50.00", "100.00"],
    ["201", "", "", "一般公共服务支出", "300.00", "200.00", "150.00", "50.00", "100.00"],
    ["", "26", "", "档案事务", "300.00", "200.00", "150.00", "50.00", "100.00"],
    ["", "", "01", "行政运行", "200.00", "200.00", "150.00", "50.00", ""],
    ["", "", "02", "一般行政管理事务", "100.00", "", "", "", "100.00"],
]
TEXT_AFTER = ["以上为本单位一般公共预算支出。"]
WIDTHS = [28, 22, 22, 110, 50, 50, 50, 62, 50]

PAGE_H = 842


def adv(c):
    return 1000 if ord(c) >= 0x2E80 else 500


def hexs(text, cids):
    out = []
    for c in text:
        cid = ord(c) if ord(c) <= 0xFFFF else ord("?")
        cids.add(cid)
        out.append("%04X" % cid)
    return "<" + "".join(out) + ">"


def show(text, x, top, size, cids):
    if not text:
        return ""
    base = PAGE_H - (top + size * 0.88)
    return "BT /F1 %.2f Tf 1 0 0 1 %.2f %.2f Tm %s Tj ET\n" % (size, x, base, hexs(text, cids))


def rule(x0, t0, x1, t1):
    return "%.2f %.2f m %.2f %.2f l S\n" % (x0, PAGE_H - t0, x1, PAGE_H - t1)


def disclosure_content(cids, with_table=True):
    """The content stream of the one-table page."""
    c = ""
    y = 40
    for line in TEXT_BEFORE:
        c += show(line, 40, y, 10.5, cids)
        y += 18
    if with_table:
        rows = HEADER + ROWS
        xs = [40]
        for w in WIDTHS:
            xs.append(xs[-1] + w)
        h = 14
        top = y
        for r in range(len(rows) + 1):
            c += rule(40, top + r * h, xs[-1], top + r * h)
        for x in xs:
            c += rule(x, top, x, top + len(rows) * h)
        for r, row in enumerate(rows):
            for k, cell in enumerate(row):
                c += show(cell, xs[k] + 2, top + r * h + 3, 7, cids)
        y = top + len(rows) * h + 12
    for line in TEXT_AFTER:
        c += show(line, 40, y, 10.5, cids)
        y += 18
    return c


class Pdf:
    """A minimal PDF writer: objects by number, a classic cross-reference table."""

    def __init__(self):
        self.objects = {}
        self.cids = set()

    def add(self, num, body):
        self.objects[num] = body

    def font(self, first=3):
        """Objects first..first+3: a Type0 font (Identity-H, not embedded, /W, /ToUnicode)."""
        self.font_first = first

    def _font_objects(self):
        f = self.font_first
        w = getattr(self, "w_prefix", "") + " ".join("%d [%d]" % (cid, adv(chr(cid))) for cid in sorted(self.cids))
        cmap = [
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
            "1 begincodespacerange <0000> <FFFF> endcodespacerange",
        ]
        cids = sorted(self.cids)
        for i in range(0, len(cids), 100):
            block = cids[i:i + 100]
            cmap.append("%d beginbfchar" % len(block))
            cmap.extend("<%04X> <%04X>" % (c, c) for c in block)
            cmap.append("endbfchar")
        cmap.append("endcmap CMapName currentdict /CMap defineresource pop end end")
        return {
            f: b"<< /Type /Font /Subtype /Type0 /BaseFont /Song /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (f + 1, f + 3),
            f + 1: ("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Song /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 /W [%s] /CIDToGIDMap /Identity >>" % (f + 2, w)).encode(),
            f + 2: b"<< /Type /FontDescriptor /FontName /Song /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
            f + 3: stream("\n".join(cmap).encode(), compress=True),
        }

    def bytes(self, root=1, encrypt=None, header=b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", trailer_extra=b""):
        objs = dict(self.objects)
        if hasattr(self, "font_first"):
            objs.update(self._font_objects())
        ident = hashlib.md5(b"yusuan").digest()
        if encrypt is not None:
            objs = {n: encrypt.object(n, b) for n, b in objs.items()}
            enc_num = max(objs) + 1
            objs[enc_num] = encrypt.dictionary()
        out = bytearray(header)
        offsets = {}
        for num in sorted(objs):
            offsets[num] = len(out)
            out += b"%d 0 obj\n" % num + objs[num] + b"\nendobj\n"
        size = max(objs) + 1
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f\r\n" % size
        for n in range(1, size):
            if n in offsets:
                out += b"%010d 00000 n\r\n" % offsets[n]
            else:
                out += b"0000000000 65535 f\r\n"
        out += b"trailer\n<< /Size %d /Root %d 0 R /ID [<%s> <%s>]" % (size, root, ident.hex().encode(), ident.hex().encode())
        if encrypt is not None:
            out += b" /Encrypt %d 0 R" % enc_num
        out += trailer_extra + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
        return bytes(out)


def stream(data, compress=True, extra=b"", filters=None):
    if filters is not None:
        enc = data
        for _ in filters:
            enc = zlib.compress(enc, 9)
        names = b" ".join(b"/FlateDecode" for _ in filters)
        return b"<< /Length %d /Filter [%s]%s >>\nstream\n" % (len(enc), names, extra) + enc + b"\nendstream"
    if compress:
        data = zlib.compress(data, 9)
        return b"<< /Length %d /Filter /FlateDecode%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def page_obj(content_num, resources=b"/Font << /F1 3 0 R >>", parent=2):
    return b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << %s >> /Contents %d 0 R >>" % (parent, resources, content_num)


def one_table(content=None, extra_objects=None, resources=b"/Font << /F1 3 0 R >>"):
    """The one-table disclosure (page 7, content 8); returns the Pdf."""
    p = Pdf()
    p.font(3)
    body = disclosure_content(p.cids) if content is None else content(p.cids)
    p.add(1, b"<< /Type /Catalog /Pages 2 0 R >>")
    p.add(2, b"<< /Type /Pages /Kids [7 0 R] /Count 1 >>")
    p.add(7, page_obj(8, resources))
    p.add(8, stream(body.encode()))
    for n, b in (extra_objects or {}).items():
        p.add(n, b)
    return p


# --- RC4 and the standard security handler (revision 2, 40-bit) ----------------------------
PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    i = j = 0
    out = bytearray()
    for b in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(b ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


class Rc4Encryption:
    def __init__(self, user, owner):
        self.p = -44
        pad = lambda pw: (pw + PAD)[:32]
        okey = hashlib.md5(pad(owner)).digest()[:5]
        self.o = rc4(okey, pad(user))
        ident = hashlib.md5(b"yusuan").digest()
        self.key = hashlib.md5(pad(user) + self.o + (self.p & 0xFFFFFFFF).to_bytes(4, "little") + ident).digest()[:5]
        self.u = rc4(self.key, PAD)

    def _okey(self, num):
        return hashlib.md5(self.key + num.to_bytes(3, "little") + b"\x00\x00").digest()[:10]

    def object(self, num, body):
        """Encrypts the strings (written as `(...)` without escapes here) and the stream."""
        k = self._okey(num)
        if b"stream\n" in body:
            head, rest = body.split(b"stream\n", 1)
            data = rest[: rest.rindex(b"\nendstream")]
            enc = rc4(k, data)
            head = head.replace(b"/Length %d" % len(data), b"/Length %d" % len(enc))
            return head + b"stream\n" + enc + b"\nendstream"
        out = bytearray()
        i = 0
        while i < len(body):
            if body[i:i + 1] == b"(":
                j = body.index(b")", i)
                out += b"<" + rc4(k, body[i + 1:j]).hex().encode() + b">"
                i = j + 1
            else:
                out += body[i:i + 1]
                i += 1
        return bytes(out)

    def dictionary(self):
        return b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>" % (self.o.hex().encode(), self.u.hex().encode(), self.p)


# --- the recipes ------------------------------------------------------------------------------
def valid():
    return one_table().bytes()


def flip(data, at, count=8):
    b = bytearray(data)
    for i in range(at, at + count):
        b[i] ^= 0x5A
    return bytes(b)


def shifted_xref():
    d = valid()
    # 37 bytes after the header move every object; the table still has the old offsets
    i = d.index(b"1 0 obj")
    return d[:i] + b"% inserted by a careless editor ...\n" + d[i:]


def no_xref():
    d = valid()
    return d[: d.index(b"xref\n")]


def wrong_startxref():
    d = valid()
    i = d.rindex(b"startxref\n") + len(b"startxref\n")
    j = d.index(b"\n", i)
    return d[:i] + b"123" + d[j:]


def xref_offsets_flipped():
    d = valid()
    i = d.index(b"xref\n") + 30
    return flip(d, i, 60)


def stream_flipped():
    d = valid()
    i = d.index(b"8 0 obj")
    i = d.index(b"stream\n", i) + 40
    return flip(d, i, 16)


def truncated(frac):
    d = valid()
    return d[: int(len(d) * frac)]


def header_only():
    return b"%PDF-1.7\n"


def garbage_body():
    return b"%PDF-1.7\n" + bytes((i * 37 + 11) % 256 for i in range(4000))


def zero_pages():
    p = one_table()
    p.add(2, b"<< /Type /Pages /Kids [] /Count 0 >>")
    return p.bytes()


def page_tree_cycle():
    p = one_table()
    # the page tree names itself as a kid
    p.add(2, b"<< /Type /Pages /Kids [7 0 R 2 0 R] /Count 2 >>")
    return p.bytes()


def parent_cycle():
    """The page's /Parent is a node whose /Parent is the page (a fuzzer's find: a reader looking up
    inherited attributes spins for ever)."""
    p = one_table()
    p.add(7, page_obj(8, parent=9))
    p.add(9, b"<< /Type /Pages /Kids [7 0 R] /Count 1 /Parent 7 0 R >>")
    return p.bytes()


def preamble():
    return b"Content-Type: application/pdf\r\n\r\n" + valid()


def encrypted(user):
    return one_table().bytes(encrypt=Rc4Encryption(user, b"owner-secret"))


def scanned():
    p = Pdf()
    w, h = 40, 40
    pixels = bytes(((x * 7 + y * 3) % 256) for y in range(h) for x in range(w))
    p.add(1, b"<< /Type /Catalog /Pages 2 0 R >>")
    p.add(2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
    p.add(3, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>")
    p.add(4, stream(b"q 515 0 0 762 40 40 cm /Im1 Do Q"))
    p.add(5, stream(pixels, extra=b" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8" % (w, h)))
    return p.bytes()


def many_pages(n):
    """One page listed `n` times in the page tree (and `n` small objects: a reader visits at
    most as many pages as the file has objects)."""
    p = one_table()
    kids = " ".join("7 0 R" for _ in range(n))
    p.add(2, ("<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n)).encode())
    for i in range(n):
        p.add(100 + i, b"null")
    return p.bytes()


BOMB = 80 * 1024 * 1024  # past the 64 MiB limit on one stream


def bomb_content():
    p = one_table()
    p.add(8, stream(b" " * BOMB))
    return p.bytes()


def bomb_nested():
    p = one_table()
    p.add(8, stream(b" " * BOMB, filters=[1, 2]))
    return p.bytes()


def bomb_object_stream():
    """An object stream (read while the file is opened) that inflates past the limit."""
    p = one_table()
    body = b"9 0 " + b" " * BOMB + b"<< /Dummy true >>"
    p.add(20, stream(body, extra=b" /Type /ObjStm /N 1 /First 4", filters=[1, 2]))
    return p.bytes()


def font_reloaded():
    """A TrueType font without /Widths, whose 60 MiB font program (60 KB deflated) a reader
    inflates again for each of 20 pages: 1.2 GB of work."""
    p = one_table(resources=b"/Font << /F1 3 0 R /F2 20 0 R >>")
    body = disclosure_content(p.cids) + "BT /F2 10 Tf 40 40 Td (x) Tj ET\n"
    p.add(8, stream(body.encode()))
    p.add(20, b"<< /Type /Font /Subtype /TrueType /BaseFont /Big /FirstChar 32 /LastChar 126 /FontDescriptor 21 0 R >>")
    p.add(21, b"<< /Type /FontDescriptor /FontName /Big /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 900 /Descent -100 /CapHeight 700 /StemV 80 /FontFile2 22 0 R >>")
    p.add(22, stream(b"\0" * (60 * 1024 * 1024), extra=b" /Length1 62914560"))
    kids = " ".join("7 0 R" for _ in range(20))
    p.add(2, ("<< /Type /Pages /Kids [%s] /Count 20 >>" % kids).encode())
    for i in range(20):
        p.add(100 + i, b"null")
    return p.bytes()


def font_program_unread():
    """A TrueType font with /Widths whose font program inflates to 80 MiB: the extractor reads
    the widths and never the program, so nothing inflates it and the file is read."""
    p = one_table(resources=b"/Font << /F1 3 0 R /F2 20 0 R >>")
    body = disclosure_content(p.cids) + "BT /F2 10 Tf 40 40 Td (x) Tj ET\n"
    p.add(8, stream(body.encode()))
    widths = b" ".join(b"500" for _ in range(95))
    p.add(20, b"<< /Type /Font /Subtype /TrueType /BaseFont /Big /FirstChar 32 /LastChar 126 /Widths [" + widths + b"] /FontDescriptor 21 0 R >>")
    p.add(21, b"<< /Type /FontDescriptor /FontName /Big /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 900 /Descent -100 /CapHeight 700 /StemV 80 /FontFile2 22 0 R >>")
    p.add(22, stream(b"\0" * BOMB, extra=b" /Length1 %d" % BOMB))
    return p.bytes()


def font_width_range():
    """A /W range `0 -120 1000` (a fuzzer's find): a reader that casts -120 to 32 bits expands it
    into four billion widths."""
    p = one_table()
    p.w_prefix = "0 -120 1000 "
    return p.bytes()


def big_page_content():
    p = one_table()
    body = disclosure_content(p.cids) + "% " + "x" * (5 * 1024 * 1024) + "\n"
    p.add(8, stream(body.encode()))
    return p.bytes()


def form_amplification():
    """A form of 20 KB drawn 400 times on one page: 8 MB to interpret from a few KB."""
    p = one_table(resources=b"/Font << /F1 3 0 R >> /XObject << /Fm1 20 0 R >>")
    form = disclosure_content(p.cids)
    while len(form) < 20_000:
        form += "% padding of the form\n"
    body = disclosure_content(set()) + "q /Fm1 Do Q\n" * 400
    p.add(8, stream(body.encode()))
    p.add(20, stream(form.encode(), extra=b" /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"))
    return p.bytes()


def self_invoking_form():
    """A form that draws itself eight times: exponential work if followed."""
    p = one_table(resources=b"/Font << /F1 3 0 R >> /XObject << /Fm1 20 0 R >>")
    body = disclosure_content(p.cids) + "q /Fm1 Do Q\n"
    p.add(8, stream(body.encode()))
    p.add(20, stream(b"q /Fm1 Do Q " * 8 + b"% " * 5000, extra=b" /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /Fm1 20 0 R >> >>"))
    return p.bytes()


def dense_grid():
    def content(cids):
        c = disclosure_content(cids)
        for i in range(100):
            c += rule(40, 400 + i * 4, 440, 400 + i * 4)
            c += rule(40 + i * 4, 400, 40 + i * 4, 800)
        return c
    return one_table(content).bytes()


def huge_coordinates():
    def content(cids):
        return disclosure_content(cids) + "q 1e30 0 0 1e30 0 0 cm\n" + show("巨大", 1, 1, 1e30, cids) + "Q\n0 0 0 0 0 0 cm\n" + show("退化", 1, 1, 10, cids)
    return one_table(content).bytes()


def not_a_disclosure():
    def content(cids):
        return show("这是一封信，不是预算。", 40, 40, 12, cids)
    return one_table(content).bytes()


def xref_stream_file(shift=False):
    """The disclosure as PDF 1.5: objects in an object stream, a cross-reference stream."""
    p = one_table()
    objs = dict(p.objects)
    objs.update(p._font_objects())
    direct = {n: b for n, b in objs.items() if b"stream\n" in b}
    packed = {n: b for n, b in objs.items() if n not in direct}
    index = b" ".join(b"%d %d" % (n, 0) for n in sorted(packed))
    offs = []
    data = b""
    for n in sorted(packed):
        offs.append((n, len(data)))
        data += packed[n] + b"\n"
    header = b" ".join(b"%d %d" % (n, o) for n, o in offs) + b"\n"
    objstm_num = 30
    objstm = stream(header + data, extra=b" /Type /ObjStm /N %d /First %d" % (len(packed), len(header)))
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    if shift:
        out += b"% shifted\n"
    offsets = {}
    for n in sorted(direct):
        offsets[n] = len(out)
        out += b"%d 0 obj\n" % n + direct[n] + b"\nendobj\n"
    offsets[objstm_num] = len(out)
    out += b"%d 0 obj\n" % objstm_num + objstm + b"\nendobj\n"
    xref_num = 31
    size = xref_num + 1
    rows = b""
    packed_pos = {n: i for i, n in enumerate(sorted(packed))}
    for n in range(size):
        if n in offsets:
            rows += bytes([1]) + offsets[n].to_bytes(4, "big") + bytes([0, 0])
        elif n in packed_pos:
            rows += bytes([2]) + objstm_num.to_bytes(4, "big") + packed_pos[n].to_bytes(2, "big")
        elif n == xref_num:
            rows += bytes([1]) + len(out).to_bytes(4, "big") + bytes([0, 0])
        else:
            rows += bytes([0, 0, 0, 0, 0, 0xFF, 0xFF])
    xref_at = len(out)
    if shift:
        xref_at -= 10  # the table's own position is off too
    comp = zlib.compress(rows, 9)
    out += b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Length %d /Filter /FlateDecode >>\nstream\n" % (xref_num, size, len(comp)) + comp + b"\nendstream\nendobj\n"
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


INPUTS = {
    "valid.pdf": valid,
    "preamble.pdf": preamble,
    "xref_stream.pdf": lambda: xref_stream_file(False),
    "encrypted_owner_only.pdf": lambda: encrypted(b""),
    "shifted_xref.pdf": shifted_xref,
    "no_xref.pdf": no_xref,
    "wrong_startxref.pdf": wrong_startxref,
    "xref_offsets_flipped.pdf": xref_offsets_flipped,
    "xref_stream_shifted.pdf": lambda: xref_stream_file(True),
    "truncated_tail.pdf": lambda: truncated(0.9),
    "truncated_half.pdf": lambda: truncated(0.5),
    "stream_flipped.pdf": stream_flipped,
    "header_only.pdf": header_only,
    "garbage_body.pdf": garbage_body,
    "zero_pages.pdf": zero_pages,
    "page_tree_cycle.pdf": page_tree_cycle,
    "encrypted.pdf": lambda: encrypted(b"user-secret"),
    "scanned.pdf": scanned,
    "too_many_pages.pdf": lambda: many_pages(2001),
    "bomb_content.pdf": bomb_content,
    "bomb_nested.pdf": bomb_nested,
    "bomb_object_stream.pdf": bomb_object_stream,
    "big_page_content.pdf": big_page_content,
    "font_reloaded.pdf": font_reloaded,
    "font_program_unread.pdf": font_program_unread,
    "font_width_range.pdf": font_width_range,
    "parent_cycle.pdf": parent_cycle,
    "form_amplification.pdf": form_amplification,
    "self_invoking_form.pdf": self_invoking_form,
    "dense_grid.pdf": dense_grid,
    "huge_coordinates.pdf": huge_coordinates,
    "not_a_disclosure.pdf": not_a_disclosure,
    "png_named_pdf.pdf": lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x00\x00\x00\x00:~\x9bU",
}


def main():
    os.makedirs(OUT, exist_ok=True)
    for name in os.listdir(OUT):
        if name not in INPUTS:
            os.remove(os.path.join(OUT, name))
    for name, make in INPUTS.items():
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(make())
    total = sum(os.path.getsize(os.path.join(OUT, n)) for n in INPUTS)
    print(f"wrote {len(INPUTS)} inputs ({total / 1024:.0f} KB) to {OUT}")


if __name__ == "__main__":
    main()
