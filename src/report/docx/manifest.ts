// What a built report holds, so that a rebuild can tell what the clerk changed in Word:
// kept in the package as a custom XML part (Word and LibreOffice both carry it through a
// save untouched), never shown. For each narrative section: a digest of its text in the
// narrative file at the build, of the text printed (as the reader reads it back), and of
// the paragraphs on either side (to find the section when a save drops the controls'
// tags). For the generated paragraphs of the report (frame, figures, tables, signature):
// a digest of each, with its first words to name it.
import { createHash } from 'node:crypto';
import { parseXml, type Attrs } from '../../ooxml/xml.js';
import { NARRATIVE_TAG } from './blocks.js';
import { unitsToMarkdown } from './markdown.js';
import { unitText, type Body, type Unit } from './read.js';
import { COMMENT } from '../narrative.js';

export const MANIFEST_NS = 'urn:baocao:report:1';
export const MANIFEST_PART = 'customXml/item1.xml';

export interface ManifestSection {
  key: string;
  /** Its heading, to name it when the definition that built the report is not at hand. */
  heading: string;
  /** The section's text in the narrative file when the report was built. */
  source: string;
  /** The section as printed, read back. */
  printed: string;
  /** The paragraphs before and after it ('' at an end). */
  before: string;
  after: string;
}

export interface Manifest {
  /** word/document.xml as written: its CRC-32 and its size in bytes, "crc:size" ('' when not known). */
  document: string;
  /** The digest of the text after the report's first section (the appendix), '' when not known. */
  appendix: string;
  sections: ManifestSection[];
  generated: { digest: string; label: string }[];
}

/** What the manifest records of a part: its CRC-32 and size, as the ZIP's directory states them. */
export const partStamp = (crc: number, size: number) => `${crc.toString(16).padStart(8, '0')}:${size}`;

export const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);

/** A unit as compared: its kind and its text, spacing aside. */
export const unitDigest = (u: Unit) => digest(`${u.kind === 'table' ? 'table' : 'p'}\n${unitText(u)}`);

/** A unit's first words, to name it in a message. */
export function label(u: Unit): string {
  const words = unitText(u).split(' ');
  return words.length > 10 ? words.slice(0, 10).join(' ') + '…' : words.join(' ');
}

const TEXT_RUN = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g;
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * The digest of the text after the report's first section — the appendix's headings and every
 * cell of its tables — joined without separators, so that however a save splits the runs
 * (Word and LibreOffice both do) the same text gives the same digest. A regular expression over
 * the part, not a parse: 29 MB of a national appendix in about 20 ms.
 */
export function appendixDigest(documentXml: string): string {
  const at = documentXml.indexOf('<w:sectPr');
  const from = at === -1 ? -1 : documentXml.indexOf('</w:p>', at);
  const hash = createHash('sha256');
  if (from !== -1)
    for (const m of documentXml.slice(from).matchAll(TEXT_RUN))
      hash.update(
        m[1]!.indexOf('&') === -1
          ? m[1]!
          : m[1]!.replace(ENTITY, (_, n?: string, d?: string, x?: string) =>
              n ? NAMED[n]! : String.fromCodePoint(d ? Number(d) : parseInt(x!, 16)),
            ),
        'utf8',
      );
  return hash.digest('hex').slice(0, 16);
}

/** A narrative section's text as compared: comments, line endings and blank lines aside. */
export const sourceDigest = (text: string) =>
  digest(
    text
      .replace(COMMENT, '')
      .replace(/[ \t]+$/gm, '')
      .replace(/\r\n?/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
  );

/** The key of the narrative section a unit is in, if any. */
export const sectionOf = (u: Unit): string | undefined =>
  u.tags.find((t) => t.startsWith(NARRATIVE_TAG))?.slice(NARRATIVE_TAG.length);

/** The manifest of a report's body as just written (its controls tagged), with the narrative file's texts. */
export function manifestOf(
  body: Body,
  sources: ReadonlyMap<string, string>,
  headings: ReadonlyMap<string, string>,
): Manifest {
  const units = body.units.slice(0, body.firstSection);
  const digests = units.map(unitDigest);
  const sections: ManifestSection[] = [];
  const generated: Manifest['generated'] = [];
  for (let i = 0; i < units.length; i++) {
    const key = sectionOf(units[i]!);
    if (key === undefined) {
      generated.push({ digest: digests[i]!, label: label(units[i]!) });
      continue;
    }
    let end = i;
    while (end < units.length && sectionOf(units[end]!) === key) end++;
    sections.push({
      key,
      heading: headings.get(key) ?? key,
      source: sourceDigest(sources.get(key) ?? ''),
      printed: digest(unitsToMarkdown(units.slice(i, end))),
      before: i > 0 ? digests[i - 1]! : '',
      after: end < units.length ? digests[end]! : '',
    });
    i = end - 1;
  }
  return { document: '', appendix: '', sections, generated };
}

/** Text as an XML attribute's value (a tab or line break would read as a space anyway). */
export const xmlAttr = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/[\t\n\r]/g, ' ');

export function manifestXml(m: Manifest): string {
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    `<report xmlns="${MANIFEST_NS}" version="1" document="${m.document}" appendix="${m.appendix}">`,
    ...m.sections.map(
      (s) =>
        `<section key="${xmlAttr(s.key)}" heading="${xmlAttr(s.heading)}" source="${s.source}" printed="${s.printed}" before="${s.before}" after="${s.after}"/>`,
    ),
    ...m.generated.map((g) => `<generated digest="${g.digest}" label="${xmlAttr(g.label)}"/>`),
    '</report>',
  ].join('\n');
}

/** The manifest in a custom XML part, or undefined when the part is not one (another tool's). */
export function parseManifest(xml: string): Manifest | undefined {
  let m: Manifest = { document: '', appendix: '', sections: [], generated: [] };
  let ours = false;
  parseXml(xml, () => {
    // A fresh start when the fast path gives way to saxes.
    m = { document: '', appendix: '', sections: [], generated: [] };
    ours = false;
    return {
      open(local: string, a: Attrs) {
        const get = (n: string) => a.get(n) ?? '';
        if (local === 'report') {
          ours = get('xmlns') === MANIFEST_NS && get('version') === '1';
          m.document = get('document');
          m.appendix = get('appendix');
        } else if (!ours) return;
        else if (local === 'section')
          m.sections.push({
            key: get('key'),
            heading: get('heading') || get('key'),
            source: get('source'),
            printed: get('printed'),
            before: get('before'),
            after: get('after'),
          });
        else if (local === 'generated') m.generated.push({ digest: get('digest'), label: get('label') });
      },
      close() {},
      text() {},
    };
  });
  return ours ? m : undefined;
}
