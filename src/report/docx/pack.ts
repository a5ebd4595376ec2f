// The one place that touches the docx package's internals: its compiler gives the XML
// parts, which are finished here (the appendix's tables put in place of their marker,
// Normal marked the default style, the dates fixed), checked as XML, and zipped so
// that the same inputs give the same bytes.
import { crc32 } from 'node:zlib';
import { Packer, type Document } from 'docx';
import { isoDateParts } from '../../present/wording.js';
import { verifyXmlParts } from './verify.js';
import { zipDeterministic } from './zip.js';
import { CONTROL_CLOSE, CONTROL_OPEN, GENERATED_TAG, NARRATIVE_TAG } from './blocks.js';
import { appendixDigest, partStamp, xmlAttr, MANIFEST_NS, MANIFEST_PART, manifestOf, manifestXml } from './manifest.js';
import { readBody } from './read.js';
import { sectionTitle } from '../../definition/narrative-sections.js';
import { inflateEntry, zipEntries } from '../../ooxml/zip.js';

/** Marks where the appendix's tables go; never shown (replaced when packing). */
export const APPENDIX_MARKER = 'BAOCAO-APPENDIX-TABLE';
/** The marker paragraph exactly as docx writes it. */
const APPENDIX_MARKER_XML = `<w:p><w:r><w:t xml:space="preserve">${APPENDIX_MARKER}</w:t></w:r></w:p>`;

/** One part of the package as docx serialises it: XML text, or bytes (a chart's embedded workbook). */
interface XmlPart {
  path: string;
  data: string | Uint8Array;
}

/**
 * docx's compiler turns the object tree into the package's XML parts. Its public
 * `Packer` then zips them with JSZip's JavaScript deflate, which took 120 ms of a
 * 500 ms sample build and most of the national one; we take the parts and zip them
 * natively instead. `compiler.xmlifyFile` is internal, which is why docx is pinned to
 * an exact version; this check and the DOCX tests fail if it changes.
 */
function xmlParts(document: Document): XmlPart[] {
  const compiler = (
    Packer as unknown as {
      compiler?: { xmlifyFile?: (file: Document, prettify?: unknown) => Record<string, XmlPart | XmlPart[]> };
    }
  ).compiler;
  if (typeof compiler?.xmlifyFile !== 'function')
    throw new Error('docx: Packer.compiler.xmlifyFile is missing (docx version changed?)');
  return Object.values(compiler.xmlifyFile(document, undefined)).flat();
}

/** A marker paragraph (blocks.ts) exactly as docx writes it. */
const CONTROL_MARKER = new RegExp(
  `<w:p><w:r><w:t xml:space="preserve">([${CONTROL_OPEN}${CONTROL_CLOSE}])([^<]*)</w:t></w:r></w:p>`,
  'g',
);

/**
 * The marker paragraphs become block-level content controls: a narrative section's, titled
 * with its heading and locked against deletion (its content stays editable), and the
 * generated parts', titled as such. The tags are what a rebuild looks for.
 */
function contentControls(body: string, headings: ReadonlyMap<string, string>): string {
  let id = 0;
  const out = body.replace(CONTROL_MARKER, (_, kind: string, tag: string) => {
    if (kind === CONTROL_CLOSE) return '</w:sdtContent></w:sdt>';
    const key = tag.startsWith(NARRATIVE_TAG) ? tag.slice(NARRATIVE_TAG.length) : undefined;
    const alias =
      key !== undefined
        ? sectionTitle(headings.get(key) ?? key)
        : tag === GENERATED_TAG
          ? 'Số liệu lập tự động (lập lại mỗi lần chạy)'
          : tag;
    const lock = key !== undefined ? '<w:lock w:val="sdtLocked"/>' : '';
    return `<w:sdt><w:sdtPr><w:alias w:val="${xmlAttr(alias)}"/><w:tag w:val="${xmlAttr(tag)}"/><w:id w:val="${++id}"/>${lock}</w:sdtPr><w:sdtContent>`;
  });
  if (/[\uE000-\uE00F]/.test(out)) throw new Error('a content control marker was left in word/document.xml');
  return out;
}

/** A relationship id docx draws at random (nanoid: 21 characters, lower-cased), as a chart's are. */
const RANDOM_ID = /\brId(?=[a-z0-9_-]{0,20}[a-z_-])[a-z0-9_-]{21}(?![A-Za-z0-9_-])/g;

/**
 * docx names a chart's relationships with random ids; each becomes "rIdR<n>", numbered by
 * first appearance over the parts in name order, the same everywhere it is named (the part
 * that points and its relationships), so the same inputs give the same bytes.
 */
function stableIds(files: Map<string, string>): void {
  const ids = new Map<string, string>();
  for (const name of [...files.keys()].sort())
    files.set(
      name,
      files.get(name)!.replace(RANDOM_ID, (id) => {
        let stable = ids.get(id);
        if (stable === undefined) ids.set(id, (stable = `rIdR${ids.size + 1}`));
        return stable;
      }),
    );
}

/**
 * A chart's embedded workbook zipped again with the report's date: docx stamps its entries with
 * the time of the build, and the same inputs must give the same bytes.
 */
function rezipped(xlsx: Uint8Array, reportDate: string): Uint8Array {
  const [y, m, d] = isoDateParts(reportDate);
  return zipDeterministic(unzipped(xlsx), new Date(y, m - 1, d, 12, 0, 0));
}

/** Every entry of a package we wrote, inflated, in its order. */
const unzipped = (zip: Uint8Array) =>
  [...zipEntries(zip).values()].map((e) => ({ name: e.name, data: inflateEntry(zip, e) }));

