/**
 * The layout worker: ForceAtlas2 (graphology-layout-forceatlas2) off the main thread, with a fixed
 * iteration budget so a 20,000-person graph is laid out in well under 10 s (Barnes–Hut above
 * BARNES_HUT_FROM nodes). Positions start on a seeded disc and are posted after each chunk of
 * iterations, so the drawing settles in front of the user. Position arrays are transferred.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { createStream } from '../../engine/index.js';
import { iterationBudget, LAYOUT_CHUNKS, LAYOUT_TIME_CAP_MS } from '../network/layout-budget.js';

/** A layout request: the drawn subgraph with local indices 0..nodeCount-1. */
export interface LayoutRequest {
  id: number;
  nodeCount: number;
  sources: Int32Array;
  targets: Int32Array;
  /** Community of each drawn person (local index), when the network has one; starts them together. */
  community: Int32Array | null;
  seed: number;
}

/** Positions after a chunk of iterations; `isFinal` on the last. */
export interface LayoutResponse {
  id: number;
  x: Float32Array;
  y: Float32Array;
  isFinal: boolean;
  elapsedMs: number;
}

/** Graphs above this many nodes use the Barnes–Hut approximation (O(n log n) repulsion). */
const BARNES_HUT_FROM = 1000;

let latest = 0;

/**
 * A starting centre and spread per community: communities on a golden-angle spiral, each spread in
 * proportion to the square root of its size. Null without communities.
 */
function communityCentres(
  community: Int32Array | null,
  radius: number,
): Map<number, { x: number; y: number; radius: number }> | null {
  if (community === null || community.length === 0) return null;
  const sizes = new Map<number, number>();
  for (const c of community) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  if (sizes.size < 2) return null;
  const n = community.length;
  const order = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const centres = new Map<number, { x: number; y: number; radius: number }>();
  order.forEach(([c, size], i) => {
    const r = radius * Math.sqrt((i + 0.5) / order.length);
    const angle = i * 2.399963;
    centres.set(c, { x: r * Math.cos(angle), y: r * Math.sin(angle), radius: radius * Math.sqrt(size / n) });
  });
  return centres;
}

async function layout(request: LayoutRequest): Promise<void> {
  const started = performance.now();
  const { nodeCount: n, sources, targets } = request;
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const rng = createStream(request.seed, 'layout');
  const radius = Math.sqrt(n) * 10;
  const centres = communityCentres(request.community, radius);
  for (let u = 0; u < n; u++) {
    const centre = centres === null ? null : centres.get(request.community?.[u] as number);
    // People of one community start around its centre, so ForceAtlas2 begins from the clusters
    // instead of having to find them within its iteration budget.
    const spread = centre === undefined || centre === null ? radius : centre.radius;
    const r = spread * Math.sqrt(rng());
    const a = 2 * Math.PI * rng();
    graph.addNode(u, { x: (centre?.x ?? 0) + r * Math.cos(a), y: (centre?.y ?? 0) + r * Math.sin(a) });
  }
  for (let i = 0; i < sources.length; i++) {
    const u = sources[i] as number;
    const v = targets[i] as number;
    if (u !== v && !graph.hasEdge(u, v)) graph.addEdge(u, v);
  }
  const settings = {
    ...forceAtlas2.inferSettings(n),
    barnesHutOptimize: n > BARNES_HUT_FROM,
    barnesHutTheta: 0.8,
  };
  const iterations = iterationBudget(n, sources.length);
  const chunk = Math.max(1, Math.ceil(iterations / LAYOUT_CHUNKS));
  for (let done = 0; done < iterations; done += chunk) {
    if (request.id !== latest) return;
    forceAtlas2.assign(graph, { iterations: Math.min(chunk, iterations - done), settings });
    const isOverTime = performance.now() - started > LAYOUT_TIME_CAP_MS;
    send(request.id, graph, n, done + chunk >= iterations || isOverTime, started);
    if (isOverTime) return;
    // Yield so a newer request (another network) can arrive and cancel this one.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  if (iterations === 0) send(request.id, graph, n, true, started);
}

function send(id: number, graph: Graph, n: number, isFinal: boolean, started: number): void {
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  graph.forEachNode((key, attributes) => {
    const u = Number(key);
    x[u] = attributes['x'] as number;
    y[u] = attributes['y'] as number;
  });
  const message: LayoutResponse = { id, x, y, isFinal, elapsedMs: performance.now() - started };
  (self as unknown as Worker).postMessage(message, [x.buffer, y.buffer]);
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  latest = event.data.id;
  void layout(event.data);
};
