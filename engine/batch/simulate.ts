/**
 * The run pipeline: scenario → network → population → seeds → model → metrics, for one run or a
 * batch. Node-free: a file network is read through a {@link GraphLoader} the host passes in (the CLI
 * reads the file; the browser passes its own).
 *
 * Streams (the determinism contract): the network is built once per scenario from
 * `createStream(seed, 'network')` and the population from `createStream(seed, 'population')`; with
 * `network.resample` run r builds its own from `createStream(seed, 'run', r, 'network' | 'population')`.
 * Run r draws everything else from `createStream(seed, 'run', r, purpose)`: its seeds from purpose
 * `'seeding'` (so random seeding varies per run), the model from its own purposes. Nothing depends on
 * which thread, worker or shard computes run r.
 */
import { runCampaign } from '../campaign/run-campaign.js';
import { ScenarioError } from '../errors.js';
import {
  type CascadeScratch,
  computeCascadeMetrics,
  createCascadeScratch,
  type ReachedPeople,
} from '../metrics/cascade.js';
import { runModel } from '../models/run-model.js';
import { createRunWorkspace, type RunWorkspace } from '../models/run-workspace.js';
import { audienceMask } from '../network/audience.js';
import { generateValidNetwork } from '../network/generate-valid.js';
import type { Network } from '../network/network.js';
import { assignValidPopulation } from '../network/population.js';
import type { NetworkSpec } from '../network/spec.js';
import { createStream, type Rng } from '../rng.js';
import type { Scenario } from '../scenario/schema.js';
import { isSeedingFixed, selectSeeds, selectSeedsIn } from '../seeding/select.js';
import type { RunResult } from '../simulation/types.js';

/** A network spec that names a graph file. */
export type FileNetworkSpec = Extract<NetworkSpec, { type: 'file' }>;

/**
 * Reads the graph a `file` network spec names and returns it as a Network (without population).
 * `place` names the scenario for messages. The CLI resolves `spec.path` against the scenario's folder.
 */
export type GraphLoader = (spec: FileNetworkSpec, place: string) => Network;

/** Options of {@link prepareScenario}. */
export interface PrepareOptions {
  /** Reads `file` networks; required only when the scenario's network is a file. */
  loadGraph?: GraphLoader;
  /** Names the scenario in messages (a file name). Default: the scenario's name. */
  place?: string;
  /**
   * A scenario prepared before on this thread (a sweep's previous point). When both have the same
   * seed, network and population (and, for a file network, the same `loadGraph` function), its
   * network, population and scratch are reused instead of rebuilt: a sweep over model or seeding
   * parameters builds its network once. The numbers are the same either way (the network depends on
   * nothing else); never reused for a resampled network.
   */
  previous?: PreparedScenario | null;
  /**
   * A network built elsewhere (another thread) for a scenario with the same {@link networkKeyOf}:
   * used instead of building one when the keys match and `previous` does not lend one. For a file
   * network the caller vouches that it was read from the same folder. The numbers are the same
   * either way.
   */
  lent?: LentNetwork | null;
}

/** A network with the key of the scenarios it serves (see {@link networkKeyOf}). */
export interface LentNetwork {
  readonly key: string;
  readonly network: Network;
}

/** A scenario ready to run: its network built once (unless resampled), its audiences resolved. */
export interface PreparedScenario {
  readonly scenario: Scenario;
  readonly place: string;
  /** The scenario's network; with `resample`, run 0's network (each run builds its own). */
  readonly network: Network;
  /** Whether each run builds a fresh network. */
  readonly isResampled: boolean;
  /** Audience masks of `network` (see {@link resolveAudiences}). */
  readonly audiences: Audiences;
  /** Working memory for the cascade metrics of runs on `network`. */
  readonly scratch: CascadeScratch;
  readonly loadGraph: GraphLoader | undefined;
  /**
   * The seeds, selected once, when the strategy gives the same seeds on every run of `network`
   * (see `isSeedingFixed`): PageRank or core numbers are then not recomputed per run. Null otherwise.
   */
  readonly fixedSeeds: Int32Array | null;
  /** The network's key ({@link networkKeyOf}), for {@link PrepareOptions.previous} and `lent`; null when resampled. */
  readonly networkKey: string | null;
}

/** The network a report describes. */
export interface NetworkSummary {
  nodes: number;
  edges: number;
  directed: boolean;
}

/** Options of {@link simulateRun}. */
export interface SimulateRunOptions {
  /** Record the event trace (for replay). Default false. */
  shouldTrace?: boolean;
}

/** The audience masks a run needs, resolved once per network (null: everyone). */
export interface Audiences {
  /** The seeding audience (`seeding.audience`): where seeds are chosen. */
  readonly seeding: Uint8Array | null;
  /** The campaign's target audience (`campaign.audience`), for the campaign model. */
  readonly campaign: Uint8Array | null;
}

