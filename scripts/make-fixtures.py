"""Regenerates the hand-checkable CSV fixtures under fixtures/formats and fixtures/check.
Each case is written as the bytes a real tool (Excel on Windows, a Mac, a script) produces.
Run: python3 scripts/make-fixtures.py  (the files are committed; tests only read them)."""
import codecs, csv, io, json, os, shutil, sys, unicodedata
sys.path.insert(0, os.path.dirname(__file__))
from cp1258 import encode_cp1258

ROOT = os.path.join(os.path.dirname(__file__), "..", "fixtures")
HEADER = ["ma_don_vi", "ky_bao_cao", "ma_chi_tieu", "ten_chi_tieu", "ky_nay", "cung_ky"]
VI_HEADER = ["Mã đơn vị", "Kỳ báo cáo", "Mã chỉ tiêu", "Tên chỉ tiêu", "Kỳ này", "Cùng kỳ"]
# unit, indicator, label, current, previous — the figures every format case must yield.
ROWS = [
    ("01", "VU", "Số vụ phạm tội", "2082", "1951"),
    ("01", "KP", "Số vụ đã khám phá, điều tra", "2000", "1900"),
    ("01", "MH", "Mô hình tự quản", "12", "10"),
    ("02", "VU", "Số vụ phạm tội", "0", "5"),
    ("02", "KP", "Số vụ đã khám phá, điều tra", "0", "5"),
    ("02", "MH", "Mô hình tự quản", "3", "3"),
]
PERIOD = "2024-Q1"

def csv_line(cells, sep=","):
    def q(c):
        return '"' + c.replace('"', '""') + '"' if (sep in c or '"' in c or "\n" in c) else c
    return sep.join(q(c) for c in cells)

def table(header=HEADER, rows=ROWS, sep=",", eol="\r\n", unit=None, fmt=lambda col, v: v):
    out = [csv_line(header, sep)]
    for u, ind, label, cur, prev in rows:
        if unit and u != unit:
            continue
        out.append(csv_line([u, PERIOD, ind, label, fmt("ky_nay", cur), fmt("cung_ky", prev)], sep))
    return eol.join(out) + eol

def write(path, data: bytes):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, "wb").write(data)

def fmt_vn(col, v):
    n = int(v)
    if n == 0:
        return "-"
    if n >= 1000:
        s = f"{n:,}".replace(",", "." if col == "ky_nay" else " ")
        return s
    return v

formats = {
    "utf8": lambda: table().encode(),
    "utf8-bom": lambda: codecs.BOM_UTF8 + table().encode(),
    "utf16le-bom": lambda: codecs.BOM_UTF16_LE + table(sep="\t").encode("utf-16-le"),
    "utf16be-bom": lambda: codecs.BOM_UTF16_BE + table(sep="\t").encode("utf-16-be"),
    "windows-1258": lambda: encode_cp1258(table(header=VI_HEADER, sep=";")),
    "semicolon": lambda: codecs.BOM_UTF8 + table(sep=";").encode(),
    "tab": lambda: table(sep="\t").encode(),
    "lf": lambda: table(eol="\n").encode(),
    "blank-lines": lambda: ("\r\n" + table().replace("\r\n", "\r\n\r\n", 3) + ",,,,,\r\n\r\n").encode(),
    "padded-cells": lambda: table(sep=";").replace(";", " ; ").replace("\r\n", "  \r\n").encode(),
    "nfd-headers": lambda: unicodedata.normalize("NFD", table(header=[" MÃ ĐƠN VỊ", "kỳ_báo_cáo", "Mã  chỉ-tiêu", "TÊN CHỈ TIÊU", "Kỳ Này ", "cùng kỳ"])).encode(),
    "vietnamese-numbers": lambda: codecs.BOM_UTF8 + table(sep=";", fmt=fmt_vn).encode(),
    "excel-sep-line": lambda: ("sep=;\r\n" + table(sep=";")).encode(),
    "columns-reordered": lambda: "\r\n".join(
        ",".join([l.split(",")[i] for i in (4, 2, 0, 5, 1)]) for l in table(rows=[(u, i, "x", c, p) for u, i, _, c, p in ROWS]).split("\r\n") if l
    ).encode() + b"\r\n",
}
shutil.rmtree(os.path.join(ROOT, "formats"), ignore_errors=True)
for name, make in formats.items():
    write(os.path.join(ROOT, "formats", name, "returns", "tra-ve.csv"), make())
