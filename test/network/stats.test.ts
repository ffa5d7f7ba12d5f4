import { describe, expect, it } from 'vitest';
import {
  localClustering,
  networkStats,
  powerLawExponent,
  undirectedView,
} from '../../engine/network/stats.js';
import { createStream, uniform53 } from '../../engine/rng.js';
import { smallNetwork } from './formats/fixtures.js';

const triangle = smallNetwork({
  nodeCount: 3,
  edges: [
    [0, 1],
    [1, 2],
    [2, 0],
  ],
});
const star = smallNetwork({
  nodeCount: 5,
  edges: [
    [0, 1],
    [0, 2],
    [0, 3],
    [0, 4],
  ],
});
const path = smallNetwork({
  nodeCount: 4,
  edges: [
    [0, 1],
    [1, 2],
    [2, 3],
  ],
});
/** A triangle plus a separate edge plus an isolated person: three components. */
const pieces = smallNetwork({
  nodeCount: 6,
  edges: [
    [0, 1],
    [1, 2],
    [2, 0],
    [3, 4],
  ],
});
/** The paw: triangle 0-1-2 with 3 hanging from 0. */
const paw = smallNetwork({
  nodeCount: 4,
  edges: [
    [0, 1],
    [1, 2],
    [2, 0],
    [0, 3],
  ],
});

describe('networkStats', () => {
  it('networkStats(triangle) has clustering 1, one component and mean degree 2', () => {
    expect(networkStats(triangle)).toEqual({
      nodes: 3,
      edges: 3,
      directed: false,
      meanDegree: 2,
      maxDegree: 2,
      clustering: 1,
      components: 1,
      largestComponent: 3,
      // k_min = 2: 1 + 3 / (3 ln(2 / 1.5)).
      degreeExponent: 1 + 1 / Math.log(2 / 1.5),
      selfLoopsDropped: 0,
      duplicatesDropped: 0,
    });
  });

  it('networkStats(star of 4 leaves) has clustering 0 and the hand-computed degree exponent', () => {
    const stats = networkStats(star);
    expect(stats.clustering).toBe(0);
    expect(stats.maxDegree).toBe(4);
    expect(stats.meanDegree).toBe(1.6);
    // Degrees 4,1,1,1,1 with k_min = 1: Σ ln(k / 0.5) = ln 8 + 4 ln 2 = 7 ln 2.
    expect(stats.degreeExponent).toBeCloseTo(1 + 5 / (7 * Math.LN2), 12);
  });

  it('networkStats(path of 4) has no triangles and one component', () => {
    const stats = networkStats(path);
    expect(stats.clustering).toBe(0);
    expect(stats.components).toBe(1);
    expect(stats.largestComponent).toBe(4);
    expect(stats.meanDegree).toBe(1.5);
  });

  it('networkStats(triangle + edge + isolated person) counts three components, the largest of 3', () => {
    const stats = networkStats(pieces);
    expect(stats.components).toBe(3);
    expect(stats.largestComponent).toBe(3);
    expect(stats.clustering).toBeCloseTo(3 / 6, 12);
  });

  it('networkStats(directed reciprocal pair and a chain) uses out-degrees and the undirected view', () => {
    const network = smallNetwork({
      nodeCount: 4,
      isDirected: true,
      edges: [
        [0, 1],
        [1, 0],
        [1, 2],
        [2, 0],
      ],
    });
    const stats = networkStats(network);
    expect(stats.edges).toBe(4);
    expect(stats.directed).toBe(true);
    expect(stats.meanDegree).toBe(1);
    expect(stats.maxDegree).toBe(2);
    // Undirected view: triangle 0-1-2 (the reciprocal pair counts once) plus isolated 3.
    expect(stats.clustering).toBeCloseTo(3 / 4, 12);
    expect(stats.components).toBe(2);
    expect(stats.largestComponent).toBe(3);
  });

  it('networkStats(dropped self-loops and duplicates) reports the counts from the builder', () => {
    const network = smallNetwork({
      nodeCount: 2,
      edges: [
        [0, 0],
        [0, 1],
        [1, 0],
      ],
    });
    expect(networkStats(network)).toMatchObject({ selfLoopsDropped: 1, duplicatesDropped: 1, edges: 1 });
  });

  it('networkStats(empty network) reports zeros and an undefined (NaN) exponent', () => {
    const stats = networkStats(smallNetwork({ nodeCount: 0, edges: [] }));
    expect(stats).toMatchObject({
      nodes: 0,
      meanDegree: 0,
      clustering: 0,
      components: 0,
      largestComponent: 0,
    });
    expect(stats.degreeExponent).toBeNaN();
  });
});

describe('localClustering', () => {
  it('localClustering(paw) gives 1/3 at the hub, 1 on the triangle and 0 for the pendant', () => {
    expect(Array.from(localClustering(paw))).toEqual([1 / 3, 1, 1, 0]);
    expect(networkStats(paw).clustering).toBeCloseTo(7 / 12, 12);
  });

  it('localClustering(directed graph) equals that of its undirected view', () => {
    const directed = smallNetwork({
      nodeCount: 4,
      isDirected: true,
      edges: [
        [1, 0],
        [2, 1],
        [0, 2],
        [3, 0],
      ],
    });
    expect(Array.from(localClustering(directed))).toEqual([1 / 3, 1, 1, 0]);
    const view = undirectedView(directed);
    expect(Array.from(view.targets.subarray(view.offsets[0], view.offsets[1]))).toEqual([1, 2, 3]);
  });
});

describe('powerLawExponent', () => {
  /** Degrees drawn from a power law of known exponent: continuous x ≥ k_min − ½, rounded (CSN's model). */
  const TRUE_EXPONENT = 2.5;
  const MIN_DEGREE = 10;
  const SAMPLE_SIZE = 200_000;
  /** Standard error of the MLE: (α − 1) / √N (CSN 2009, eq. 3.2). */
  const STANDARD_ERROR = (TRUE_EXPONENT - 1) / Math.sqrt(SAMPLE_SIZE);
  /** Four standard errors plus the approximation's bias, which CSN put below 1% of α for k_min ≥ 6. */
  const TOLERANCE = 4 * STANDARD_ERROR + 0.01 * TRUE_EXPONENT;

  it('powerLawExponent(degrees of a known power law) recovers the exponent within the stated tolerance', () => {
    const rng = createStream(7, 'test', 'power-law');
    const degrees = new Int32Array(SAMPLE_SIZE);
    for (let i = 0; i < SAMPLE_SIZE; i++) {
      const x = (MIN_DEGREE - 0.5) * (1 - uniform53(rng)) ** (-1 / (TRUE_EXPONENT - 1));
      degrees[i] = Math.floor(x + 0.5);
    }
    expect(Math.abs(powerLawExponent(degrees) - TRUE_EXPONENT)).toBeLessThan(TOLERANCE);
    expect(Math.abs(powerLawExponent(degrees, MIN_DEGREE) - TRUE_EXPONENT)).toBeLessThan(TOLERANCE);
  });

  it('powerLawExponent(degrees below k_min only) is NaN', () => {
    expect(powerLawExponent(Int32Array.from([0, 0, 0]))).toBeNaN();
    expect(powerLawExponent(Int32Array.from([1, 2]), 5)).toBeNaN();
  });
});
