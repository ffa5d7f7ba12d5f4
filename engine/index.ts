/**
 * The public entry point of the viralsim engine: re-exports only. The browser and library users
 * import from here; nothing under engine/cli/ is reachable from this module.
 */
export {
  type BatchResult,
  buildRunReport,
  type NetworkSummary,
  type RunBatchOptions,
  type RunReport,
  runBatch,
  type SimulateOptions,
  simulate,
  summarizeNetwork,
} from './batch/run-batch.js';
export {
  type Audiences,
  type FileNetworkSpec,
  type GraphLoader,
  type LentNetwork,
  networkKeyOf,
  type PreparedScenario,
  type PrepareOptions,
  prepareScenario,
  resolveAudiences,
  runRange,
  type SimulateRunOptions,
  simulateRun,
} from './batch/simulate.js';
export {
  type CascadeSizeDistribution,
  type CcdfPoint,
  cascadeSizeDistribution,
  type MetricSummary,
  type SizeBin,
  studentT975,
  summarize,
  summarizeRuns,
} from './batch/summary.js';
export {
  CAMPAIGN_CHANNEL_NAMES,
  CAMPAIGN_KIND_NAMES,
  CAMPAIGN_STATE_NAMES,
} from './campaign/codes.js';
export { CUMULATIVE_SERIES } from './campaign/metrics.js';
export {
  DELAY_DISTRIBUTIONS,
  type DelayDistribution,
  PLATFORM_DEFAULTS,
  PLATFORM_PRESETS,
  type Platform,
  type PlatformPreset,
} from './campaign/platforms.js';
export { type CampaignRunResult, type RunCampaignOptions, runCampaign } from './campaign/run-campaign.js';
export {
  CAMPAIGN_DEFAULTS,
  type CampaignSpec,
  campaignSpecSchema,
  GOAL_METRICS,
  type GoalMetric,
  INFLUENCER_TIERS,
  type ResolvedCampaign,
  type ResolvedCrisis,
  type ResolvedPost,
  resolveCampaign,
  validateCampaign,
} from './campaign/spec.js';
export { describeValue, GraphError, OptionsError, ScenarioError, ViralsimError } from './errors.js';
export {
  type CascadeMetrics,
  type CascadeScratch,
  computeCascadeMetrics,
  createCascadeScratch,
  generationSizes,
  reproductionByGeneration,
  structuralViralityOfTree,
} from './metrics/cascade.js';
export { type ModelRunOptions, runModel, type StreamSource } from './models/run-model.js';
export {
  type ClassicModelSpec,
  MODEL_TYPES,
  type ModelSpec,
  modelSpecSchema,
  parseModelSpec,
} from './models/spec.js';
export { type AudienceFilter, audienceMask } from './network/audience.js';
export {
  assertNetworkFits,
  type BuildNetworkOptions,
  buildNetwork,
  estimateNetworkBytes,
  formatBytes,
  MAX_NETWORK_BYTES,
} from './network/build.js';
export { communityCount, detectCommunities } from './network/communities.js';
export { createEdgeBuffer, type EdgeBuffer, pushEdge } from './network/edge-buffer.js';
export {
  FORMAT_EXTENSIONS,
  inferFormat,
  parseGraphFormat,
  type ReadGraphOptions,
  readGraph,
  writeGraph,
} from './network/formats/graph-file.js';
export {
  expectedNetworkSize,
  type GeneratedNetworkSpec,
  generateNetwork,
} from './network/generate.js';
export { type FromGraphologyOptions, fromGraphology, toGraphology } from './network/graphology.js';
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
export { POPULATION_DEFAULTS, TIER_NAMES, type TierName } from './network/population.js';
export {
  assignPopulation,
  type PopulationSpec,
  parsePopulationSpec,
  populationSpecSchema,
} from './network/population-spec.js';
export { GRAPH_FORMATS, type GraphFormat } from './network/spec.js';
export {
  localClustering,
  type NetworkStats,
  networkStats,
  powerLawExponent,
} from './network/stats.js';
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
export { scenarioJsonSchema } from './scenario/json-schema.js';
export { type Assignment, applyAssignments, parseAssignment, parsePath } from './scenario/override.js';
export { parseScenario, scenarioProblems, validateScenario } from './scenario/parse.js';
export {
  SCENARIO_FORMAT_VERSION,
  type Scenario,
  type ScenarioInput,
  scenarioSchema,
} from './scenario/schema.js';
export { coreNumbers } from './seeding/k-core.js';
export {
  PAGERANK_DEFAULTS,
  type PageRankOptions,
  pageRank,
  resolvePageRankOptions,
} from './seeding/pagerank.js';
export { isSeedingFixed, seedCount, selectSeeds, selectSeedsIn } from './seeding/select.js';
export {
  SEEDING_STRATEGIES,
  type SeedingSpec,
  type SeedingStrategy,
  seedingSpecSchema,
} from './seeding/spec.js';
export {
  clearEventQueue,
  createEventQueue,
  type EventQueue,
  eventQueueSize,
  peekKind,
  peekNode,
  peekSource,
  peekTime,
  popEvent,
  pushEvent,
} from './simulation/event-queue.js';
export {
  countsFromTrace,
  createTrace,
  forestFromTrace,
  recordEvent,
  serializeTrace,
  stateAtTime,
  TRACE_FORMAT,
  TRACE_VERSION,
  type TraceMeta,
  trimTrace,
} from './simulation/trace.js';
export { parseTrace } from './simulation/trace-parse.js';
export type { CascadeForest, RunResult, TimeSeries, Trace } from './simulation/types.js';
export { resetWarnings, setWarningSink, type WarningSink, warn, warningCount } from './warn.js';