# One unit per file, in two different encodings, also works.
write(os.path.join(ROOT, "formats", "file-per-unit", "returns", "01 Phường Một.csv"), codecs.BOM_UTF8 + table(unit="01").encode())
write(os.path.join(ROOT, "formats", "file-per-unit", "returns", "02 Xã Hai.csv"), encode_cp1258(table(unit="02", sep=";")))

# ── Error cases: returns/ plus expect.json (the exact problems check must report) ──
def case(name, files, expect, exit_code=1, args=None):
    d = os.path.join(ROOT, "check", name)
    shutil.rmtree(d, ignore_errors=True)
    for fname, data in files.items():
        write(os.path.join(d, "returns", fname), data if isinstance(data, bytes) else data.encode())
    spec = {"exit": exit_code, "problems": expect}
    if args:
        spec["args"] = args
    write(os.path.join(d, "expect.json"), (json.dumps(spec, ensure_ascii=False, indent=2) + "\n").encode())

def p(code, file=None, line=None, **kw):
    d = {"code": code, "file": file, "line": line}
    d.update(kw)
    return d

good = table()
def edit(row_index, col, value, base=None):
    """The good table with one cell replaced (row_index 1-based over data rows)."""
    lines = (base or good).split("\r\n")
    cells = next(csv.reader(io.StringIO(lines[row_index])))
    cells[HEADER.index(col)] = value
    lines[row_index] = csv_line(cells)
    return "\r\n".join(lines)

case("ok", {"a.csv": good}, [], exit_code=0)
case("empty-file", {"a.csv": good, "b.csv": ""}, [p("EMPTY_FILE", "b.csv")])
case("header-only", {"a.csv": good, "b.csv": csv_line(HEADER) + "\r\n"}, [p("EMPTY_FILE", "b.csv", 1)])
# A damaged workbook (a ZIP that breaks off), even under a .csv name.
case("xlsx-unreadable", {"a.csv": good, "b.csv": b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256))}, [p("XLSX_UNREADABLE", "b.csv")])
case("not-text-binary", {"a.csv": good, "b.csv": b"ma_don_vi\x00\x01\x02\xff\xfe\x00garbage"}, [p("NOT_TEXT", "b.csv")])
case("malformed-quote", {"a.csv": good.replace('02,2024-Q1,VU,Số vụ phạm tội', '02,2024-Q1,VU,"Số vụ phạm tội', 1)},
     [p("MALFORMED_CSV", "a.csv", 5), p("MISSING_UNIT", unit="02")])
case("malformed-field-count", {"a.csv": good.replace(",2000,1900\r\n", ",2000,1900,7\r\n")}, [p("MALFORMED_CSV", "a.csv", 3)])
case("missing-column", {"a.csv": "\r\n".join(",".join(l.split(",")[:5]) for l in good.split("\r\n"))},
     [p("MISSING_COLUMN", "a.csv", 1, column="cung_ky"), p("MISSING_UNIT", unit="01"), p("MISSING_UNIT", unit="02"), p("NO_RETURNS")])
case("duplicate-column", {"a.csv": good.replace("cung_ky", "Kỳ này", 1)},
     [p("MISSING_COLUMN", "a.csv", 1, column="cung_ky"), p("DUPLICATE_COLUMN", "a.csv", 1, column="ky_nay"), p("MISSING_UNIT", unit="01"), p("MISSING_UNIT", unit="02"), p("NO_RETURNS")])
case("extra-column", {"a.csv": "\r\n".join(l + (",ghi_chu" if i == 0 else ",x") if l else l for i, l in enumerate(good.split("\r\n")))},
     [p("EXTRA_COLUMN", "a.csv", 1, column="ghi_chu")], exit_code=0)
case("unknown-unit", {"a.csv": good + "99,2024-Q1,VU,x,1,1\r\n"}, [p("UNKNOWN_UNIT", "a.csv", 8, column="ma_don_vi")])
case("unit-code-padded", {"a.csv": good.replace("\r\n01,", "\r\n1,")},
     [p("UNIT_CODE_PADDED", "a.csv", 2, column="ma_don_vi", unit="01", messageHas="tệp có 3 dòng")], exit_code=0)
