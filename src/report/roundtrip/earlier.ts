// The report a build is about to replace, read back: what the clerk typed in each
// narrative section, and which generated paragraphs were changed by hand. Sections are
// found by their content controls' tags (Word keeps them); in a file whose controls a save
// flattened (LibreOffice keeps only their titles), between the paragraphs that stood on
// either side of them when the report was built.
import { FatalError } from '../../messages/problem.js';
import { inflateEntry, zipEntries, ZipError } from '../../ooxml/zip.js';
import { partText, XmlError } from '../../ooxml/xml.js';
import {
  appendixDigest,
  digest,
  label,
  parseManifest,
  partStamp,
  sectionOf,
  unitDigest,
  type Manifest,
} from '../docx/manifest.js';

/** How REPORT_EDITED names the appendix's tables. */
const APPENDIX_LABEL = 'Phụ lục: bảng số liệu của từng đơn vị';
import { unitsToMarkdown } from '../docx/markdown.js';
import { readBody, type Unit } from '../docx/read.js';

export interface EarlierSection {
  key: string;
  heading: string;
  /** What the section holds now, as the narrative file's Markdown ('' when only the placeholder is left). */
  markdown: string;
  /** Whether it differs from what the build printed there. */
  changed: boolean;
  /** The digest of the narrative file's text for it at that build. */
  source: string;
}

export interface Earlier {
  manifest: Manifest;
  sections: EarlierSection[];
  /** The generated paragraphs changed in the file (or removed from it), by their first words. */
  edited: string[];
}

/** The package's parts as text, by name, and each as the ZIP's directory states it. */
function parts(bytes: Uint8Array) {
  const entries = zipEntries(bytes);
  const part = (name: string) => {
    const e = entries.get(name);
    return e === undefined ? undefined : partText(inflateEntry(bytes, e));
  };
  return { part, entry: (name: string) => entries.get(name) };
}

/** Removes from `pool` one entry equal to each of `items`; returns the items not found. */
function unmatched<T>(items: T[], pool: T[]): T[] {
  const left = new Map<T, number>();
  for (const p of pool) left.set(p, (left.get(p) ?? 0) + 1);
  return items.filter((i) => {
    const n = left.get(i) ?? 0;
    if (n === 0) return true;
    left.set(i, n - 1);
    return false;
  });
}

/**
 * The earlier report; 'unmarked' when it is a package without a manifest (made by an earlier
 * version of baocao, or by hand) or one that cannot be read (damaged), so what it holds cannot
 * be told; 'none' when it is no ZIP package at all (no Word file: nothing typed can be in it).
 * REPORT_SECTION_LOST when a section's place cannot be found (its control removed and a
 * paragraph beside it changed). Without `needText`, a report untouched since its build is not
 * read further (its sections then say nothing but that they are unchanged).
 */
export function readEarlierReport(bytes: Uint8Array, shown: string, needText = true): Earlier | 'unmarked' | 'none' {
  try {
    const { part, entry } = parts(bytes);
    let manifest: Manifest | undefined;
    for (let n = 1; n <= 99 && manifest === undefined; n++) {
      const xml = part(`customXml/item${n}.xml`);
      if (xml === undefined) break;
      manifest = parseManifest(xml);
    }
    if (manifest === undefined) return 'unmarked';
    const stated = entry('word/document.xml');
    if (stated === undefined) return 'unmarked';
    // Untouched since it was built (the same CRC-32 and size; a save by Word or LibreOffice rewrites the
    // whole part), and the sections' text not wanted, the narrative file having it: nothing to read.
    if (!needText && manifest.document !== '' && partStamp(stated.crc, stated.size) === manifest.document)
      return {
        manifest,
        sections: manifest.sections.map((s) => ({
          key: s.key,
          heading: s.heading,
          markdown: '',
          changed: false,
          source: s.source,
        })),
        edited: [],
      };
    const documentXml = part('word/document.xml')!;
    const body = readBody(documentXml, part('word/styles.xml'), part('word/numbering.xml'));
    const units = body.units.slice(0, body.firstSection);
    const digests = units.map(unitDigest);
    const inSection = new Array<boolean>(units.length).fill(false);
    const sections: EarlierSection[] = [];
    /** The headings of the sections not found. */
    const lost: string[] = [];
    let cursor = 0;
    for (const s of manifest.sections) {
      let content: Unit[];
      const tagged = units.flatMap((u, i) => (sectionOf(u) === s.key ? [i] : []));
      if (tagged.length > 0) {
        content = tagged.map((i) => units[i]!);
        for (const i of tagged) inSection[i] = true;
        cursor = tagged.at(-1)! + 1;
      } else {
        const start = s.before === '' ? -1 : digests.indexOf(s.before, cursor);
        const end =
          s.after === '' ? units.length : start === -1 && s.before !== '' ? -1 : digests.indexOf(s.after, start + 1);
        if ((s.before !== '' && start === -1) || end === -1) {
          lost.push(s.heading);
          continue;
        }
        content = units.slice(start + 1, end);
        for (let i = start + 1; i < end; i++) inSection[i] = true;
        cursor = end;
      }
      const markdown = unitsToMarkdown(content);
      sections.push({
        key: s.key,
        heading: s.heading,
        markdown,
        changed: digest(markdown) !== s.printed,
        source: s.source,
      });
    }
    if (lost.length > 0)
      throw FatalError.of('REPORT_SECTION_LOST', { file: shown, params: { path: shown, sections: lost.join('", "') } });
    const generated = units.flatMap((u, i) => (inSection[i] ? [] : [{ digest: digests[i]!, unit: u }]));
    const built = manifest.generated.map((g) => g.digest);
    const changed = unmatched(
      generated.map((g) => g.digest),
      built,
    );
    const removed = unmatched(
      built,
      generated.map((g) => g.digest),
    );
    const byDigest = new Map(generated.map((g) => [g.digest, label(g.unit)]));
    const labels = new Map(manifest.generated.map((g) => [g.digest, g.label]));
    const edited = changed.length > 0 ? changed.map((d) => byDigest.get(d)!) : removed.map((d) => labels.get(d)!);
    // The appendix is compared as one text: a figure changed in its tables names the table.
    if (manifest.appendix !== '' && appendixDigest(documentXml) !== manifest.appendix) edited.push(APPENDIX_LABEL);
    return { manifest, sections, edited };
  } catch (err) {
    if (err instanceof ZipError && err.reason === 'NOT_A_ZIP') return 'none';
    if (err instanceof XmlError || err instanceof ZipError) return 'unmarked';
    throw err;
  }
}
