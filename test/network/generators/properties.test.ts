import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { type GeneratedNetworkSpec, generateNetwork } from '../../../engine/network/generate.js';
import { createStream } from '../../../engine/rng.js';
import { resetWarnings } from '../../../engine/warn.js';
import { expectSimpleNetwork, sameArrays } from './graph-checks.js';

/** fast-check settings: a fixed seed so CI is reproducible (fast-check prints it on failure). */
const PROPERTY_OPTIONS = { seed: 20240502, numRuns: 40 };

const size = fc.integer({ min: 3, max: 60 });
const probability = fc.double({ min: 0, max: 1, noNaN: true });
const directed = fc.boolean();

/** An arbitrary spec of every generated family, on small graphs. */
const specArbitrary: fc.Arbitrary<GeneratedNetworkSpec> = fc.oneof(
  fc.record({ nodes: size, fraction: probability, directed }).map(({ nodes, fraction, directed }) => ({
    type: 'erdos-renyi' as const,
    nodes,
    meanDegree: fraction * (nodes - 1),
    directed,
  })),
  fc
    .record({ nodes: size, m: fc.integer({ min: 1, max: 6 }), directed })
    .filter(({ nodes, m }) => m < nodes)
    .map((r) => ({ type: 'barabasi-albert' as const, ...r })),
  fc
    .record({ nodes: size, m: fc.integer({ min: 1, max: 6 }), triad: probability, directed })
    .filter(({ nodes, m }) => m < nodes)
    .map((r) => ({ type: 'holme-kim' as const, ...r })),
  fc
    .record({ nodes: size, half: fc.integer({ min: 1, max: 4 }), beta: probability, directed })
    .filter(({ nodes, half }) => 2 * half < nodes)
    .map(({ nodes, half, beta, directed }) => ({
      type: 'watts-strogatz' as const,
      nodes,
      k: 2 * half,
      beta,
      directed,
    })),
  fc
    .record({
      sizes: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 4 }),
      pIn: probability,
      pOut: probability,
      directed,
    })
    .map((r) => ({ type: 'stochastic-block' as const, ...r })),
  fc
    .record({
      nodes: fc.integer({ min: 10, max: 80 }),
      exponent: fc.double({ min: 1.5, max: 3.5, noNaN: true }),
      minDegree: fc.integer({ min: 1, max: 3 }),
      extra: fc.integer({ min: 0, max: 8 }),
      directed,
    })
    .map(({ nodes, exponent, minDegree, extra, directed }) => ({
      type: 'configuration' as const,
      nodes,
      exponent,
      minDegree,
      maxDegree: minDegree + extra,
      directed,
    })),
  fc
    .record({
      nodes: size,
      fraction: fc.double({ min: 0.01, max: 1, noNaN: true }),
      reciprocity: probability,
      exponent: fc.double({ min: 2.05, max: 3.5, noNaN: true }),
    })
    .map(({ nodes, fraction, reciprocity, exponent }) => ({
      type: 'follower' as const,
      nodes,
      following: fraction * (nodes - 1),
      reciprocity,
      exponent,
    })),
  fc
    .record({ nodes: fc.integer({ min: 1, max: 30 }), directed })
    .map((r) => ({ type: 'complete' as const, ...r })),
  fc
    .record({ nodes: size, half: fc.integer({ min: 1, max: 3 }), directed })
    .filter(({ nodes, half }) => 2 * half < nodes)
    .map(({ nodes, half, directed }) => ({ type: 'ring' as const, nodes, k: 2 * half, directed })),
);

function expectedNodes(spec: GeneratedNetworkSpec): number {
  if (spec.type === 'stochastic-block') return spec.sizes.reduce((a, b) => a + b, 0);
  if (spec.type === 'karate') return 34;
  if (spec.type === 'florentine') return 15;
  return spec.nodes;
}

afterEach(() => resetWarnings());

describe('generateNetwork properties', () => {
  it('generateNetwork(any family) gives the promised node count, sorted simple rows and degree sum = 2·edges', () => {
    fc.assert(
      fc.property(specArbitrary, fc.integer({ min: 0, max: 1000 }), (spec, seed) => {
        const network = generateNetwork(spec, createStream(seed, 'network'));
        expect(network.nodeCount).toBe(expectedNodes(spec));
        expect(network.isDirected).toBe(spec.type === 'follower' || spec.directed === true);
        expectSimpleNetwork(network);
      }),
      PROPERTY_OPTIONS,
    );
  });

  it('generateNetwork(any family) with the same seed gives identical arrays', () => {
    fc.assert(
      fc.property(specArbitrary, fc.integer({ min: 0, max: 1000 }), (spec, seed) => {
        const a = generateNetwork(spec, createStream(seed, 'network'));
        const b = generateNetwork(spec, createStream(seed, 'network'));
        expect(sameArrays(a, b)).toBe(true);
      }),
      PROPERTY_OPTIONS,
    );
  });

  it('generateNetwork(each random family) with another seed gives different arrays', () => {
    const specs: GeneratedNetworkSpec[] = [
      { type: 'erdos-renyi', nodes: 200, meanDegree: 4 },
      { type: 'erdos-renyi', nodes: 200, meanDegree: 4, directed: true },
      { type: 'barabasi-albert', nodes: 200, m: 2 },
      { type: 'holme-kim', nodes: 200, m: 2, triad: 0.5 },
      { type: 'watts-strogatz', nodes: 200, k: 4, beta: 0.2 },
      { type: 'stochastic-block', sizes: [50, 50], pIn: 0.2, pOut: 0.02 },
      { type: 'configuration', nodes: 200, exponent: 2.5, minDegree: 1, maxDegree: 30 },
      { type: 'follower', nodes: 200, following: 5, reciprocity: 0.3 },
    ];
    for (const spec of specs) {
      const a = generateNetwork(spec, createStream(1, 'network'));
      const b = generateNetwork(spec, createStream(2, 'network'));
      expect(sameArrays(a, b), spec.type).toBe(false);
    }
  });
});
