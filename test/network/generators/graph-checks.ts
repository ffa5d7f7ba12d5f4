/**
 * Shared checks for the generator tests: structural invariants of a generated network and a few
 * small statistics (average clustering, degree arrays) computed straight from the CSR arrays.
 */
import { expect } from 'vitest';
import type { Network } from '../../../engine/network/network.js';
import { localClustering } from '../../../engine/network/stats.js';

/**
 * Asserts the CSR invariants every generator promises: sorted rows without self-loops or
 * duplicates, the last offset equal to the arc count, undirected edges stored both ways (degree sum
 * = 2·edges) and in-arcs that are the transpose of the out-arcs.
 */
export function expectSimpleNetwork(network: Network): void {
  const { nodeCount: n, outOffsets, outTargets } = network;
  expect(outOffsets.length).toBe(n + 1);
  expect(outOffsets[n]).toBe(outTargets.length);
  expect(network.arcCount).toBe(outTargets.length);
  let problems = 0;
  for (let u = 0; u < n; u++) {
    let previous = -1;
    for (let e = outOffsets[u] as number; e < (outOffsets[u + 1] as number); e++) {
      const v = outTargets[e] as number;
      if (v <= previous || v === u || v < 0 || v >= n) problems++;
      previous = v;
    }
  }
  expect(problems).toBe(0);
  if (!network.isDirected) {
    expect(outTargets.length).toBe(2 * network.edgeCount);
    expect(reverseArcsMissing(network)).toBe(0);
  } else {
    expect(network.edgeCount).toBe(outTargets.length);
    expect(network.inSources.length).toBe(outTargets.length);
    let inProblems = 0;
    for (let v = 0; v < n; v++) {
      for (let e = network.inOffsets[v] as number; e < (network.inOffsets[v + 1] as number); e++) {
        if (!hasArc(network, network.inSources[e] as number, v)) inProblems++;
      }
    }
    expect(inProblems).toBe(0);
  }
}

/** Whether the arc u → v is stored (binary search in u's sorted row). */
export function hasArc(network: Network, u: number, v: number): boolean {
  let lo = network.outOffsets[u] as number;
  let hi = network.outOffsets[u + 1] as number;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = network.outTargets[mid] as number;
    if (x === v) return true;
    if (x < v) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

/** Number of stored arcs u → v whose reverse v → u is not stored. */
export function reverseArcsMissing(network: Network): number {
  let missing = 0;
  for (let u = 0; u < network.nodeCount; u++) {
    for (let e = network.outOffsets[u] as number; e < (network.outOffsets[u + 1] as number); e++) {
      if (!hasArc(network, network.outTargets[e] as number, u)) missing++;
    }
  }
  return missing;
}

/** Out-degree of every person (the degree when undirected). */
export function outDegrees(network: Network): Int32Array {
  const degrees = new Int32Array(network.nodeCount);
  for (let u = 0; u < network.nodeCount; u++) {
    degrees[u] = (network.outOffsets[u + 1] as number) - (network.outOffsets[u] as number);
  }
  return degrees;
}

/** In-degree of every person. */
export function inDegrees(network: Network): Int32Array {
  const degrees = new Int32Array(network.nodeCount);
  for (let u = 0; u < network.nodeCount; u++) {
    degrees[u] = (network.inOffsets[u + 1] as number) - (network.inOffsets[u] as number);
  }
  return degrees;
}

/** Average local clustering over every person (0 for fewer than two neighbours). */
export function averageClustering(network: Network): number {
  const local = localClustering(network);
  let sum = 0;
  for (let u = 0; u < local.length; u++) sum += local[u] as number;
  return sum / local.length;
}

/** Whether two networks have identical CSR arrays. */
export function sameArrays(a: Network, b: Network): boolean {
  return (
    a.nodeCount === b.nodeCount &&
    a.outOffsets.length === b.outOffsets.length &&
    a.outTargets.length === b.outTargets.length &&
    a.outOffsets.every((x, i) => x === b.outOffsets[i]) &&
    a.outTargets.every((x, i) => x === b.outTargets[i])
  );
}
