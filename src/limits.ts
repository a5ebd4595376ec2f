// Limits on what one run may cost; kept apart so the CLI shell can read them
// without loading the parsers. Each has its problem code and a README line
// ("Độ tin cậy"), with the peak memory measured at the cap.

const MiB = 1024 * 1024;

/**
 * Largest return read: 16 MiB. One unit's return is a few KB and a combined national
 * file (3,321 communes) under 4 MB. Parsing costs up to ~32× the file in the worst
 * case (hundreds of thousands of tiny rows); returns are checked one at a time and
 * their rows dropped, so this bounds the peak of a whole run.
 */
export const MAX_RETURN_BYTES = 16 * MiB;

/**
 * A workbook's sheets and shared strings once unpacked: 64 MiB (a commune's return
 * unpacks to about 15 KB). The ZIP is inflated entry by entry and stops at the cap,
 * whatever sizes its headers claim, so a zip bomb costs no more than this.
 */
export const MAX_WORKBOOK_XML_BYTES = 64 * MiB;

/**
 * What of a workbook is parsed into cells (its worksheets, without their validations,
 * its shared strings and formats): 4 MiB. A commune's form is ~5 KB of it, a province's
 * returns in one workbook (200 units × 30 indicators) ~1.5 MB. ExcelTS holds a parsed
 * sheet at up to ~90× its XML (a sheet of one-cell rows), so this bounds a workbook's
 * peak near a 16 MiB CSV return's (~400 MB).
 */
export const MAX_SHEET_XML_BYTES = 4 * MiB;

/**
 * Columns of a worksheet that are read: 64 (A to BL; a form has 6). A cell further right
 * is outside the table (CELL_OUTSIDE_TABLE). In a workbook a column costs no bytes: one
 * cell in column XFD makes its row 16,384 cells wide in ExcelTS and in the reader.
 */
export const MAX_SHEET_COLUMNS = 64;

/**
 * Worksheets in a workbook: 1,000 (a district's workbook has a sheet per commune, ~30). ExcelTS
 * builds a workbook's sheets in time that grows with their square: 12,000 empty sheets (3.4 MiB)
 * took 7 s.
 */
export const MAX_SHEETS = 1_000;

/**
 * Merged areas in a workbook: 2,000 of them, covering 100,000 cells. A form has a few
 * (titles); ExcelTS builds every covered cell and checks each merge against the others.
 */
export const MAX_MERGES = 2_000;
export const MAX_MERGED_CELLS = 100_000;

/** All returns of one run together (RUN_TOO_LARGE): 100,000 commune returns of 2 KB fit 200 MB. */
export const MAX_RUN_BYTES = 256 * MiB;

/** The definition (a national roster of 3,321 units is 200 KB). */
export const MAX_DEFINITION_BYTES = 4 * MiB;

/** A template (the sample's is 5 KB). */
export const MAX_TEMPLATE_BYTES = 1 * MiB;
/** A report read back before it is replaced (a national one with its appendix is some MiB). */
export const MAX_REPORT_BYTES = 256 * MiB;

/** The report body a template writes, in characters (the sample's is 10,000; a table of 3,321 communes 700,000). */
export const MAX_BODY_CHARS = 4 * MiB;

/** Columns in a header row (the form has 6). */
export const MAX_COLUMNS = 1000;

/** Aliases (*name) in a definition; each expands a copy of its anchor. */
export const MAX_YAML_ALIASES = 100;

/** Problems listed per file, and per run; the rest are counted (MORE_PROBLEMS). */
export const MAX_PROBLEMS_PER_FILE = 1000;
export const MAX_PROBLEMS_PER_RUN = 10_000;

export const toMiB = (n: number) => (n / MiB).toFixed(1).replace('.', ',');
