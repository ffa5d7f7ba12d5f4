/**
 * Generates a synthetic network from a spec already validated (the scenario's `network` object, any
 * type but `file`): estimates the memory the arrays will take and refuses before allocating when it
 * is too much, then dispatches to the family's generator. Every family runs in O(n + m) expected time
 * (the complete graph is O(n²) because m is) from the given stream only, so the same spec and stream
 * always give identical arrays. generate.ts validates first; this module does not load the schema
 * library, so the run pipeline (and a worker thread) starts without it.
 *
 * `resample` is not handled here: the caller passes a fresh run stream when it wants a new network.
 */
import { GraphError } from '../errors.js';
import type { Rng } from '../rng.js';
import { assertNetworkFits, estimateNetworkBytes, formatBytes, MAX_NETWORK_BYTES } from './build.js';
import { generateFlorentine, generateKarate } from './generators/classic.js';
import { generateConfiguration, powerLawMeanDegree } from './generators/configuration.js';
import { generateErdosRenyi } from './generators/erdos-renyi.js';
import { DEFAULT_FOLLOWER_EXPONENT, generateFollower } from './generators/follower.js';
import { generateComplete, generateWattsStrogatz } from './generators/lattice.js';
import {
  attachmentEdgeCount,
  generateBarabasiAlbert,
  generateHolmeKim,
} from './generators/preferential-attachment.js';
import { expectedBlockEdges, generateStochasticBlock } from './generators/stochastic-block.js';
import type { Network } from './network.js';
import type { NetworkSpec } from './spec.js';

/** A network spec that a generator builds (every type except `file`). */
export type GeneratedNetworkSpec = Exclude<NetworkSpec, { type: 'file' }>;

/** Default neighbours per person of a `ring`. */
export const DEFAULT_RING_K = 2;

/** People and expected edges (arcs when directed) a spec will produce. O(1), except configuration. */
export function expectedNetworkSize(spec: GeneratedNetworkSpec): { nodeCount: number; edgeCount: number } {
  const both = spec.directed === true ? 2 : 1;
  switch (spec.type) {
    case 'erdos-renyi':
      return { nodeCount: spec.nodes, edgeCount: (spec.nodes * spec.meanDegree) / (both === 2 ? 1 : 2) };
    case 'barabasi-albert':
    case 'holme-kim':
      return { nodeCount: spec.nodes, edgeCount: both * attachmentEdgeCount(spec.nodes, spec.m) };
    case 'watts-strogatz':
      return { nodeCount: spec.nodes, edgeCount: (both * spec.nodes * spec.k) / 2 };
    case 'ring':
      return { nodeCount: spec.nodes, edgeCount: (both * spec.nodes * (spec.k ?? DEFAULT_RING_K)) / 2 };
    case 'stochastic-block': {
      const nodeCount = spec.sizes.reduce((sum, size) => sum + size, 0);
      const edges = expectedBlockEdges(spec.sizes, spec.pIn, spec.pOut, spec.directed === true);
      return { nodeCount, edgeCount: edges };
    }
    case 'configuration': {
      // A cheap lower bound first, so a huge spec is refused before the O(maxDegree) mean.
      const lower = (both * spec.nodes * spec.minDegree) / 2;
      if (estimateNetworkBytes(spec.nodes, lower, both === 2) > MAX_NETWORK_BYTES) {
        return { nodeCount: spec.nodes, edgeCount: lower };
      }
      const mean = powerLawMeanDegree(spec.exponent, spec.minDegree, spec.maxDegree);
      return { nodeCount: spec.nodes, edgeCount: (both * spec.nodes * mean) / 2 };
    }
    case 'follower':
      return { nodeCount: spec.nodes, edgeCount: spec.nodes * spec.following * (1 + spec.reciprocity) };
    case 'complete':
      return { nodeCount: spec.nodes, edgeCount: (both * spec.nodes * (spec.nodes - 1)) / 2 };
    case 'karate':
      return { nodeCount: 34, edgeCount: both * 78 };
    case 'florentine':
      return { nodeCount: 15, edgeCount: both * 20 };
  }
}

/** Refuses a spec whose arrays would not fit, naming the family, the sizes and the estimate. */
function assertSpecFits(spec: GeneratedNetworkSpec): void {
  const { nodeCount, edgeCount } = expectedNetworkSize(spec);
  const isDirected = spec.type === 'follower' || spec.directed === true;
  const bytes = estimateNetworkBytes(nodeCount, edgeCount, isDirected);
  if (!(bytes <= MAX_NETWORK_BYTES)) {
    throw new GraphError(
      `network: ${spec.type} with ${nodeCount} nodes and about ${edgeCount.toPrecision(3)} edges needs an ` +
        `estimated ${formatBytes(bytes)} of arrays, more than the ${formatBytes(MAX_NETWORK_BYTES)} limit; ` +
        `use fewer nodes or a lower degree`,
    );
  }
  assertNetworkFits('network', nodeCount, edgeCount, isDirected);
}

/**
 * Generates the network a validated spec describes, drawing only from `rng` (see generateNetwork in
 * generate.ts, which validates first). Refuses with a GraphError a network whose estimated array
 * memory exceeds {@link MAX_NETWORK_BYTES}. O(n + m) expected time; allocates the CSR plus the
 * generator's temporaries.
 */
export function generateValidNetwork(valid: GeneratedNetworkSpec, rng: Rng): Network {
  assertSpecFits(valid);
  const isDirected = valid.directed === true;
  switch (valid.type) {
    case 'erdos-renyi':
      return generateErdosRenyi(rng, valid.nodes, valid.meanDegree, isDirected);
    case 'barabasi-albert':
      return generateBarabasiAlbert(rng, valid.nodes, valid.m, isDirected);
    case 'holme-kim':
      return generateHolmeKim(rng, valid.nodes, valid.m, valid.triad, isDirected);
    case 'watts-strogatz':
      return generateWattsStrogatz(rng, valid.nodes, valid.k, valid.beta, isDirected);
    case 'ring':
      return generateWattsStrogatz(rng, valid.nodes, valid.k ?? DEFAULT_RING_K, 0, isDirected);
    case 'stochastic-block':
      return generateStochasticBlock(rng, valid.sizes, valid.pIn, valid.pOut, isDirected);
    case 'configuration':
      return generateConfiguration(
        rng,
        valid.nodes,
        valid.exponent,
        valid.minDegree,
        valid.maxDegree,
        isDirected,
      );
    case 'follower':
      return generateFollower(
        rng,
        valid.nodes,
        valid.following,
        valid.reciprocity,
        valid.exponent ?? DEFAULT_FOLLOWER_EXPONENT,
      );
    case 'complete':
      return generateComplete(valid.nodes, isDirected);
    case 'karate':
      return generateKarate(isDirected);
    case 'florentine':
      return generateFlorentine(isDirected);
  }
}
