import { describe, expect, it } from 'vitest';
import { generateNetwork } from '../../../engine/network/generate.js';
import { nodeId } from '../../../engine/network/network.js';
import { createStream } from '../../../engine/rng.js';
import { expectSimpleNetwork, outDegrees } from './graph-checks.js';

describe('generateNetwork karate and florentine', () => {
  it("generateNetwork(karate) is Zachary's club: 34 members, 78 ties, hubs 0 and 33, two factions of 17", () => {
    const network = generateNetwork({ type: 'karate' }, createStream(1));
    expectSimpleNetwork(network);
    expect(network.nodeCount).toBe(34);
    expect(network.edgeCount).toBe(78);
    const degrees = outDegrees(network);
    expect(degrees[0]).toBe(16);
    expect(degrees[33]).toBe(17);
    expect(nodeId(network, 33)).toBe('33');
    const factions = Array.from(network.attributes.community!);
    expect(factions.filter((c) => c === 0).length).toBe(17);
    expect(factions[0]).toBe(0);
    expect(factions[33]).toBe(1);
  });

  it('generateNetwork(florentine) keeps the family names as ids and labels; the Medici have 6 ties', () => {
    const network = generateNetwork({ type: 'florentine' }, createStream(1));
    expectSimpleNetwork(network);
    expect(network.nodeCount).toBe(15);
    expect(network.edgeCount).toBe(20);
    const medici = network.ids!.indexOf('Medici');
    expect(network.labels![medici]).toBe('Medici');
    expect(outDegrees(network)[medici]).toBe(6);
  });

  it('generateNetwork(karate, directed) stores each tie as two opposite arcs', () => {
    const network = generateNetwork({ type: 'karate', directed: true }, createStream(1));
    expect(network.isDirected).toBe(true);
    expect(network.arcCount).toBe(156);
  });
});
