/**
 * Benchmark: time and memory to generate Barabási–Albert (n = 1,000,000, m = 5) and Erdős–Rényi
 * (n = 1,000,000, mean degree 10) into the CSR core. Best of 3 after one warm-up. Memory: bytes of
 * the typed arrays the Network holds (shared arrays counted once), and the change in RSS and heap
 * (plus array buffers) across one generation, measured after a forced collection.
 * Target (issue 2): Barabási–Albert under 1 s and under 100 MB of arrays.
 */
import { generateNetwork } from '../../engine/network/generate.js';
import type { Network } from '../../engine/network/network.js';
import type { NetworkSpec } from '../../engine/network/spec.js';
import { createStream } from '../../engine/rng.js';

const RUNS = 3;
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** A full collection, then a pause so freed array buffers are really released before measuring. */
async function settle(): Promise<void> {
  collect();
  await new Promise((resolve) => setTimeout(resolve, 50));
  collect();
}

function arrayBytes(network: Network): number {
  const seen = new Set<ArrayBufferLike>();
  let total = 0;
  for (const array of [
    network.outOffsets,
    network.outTargets,
    network.outWeights,
    network.inOffsets,
    network.inSources,
    network.inWeights,
    network.attributes.community,
  ]) {
    if (array === null || seen.has(array.buffer)) continue;
    seen.add(array.buffer);
    total += array.byteLength;
  }
  return total;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Best wall time of RUNS generations after one warm-up; no network outlives its iteration. */
function bestTime(spec: Exclude<NetworkSpec, { type: 'file' }>): number {
  generateNetwork(spec, createStream(0, 'warm-up'));
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    generateNetwork(spec, createStream(run + 1, 'bench'));
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

async function measure(name: string, spec: Exclude<NetworkSpec, { type: 'file' }>): Promise<void> {
  const best = bestTime(spec);
  await settle();
  const before = process.memoryUsage();
  const network = generateNetwork(spec, createStream(1, 'bench'));
  await settle();
  const after = process.memoryUsage();
  const rssDelta = after.rss - before.rss;
  const heapDelta = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
  console.log(
    `${name}: ${(best / 1000).toFixed(3)} s (best of ${RUNS}), ${network.nodeCount} nodes, ` +
      `${network.edgeCount} edges, arrays ${megabytes(arrayBytes(network))}, ` +
      `RSS +${megabytes(rssDelta)}, heap+buffers +${megabytes(heapDelta)}`,
  );
}

await measure('barabasi-albert n=1e6 m=5', { type: 'barabasi-albert', nodes: 1_000_000, m: 5 });
await measure('erdos-renyi n=1e6 meanDegree=10', { type: 'erdos-renyi', nodes: 1_000_000, meanDegree: 10 });
await measure('holme-kim n=1e6 m=5 triad=0.5', { type: 'holme-kim', nodes: 1_000_000, m: 5, triad: 0.5 });
await measure('watts-strogatz n=1e6 k=10 beta=0.1', {
  type: 'watts-strogatz',
  nodes: 1_000_000,
  k: 10,
  beta: 0.1,
});
await measure('follower n=1e6 following=10', {
  type: 'follower',
  nodes: 1_000_000,
  following: 10,
  reciprocity: 0.2,
});
await measure('configuration n=1e6 exponent=2.5', {
  type: 'configuration',
  nodes: 1_000_000,
  exponent: 2.5,
  minDegree: 3,
  maxDegree: 1000,
});
