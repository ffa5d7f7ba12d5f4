/**
 * The one place the visualiser calls the engine's scenario pipeline: parse a scenario, prepare its
 * network and audience, simulate run r, read graph and trace files. It adds only what the browser
 * needs around them (graph files come from the user's uploads, not the file system). Runs with the
 * same scenario, seed and run index give the same numbers as `viralsim run`, because this calls the
 * very same `prepareScenario` and `simulateRun`.
 */
import {
  type PreparedScenario as EnginePrepared,
  GRAPH_FORMATS,
  type GraphFormat,
  inferFormat,
  type Network,
  parseScenario,
  parseTrace,
  prepareScenario,
  type RunResult,
  readGraph,
  type Scenario,
  ScenarioError,
  simulateRun,
  type Trace,
  type TraceMeta,
} from '../engine/index.js';

/** A scenario as plain JSON (the page edits it, the engine validates it). */
export type ScenarioDoc = Record<string, unknown>;

/** A scenario made ready to run: its network built once, its audience resolved. */
export interface PreparedScenario {
  readonly scenario: Scenario;
  readonly network: Network;
  /**
   * The original audience known before any run, 1 per member: the campaign's target audience for the
   * campaign model, else the seeding audience; null when there is none (or it depends on the run).
   */
  readonly audience: Uint8Array | null;
  /**
   * What the original audience is: a campaign's `target` audience, the `seeding` audience, the people
   * the brand reached itself (`brand-reached`: a campaign without a target audience, where the engine
   * counts reach beyond it as earned reach; known per run, from the trace), or `none`.
   */
  readonly audienceKind: AudienceKind;
  readonly seed: number;
  readonly runs: number;
  readonly horizon: number;
  readonly model: string;
  readonly engine: EnginePrepared;
}

/** What a scenario's original audience is (see {@link PreparedScenario.audienceKind}). */
export type AudienceKind = 'target' | 'seeding' | 'brand-reached' | 'none';

/** Graph files the user loaded, by name (a `file` network refers to one by `path`). */
export type GraphFiles = ReadonlyMap<string, string>;

/** Parses and validates scenario text; throws a ScenarioError naming the line or the field. */
export function parseScenarioText(text: string, place: string): Scenario {
  return parseScenario(text, place);
}

/** The graph format of a file: its declared format, else from its extension (edge list when unknown). */
export function graphFormatOf(path: string, declared?: string): GraphFormat {
  if (declared !== undefined && (GRAPH_FORMATS as readonly string[]).includes(declared))
    return declared as GraphFormat;
  try {
    return inferFormat(path);
  } catch {
    return 'edgelist';
  }
}

/** Reads a graph file's text; a GraphError names the file and the line or element. */
export function readGraphText(text: string, format: GraphFormat, place: string, directed?: boolean): Network {
  return readGraph(text, format, directed === undefined ? { place } : { place, directed });
}

/** Builds the scenario's network (reading a loaded file when it names one) and its audiences. */
export function prepareScenarioDoc(scenario: Scenario, place: string, files: GraphFiles): PreparedScenario {
  const engine = prepareScenario(scenario, {
    place,
    loadGraph: (spec, where) => {
      const text = files.get(spec.path);
      if (text === undefined) {
        throw new ScenarioError(
          `${where}: network.path: the graph file "${spec.path}" is not loaded; load it with Load → Graph file`,
        );
      }
      const format = graphFormatOf(spec.path, spec.format);
      return readGraphText(text, format, `${where}: path ${spec.path}`, spec.directed);
    },
  });
  const { seeding, campaign } = engine.audiences;
  const isCampaign = scenario.model.type === 'campaign';
  const audienceKind: AudienceKind = isCampaign
    ? campaign !== null
      ? 'target'
      : 'brand-reached'
    : seeding !== null
      ? 'seeding'
      : 'none';
  return {
    scenario,
    network: engine.network,
    audience: isCampaign ? campaign : seeding,
    audienceKind,
    seed: scenario.seed,
    runs: scenario.runs,
    horizon: scenario.horizon,
    model: scenario.model.type,
    engine,
  };
}

/** Simulates run `runIndex` of a prepared scenario (with its trace when asked). */
export function simulateRunAt(prepared: PreparedScenario, runIndex: number, shouldTrace: boolean): RunResult {
  return simulateRun(prepared.engine, runIndex, { shouldTrace });
}

/** What a trace file holds: the events and the run they came from. */
export interface LoadedTrace {
  trace: Trace;
  meta: TraceMeta;
}

/** Parses a trace written by `viralsim run --trace`; a ViralsimError names the field or line. */
export function parseTraceText(text: string, place: string): LoadedTrace {
  return parseTrace(text, place);
}
