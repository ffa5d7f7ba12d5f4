/**
 * The public entry point of the viralsim engine: re-exports only. The browser and library users
 * import from here; nothing under engine/cli/ is reachable from this module.
 */
export { describeValue, GraphError, OptionsError, ScenarioError, ViralsimError } from './errors.js';
export {
  assertNetworkFits,
  type BuildNetworkOptions,
  buildNetwork,
  estimateNetworkBytes,
  formatBytes,
  MAX_NETWORK_BYTES,
} from './network/build.js';
export { createEdgeBuffer, type EdgeBuffer, pushEdge } from './network/edge-buffer.js';
export {
  ATTRIBUTE_NAMES,
  type AttributeColumn,
  type AttributeName,
  inDegree,
  type Network,
  type NodeAttributes,
  nodeId,
  outDegree,
} from './network/network.js';
export {
  bernoulli,
  binomial,
  createStream,
  exponential,
  geometric,
  RNG_NAME,
  type Rng,
  shuffleInPlace,
  uniform53,
  uniformInt,
  uniformRange,
  weightedChoice,
} from './rng.js';
export { resetWarnings, setWarningSink, type WarningSink, warn, warningCount } from './warn.js';
