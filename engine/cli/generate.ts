/**
 * `viralsim generate SPEC --out FILE`: builds the network SPEC describes (or reads the graph file SPEC
 * names, which converts between formats) and writes it atomically in the format `--format` names or
 * the output's extension implies.
 */
import { OptionsError } from '../errors.js';
import { inferFormat, parseGraphFormat, writeGraph } from '../network/formats/graph-file.js';
import { parseArgs, parseIntegerFlag } from './args.js';
import { writeFileAtomic } from './io.js';
import { loadNetworkSource } from './network-source.js';
import { assertWritable } from './output-file.js';

const USAGE = `usage: viralsim generate SPEC --out FILE [options]

Generates the network SPEC describes and writes it to FILE.

SPEC is a network spec as inline JSON ('{"type":"barabasi-albert","nodes":1000,"m":3}'), a JSON
file holding one, or a graph file (then generate converts it to another format).

options:
  --out FILE     the file to write (required; written atomically)
  --format F     edgelist, gexf, graphml or json (default: from the extension of FILE:
                 .txt .edges .edgelist .csv .tsv, .gexf, .graphml .xml, .json)
  --seed S       seed of the network stream (default 1; the same seed as a scenario gives its network)
  --directed     store arcs one way (sets "directed": true in the spec; reads a graph file as directed)
`;

const FLAGS = {
  out: { kind: 'string' },
  format: { kind: 'string' },
  seed: { kind: 'string' },
  directed: { kind: 'boolean' },
} as const;

/** The `generate` command. */
export async function generateCommand(args: readonly string[]): Promise<number> {
  const { flags, positionals, isHelp } = parseArgs(args, {
    command: 'generate',
    flags: FLAGS,
    positionals: ['SPEC'],
  });
  if (isHelp) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (flags.out === undefined) {
    throw new OptionsError(
      'viralsim generate: --out: expected the file to write, got none (e.g. --out graph.gexf)',
    );
  }
  const format =
    flags.format === undefined ? inferFormat(flags.out) : parseGraphFormat(flags.format, '--format');
  const seed = flags.seed === undefined ? 1 : parseIntegerFlag('seed', flags.seed);
  assertWritable(flags.out, '--out');
  const { network } = loadNetworkSource(positionals[0] as string, { seed, isDirected: flags.directed });
  writeFileAtomic(flags.out, writeGraph(network, format, flags.out), '--out');
  const what = network.isDirected ? 'arcs' : 'edges';
  process.stderr.write(
    `viralsim: wrote ${flags.out} (${format}): ${network.nodeCount} nodes, ${network.edgeCount} ${what}\n`,
  );
  return 0;
}
