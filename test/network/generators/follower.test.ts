import { describe, expect, it } from 'vitest';
import { generateNetwork } from '../../../engine/network/generate.js';
import { powerLawExponent } from '../../../engine/network/stats.js';
import { createStream } from '../../../engine/rng.js';
import { hasArc, inDegrees, outDegrees } from './graph-checks.js';

describe('generateNetwork follower', () => {
  it('generateNetwork(follower) has heavy-tailed follower counts (out-degree) with the given exponent', () => {
    const NODES = 50_000;
    const EXPONENT = 2.3;
    const MIN_FOLLOWERS = 30;
    const TOLERATED_MULTIPLE = 4;
    // Follower counts are Poisson mixtures over a Pareto attractiveness: the tail approaches
    // k^−exponent from slightly above; allow this much model bias besides the sampling error.
    const MODEL_BIAS = 0.1;
    const network = generateNetwork(
      { type: 'follower', nodes: NODES, following: 10, reciprocity: 0 },
      createStream(41, 'network'),
    );
    const followers = outDegrees(network);
    const following = inDegrees(network);
    const tail = followers.filter((k) => k >= MIN_FOLLOWERS).length;
    const estimate = powerLawExponent(followers, MIN_FOLLOWERS);
    const standardError = (estimate - 1) / Math.sqrt(tail);
    expect(Math.abs(estimate - EXPONENT)).toBeLessThan(TOLERATED_MULTIPLE * standardError + MODEL_BIAS);
    // The follow side is light-tailed (binomial, mean 10): the largest account is followed by
    // thousands, while nobody follows more than a few dozen.
    expect(Math.max(...followers)).toBeGreaterThan(1000);
    expect(Math.max(...following)).toBeLessThan(40);
    // Mean accounts followed: arcs/n ≈ following, within 4 SE of a binomial total.
    expect(Math.abs(network.arcCount / NODES - 10)).toBeLessThan((4 * Math.sqrt(NODES * 10)) / NODES);
  });

  it('generateNetwork(follower) makes about reciprocity of the linked pairs follow each other', () => {
    const NODES = 20_000;
    const RECIPROCITY = 0.3;
    const network = generateNetwork(
      { type: 'follower', nodes: NODES, following: 8, reciprocity: RECIPROCITY },
      createStream(42, 'network'),
    );
    let pairs = 0;
    let mutual = 0;
    for (let u = 0; u < NODES; u++) {
      for (let e = network.outOffsets[u] as number; e < (network.outOffsets[u + 1] as number); e++) {
        const v = network.outTargets[e] as number;
        const isMutual = hasArc(network, v, u);
        if (isMutual && v < u) continue;
        pairs++;
        if (isMutual) mutual++;
      }
    }
    // A binomial proportion over the linked pairs; chance mutual follows add a bias below 0.005.
    const standardError = Math.sqrt((RECIPROCITY * (1 - RECIPROCITY)) / pairs);
    const CHANCE_BIAS = 0.005;
    expect(Math.abs(mutual / pairs - RECIPROCITY)).toBeLessThan(4 * standardError + CHANCE_BIAS);
  });

  it('generateNetwork(follower) is always directed and rejects directed: false', () => {
    const network = generateNetwork(
      { type: 'follower', nodes: 50, following: 3, reciprocity: 1 },
      createStream(1),
    );
    expect(network.isDirected).toBe(true);
    expect(() =>
      generateNetwork(
        { type: 'follower', nodes: 50, following: 3, reciprocity: 1, directed: false },
        createStream(1),
      ),
    ).toThrow(/network: directed: expected true or nothing/);
  });
});