case("unknown-indicator", {"a.csv": good + "01,2024-Q1,VUX,x,1,1\r\n"}, [p("UNKNOWN_INDICATOR", "a.csv", 8, column="ma_chi_tieu", unit="01")])
case("derived-indicator", {"a.csv": good + "01,2024-Q1,TL,Tỷ lệ,96,97\r\n"}, [p("DERIVED_INDICATOR", "a.csv", 8, column="ma_chi_tieu", unit="01", indicator="TL")], exit_code=0)
case("period-mismatch", {"a.csv": edit(4, "ky_bao_cao", "2023-Q1")}, [p("PERIOD_MISMATCH", "a.csv", 5, column="ky_bao_cao", unit="02", indicator="VU")])
# A unit's whole return on last period's form: one problem for the file, at its first row,
# counting the rows (with the unit, not one row's indicator).
case("period-mismatch-form", {"a.csv": table(unit="01"), "b.csv": table(unit="02").replace(PERIOD, "2023-Q4")},
     [p("PERIOD_MISMATCH", "b.csv", 2, column="ky_bao_cao", unit="02", messageHas='"2023-Q4" khác kỳ đang tổng hợp "2024-Q1" (3 dòng của tệp)')])
# A feedback list (check --feedback) sent back instead of a return, saved as CSV: named, not read.
case("feedback-file", {"a.csv": good, "phan-hoi-02-xa-hai.csv": "PHẢN HỒI KIỂM TRA SỐ LIỆU BÁO CÁO QUÝ I NĂM 2024 — 02 Xã Hai\r\n1 lỗi, 0 cảnh báo.\r\n"
     + csv_line(["Tệp", "Vị trí", "Mã chỉ tiêu", "Tên chỉ tiêu", "Giá trị", "Mức", "Vấn đề", "Cách sửa", "Mã lỗi"]) + "\r\nb.csv,dòng 2,VU,Số vụ phạm tội,mười,Lỗi,x,y,NOT_A_NUMBER\r\n"},
     [p("FEEDBACK_FILE", "phan-hoi-02-xa-hai.csv", 3)], exit_code=0)
# Xã Hai's file holds Phường Một's rows (it filled in the wrong form): counted as Phường Một's, with a warning.
case("file-names-other-unit", {"02-xa-hai.csv": table(unit="01")},
     [p("FILE_NAMES_OTHER_UNIT", "02-xa-hai.csv", 2, column="ma_don_vi", unit="02", messageHas='nhưng các dòng ghi mã đơn vị 01 ("Phường Một")'), p("MISSING_UNIT", unit="02")])
case("duplicate-row", {"a.csv": good, "b.csv": csv_line(HEADER) + "\r\n02,2024-Q1,MH,x,3,3\r\n"}, [p("DUPLICATE_ROW", "b.csv", 2, unit="02", indicator="MH")])
# A unit's whole return in a second file (a commune sent a corrected workbook and the first is
# still in the folder): one problem for the file, saying where the figures differ, not a
# DUPLICATE_ROW per row. Unit 01's return is repeated, with MH's current figure changed.
case("duplicate-return", {"a.csv": good, "b.csv": table(unit="01").replace(",12,10\r\n", ",13,10\r\n")},
     [p("DUPLICATE_RETURN", "b.csv", 2, unit="01", messageHas="khác ở 1 chỉ tiêu, như MH (kỳ này: 12 ở tệp kia, 13 ở tệp này)")])
case("missing-indicator", {"a.csv": "\r\n".join(l for l in good.split("\r\n") if not l.startswith("02,2024-Q1,MH"))},
     [p("MISSING_INDICATOR", "a.csv", None, unit="02", indicator="MH")])
