import { describe, expect, it } from 'vitest';
import { GraphError, ScenarioError } from '../../../engine/errors.js';
import { type GeneratedNetworkSpec, generateNetwork } from '../../../engine/network/generate.js';
import { createStream } from '../../../engine/rng.js';

function attempt(spec: unknown): unknown {
  try {
    generateNetwork(spec as GeneratedNetworkSpec, createStream(1));
  } catch (error) {
    return error;
  }
  return null;
}

describe('generateNetwork bad input', () => {
  it('generateNetwork(barabasi-albert, m >= nodes) names m and the node count', () => {
    const error = attempt({ type: 'barabasi-albert', nodes: 5, m: 5 });
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as Error).message).toBe('network: m: expected m < nodes (5), got 5');
  });

  it('generateNetwork(negative size) names the field, the bound and the value', () => {
    const error = attempt({ type: 'erdos-renyi', nodes: -10, meanDegree: 2 });
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as Error).message).toContain('network: nodes: expected a number >= 1, got -10');
    expect(attempt({ type: 'stochastic-block', sizes: [10, 0], pIn: 0.5, pOut: 0.1 })).toBeInstanceOf(
      ScenarioError,
    );
  });

  it('generateNetwork(probability > 1) reports every bad probability at once', () => {
    const error = attempt({ type: 'stochastic-block', sizes: [10], pIn: 1.5, pOut: -0.1 }) as ScenarioError;
    expect(error).toBeInstanceOf(ScenarioError);
    expect(error.problems).toEqual([
      'network: pIn: expected a number <= 1, got 1.5',
      'network: pOut: expected a number >= 0, got -0.1',
    ]);
  });

  it('generateNetwork(nodes: 1e10) refuses before allocating, stating the memory estimate', () => {
    const error = attempt({ type: 'erdos-renyi', nodes: 1e10, meanDegree: 10 });
    expect(error).toBeInstanceOf(GraphError);
    expect((error as Error).message).toMatch(
      /^network: erdos-renyi with 10000000000 nodes and about 5\.00e\+10 edges needs an estimated [\d.]+ GB of arrays, more than the 4\.3 GB limit/,
    );
    expect(attempt({ type: 'complete', nodes: 100_000 })).toBeInstanceOf(GraphError);
    expect(
      attempt({
        type: 'configuration',
        nodes: 500_000_000,
        exponent: 2,
        minDegree: 1,
        maxDegree: 400_000_000,
      }),
    ).toBeInstanceOf(GraphError);
  });

  it('generateNetwork(unknown type, ring too small, file) names what is wrong', () => {
    expect((attempt({ type: 'small-world', nodes: 10 }) as Error).message).toContain(
      'network: type: expected one of',
    );
    expect((attempt({ type: 'ring', nodes: 2 }) as Error).message).toBe(
      'network: nodes: expected at least 3 nodes for a ring with the default k = 2, got 2',
    );
    expect((attempt({ type: 'file', path: 'x.txt' }) as Error).message).toContain('read from a graph file');
  });
});
