// Text from returns and definitions reaches the template as Literal values: when
// Handlebars prints one, every ASCII punctuation mark is backslash-escaped, so the
// Markdown parser reads it as plain characters. No label can become formatting,
// markup or XML, and no global Handlebars state is changed to achieve it.

const PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** Marks a placeholder for a section the clerk has not written (body.ts); data can never carry it. */
export const PLACEHOLDER_OPEN = '\uE000';
export const PLACEHOLDER_CLOSE = '\uE001';
/**
 * Mark where a section of the narrative begins ("\uE002key\uE003", a paragraph of its own)
 * and ends ("\uE004"), so that the writer can put it in a content control Word shows and a
 * rebuild finds again (roundtrip/). Data and narrative text can never carry them.
 */
export const SECTION_OPEN = '\uE002';
export const SECTION_KEY_END = '\uE003';
export const SECTION_CLOSE = '\uE004';
/** Marks where a chart goes ("\uE009index\uE00A", a paragraph of its own): the index of its spec among the definition's charts. */
export const CHART_OPEN = '\uE009';
export const CHART_CLOSE = '\uE00A';
/** The private-use characters the markers are taken from, removed from any text that comes from outside. */
export const MARKERS = /[\uE000-\uE00F]/g;

export function escapeMarkdown(text: string): string {
  // Line breaks would start new blocks; a value is always one run of text.
  return text
    .replace(/\s+/g, ' ')
    .replace(MARKERS, '')
    .replace(PUNCTUATION, (c) => '\\' + c);
}

export class Literal {
  constructor(readonly text: string) {}
  /** Called by Handlebars for {{value}} instead of its HTML escaping. */
  toHTML(): string {
    return escapeMarkdown(this.text);
  }
  toString(): string {
    return this.text;
  }
}

export const lit = (text: string) => new Literal(text);
