// Types of realistic-figures.mjs, for the tests that import it.
export function random(seed: number): () => number;
export interface RealisticIndicator {
  code: string;
  kind: 'count' | 'stock';
  /** The figure of a commune of typical size. */
  rate: number;
  decimals?: number;
}
export function realisticFigures(opts: {
  units: string[];
  indicators: RealisticIndicator[];
  seed?: number;
  moved?: number;
}): Record<string, Record<string, [number, number]>>;
