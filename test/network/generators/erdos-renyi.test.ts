import { describe, expect, it } from 'vitest';
import { generateNetwork } from '../../../engine/network/generate.js';
import { createStream } from '../../../engine/rng.js';
import { outDegrees } from './graph-checks.js';

describe('generateNetwork erdos-renyi', () => {
  it('generateNetwork(erdos-renyi, undirected) has mean degree meanDegree within 4 standard errors', () => {
    const NODES = 20_000;
    const MEAN_DEGREE = 10;
    // 2·edges/n with edges ~ Binomial(n(n−1)/2, p): SE = 2·sqrt(pairs·p·(1−p))/n.
    const p = MEAN_DEGREE / (NODES - 1);
    const STANDARD_ERROR = (2 * Math.sqrt(((NODES * (NODES - 1)) / 2) * p * (1 - p))) / NODES;
    const TOLERATED_MULTIPLE = 4;
    const network = generateNetwork(
      { type: 'erdos-renyi', nodes: NODES, meanDegree: MEAN_DEGREE },
      createStream(11, 'network'),
    );
    const mean = (2 * network.edgeCount) / NODES;
    expect(Math.abs(mean - MEAN_DEGREE)).toBeLessThan(TOLERATED_MULTIPLE * STANDARD_ERROR);
    // Degrees are Binomial(n − 1, p) ≈ Poisson: the variance is close to the mean (±5% on 20,000 people).
    const degrees = outDegrees(network);
    let squares = 0;
    for (const k of degrees) squares += (k - mean) ** 2;
    expect(squares / NODES / MEAN_DEGREE).toBeCloseTo(1, 1);
  });

  it('generateNetwork(erdos-renyi, directed) has mean out-degree meanDegree and independent arc directions', () => {
    const NODES = 20_000;
    const MEAN_DEGREE = 6;
    // arcs ~ Binomial(n(n−1), p): SE of arcs/n = sqrt(n(n−1)·p·(1−p))/n.
    const p = MEAN_DEGREE / (NODES - 1);
    const STANDARD_ERROR = Math.sqrt(NODES * (NODES - 1) * p * (1 - p)) / NODES;
    const TOLERATED_MULTIPLE = 4;
    const network = generateNetwork(
      { type: 'erdos-renyi', nodes: NODES, meanDegree: MEAN_DEGREE, directed: true },
      createStream(12, 'network'),
    );
    expect(network.isDirected).toBe(true);
    expect(Math.abs(network.arcCount / NODES - MEAN_DEGREE)).toBeLessThan(
      TOLERATED_MULTIPLE * STANDARD_ERROR,
    );
    // Reciprocal pairs: each arc's reverse is present with probability p, so about arcs·p of them (Poisson).
    let reciprocal = 0;
    for (let u = 0; u < NODES; u++) {
      for (let e = network.outOffsets[u] as number; e < (network.outOffsets[u + 1] as number); e++) {
        const v = network.outTargets[e] as number;
        const row = network.outTargets.subarray(network.outOffsets[v], network.outOffsets[v + 1]);
        if (row.includes(u)) reciprocal++;
      }
    }
    const expectedReciprocal = network.arcCount * p;
    expect(Math.abs(reciprocal - expectedReciprocal)).toBeLessThan(4 * Math.sqrt(expectedReciprocal) + 2);
  });

  it('generateNetwork(erdos-renyi, meanDegree n − 1) is the complete graph and meanDegree 0 is empty', () => {
    const full = generateNetwork({ type: 'erdos-renyi', nodes: 30, meanDegree: 29 }, createStream(1));
    expect(full.edgeCount).toBe((30 * 29) / 2);
    const empty = generateNetwork({ type: 'erdos-renyi', nodes: 30, meanDegree: 0 }, createStream(1));
    expect(empty.edgeCount).toBe(0);
  });
});

describe('generateNetwork stochastic-block', () => {
  it('generateNetwork(stochastic-block) has within- and between-block edge counts within 4 standard errors', () => {
    const SIZES = [300, 500, 200];
    const P_IN = 0.05;
    const P_OUT = 0.004;
    const TOLERATED_MULTIPLE = 4;
    const network = generateNetwork(
      { type: 'stochastic-block', sizes: SIZES, pIn: P_IN, pOut: P_OUT },
      createStream(13, 'network'),
    );
    const block = network.attributes.community!;
    expect(Array.from(block.subarray(0, 3))).toEqual([0, 0, 0]);
    expect(block[300]).toBe(1);
    expect(block[999]).toBe(2);
    let within = 0;
    let between = 0;
    for (let u = 0; u < network.nodeCount; u++) {
      for (let e = network.outOffsets[u] as number; e < (network.outOffsets[u + 1] as number); e++) {
        const v = network.outTargets[e] as number;
        if (v < u) continue;
        if (block[u] === block[v]) within++;
        else between++;
      }
    }
    const withinPairs = SIZES.reduce((sum, s) => sum + (s * (s - 1)) / 2, 0);
    const betweenPairs = (1000 * 999) / 2 - withinPairs;
    // Binomial counts: SE = sqrt(pairs·p·(1−p)).
    const withinSe = Math.sqrt(withinPairs * P_IN * (1 - P_IN));
    const betweenSe = Math.sqrt(betweenPairs * P_OUT * (1 - P_OUT));
    expect(Math.abs(within - withinPairs * P_IN)).toBeLessThan(TOLERATED_MULTIPLE * withinSe);
    expect(Math.abs(between - betweenPairs * P_OUT)).toBeLessThan(TOLERATED_MULTIPLE * betweenSe);
  });

  it('generateNetwork(stochastic-block, pOut 0) links nobody across blocks, and pIn 1 makes each block complete', () => {
    const network = generateNetwork(
      { type: 'stochastic-block', sizes: [4, 6], pIn: 1, pOut: 0, directed: true },
      createStream(1),
    );
    expect(network.arcCount).toBe(4 * 3 + 6 * 5);
    expect(Array.from(network.outTargets.subarray(network.outOffsets[0], network.outOffsets[1]))).toEqual([
      1, 2, 3,
    ]);
  });
});
