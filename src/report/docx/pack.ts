// The one place that touches the docx package's internals: its compiler gives the XML
// parts, which are finished here (the appendix's tables put in place of their marker,
// Normal marked the default style, the dates fixed), checked as XML, and zipped so
// that the same inputs give the same bytes.
import { Packer, type Document } from 'docx';
import { isoDateParts } from '../../present/wording.js';
import { markNormalDefault } from './styles.js';
import { verifyXmlParts } from './verify.js';
import { zipDeterministic } from './zip.js';

/** Marks where the appendix's tables go; never shown (replaced when packing). */
export const APPENDIX_MARKER = 'BAOCAO-APPENDIX-TABLE';
/** The marker paragraph exactly as docx writes it. */
const APPENDIX_MARKER_XML = `<w:p><w:r><w:t xml:space="preserve">${APPENDIX_MARKER}</w:t></w:r></w:p>`;

/** One part of the package as docx serialises it. */
interface XmlPart {
  path: string;
  data: string;
}

/**
 * docx's compiler turns the object tree into the package's XML parts. Its public
 * `Packer` then zips them with JSZip's JavaScript deflate, which took 120 ms of a
 * 500 ms sample build and most of the national one; we take the parts and zip them
 * natively instead. `compiler.xmlifyFile` is internal, which is why docx is pinned to
 * an exact version; this check and the DOCX tests fail if it changes.
 */
function xmlParts(document: Document): XmlPart[] {
  const compiler = (Packer as unknown as { compiler?: { xmlifyFile?: (file: Document, prettify?: unknown) => Record<string, XmlPart | XmlPart[]> } })
    .compiler;
  if (typeof compiler?.xmlifyFile !== 'function') throw new Error('docx: Packer.compiler.xmlifyFile is missing (docx version changed?)');
  return Object.values(compiler.xmlifyFile(document, undefined)).flat();
}

/**
 * Packs the document so the same inputs give the same bytes: the zip entries carry a
 * fixed time and a fixed order, and the created/modified properties the report date.
 */
export function packDocument(document: Document, appendixXml: string | undefined, reportDate: string): Uint8Array {
  const files = new Map<string, string>();
  for (const part of xmlParts(document)) files.set(part.path, part.data);
  let body = files.get('word/document.xml');
  if (body === undefined) throw new Error('word/document.xml missing');
  if (appendixXml !== undefined) {
    // The last occurrence: the marker paragraph is the final block of the document.
    const at = body.lastIndexOf(APPENDIX_MARKER_XML);
    if (at === -1) throw new Error('appendix marker missing from word/document.xml');
    body = body.slice(0, at) + appendixXml + body.slice(at + APPENDIX_MARKER_XML.length);
  }
  // docx writes w:highlightCs beside w:highlight; ECMA-376 has no such element, and Word may
  // call a draft with highlighted placeholders unreadable.
  files.set('word/document.xml', body.replace(/<w:highlightCs [^>]*\/>/g, ''));
  const stamp = `${reportDate}T00:00:00Z`;
  files.set('word/styles.xml', markNormalDefault(files.get('word/styles.xml') ?? ''));
  const core = files.get('docProps/core.xml');
  if (core !== undefined)
    files.set('docProps/core.xml', core.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`));
  verifyXmlParts(files);
  const names = [...files.keys()].sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  // Zip times are local wall-clock fields; built from local parts they read the same in every time zone.
  const [y, m, d] = isoDateParts(reportDate);
  return zipDeterministic(names.map((name) => ({ name, data: Buffer.from(files.get(name)!, 'utf8') })), new Date(y, m - 1, d, 12, 0, 0));
}
