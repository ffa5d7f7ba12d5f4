// Benchmark: reading and writing graph files, and network statistics, on a Barabási–Albert graph
// (n = 200,000, m = 5: one million edges). Prints the time of each step (best of 3) and text sizes.
// The XML readers go through graphology (a Graph object per file), so they are the slow path.
import { readGraph, writeGraph } from '../../engine/network/formats/graph-file.js';
import { generateNetwork } from '../../engine/network/generate.js';
import type { GraphFormat } from '../../engine/network/spec.js';
import { networkStats } from '../../engine/network/stats.js';
import { createStream } from '../../engine/rng.js';

const NODES = 200_000;
const M = 5;
const REPEATS = 3;

function best(label: string, repeats: number, work: () => unknown): void {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - started);
  }
  console.log(`${label.padEnd(34)} ${(fastest / 1000).toFixed(3)} s`);
}

const network = generateNetwork({ type: 'barabasi-albert', nodes: NODES, m: M }, createStream(1, 'network'));
console.log(`barabasi-albert n = ${NODES}, m = ${M}: ${network.edgeCount} edges`);
best('networkStats', REPEATS, () => networkStats(network));
for (const format of ['edgelist', 'json', 'graphml', 'gexf'] as const satisfies readonly GraphFormat[]) {
  const text = writeGraph(network, format);
  console.log(`${format} text: ${(text.length / 1e6).toFixed(1)} M characters`);
  best(`writeGraph(${format})`, REPEATS, () => writeGraph(network, format));
  // graphology-backed XML reads take seconds and gigabytes of heap: one repeat.
  best(`readGraph(${format})`, format === 'gexf' || format === 'graphml' ? 1 : REPEATS, () =>
    readGraph(text, format),
  );
}
