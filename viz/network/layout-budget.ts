/**
 * How much ForceAtlas2 work a drawing gets, and which people are drawn. Fixed budgets keep the layout
 * of the largest drawn graph (20,000 people, 100,000 edges) under 10 s; above the drawing limits the
 * view shows a sample and says so.
 */

/** Most people drawn; larger networks are sampled (charts and KPIs still cover everyone). */
export const DRAW_NODE_LIMIT = 20_000;
/** Most edges drawn between the drawn people. */
export const DRAW_EDGE_LIMIT = 100_000;
/** Layout positions are posted this many times while it runs. */
export const LAYOUT_CHUNKS = 8;
/**
 * Wall-clock cap on one layout (ms): on a loaded machine the iteration budget may take longer than
 * planned, and the drawing must still settle well within 10 s. Positions, not results, depend on it.
 */
export const LAYOUT_TIME_CAP_MS = 6000;

/** Work units (n·log2 n + m per iteration) one layout may spend: about 3 s for 20k nodes / 100k edges. */
export const LAYOUT_WORK = 1.2e7;
const MIN_ITERATIONS = 30;
const MAX_ITERATIONS = 150;

/**
 * ForceAtlas2 iterations for a graph of n nodes and m edges: many for small graphs (which settle
 * fully in milliseconds), fewer as size grows, keeping iterations × (n log n + m) roughly bounded.
 */
export function iterationBudget(n: number, m: number): number {
  if (n <= 1) return 0;
  const work = n * Math.log2(n + 1) + m;
  return Math.max(MIN_ITERATIONS, Math.min(MAX_ITERATIONS, Math.round(LAYOUT_WORK / work)));
}

/** The drawn subgraph: which people (global ids) and which edges between them (local ids). */
export interface DrawnGraph {
  /** Global id of each drawn person, in drawing order. */
  nodes: Int32Array;
  /** Local index of each global person, -1 when not drawn (Int32Array, n). */
  localOf: Int32Array;
  sources: Int32Array;
  targets: Int32Array;
  isSampled: boolean;
  edgeTotal: number;
}

/**
 * Chooses what to draw. Under the limits: everyone and every edge (each undirected edge once).
 * Above: the people reached first (from `priority`, lower first: reach times) then the rest in a
 * fixed stride, up to DRAW_NODE_LIMIT, and the edges among them up to DRAW_EDGE_LIMIT. O(n + m).
 */
export function chooseDrawn(
  nodeCount: number,
  offsets: Int32Array,
  targets: Int32Array,
  isDirected: boolean,
  priority: Float64Array | null,
): DrawnGraph {
  const n = nodeCount;
  const localOf = new Int32Array(n).fill(-1);
  let nodes: Int32Array;
  if (n <= DRAW_NODE_LIMIT) {
    nodes = new Int32Array(n);
    for (let u = 0; u < n; u++) nodes[u] = u;
  } else {
    const order = Int32Array.from({ length: n }, (_, u) => u);
    if (priority !== null) order.sort((a, b) => (priority[a] as number) - (priority[b] as number) || a - b);
    const reached = priority === null ? 0 : order.findIndex((u) => priority[u] === Number.POSITIVE_INFINITY);
    const firstUnreached = reached < 0 ? n : reached;
    const fromReached = Math.min(firstUnreached, Math.floor(DRAW_NODE_LIMIT * 0.6));
    const rest = DRAW_NODE_LIMIT - fromReached;
    const chosen = Array.from(order.subarray(0, fromReached));
    const pool = n - fromReached;
    const stride = pool / rest;
    for (let i = 0; i < rest; i++) chosen.push(order[fromReached + Math.floor(i * stride)] as number);
    nodes = Int32Array.from(chosen).sort();
  }
  for (let i = 0; i < nodes.length; i++) localOf[nodes[i] as number] = i;
  const capacity = Math.min(DRAW_EDGE_LIMIT, targets.length);
  const src = new Int32Array(capacity);
  const dst = new Int32Array(capacity);
  let count = 0;
  let edgeTotal = 0;
  for (let i = 0; i < nodes.length; i++) {
    const u = nodes[i] as number;
    for (let e = offsets[u] as number; e < (offsets[u + 1] as number); e++) {
      const v = targets[e] as number;
      if (!isDirected && v < u) continue;
      edgeTotal++;
      const j = localOf[v] as number;
      if (j < 0 || count >= capacity) continue;
      src[count] = i;
      dst[count] = j;
      count++;
    }
  }
  const isSampled = nodes.length < n || count < edgeTotal;
  // Copies of the used part: the arrays travel to workers, and a view would carry its whole buffer.
  return { nodes, localOf, sources: src.slice(0, count), targets: dst.slice(0, count), isSampled, edgeTotal };
}
