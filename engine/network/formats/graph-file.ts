/**
 * Graph files in every supported format behind one pair of functions: {@link readGraph} (text →
 * Network) and {@link writeGraph} (Network → text), plus {@link inferFormat} from a file name. The
 * engine never touches the file system: callers (the CLI, the browser) read and write the text.
 */
import { GraphError } from '../../errors.js';
import type { Network } from '../network.js';
import { GRAPH_FORMATS, type GraphFormat } from '../spec.js';
import { readEdgeList, writeEdgeList } from './edge-list.js';
import { readGexf, writeGexf } from './gexf.js';
import { readGraphml, writeGraphml } from './graphml.js';
import { readGraphologyJson, writeGraphologyJson } from './graphology-json.js';

/** File extensions (lower case, with the dot) and the format each implies. */
export const FORMAT_EXTENSIONS: Readonly<Record<string, GraphFormat>> = {
  '.txt': 'edgelist',
  '.edges': 'edgelist',
  '.edgelist': 'edgelist',
  '.csv': 'edgelist',
  '.tsv': 'edgelist',
  '.gexf': 'gexf',
  '.graphml': 'graphml',
  '.xml': 'graphml',
  '.json': 'json',
};

const KNOWN = `${GRAPH_FORMATS.join(', ')} (extensions ${Object.keys(FORMAT_EXTENSIONS).join(' ')})`;

/**
 * The format of a graph file from its extension (`.txt .edges .edgelist .csv .tsv` → edgelist,
 * `.gexf`, `.graphml`/`.xml` → graphml, `.json`). Throws a GraphError listing the known formats and
 * extensions when the extension is unknown or missing. O(length of path).
 */
export function inferFormat(path: string): GraphFormat {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  const extension = dot <= 0 ? '' : name.slice(dot).toLowerCase();
  const format = Object.hasOwn(FORMAT_EXTENSIONS, extension) ? FORMAT_EXTENSIONS[extension] : undefined;
  if (format === undefined) {
    const found = extension === '' ? 'no extension' : `the extension ${JSON.stringify(extension)}`;
    throw new GraphError(
      `${path}: cannot tell the graph format from ${found}; expected one of ${KNOWN}, or name the format`,
    );
  }
  return format;
}

/** Checks a format name given by the user (a flag, a spec); throws a GraphError listing the known ones. */
export function parseGraphFormat(text: string, place: string): GraphFormat {
  if ((GRAPH_FORMATS as readonly string[]).includes(text)) return text as GraphFormat;
  throw new GraphError(`${place}: unknown graph format ${JSON.stringify(text)}; expected one of ${KNOWN}`);
}

/** Options of {@link readGraph}. */
export interface ReadGraphOptions {
  /** The file name (or another description) used in messages. Default `graph`. */
  place?: string;
  /**
   * Store arcs one way. An edge list is undirected unless this is true; GEXF, GraphML and JSON files
   * follow their own declared edge type unless this is given (true or false), which overrides it.
   */
  directed?: boolean;
}

/**
 * Reads a graph file's text in `format`. Ids in the file become `network.ids` (null when they are
 * exactly 0, 1, … in order); node attributes (segment, region, ageBand, interest, tier, community,
 * label) and `weight`s are kept. Self-loops and duplicate edges are dropped and counted, with one
 * warning each. Throws a GraphError naming the place and line (or JSON path) for malformed input.
 * O(length of text).
 */
export function readGraph(text: string, format: GraphFormat, options: ReadGraphOptions = {}): Network {
  const place = options.place ?? 'graph';
  const readOptions = options.directed === undefined ? { place } : { place, directed: options.directed };
  switch (format) {
    case 'edgelist':
      return readEdgeList(text, readOptions);
    case 'gexf':
      return readGexf(text, readOptions);
    case 'graphml':
      return readGraphml(text, readOptions);
    case 'json':
      return readGraphologyJson(text, readOptions);
    default:
      return parseGraphFormat(String(format), place) as never;
  }
}

/**
 * Writes `network` as text in `format`, with its ids, attributes and weights (an edge list holds no
 * attributes nor isolated people: they are dropped with a warning). `place` names the output in
 * messages. Throws a GraphError when the text would exceed what a JavaScript string can hold
 * (about 500 million characters: use the edge list for the largest graphs) or an id cannot be
 * written in the format. O(n + m).
 */
export function writeGraph(network: Network, format: GraphFormat, place: string = format): string {
  try {
    switch (format) {
      case 'edgelist':
        return writeEdgeList(network, place);
      case 'gexf':
        return writeGexf(network, place);
      case 'graphml':
        return writeGraphml(network, place);
      case 'json':
        return writeGraphologyJson(network);
      default:
        return parseGraphFormat(String(format), place) as never;
    }
  } catch (error) {
    if (error instanceof RangeError) {
      throw new GraphError(
        `${place}: ${network.nodeCount} nodes and ${network.edgeCount} edges are too large to write as ${format} ` +
          `text (${error.message}); use the edgelist format or a smaller network`,
      );
    }
    throw error;
  }
}
