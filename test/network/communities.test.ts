import { describe, expect, it } from 'vitest';
import { buildNetwork } from '../../engine/network/build.js';
import { communityCount, detectCommunities } from '../../engine/network/communities.js';
import { createEdgeBuffer, pushEdge } from '../../engine/network/edge-buffer.js';
import { generateNetwork } from '../../engine/network/generate.js';
import { createStream } from '../../engine/rng.js';

function cliquesJoinedByOneEdge(size: number, isDirected: boolean) {
  const edges = createEdgeBuffer(size * size);
  for (const base of [0, size]) {
    for (let u = 0; u < size; u++) for (let v = u + 1; v < size; v++) pushEdge(edges, base + u, base + v);
  }
  pushEdge(edges, 0, size);
  return buildNetwork(edges, { nodeCount: 2 * size + 1, isDirected });
}

describe('detectCommunities', () => {
  it('detectCommunities(two 6-cliques joined by one edge, plus an isolated person) finds 3 dense communities', () => {
    for (const isDirected of [false, true]) {
      const labels = detectCommunities(cliquesJoinedByOneEdge(6, isDirected), createStream(1, 'communities'));
      expect(Array.from(labels)).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2]);
    }
  });

  it('detectCommunities(stochastic-block with strong blocks) recovers the blocks', () => {
    // pIn·size = 20 neighbours inside, pOut·rest = 0.5 outside: label propagation should agree
    // with the planted blocks for all but a handful of people.
    const network = generateNetwork(
      { type: 'stochastic-block', sizes: [200, 200, 200, 200], pIn: 0.1, pOut: 0.001 },
      createStream(2, 'network'),
    );
    const labels = detectCommunities(network, createStream(2, 'communities'));
    const blocks = network.attributes.community!;
    expect(communityCount(labels)).toBe(4);
    // Majority label of each block, then the people who disagree with it.
    let disagreements = 0;
    for (let b = 0; b < 4; b++) {
      const tally = new Map<number, number>();
      for (let u = 200 * b; u < 200 * (b + 1); u++) tally.set(labels[u]!, (tally.get(labels[u]!) ?? 0) + 1);
      disagreements += 200 - Math.max(...tally.values());
    }
    expect(disagreements).toBeLessThanOrEqual(4);
    expect(blocks[0]).toBe(0);
  });

  it('detectCommunities is deterministic per stream and numbers communities densely in index order', () => {
    const network = generateNetwork({ type: 'holme-kim', nodes: 2000, m: 2, triad: 0.9 }, createStream(3));
    const a = detectCommunities(network, createStream(3, 'communities'));
    const b = detectCommunities(network, createStream(3, 'communities'));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(a[0]).toBe(0);
    let next = 0;
    for (const label of a) {
      expect(label).toBeLessThanOrEqual(next);
      if (label === next) next++;
    }
    expect(next).toBe(communityCount(a));
  });
});
