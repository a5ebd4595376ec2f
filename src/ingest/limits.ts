// Limits on what one return may cost; kept apart so the CLI shell can read them
// without loading the parsers.

/**
 * Largest return read: 16 MiB. One unit's return is a few KB and a combined national
 * file (3,321 communes) under 4 MB. The cap bounds memory: parsing costs up to ~32×
 * the file in the worst case (hundreds of thousands of tiny rows), 551 MB measured
 * at the cap; see README, "Độ tin cậy".
 */
export const MAX_RETURN_BYTES = 16 * 1024 * 1024;
