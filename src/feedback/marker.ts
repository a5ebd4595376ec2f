// How a feedback folder's own files are known: the workbook's keywords (its document
// properties) hold the marker and the name the file was written as. A copy the office saved
// under another name carries the old name, so it is never taken for the run's own file.
import { inflateEntry, zipEntries } from '../ooxml/zip.js';
import { parseXml, partText } from '../ooxml/xml.js';

/** Kept in the workbook's keywords with the file's name: only a file holding both is ever replaced or removed. */
export const FEEDBACK_MARKER = 'baocao-feedback';

/** The keywords a feedback workbook written as `name` carries. */
export const feedbackKeywords = (name: string) => `${FEEDBACK_MARKER}: ${name.normalize('NFC')}`;

/** A workbook's keywords (docProps/core.xml), or undefined for no package or no keywords. */
function keywordsOf(bytes: Uint8Array): string | undefined {
  const entry = zipEntries(bytes).get('docProps/core.xml');
  if (!entry) return undefined;
  let inside = false;
  let text: string | undefined;
  parseXml(partText(inflateEntry(bytes, entry)), () => ({
    open: (local: string) => {
      inside = local === 'keywords';
      if (inside) text = '';
    },
    close: () => {
      inside = false;
    },
    text: (t: string) => {
      if (inside) text += t;
    },
  }));
  return text;
}

/**
 * Whether `bytes` are the feedback workbook baocao wrote under `name` ('own'), one an earlier
 * version wrote, which held the marker alone and no name ('earlier': it may be replaced by the
 * file of the same name, never removed, as it may be a copy), or neither (anything unreadable).
 */
export function feedbackWrittenAs(bytes: Uint8Array, name: string): 'own' | 'earlier' | undefined {
  try {
    const keywords = keywordsOf(bytes);
    return keywords === feedbackKeywords(name) ? 'own' : keywords === FEEDBACK_MARKER ? 'earlier' : undefined;
  } catch {
    return undefined;
  }
}
