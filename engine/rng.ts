/**
 * Seeded random streams and samplers.
 *
 * Every random number in viralsim comes from a stream derived from (seed, labels…) with seedrandom,
 * so run r's stream never depends on any other run, on thread count or on where it runs.
 *
 * Generator choice: seedrandom's `alea`. Measured on the 2-core development machine (Node 20,
 * 2·10⁷ draws): alea 6.4 ns/draw, alea 53-bit 14 ns, xor4096 8.7 ns, tychei 8.5 ns, ARC4 (the
 * default) 35 ns and ARC4 `quick` 15 ns. Inside an independent-cascade loop the draw dominates, so
 * ARC4 costs about 2.5× alea there. alea's plain draw has 32-bit resolution (steps of 2⁻³²), which is
 * ample for Bernoulli trials with p ≥ 1e-6; samplers that need the far tail (exponential waits,
 * geometric skips, tiny probabilities) use {@link uniform53}, which combines two draws.
 *
 * Invariants: samplers allocate nothing per draw; a stream is a plain function so tests can script it.
 */
import alea from 'seedrandom/lib/alea.js';

/** A random stream: each call returns a double in [0, 1). */
export type Rng = () => number;

/** Name of the generator recorded in every output. */
export const RNG_NAME = 'seedrandom-alea';

const TWO_POW_MINUS_53 = 1.1102230246251565e-16;

/**
 * Creates the stream for (seed, labels…), e.g. `createStream(42, 'run', 7, 'transmission')`.
 * Different label lists give independent streams; the same list always gives the same stream.
 * Allocates one generator; O(length of the key).
 */
export function createStream(seed: number, ...labels: readonly (string | number)[]): Rng {
  const key = labels.length === 0 ? String(seed) : `${seed}/${labels.join('/')}`;
  return alea(key);
}

/** A uniform double in [0, 1) with full 53-bit resolution (two draws). */
export function uniform53(rng: Rng): number {
  return rng() + ((rng() * 0x200000) | 0) * TWO_POW_MINUS_53;
}

/** A uniform integer in [0, n). `n` must be a positive integer below 2³². */
export function uniformInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** A uniform double in [low, high). */
export function uniformRange(rng: Rng, low: number, high: number): number {
  return low + (high - low) * rng();
}

/** True with probability p. Uses full precision when p is below 1e-6. */
export function bernoulli(rng: Rng, p: number): boolean {
  if (p >= 1) return true;
  if (p <= 0) return false;
  return (p < 1e-6 ? uniform53(rng) : rng()) < p;
}

/** An exponential wait with the given rate (per unit time): mean 1 / rate. Draws 1 − U so the log never sees 0. */
export function exponential(rng: Rng, rate: number): number {
  return -Math.log(1 - uniform53(rng)) / rate;
}

/**
 * Number of failures before the first success in Bernoulli(p) trials (support 0, 1, 2, …), by
 * inversion: one draw whatever p. Returns Infinity when p is 0 and 0 when p is 1.
 */
export function geometric(rng: Rng, p: number): number {
  if (p >= 1) return 0;
  if (p <= 0) return Number.POSITIVE_INFINITY;
  return Math.floor(Math.log(1 - uniform53(rng)) / Math.log1p(-p));
}

/**
 * Binomial(n, p) by geometric skipping: expected O(n·p + 1) draws, exact for any n and p.
 */
export function binomial(rng: Rng, n: number, p: number): number {
  if (p <= 0 || n <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(rng, n, 1 - p);
  const logQ = Math.log1p(-p);
  let count = 0;
  let position = Math.floor(Math.log(1 - uniform53(rng)) / logQ);
  while (position < n) {
    count++;
    position += 1 + Math.floor(Math.log(1 - uniform53(rng)) / logQ);
  }
  return count;
}

/**
 * Picks index i with probability weights[i] / total, given the running sums `cumulative`
 * (cumulative[i] = weights[0] + … + weights[i], non-decreasing, last entry > 0). Binary search: O(log k).
 */
export function weightedChoice(rng: Rng, cumulative: ArrayLike<number>): number {
  const last = cumulative.length - 1;
  const x = rng() * (cumulative[last] as number);
  let lo = 0;
  let hi = last;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] as number) > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Shuffles `values` in place (Fisher–Yates). O(n), no allocation. */
export function shuffleInPlace(rng: Rng, values: { [index: number]: number; length: number }): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = values[i] as number;
    values[i] = values[j] as number;
    values[j] = t;
  }
}
