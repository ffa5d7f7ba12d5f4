/**
 * Regular and small-world families: the ring lattice, Watts–Strogatz rewiring and the complete graph.
 *
 * Watts–Strogatz (Watts & Strogatz, Nature 393, 440, 1998; the rewiring order of networkx): start
 * from a ring where each person links to the k/2 nearest on each side, then for j = 1..k/2 and each
 * person u, with probability beta replace the edge (u, u + j) by (u, w), w uniform among people who
 * are neither u nor already linked to u (skipped when u is linked to everyone). The edge count stays
 * n·k/2; there are never self-loops or duplicates.
 *
 * These families are undirected; `directed` stores each edge as two opposite arcs.
 */
import { bernoulli, type Rng } from '../../rng.js';
import { buildNetwork } from '../build.js';
import { createEdgeBuffer, pushEdge } from '../edge-buffer.js';
import type { Network } from '../network.js';
import { addNeighbour, createAdjacency, hasNeighbour, removeNeighbour } from './adjacency.js';
import { networkFromGrowthEdges } from './assemble.js';

/**
 * Watts–Strogatz on n people, k (even, < n) lattice neighbours, rewiring probability beta. beta = 0
 * is the ring lattice and draws no random numbers. O(n·k²) time (list scans of length about k).
 */
export function generateWattsStrogatz(
  rng: Rng,
  n: number,
  k: number,
  beta: number,
  isDirected: boolean,
): Network {
  const half = k >> 1;
  const edges = createEdgeBuffer(((n * k) / 2) * (isDirected ? 2 : 1));
  if (beta <= 0) {
    for (let u = 0; u < n; u++) {
      for (let j = 1; j <= half; j++) {
        const v = (u + j) % n;
        pushEdge(edges, u, v);
        if (isDirected) pushEdge(edges, v, u);
      }
    }
    return buildNetwork(edges, { nodeCount: n, isDirected, place: 'network' });
  }
  const adjacency = createAdjacency(n, k + 4, n * (k + 4) * 2);
  for (let u = 0; u < n; u++) {
    for (let j = 1; j <= half; j++) {
      const v = (u + j) % n;
      addNeighbour(adjacency, u, v);
      addNeighbour(adjacency, v, u);
    }
  }
  for (let j = 1; j <= half; j++) {
    for (let u = 0; u < n; u++) {
      if (!bernoulli(rng, beta)) continue;
      if ((adjacency.length[u] as number) >= n - 1) continue;
      let w = Math.floor(rng() * n);
      while (w === u || hasNeighbour(adjacency, u, w)) w = Math.floor(rng() * n);
      const v = (u + j) % n;
      removeNeighbour(adjacency, u, v);
      removeNeighbour(adjacency, v, u);
      addNeighbour(adjacency, u, w);
      addNeighbour(adjacency, w, u);
    }
  }
  const pool = adjacency.pool;
  for (let u = 0; u < n; u++) {
    const begin = adjacency.start[u] as number;
    const end = begin + (adjacency.length[u] as number);
    for (let e = begin; e < end; e++) {
      const v = pool[e] as number;
      if (isDirected) pushEdge(edges, u, v);
      else if (u < v) pushEdge(edges, u, v);
    }
  }
  return buildNetwork(edges, { nodeCount: n, isDirected, place: 'network' });
}

/** The complete graph on n people (every pair linked), straight into CSR. O(n²) time and memory. */
export function generateComplete(n: number, isDirected: boolean): Network {
  const edgeCount = (n * (n - 1)) / 2;
  const newer = new Int32Array(edgeCount);
  const older = new Int32Array(edgeCount);
  let e = 0;
  for (let v = 1; v < n; v++) {
    for (let w = 0; w < v; w++) {
      newer[e] = v;
      older[e] = w;
      e++;
    }
  }
  return networkFromGrowthEdges(n, newer, older, e, isDirected);
}
