// A list said in a message: its first items, and "…" for the rest, so that a message
// naming thousands of rows, codes or sheets stays a line.

/** "a, b, c" of at most `max` items, with ", …" when there are more. */
export const listed = (items: readonly (string | number)[], max: number): string =>
  items.slice(0, max).join(', ') + (items.length > max ? ', …' : '');