case("missing-value", {"a.csv": edit(3, "ky_nay", "")}, [p("MISSING_VALUE", "a.csv", 4, column="ky_nay", unit="01", indicator="MH")])
case("not-a-number", {"a.csv": edit(3, "cung_ky", "mười")}, [p("NOT_A_NUMBER", "a.csv", 4, column="cung_ky", unit="01", indicator="MH")])
case("not-an-integer", {"a.csv": edit(3, "ky_nay", "12,5")}, [p("NOT_AN_INTEGER", "a.csv", 4, column="ky_nay", unit="01", indicator="MH")])
case("negative-value", {"a.csv": edit(6, "ky_nay", "-3")}, [p("NEGATIVE_VALUE", "a.csv", 7, column="ky_nay", unit="02", indicator="MH")])
case("value-too-large", {"a.csv": edit(6, "ky_nay", "99999999999999999999")}, [p("VALUE_TOO_LARGE", "a.csv", 7, column="ky_nay", unit="02", indicator="MH")])
case("rule-violation", {"a.csv": edit(2, "cung_ky", "1952")}, [p("RULE_VIOLATION", "a.csv", 3, column="cung_ky", unit="01", indicator="KP")])
case("missing-unit", {"a.csv": table(unit="01")}, [p("MISSING_UNIT", unit="02")])
case("missing-unit-allowed", {"a.csv": table(unit="01")}, [p("MISSING_UNIT", unit="02")], exit_code=0, args=["--allow-missing"])
case("no-csv-files", {"notes.txt": "not a return"}, [p("NO_CSV_FILES", "returns"), p("UNSUPPORTED_FILE", "notes.txt"), p("MISSING_UNIT", unit="01"), p("MISSING_UNIT", unit="02"), p("NO_RETURNS")])
# A wrong folder is no report even with --allow-missing: the units' gaps are warnings, no figures at all an error.
case("no-returns", {"a.csv": table(unit="01").replace("\r\n01,", "\r\n07,")},
     [p("UNKNOWN_UNIT", "a.csv", 2, column="ma_don_vi", messageHas="(3 dòng của tệp ghi mã này)"), p("MISSING_UNIT", unit="01"), p("MISSING_UNIT", unit="02"), p("NO_RETURNS")],
     args=["--allow-missing"])
# "1,000" is one thousand in English and one in Vietnamese: refused unless the convention is declared.
case("ambiguous-number", {"a.csv": edit(1, "ky_nay", "1,000", edit(4, "cung_ky", "12,500"))},
     [p("AMBIGUOUS_NUMBER", "a.csv", 2, column="ky_nay", unit="01", indicator="VU"),
      p("AMBIGUOUS_NUMBER", "a.csv", 5, column="cung_ky", unit="02", indicator="VU")])
case("ambiguous-number-en", {"a.csv": edit(1, "ky_nay", "2,082", edit(4, "cung_ky", "1,000"))}, [], exit_code=0, args=["--number-format", "en"])
# Each value fits a JSON number exactly (2^53 - 1), their total does not.
case("sum-too-large", {"a.csv": edit(3, "ky_nay", "9007199254740991", edit(6, "ky_nay", "9.007.199.254.740.991"))},
     [p("SUM_TOO_LARGE", None, None, column="ky_nay", indicator="MH")])
# A header row wider than any form (1,000 columns): that file is refused, the others read.
case("header-too-wide", {"a.csv": table(unit="01"), "b.csv": ",".join(HEADER + [f"x{i}" for i in range(1001)]) + "\r\n02,2024-Q1,VU,x,1,1\r\n"},
     [p("HEADER_TOO_WIDE", "b.csv", 1), p("MISSING_UNIT", unit="02")])
case("many-problems", {
        "a.csv": edit(1, "ky_nay", "abc", edit(3, "cung_ky", "", good)),
        "b.csv": csv_line(HEADER) + "\r\n01,2024-Q1,VU,x,1,1\r\n03,2024-Q1,VU,x,1,1\r\n",
     },
     [p("NOT_A_NUMBER", "a.csv", 2, column="ky_nay", unit="01", indicator="VU"),
      p("MISSING_VALUE", "a.csv", 4, column="cung_ky", unit="01", indicator="MH"),
      p("DUPLICATE_ROW", "b.csv", 2, unit="01", indicator="VU"),
      p("UNKNOWN_UNIT", "b.csv", 3, column="ma_don_vi")])
# Every error at once: an empty cell does not hide a broken rule of the same unit (the
# rule is checked on the column that did parse).
case("problems-together", {"a.csv": edit(1, "ky_nay", "", edit(2, "cung_ky", "1952"))},
     [p("MISSING_VALUE", "a.csv", 2, column="ky_nay", unit="01", indicator="VU"),
      p("RULE_VIOLATION", "a.csv", 3, column="cung_ky", unit="01", indicator="KP")])
