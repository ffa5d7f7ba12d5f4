/**
 * `viralsim inspect SPEC|FILE`: the statistics of a generated network or a graph file (size, degrees,
 * clustering, components, degree exponent, what the builder dropped), as an aligned table or as one
 * JSON object with exactly the keys of {@link NetworkStats}.
 */
import { type NetworkStats, networkStats } from '../network/stats.js';
import { parseArgs, parseChoiceFlag, parseIntegerFlag } from './args.js';
import { loadNetworkSource } from './network-source.js';
import { alignTable, formatNumber } from './output.js';

const USAGE = `usage: viralsim inspect SPEC|FILE [options]

Prints the statistics of the network SPEC describes, or of a graph file.

SPEC is a network spec as inline JSON ('{"type":"karate"}') or a JSON file holding one; FILE is a
graph file (.txt .edges .edgelist .csv .tsv edge list, .gexf, .graphml .xml, .json graphology JSON).

options:
  --format F     table (default) or json (one object: nodes, edges, directed, meanDegree, maxDegree,
                 clustering, components, largestComponent, degreeExponent, selfLoopsDropped,
                 duplicatesDropped; a value that is undefined, such as the exponent of a graph
                 without edges, is null)
  --seed S       seed of the network stream (default 1)
  --directed     store arcs one way (sets "directed": true in the spec; reads a graph file as directed)

Degrees are out-degrees when directed. clustering is the average local clustering coefficient over
all people, arc direction ignored, people with fewer than two neighbours counting 0. components are
weakly connected. degreeExponent is the discrete power-law maximum-likelihood estimate
(Clauset-Shalizi-Newman approximation) with k_min the smallest degree (at least 1).
`;

const FLAGS = {
  format: { kind: 'string' },
  seed: { kind: 'string' },
  directed: { kind: 'boolean' },
} as const;

const LABELS: Record<keyof NetworkStats, string> = {
  nodes: 'nodes',
  edges: 'edges',
  directed: 'directed',
  meanDegree: 'mean degree',
  maxDegree: 'max degree',
  clustering: 'clustering',
  components: 'components',
  largestComponent: 'largest component',
  degreeExponent: 'degree exponent',
  selfLoopsDropped: 'self-loops dropped',
  duplicatesDropped: 'duplicates dropped',
};

/** The statistics as an aligned two-column table. */
export function statsTable(stats: NetworkStats): string {
  const rows = (Object.keys(LABELS) as (keyof NetworkStats)[]).map((key) => {
    const value = stats[key];
    let label = LABELS[key];
    if (key === 'edges' && stats.directed) label = 'arcs';
    return [label, typeof value === 'boolean' ? (value ? 'yes' : 'no') : formatNumber(value)];
  });
  return `${alignTable(rows)}\n`;
}

/** The `inspect` command. */
export async function inspectCommand(args: readonly string[]): Promise<number> {
  const { flags, positionals, isHelp } = parseArgs(args, {
    command: 'inspect',
    flags: FLAGS,
    positionals: ['SPEC'],
  });
  if (isHelp) {
    process.stdout.write(USAGE);
    return 0;
  }
  const format =
    flags.format === undefined ? 'table' : parseChoiceFlag('format', flags.format, ['table', 'json']);
  const seed = flags.seed === undefined ? 1 : parseIntegerFlag('seed', flags.seed);
  const { network } = loadNetworkSource(positionals[0] as string, { seed, isDirected: flags.directed });
  const stats = networkStats(network);
  process.stdout.write(format === 'json' ? `${JSON.stringify(stats, null, 2)}\n` : statsTable(stats));
  return 0;
}
