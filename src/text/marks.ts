// Vietnamese text without its marks, for matching what people type with or without
// them: headers, narrative headings, acronyms.

/** "Tồn tại, hạn chế" → "Ton tai, han che"; đ/Đ become d/D. Case is kept. */
export const stripMarks = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\u0111/g, 'd')
    .replace(/\u0110/g, 'D');
