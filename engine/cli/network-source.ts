/**
 * Reads the SPEC argument of `viralsim generate` and `viralsim inspect` into a network. SPEC is an
 * inline JSON network spec (it starts with `{`), a JSON file holding one, or a graph file (edge list,
 * GEXF, GraphML, graphology JSON; the format from the extension). A generated network comes from the
 * stream `createStream(seed, 'network')`, the stream a scenario with the same seed uses. A `file`
 * spec's path is relative to the spec file's folder (the working folder for inline JSON).
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { OptionsError } from '../errors.js';
import { inferFormat, readGraph } from '../network/formats/graph-file.js';
import { parseJsonText } from '../network/formats/json-text.js';
import { type GeneratedNetworkSpec, generateNetwork } from '../network/generate.js';
import type { Network } from '../network/network.js';
import { type NetworkSpec, parseNetworkSpec } from '../network/spec.js';
import { createStream } from '../rng.js';
import { readTextFile } from './scenario-file.js';

/** A network read from SPEC, with where it came from. */
export interface NetworkSource {
  readonly network: Network;
  /** The file name, or `SPEC` for inline JSON, for messages. */
  readonly place: string;
  /** The validated spec, or null when SPEC was a graph file. */
  readonly spec: NetworkSpec | null;
}

/** Options of {@link loadNetworkSource}. */
export interface NetworkSourceOptions {
  /** Seed of the `network` stream for generated networks. */
  readonly seed: number;
  /** When true, store arcs one way: sets `directed` in a spec, reads a graph file as directed. */
  readonly isDirected?: boolean;
}

const SPEC_HINT =
  `expected a network spec file, an inline JSON spec such as '{"type":"karate"}', or a graph file ` +
  '(.txt .edges .edgelist .csv .tsv .gexf .graphml .xml .json)';

/**
 * Reads SPEC (see the module header) into a network. Throws a ViralsimError naming the file, JSON
 * path or line for a missing file, malformed JSON, an invalid spec (every problem), a spec too large
 * for memory, or a malformed graph file.
 */
export function loadNetworkSource(argument: string, options: NetworkSourceOptions): NetworkSource {
  if (argument.trimStart().startsWith('{')) {
    return fromSpec(parseJsonText(argument, 'SPEC'), 'SPEC', process.cwd(), options);
  }
  if (!existsSync(argument)) throw new OptionsError(`${argument}: no such file; ${SPEC_HINT}`);
  if (statSync(argument).isDirectory())
    throw new OptionsError(`${argument}: a folder, not a file; ${SPEC_HINT}`);
  const format = inferFormat(argument);
  const text = readTextFile(argument, format === 'json' ? 'JSON file' : 'graph file');
  const directed = options.isDirected === true ? { directed: true } : {};
  if (format === 'json') {
    const value = parseJsonText(text, argument);
    if (isObject(value) && Array.isArray(value['nodes'])) {
      return {
        network: readGraph(text, 'json', { place: argument, ...directed }),
        place: argument,
        spec: null,
      };
    }
    return fromSpec(value, argument, dirname(resolve(argument)), options);
  }
  return { network: readGraph(text, format, { place: argument, ...directed }), place: argument, spec: null };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fromSpec(
  value: unknown,
  place: string,
  folder: string,
  options: NetworkSourceOptions,
): NetworkSource {
  if (isObject(value) && !('type' in value) && 'network' in value) {
    throw new OptionsError(
      `${place}: expected a network spec, got what looks like a scenario (it has a "network" key); ` +
        'pass its network object instead',
    );
  }
  const input = options.isDirected === true && isObject(value) ? { ...value, directed: true } : value;
  const spec = parseNetworkSpec(input, place);
  if (spec.type === 'file') {
    const path = resolve(folder, spec.path);
    const format = spec.format ?? inferFormat(spec.path);
    const text = readTextFile(path, 'graph file');
    const directed = spec.directed === undefined ? {} : { directed: spec.directed };
    const network = readGraph(text, format, { place: `${place}: path ${spec.path}`, ...directed });
    return { network, place, spec };
  }
  const network = generateNetwork(spec as GeneratedNetworkSpec, createStream(options.seed, 'network'));
  return { network, place, spec };
}
