// Figures as units report them, for the benchmark sets and the test of the unusual-values
// check (test/unusual.test.ts): communes of different sizes; each indicator with its own
// rate, from rare events (a case every few years) to large counts; counts that vary by
// chance (Poisson) around a rate that moved a little since the same period, by indicator
// and by unit, with a few units whose figure truly moved a lot; stocks that change
// slowly; amounts with decimals. Drawn from a fixed seed, so every run gives the same.

/** Small deterministic generator (mulberry32). */
export function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller). */
function normal(rnd) {
  const u = Math.max(rnd(), Number.EPSILON);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
}

/** A Poisson draw: by multiplication for small rates, by the normal approximation past 50. */
function poisson(rnd, lambda) {
  if (lambda <= 0) return 0;
  if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(rnd)));
  const limit = Math.exp(-lambda);
  let k = 0;
  for (let p = rnd(); p > limit; p *= rnd()) k++;
  return k;
}

/**
 * Each unit's figures: `{ [unit]: { [indicator]: [current, previous] } }`, each figure a count
 * of 10^-decimals (an integer). `indicators`: `{ code, kind: 'count'|'stock', rate, decimals? }`,
 * `rate` the figure of a commune of typical size. `moved`: the share of figures that truly moved
 * a lot (a unit's change drawn three times as wide).
 */
export function realisticFigures({ units, indicators, seed = 1, moved = 0.03 }) {
  const rnd = random(seed);
  const size = new Map(units.map((u) => [u, Math.exp(0.5 * normal(rnd))]));
  const trend = new Map(indicators.map((i) => [i.code, Math.exp(0.1 * normal(rnd))]));
  const out = {};
  for (const u of units) {
    out[u] = {};
    for (const ind of indicators) {
      const rate = ind.rate * size.get(u);
      const spread = rnd() < moved ? 0.6 : 0.2;
      const change = trend.get(ind.code) * Math.exp(spread * normal(rnd));
      const scale = 10 ** (ind.decimals ?? 0);
      let pair;
      if ((ind.decimals ?? 0) > 0) {
        // An amount: no chance variation of counts, a spread of its own.
        const previous = rate * Math.exp(0.3 * normal(rnd));
        pair = [Math.round(previous * change * scale), Math.round(previous * scale)];
      } else if (ind.kind === 'stock') {
        // What exists (models, teams): last year's, a few added or closed.
        const previous = Math.max(0, Math.round(rate * Math.exp(0.3 * normal(rnd))));
        const current = Math.max(0, previous + poisson(rnd, 0.08 * previous + 0.3) - poisson(rnd, 0.03 * previous));
        pair = [current, previous];
      } else pair = [poisson(rnd, rate * change), poisson(rnd, rate)];
      out[u][ind.code] = pair;
    }
  }
  return out;
}