/** Resolves a scenario's audience filters on a network. Throws ScenarioError for unknown values. O(n). */
export function resolveAudiences(network: Network, scenario: Scenario, place: string): Audiences {
  return {
    seeding: audienceMask(network, scenario.seeding?.audience, place, 'seeding.audience'),
    campaign:
      scenario.model.type === 'campaign'
        ? audienceMask(network, scenario.campaign?.audience, place, 'campaign.audience')
        : null,
  };
}

function buildNetwork(scenario: Scenario, networkRng: Rng, place: string, loadGraph?: GraphLoader): Network {
  const spec = scenario.network;
  if (spec.type === 'file') {
    if (loadGraph === undefined) {
      throw new ScenarioError(
        `${place}: network: a "file" network needs a graph loader; in Node use loadScenario/fileGraphLoader from engine/cli/node-api.ts, in the browser load the graph file first`,
      );
    }
    return loadGraph(spec, place);
  }
  return generateValidNetwork(spec, networkRng);
}

function networkFor(
  scenario: Scenario,
  streams: (purpose: string) => Rng,
  place: string,
  loadGraph?: GraphLoader,
) {
  const network = buildNetwork(scenario, streams('network'), place, loadGraph);
  assignValidPopulation(network, scenario.population, streams('population'));
  return network;
}

/**
 * What a scenario's network is built from (seed, network and population), as text: two scenarios with
 * the same key have the same network. Null when the network is resampled per run. O(spec size).
 */
export function networkKeyOf(scenario: Scenario): string | null {
  if (scenario.network.resample === true) return null;
  return JSON.stringify([scenario.seed, scenario.network, scenario.population ?? null]);
}

/**
 * Builds what every run shares: the network (from `createStream(seed, 'network')`) and its population
 * (from `createStream(seed, 'population')`). With `network.resample` it builds run 0's network so the
 * report can describe it; each run then builds its own. `scenario` must be validated (parseScenario,
 * validateScenario or loadScenario): its specs are not checked again. Throws ScenarioError/GraphError
 * for what only the network can tell (an unknown audience value, a graph file that cannot be read, a
 * network too large for memory). Allocates the network: O(n + m).
 */
export function prepareScenario(scenario: Scenario, options: PrepareOptions = {}): PreparedScenario {
  const place = options.place ?? scenario.name;
  const isResampled = scenario.network.resample === true;
  const streams = isResampled
    ? (purpose: string) => createStream(scenario.seed, 'run', 0, purpose)
    : (purpose: string) => createStream(scenario.seed, purpose);
  const networkKey = networkKeyOf(scenario);
  const previous = options.previous;
  const lent = options.lent;
  const isReused =
    networkKey !== null &&
    previous !== undefined &&
    previous !== null &&
    previous.networkKey === networkKey &&
    (scenario.network.type !== 'file' || previous.loadGraph === options.loadGraph);
  const isLent =
    !isReused && networkKey !== null && lent !== undefined && lent !== null && lent.key === networkKey;
  const network = isReused
    ? previous.network
    : isLent
      ? lent.network
      : networkFor(scenario, streams, place, options.loadGraph);
  const audiences = resolveAudiences(network, scenario, place);
  const seeding = scenario.seeding;
  const fixedSeeds =
    !isResampled && seeding !== undefined && isSeedingFixed(network, seeding)
      ? selectSeedsIn(network, seeding, audiences.seeding, streams('seeding'), place)
      : null;
  return {
    scenario,
    fixedSeeds,
    place,
    network,
    isResampled,
    audiences,
    scratch: isReused ? previous.scratch : createCascadeScratch(network.nodeCount),
    loadGraph: options.loadGraph,
    networkKey,
  };
}

/** Describes a prepared scenario's network for a report. O(1). */
export function summarizeNetwork(prepared: PreparedScenario): NetworkSummary {
  const { network } = prepared;
  return { nodes: network.nodeCount, edges: network.edgeCount, directed: network.isDirected };
}

/** Generation models, whose runs can fill a reusable {@link RunWorkspace}. */
const WORKSPACE_MODELS: ReadonlySet<string> = new Set([
  'independent-cascade',
  'linear-threshold',
  'threshold',
]);

/** One run workspace per shared network, for the metrics-only batch path ({@link runRange}). */
const workspaces = new WeakMap<Network, RunWorkspace>();

function workspaceFor(network: Network): RunWorkspace {
  let workspace = workspaces.get(network);
  if (workspace === undefined) {
    workspace = createRunWorkspace(network.nodeCount);
    workspaces.set(network, workspace);
  }
  return workspace;
}

