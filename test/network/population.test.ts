import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../engine/errors.js';
import { generateNetwork } from '../../engine/network/generate.js';
import type { Network } from '../../engine/network/network.js';
import { POPULATION_DEFAULTS, TIER_NAMES } from '../../engine/network/population.js';
import { assignPopulation, parsePopulationSpec } from '../../engine/network/population-spec.js';
import { createStream } from '../../engine/rng.js';

/** Share of edges whose two ends have the same code. */
function sameValueEdgeShare(network: Network, codes: Uint8Array): number {
  let same = 0;
  let total = 0;
  for (let u = 0; u < network.nodeCount; u++) {
    for (let e = network.outOffsets[u] as number; e < (network.outOffsets[u + 1] as number); e++) {
      total++;
      if (codes[u] === codes[network.outTargets[e] as number]) same++;
    }
  }
  return same / total;
}

describe('assignPopulation', () => {
  it('assignPopulation(random shares) respects the normalised shares within 4 standard errors', () => {
    const NODES = 20_000;
    const TOLERATED_MULTIPLE = 4;
    const network = generateNetwork({ type: 'erdos-renyi', nodes: NODES, meanDegree: 4 }, createStream(1));
    assignPopulation(
      network,
      { segment: { values: { young: 2, adult: 5, senior: 3 } }, region: { values: { north: 1, south: 0 } } },
      createStream(1, 'population'),
    );
    const segment = network.attributes.columns.segment!;
    expect(segment.names).toEqual(['young', 'adult', 'senior']);
    [0.2, 0.5, 0.3].forEach((share, code) => {
      const observed = segment.codes.filter((c) => c === code).length / NODES;
      // A binomial proportion: SE = sqrt(share·(1 − share)/n).
      expect(Math.abs(observed - share)).toBeLessThan(
        TOLERATED_MULTIPLE * Math.sqrt((share * (1 - share)) / NODES),
      );
    });
    expect(network.attributes.columns.region!.codes.every((c) => c === 0)).toBe(true);
  });

  it('assignPopulation(community, homophily) raises the share of same-segment edges', () => {
    const values = { a: 1, b: 1, c: 1, d: 1 };
    const shares = [0, 0.5, 0.9].map((homophily) => {
      const network = generateNetwork(
        { type: 'stochastic-block', sizes: Array(20).fill(100), pIn: 0.08, pOut: 0.001 },
        createStream(2, 'network'),
      );
      const segment =
        homophily === 0 ? { values } : { values, assign: 'community' as const, homophily: homophily };
      assignPopulation(network, { segment }, createStream(2, 'population'));
      return sameValueEdgeShare(network, network.attributes.columns.segment!.codes);
    });
    // Random assignment: about 1/4 of edges join equal segments. With homophily h inside
    // communities (about 2/3 of edges here), the share rises towards h² + (1 − h²)/4.
    expect(Math.abs((shares[0] as number) - 0.25)).toBeLessThan(0.02);
    expect(shares[1]).toBeGreaterThan((shares[0] as number) + 0.1);
    expect(shares[2]).toBeGreaterThan((shares[1] as number) + 0.15);
  });

  it('assignPopulation(community) on a network without communities detects and stores them', () => {
    const network = generateNetwork({ type: 'holme-kim', nodes: 3000, m: 3, triad: 0.9 }, createStream(3));
    expect(network.attributes.community).toBeNull();
    assignPopulation(
      network,
      { interest: { values: { sport: 1, music: 1 }, assign: 'community', homophily: 1 } },
      createStream(3, 'population'),
    );
    const communities = network.attributes.community!;
    const interest = network.attributes.columns.interest!.codes;
    // homophily 1: everyone takes their community's value.
    for (let u = 1; u < 3000; u++) {
      if (communities[u] === communities[0]) expect(interest[u]).toBe(interest[0]);
    }
  });

  it('assignPopulation tiers people by followers (out-degree when directed) times followerScale', () => {
    const network = generateNetwork({ type: 'barabasi-albert', nodes: 20_000, m: 3 }, createStream(4));
    assignPopulation(network, undefined, createStream(4, 'population'));
    const tier = network.attributes.columns.tier!;
    expect(tier.names).toEqual(TIER_NAMES);
    const { micro, macro, mega } = POPULATION_DEFAULTS.tiers;
    for (let u = 0; u < network.nodeCount; u++) {
      const k = (network.outOffsets[u + 1] as number) - (network.outOffsets[u] as number);
      const expected = k >= mega ? 3 : k >= macro ? 2 : k >= micro ? 1 : 0;
      expect(tier.codes[u]).toBe(expected);
    }
    const follower = generateNetwork(
      { type: 'follower', nodes: 2000, following: 5, reciprocity: 0 },
      createStream(5),
    );
    assignPopulation(
      follower,
      { tiers: { micro: 100, macro: 1000, mega: 10_000 }, followerScale: 10 },
      createStream(5),
    );
    for (let u = 0; u < follower.nodeCount; u++) {
      const followers = (follower.outOffsets[u + 1] as number) - (follower.outOffsets[u] as number);
      const real = followers * 10;
      const expected = real >= 10_000 ? 3 : real >= 1000 ? 2 : real >= 100 ? 1 : 0;
      expect(follower.attributes.columns.tier!.codes[u]).toBe(expected);
    }
  });

  it('parsePopulationSpec reports bad shares, homophily without community and unordered tiers at once', () => {
    let error: unknown = null;
    try {
      parsePopulationSpec(
        {
          segment: { values: { a: -1 } },
          region: { values: { x: 0, y: 0 } },
          ageBand: { values: { teen: 1 }, homophily: 0.5 },
          interest: { values: { a: 1 }, assign: 'community', homophily: 1.5 },
          tiers: { micro: 50, macro: 40 },
        },
        'city.json',
        ['population'],
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).problems).toEqual([
      'city.json: population.segment.values.a: expected a number >= 0, got -1',
      'city.json: population.region.values: expected shares summing to more than 0, got 0',
      'city.json: population.ageBand.homophily: applies only with assign "community", got assign "random"',
      'city.json: population.interest.homophily: expected a number <= 1, got 1.5',
      'city.json: population.tiers.macro: expected macro > micro (50), got 40',
    ]);
  });
});
