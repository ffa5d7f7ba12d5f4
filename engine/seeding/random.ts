/**
 * Seeding strategy `random`: k people drawn uniformly without replacement from the audience (everyone
 * when there is none), in the order drawn.
 *
 * Partial Fisher–Yates: step i swaps slot i with a uniform slot in [i, N) and takes slot i, so the k
 * seeds are a uniform random ordered sample. Without an audience the pool 0..n−1 is virtual: when k is
 * small next to n the displaced slots live in a Map (O(k) time and memory, whatever n is); otherwise in
 * a dense array. Both give the same seeds for the same stream: one draw per seed either way.
 */
import type { Network } from '../network/network.js';
import { type Rng, uniformInt } from '../rng.js';

/** Below this ratio k / n the virtual pool uses a Map instead of an Int32Array of n. */
const SPARSE_POOL_RATIO = 1 / 16;

/**
 * k distinct audience members drawn uniformly, in draw order (Int32Array, k); the caller has checked
 * that the audience holds at least k people. Draws exactly k numbers from `rng`. O(k) time without an
 * audience (O(n) when k ≥ n/16); O(n) with one (the pool is gathered from the mask).
 */
export function randomSeeds(network: Network, audience: Uint8Array | null, k: number, rng: Rng): Int32Array {
  const n = network.nodeCount;
  const seeds = new Int32Array(k);
  if (audience === null && k < n * SPARSE_POOL_RATIO) {
    const displaced = new Map<number, number>();
    for (let i = 0; i < k; i++) {
      const j = i + uniformInt(rng, n - i);
      const atI = displaced.get(i) ?? i;
      seeds[i] = displaced.get(j) ?? j;
      displaced.set(j, atI);
    }
    return seeds;
  }
  const pool = audience === null ? identity(n) : members(audience);
  const size = pool.length;
  for (let i = 0; i < k; i++) {
    const j = i + uniformInt(rng, size - i);
    const t = pool[j] as number;
    pool[j] = pool[i] as number;
    pool[i] = t;
    seeds[i] = t;
  }
  return seeds;
}

function identity(n: number): Int32Array {
  const pool = new Int32Array(n);
  for (let u = 0; u < n; u++) pool[u] = u;
  return pool;
}

/** The indices u with mask[u] = 1, ascending. O(n). */
export function members(mask: Uint8Array): Int32Array {
  let count = 0;
  for (let u = 0; u < mask.length; u++) count += mask[u] as number;
  const out = new Int32Array(count);
  let i = 0;
  for (let u = 0; u < mask.length; u++) if (mask[u] === 1) out[i++] = u;
  return out;
}
