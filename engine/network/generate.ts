/**
 * Generates a synthetic network from its spec (the scenario's `network` object, any type but
 * `file`): validates the spec, then builds it with generate-valid.ts (memory check, then the
 * family's generator). The same spec and stream always give identical arrays.
 *
 * `resample` is not handled here: the caller passes a fresh run stream when it wants a new network.
 */
import { OptionsError } from '../errors.js';
import type { Rng } from '../rng.js';
import { type GeneratedNetworkSpec, generateValidNetwork } from './generate-valid.js';
import type { Network } from './network.js';
import { type NetworkSpec, parseNetworkSpec } from './spec.js';

export {
  DEFAULT_RING_K,
  expectedNetworkSize,
  type GeneratedNetworkSpec,
  generateValidNetwork,
} from './generate-valid.js';

/**
 * Generates the network a spec describes, drawing only from `rng`. Validates the spec first (a
 * ScenarioError lists every problem), then refuses with a GraphError a network whose estimated array
 * memory exceeds {@link MAX_NETWORK_BYTES} (the message gives the estimate). Generated people are
 * numbered 0..n−1 (`ids` null) except `florentine`, whose ids are family names.
 *
 * Direction: `follower` is always directed (arc u → v: v follows u, so out-degree = followers);
 * `erdos-renyi` and `stochastic-block` with `directed` draw every ordered pair independently;
 * the other families are undirected by nature and `directed` stores each edge as two opposite arcs.
 * O(n + m) expected time; allocates the CSR plus the generator's temporaries.
 */
export function generateNetwork(spec: GeneratedNetworkSpec, rng: Rng): Network {
  if ((spec as NetworkSpec).type === 'file') {
    throw new OptionsError('network: type "file" is read from a graph file, not generated');
  }
  const valid = parseNetworkSpec(spec, 'network') as GeneratedNetworkSpec;
  return generateValidNetwork(valid, rng);
}