/** Our controls' markup, as contentControls writes it. */
const CONTROL_START =
  /<w:sdt><w:sdtPr><w:alias w:val="[^"]*"\/><w:tag w:val="baocao:[^"]*"\/><w:id w:val="\d+"\/>(?:<w:lock w:val="sdtLocked"\/>)?<\/w:sdtPr><w:sdtContent>/g;

/**
 * A report as just built, without its content controls, for LibreOffice to print: its
 * version 7.4 reads a block-level control as a form field and drops the direct formatting of
 * the control's first paragraph (a bold word, the placeholder's highlight).
 */
export function withoutControls(docx: Uint8Array): Uint8Array {
  const files = unzipped(docx).map(({ name, data }) => {
    if (name !== 'word/document.xml') return { name, data };
    const xml = Buffer.from(data).toString('utf8').replace(CONTROL_START, '').replaceAll('</w:sdtContent></w:sdt>', '');
    return { name, data: Buffer.from(xml, 'utf8') };
  });
  return zipDeterministic(files, new Date(2000, 0, 1, 12, 0, 0));
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** Fixed, so that the same inputs give the same bytes; names the manifest's store, which nothing else shares. */
const MANIFEST_ITEM_ID = '{6B0A1C3E-2D4F-4E8A-9B5C-7D1E0F2A3B4C}';

/** The manifest's parts, and the relationship and content type that make them part of the package. */
function addManifest(files: Map<string, string>, xml: string): void {
  files.set(MANIFEST_PART, xml);
  files.set(
    'customXml/itemProps1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${MANIFEST_ITEM_ID}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${MANIFEST_NS}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  files.set(
    'customXml/_rels/item1.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/customXmlProps" Target="itemProps1.xml"/></Relationships>`,
  );
  const rels = files.get('word/_rels/document.xml.rels');
  const types = files.get('[Content_Types].xml');
  if (rels === undefined || !rels.includes('</Relationships>') || types === undefined || !types.includes('</Types>'))
    throw new Error('docx: document relationships or content types missing');
  files.set(
    'word/_rels/document.xml.rels',
    rels.replace(
      '</Relationships>',
      `<Relationship Id="rIdBaocaoManifest" Type="${REL}/customXml" Target="../customXml/item1.xml"/></Relationships>`,
    ),
  );
  const xmlDefault = /<Default Extension="xml" ContentType="application\/xml"\/>/.test(types)
    ? ''
    : '<Default Extension="xml" ContentType="application/xml"/>';
  files.set(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      `${xmlDefault}<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>`,
    ),
  );
}

/**
 * Packs the document so the same inputs give the same bytes: the zip entries carry a
 * fixed time and a fixed order, and the created/modified properties the report date.
 */
export function packDocument(
  document: Document,
  appendixXml: string | undefined,
  reportDate: string,
  sources: ReadonlyMap<string, string>,
  /** Each narrative section's heading, by key: the title of its control. */
  headings: ReadonlyMap<string, string>,
): Uint8Array {
  const files = new Map<string, string>();
  const binary = new Map<string, Uint8Array>();
  for (const part of xmlParts(document)) {
    if (typeof part.data === 'string') files.set(part.path, part.data);
    else binary.set(part.path, part.path.endsWith('.xlsx') ? rezipped(part.data, reportDate) : part.data);
  }
  let body = files.get('word/document.xml');
  if (body === undefined) throw new Error('word/document.xml missing');
  stableIds(files);
  // docx numbers drawings with a counter kept across documents: from 1 in each report.
  let drawing = 0;
  body = files.get('word/document.xml')!.replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++drawing}"`);
  body = contentControls(body, headings);
  // The report read back as a rebuild will read it (before the appendix's tables, which it does not compare).
  const manifest = manifestOf(
    readBody(body, files.get('word/styles.xml'), files.get('word/numbering.xml')),
    sources,
    headings,
  );
  if (appendixXml !== undefined) {
    // The last occurrence: the marker paragraph is the final block of the document.
    const at = body.lastIndexOf(APPENDIX_MARKER_XML);
    if (at === -1) throw new Error('appendix marker missing from word/document.xml');
    body = body.slice(0, at) + appendixXml + body.slice(at + APPENDIX_MARKER_XML.length);
  }
  // docx writes w:highlightCs beside w:highlight; ECMA-376 has no such element, and Word may
  // call a draft with highlighted placeholders unreadable.
  body = body.replace(/<w:highlightCs [^>]*\/>/g, '');
  files.set('word/document.xml', body);
  // A rebuild that finds the document part as written here need not read it.
  const bodyBytes = Buffer.from(body, 'utf8');
  addManifest(
    files,
    manifestXml({
      ...manifest,
      document: partStamp(crc32(bodyBytes), bodyBytes.length),
      appendix: appendixDigest(body),
    }),
  );
  const stamp = `${reportDate}T00:00:00Z`;
  const core = files.get('docProps/core.xml');
  if (core !== undefined)
    files.set(
      'docProps/core.xml',
      core.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`),
    );
  verifyXmlParts(files);
  // The document's bytes are zipped as they were measured (a national one is 29 MB: one copy, not two).
  binary.set('word/document.xml', bodyBytes);
  const names = [...new Set([...files.keys(), ...binary.keys()])].sort((a, b) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  // Zip times are local wall-clock fields; built from local parts they read the same in every time zone.
  const [y, m, d] = isoDateParts(reportDate);
  return zipDeterministic(
    names.map((name) => ({ name, data: binary.get(name) ?? Buffer.from(files.get(name)!, 'utf8') })),
    new Date(y, m - 1, d, 12, 0, 0),
  );
}
