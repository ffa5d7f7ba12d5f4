/**
 * Reads the graph file a scenario's `file` network names (Node only); its path is relative to the
 * scenario file's folder. Kept apart from scenario-file.ts so that commands running generated
 * networks never load the graph-file readers (the GEXF and GraphML parsers and their XML library,
 * about 30 ms of start-up): the pool, `run --trace` and the worker import this module only for a
 * scenario whose network is a file.
 */
import { resolve } from 'node:path';
import type { FileNetworkSpec, GraphLoader } from '../batch/simulate.js';
import { inferFormat, readGraph } from '../network/formats/graph-file.js';
import type { Network } from '../network/network.js';
import { readTextFile } from './scenario-file.js';

/** One loader per folder, so that consecutive sweep points can share a network (see `previous`). */
const loaders = new Map<string, GraphLoader>();

/**
 * A loader for `file` networks whose paths are relative to `folder`; the same function for the same
 * folder. Every failure is a ViralsimError naming the file.
 */
export function fileGraphLoader(folder: string): GraphLoader {
  let loader = loaders.get(folder);
  if (loader === undefined) {
    loader = (spec: FileNetworkSpec, place: string): Network => {
      const path = resolve(folder, spec.path);
      const format = spec.format ?? inferFormat(spec.path);
      const text = readTextFile(path, 'graph file');
      return readGraph(text, format, {
        place: `${place}: network.path ${spec.path}`,
        directed: spec.directed,
      });
    };
    loaders.set(folder, loader);
  }
  return loader;
}