# More than 100 of one problem in one file: the first 100 listed, the rest counted.
case("more-problems", {"a.csv": good + "".join(f"{900 + n},2024-Q1,VU,x,{n},1\r\n" for n in range(103))},
     [p("UNKNOWN_UNIT", "a.csv", 8 + n, column="ma_don_vi") for n in range(100)] + [p("MORE_PROBLEMS", "a.csv")])
# A code page that is neither UTF-8, UTF-16 nor Windows-1258 (TCVN3 or VNI bytes).
case("unknown-encoding", {"a.csv": good.encode().replace("Mô hình tự quản".encode(), b"M\xab h\xd7nh t\x8a qu\xb8n")},
     [p("INVALID_ENCODING", "a.csv"), p("MISSING_UNIT", unit="01"), p("MISSING_UNIT", unit="02"), p("NO_RETURNS")])
print("fixtures written")

# ── A year-end report: decimals, a plan, groups, rules as objects, last year's returns ──
# Read with ../nam.yaml (fixtures/check/nam.yaml); last year's returns in fixtures/check/nam-2023/.
YEAR_ROWS = [
    # unit, indicator, current, previous (= what the 2023 returns say as ky_nay)
    ("01", "DT_RUNG", "120,50", "98,25"),
    ("01", "HO_NGHEO", "35", "41"),
    ("01", "HO_KHAC", "465", "452"),
    ("01", "HO_TONG", "500", "493"),
    ("01", "CHE_PHU", "58,4", "57,9"),
    ("02", "DT_RUNG", "80,75", "77,00"),
    ("02", "HO_NGHEO", "60", "66"),
    ("02", "HO_KHAC", "340", "330"),
    ("02", "HO_TONG", "400", "396"),
    ("02", "CHE_PHU", "61,0", "60,2"),
    ("03", "DT_RUNG", "1.064,74", "1.002,10"),
    ("03", "HO_NGHEO", "210", "230"),
    ("03", "HO_KHAC", "1.790", "1.750"),
    ("03", "HO_TONG", "2.000", "1.980"),
    ("03", "CHE_PHU", "47,5", "46,8"),
]

def year_table(rows=YEAR_ROWS, period="2024", only=None):
    out = [csv_line(HEADER, ";")]
    for u, ind, cur, prev in rows:
        if only and u not in only:
            continue
        out.append(csv_line([u, period, ind, ind, cur, prev], ";"))
    return "\r\n".join(out) + "\r\n"

def year_edit(unit, ind, col, value):
    return [(u, i, value if (u, i) == (unit, ind) and col == "ky_nay" else c, value if (u, i) == (unit, ind) and col == "cung_ky" else p) for u, i, c, p in YEAR_ROWS]

# Last year's returns: units 01 and 02 (03 sent none), their ky_nay as this year's cung_ky.
shutil.rmtree(os.path.join(ROOT, "check", "nam-2023"), ignore_errors=True)
write(os.path.join(ROOT, "check", "nam-2023", "2023.csv"),
      year_table([(u, i, p, "") for u, i, c, p in YEAR_ROWS], period="2023", only=("01", "02")).encode())
Y = ["--config", "../nam.yaml"]
missing_03 = [p("PREVIOUS_MISSING", None, None, unit="03")]
case("year-ok", {"a.csv": year_table()}, missing_03, exit_code=0, args=Y)
case("too-many-decimals", {"a.csv": year_table(year_edit("02", "DT_RUNG", "ky_nay", "80,755"))},
     [p("TOO_MANY_DECIMALS", "a.csv", 7, column="ky_nay", unit="02", indicator="DT_RUNG")] + missing_03, args=Y)
case("previous-mismatch", {"a.csv": year_table(year_edit("01", "DT_RUNG", "cung_ky", "98,52"))},
     [p("PREVIOUS_MISMATCH", "a.csv", 2, column="cung_ky", unit="01", indicator="DT_RUNG")] + missing_03, args=Y)
case("rule-equals-sum", {"a.csv": year_table(year_edit("02", "HO_TONG", "ky_nay", "410"))},
     [p("RULE_VIOLATION", "a.csv", 10, column="ky_nay", unit="02", indicator="HO_TONG")] + missing_03, args=Y)
case("rule-constant-bound", {"a.csv": year_table(year_edit("03", "CHE_PHU", "ky_nay", "104,5"))},
     [p("RULE_VIOLATION", "a.csv", 16, column="ky_nay", unit="03", indicator="CHE_PHU")] + missing_03, args=Y)
print("year-end fixtures written")