/**
 * Runs run `runIndex` of a prepared scenario and returns its RunResult, whose `metrics` are the cascade
 * metrics first, then the model's own metrics (which override a cascade metric of the same name).
 * Deterministic in (scenario, runIndex). Allocates the run's state: O(n).
 */
export function simulateRun(
  prepared: PreparedScenario,
  runIndex: number,
  options: SimulateRunOptions = {},
): RunResult {
  const { result, metrics } = simulate(prepared, runIndex, options.shouldTrace === true, false);
  return { ...result, metrics };
}

/**
 * Run `runIndex`: the model's result and the run's metrics (cascade metrics first, then the model's).
 * With `isMetricsOnly` a generation model fills the network's shared workspace (the result's state
 * and forest are then valid only until the next such run).
 */
function simulate(
  prepared: PreparedScenario,
  runIndex: number,
  shouldTrace: boolean,
  isMetricsOnly: boolean,
): { result: RunResult; metrics: Record<string, number> } {
  const { scenario, place } = prepared;
  const streams = (purpose: string) => createStream(scenario.seed, 'run', runIndex, purpose);
  const isOwnNetwork = prepared.isResampled && runIndex !== 0;
  const network = isOwnNetwork ? networkFor(scenario, streams, place, prepared.loadGraph) : prepared.network;
  const audiences = isOwnNetwork ? resolveAudiences(network, scenario, place) : prepared.audiences;
  const seeds =
    scenario.seeding === undefined
      ? new Int32Array(0)
      : !isOwnNetwork && prepared.fixedSeeds !== null
        ? prepared.fixedSeeds.slice()
        : selectSeedsIn(network, scenario.seeding, audiences.seeding, streams('seeding'), place);
  let result: RunResult;
  let audience = audiences.seeding;
  let reached: ReachedPeople | undefined;
  const model = scenario.model;
  if (model.type === 'campaign') {
    const campaign = scenario.campaign;
    if (campaign === undefined)
      throw new ScenarioError(`${place}: campaign: expected a campaign object, got nothing`);
    if (audiences.campaign !== null) audience = audiences.campaign;
    const crisisSeeding = campaign.crisis?.seeding;
    const crisisSeeds =
      crisisSeeding === undefined
        ? undefined
        : selectSeeds(network, crisisSeeding, streams('crisis-seeding'), place, 'campaign.crisis.seeding');
    result = runCampaign(network, campaign, seeds, streams, {
      horizon: scenario.horizon,
      shouldTrace,
      shouldKeepSeries: !isMetricsOnly,
      audience: audiences.campaign,
      place,
      ...(crisisSeeds === undefined ? {} : { crisisSeeds }),
    });
  } else {
    const secondarySeeds =
      model.type === 'competing'
        ? selectSeeds(network, model.b.seeding, streams('secondary-seeding'), place, 'model.b.seeding')
        : undefined;
    const workspace =
      isMetricsOnly && !isOwnNetwork && WORKSPACE_MODELS.has(model.type) ? workspaceFor(network) : undefined;
    result = runModel(network, model, seeds, streams, {
      horizon: scenario.horizon,
      shouldTrace,
      shouldKeepSeries: !isMetricsOnly,
      ...(secondarySeeds === undefined ? {} : { secondarySeeds }),
      ...(workspace === undefined ? {} : { workspace }),
    });
    // A run that filled the workspace lists the people it reached: small cascades skip the O(n) pass.
    if (workspace !== undefined && result.forest === workspace.forest) {
      reached = { people: workspace.order, count: workspace.used };
    }
  }
  const scratch = isOwnNetwork ? createCascadeScratch(network.nodeCount) : prepared.scratch;
  const cascade = computeCascadeMetrics(network, result.forest, result.seeds, audience, scratch, reached);
  return { result, metrics: { ...cascade, ...result.metrics } };
}

/**
 * The metrics of run `runIndex` (those of {@link simulateRun}), for batch code that keeps nothing
 * else: generation models fill one n-sized workspace per network instead of allocating per run.
 */
export function simulateRunMetrics(prepared: PreparedScenario, runIndex: number): Record<string, number> {
  return simulate(prepared, runIndex, false, true).metrics;
}

/**
 * The metrics of runs `start` to `end - 1`, in run order. Calls `onRun` after each run. Generation
 * models reuse one n-sized workspace per network across runs (no per-run n-sized garbage).
 */
export function runRange(
  prepared: PreparedScenario,
  start: number,
  end: number,
  onRun?: (runIndex: number) => void,
): Record<string, number>[] {
  const out: Record<string, number>[] = [];
  for (let r = start; r < end; r++) {
    out.push(simulateRunMetrics(prepared, r));
    onRun?.(r);
  }
  return out;
}
