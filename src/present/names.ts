// An agency's name inside a sentence, as Decree 30 (Phụ lục II) writes names of bodies:
// capitals on the words naming its kind and field and on every syllable of a place name,
// acronyms as written — "Ủy ban nhân dân tỉnh Hà Giang", "Ban Chỉ đạo 138 tỉnh Hà Giang",
// "Sở Tài chính", "UBND phường Trần Phú". Never a place name lower-cased.
import type { DocumentData } from '../definition/schema.js';
import { stripMarks } from '../text/marks.js';
import { upperFirst } from './wording.js';

/** Acronyms of Vietnamese administration that keep their capitals inside a sentence (those with no vowel keep them anyway). */
const ACRONYMS = new Set(['UBND', 'HĐND', 'MTTQ', 'TƯ', 'TW', 'ANTT', 'ATGT', 'TTATGT', 'CAND', 'QĐND', 'BQL']);
const isAcronym = (w: string) =>
  /\d/.test(w) ||
  (w.length >= 2 && w === w.toLocaleUpperCase('vi') && (ACRONYMS.has(w) || !/[AEIOUY]/i.test(stripMarks(w))));

/** Levels of administration, the two-word ones first: what follows one is a place name. "xã hội" is not a commune. */
export const LEVELS = ['thành phố', 'thị xã', 'thị trấn', 'đặc khu', 'tỉnh', 'huyện', 'quận', 'phường', 'xã'];
/** Bodies whose own name carries capitals past the first word. */
const KINDS = ['Ban Chỉ đạo', 'Ủy ban Mặt trận Tổ quốc', 'Mặt trận Tổ quốc', 'Việt Nam'];
/** Bodies named by their field: the field's first syllable (and each after "và") is a capital. */
const BY_FIELD = new Set(['sở', 'bộ', 'cục', 'tổng cục', 'chi cục']);

const low = (w: string) => w.toLocaleLowerCase('vi');
const hasLower = (s: string) => s !== s.toLocaleUpperCase('vi');

/**
 * The issuing agency in a sentence ("… của Ban Chỉ đạo 138 tỉnh Hà Giang"): the definition's
 * coQuanTrongCau; else coQuanBanHanh as written when it is already in sentence case; else
 * built from the upper-case header by the decree's rules, with the place names the
 * definition knows (diaDanh, the units, the groups) spelt as it spells them.
 */
export function agencyInSentence(
  doc: DocumentData,
  known: { units?: readonly { name: string }[]; groups?: readonly { name: string }[] } = {},
): string {
  if (doc.coQuanTrongCau) return oneLine(doc.coQuanTrongCau);
  const name = oneLine(doc.coQuanBanHanh);
  if (hasLower(name)) return name;
  const words = name.split(' ').map((w) => (isAcronym(w) ? w : low(w)));
  for (let i = 0; i < words.length; i++) {
    // After a level, each syllable up to the end is the place: "tỉnh Hà Giang".
    const two = `${words[i]} ${words[i + 1] ?? ''}`;
    const level = LEVELS.find((l) =>
      l.includes(' ') ? two === l : words[i] === l && !(l === 'xã' && words[i + 1] === 'hội'),
    );
    if (level && i + level.split(' ').length < words.length) {
      for (let j = i + level.split(' ').length; j < words.length; j++)
        words[j] = isAcronym(words[j]!) ? words[j]! : upperFirst(words[j]!);
      break;
    }
    // After "Sở", "Bộ", "Cục": the field, "Sở Nông nghiệp và Môi trường".
    if ((BY_FIELD.has(words[i]!) || BY_FIELD.has(two)) && words[i + 1] !== undefined) {
      const start = BY_FIELD.has(two) ? i + 2 : i + 1;
      if (words[start]) words[start] = upperFirst(words[start]!);
      for (let j = start + 1; j < words.length && !LEVELS.includes(words[j]!); j++)
        if (words[j - 1] === 'và') words[j] = upperFirst(words[j]!);
    }
  }
  let text = upperFirst(words.join(' '));
  for (const kind of KINDS)
    text = text.replace(new RegExp(`(^|\\s)${low(kind)}(?=\\s|$)`, 'giu'), (_, sp: string) => sp + kind);
  // Place names the definition spells itself win over the rules.
  const places = [
    doc.diaDanh ?? '',
    ...(known.units ?? []).map((u) => u.name),
    ...(known.groups ?? []).map((g) => g.name),
  ].map(withoutLevel);
  for (const place of places.filter((p) => /^\p{Lu}/u.test(p)).sort((a, b) => b.length - a.length)) {
    text = text.replace(new RegExp(`(?<=^|\\s)${escapeRegExp(place)}(?=\\s|$)`, 'giu'), place);
  }
  return text;
}

/** "Thành phố Hà Giang" → "Hà Giang": the level is written in lower case inside a sentence, the place as given. */
const withoutLevel = (name: string) => {
  const level = LEVELS.find((l) => low(name).startsWith(l + ' '));
  return (level ? name.slice(level.length + 1) : name).replace(/\s*\(.*\)$/, '').trim();
};

/** A name written on several lines in the definition reads as one line in a sentence. */
export const oneLine = (s: string) => s.trim().split(/\s+/).join(' ');

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
