// The package's parts that matter for a return, found as Excel finds them: the workbook
// from the package's relationships, its sheets, shared strings and formats from the
// workbook's (whatever the parts are named: ClosedXML writes `sheet.xml`, Strict OOXML other
// namespaces). Then the workbook part itself: the sheets in order with their names and
// states, its date system, and whether it asks to be recalculated when opened.
import { parseXml, partText, type Attrs, type XmlEvents } from '../../../ooxml/xml.js';

export interface Relationship {
  type: string;
  /** The part it points to, as a path in the package ("xl/worksheets/sheet1.xml"); undefined for an external target. */
  part: string | undefined;
}

/** A part name resolved against the folder of the part whose relationships name it (`base`); `/…` is from the package's root. */
export function resolvePart(base: string, target: string): string | undefined {
  const folder = base.includes('/') ? base.slice(0, base.lastIndexOf('/')) : '';
  // The common case, a plain relative name ("worksheets/sheet1.xml"): no escapes, no dot segments.
  if (/^[A-Za-z0-9_][\w.-]*(?:\/[A-Za-z0-9_][\w-]*(?:\.[\w-]+)*)*$/.test(target))
    return folder === '' ? target : `${folder}/${target}`;
  let decoded: string;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    return undefined;
  }
  const parts: string[] = [];
  for (const seg of (decoded.startsWith('/')
    ? decoded.slice(1)
    : folder === ''
      ? decoded
      : `${folder}/${decoded}`
  ).split('/'))
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  return parts.join('/');
}

/** The relationships part of `part` ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"). */
export function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationships part, by Id. */
export function readRelationships(bytes: Uint8Array, base: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  parseXml(partText(bytes), () => {
    out.clear(); // a second start, by saxes, sees every relationship again
    return eventsOf(out, base);
  });
  return out;
}

function eventsOf(out: Map<string, Relationship>, base: string): XmlEvents {
  return {
    open(local: string, attrs: Attrs) {
      const id = attrs.get('Id');
      const target = attrs.get('Target');
      if (local !== 'Relationship' || id === undefined || target === undefined) return;
      out.set(id, {
        type: attrs.get('Type') ?? '',
        part: attrs.get('TargetMode') === 'External' ? undefined : resolvePart(base, target),
      });
    },
    close() {},
    text() {},
  };
}

/** A relationship's kind, the last word of its type (Transitional and Strict share it): "worksheet", "sharedStrings", "styles", "officeDocument". */
export const relKind = (type: string) => type.slice(type.lastIndexOf('/') + 1);

export interface SheetEntry {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** The relationship that names its part (`r:id`). */
  rel: string | undefined;
}

export interface WorkbookPart {
  sheets: SheetEntry[];
  date1904: boolean;
  /**
   * Whether the workbook asks to be recalculated when it is opened (`<calcPr fullCalcOnLoad="1">`),
   * or says its last recalculation was not completed before it was saved (`calcCompleted="0"`).
   * Programs that write workbooks set the first when they do not vouch for the formula results
   * they save: filling in a template's input cells leaves its totals' saved results as they
   * were, and Excel, told to recalculate, shows the new totals while the file keeps the old ones.
   */
  recalculated: boolean;
}

const truthy = (v: string | undefined) => v !== undefined && /^\s*(1|true)\s*$/.test(v);
const falsy = (v: string | undefined) => v !== undefined && /^\s*(0|false)\s*$/.test(v);

/** The workbook part: its sheets in order, its date system, its calculation flags. */
export function readWorkbook(bytes: Uint8Array): WorkbookPart {
  const book: WorkbookPart = { sheets: [], date1904: false, recalculated: false };
  parseXml(partText(bytes), () => {
    book.sheets = [];
    let depth = 0;
    const events: XmlEvents = {
      open(local, attrs) {
        depth++;
        if (depth === 2 && local === 'workbookPr') book.date1904 = truthy(attrs.get('date1904'));
        else if (depth === 2 && local === 'calcPr')
          book.recalculated = truthy(attrs.get('fullCalcOnLoad')) || falsy(attrs.get('calcCompleted'));
        else if (depth === 3 && local === 'sheet') {
          // The relationship's id is the one attribute named `id` with a prefix (r:id; the prefix is the writer's choice).
          const rel = attrs.entries().find(([k]) => k.endsWith(':id'))?.[1];
          const given = attrs.get('state');
          const state = given === 'hidden' || given === 'veryHidden' ? given : 'visible';
          book.sheets.push({ name: attrs.get('name') ?? '', state, rel });
        } else if (depth === 2 && local !== 'sheets') return true;
      },
      close() {
        depth--;
      },
      text() {},
    };
    return events;
  });
  return book;
}
