/**
 * The compact network every simulation kernel runs on: compressed sparse rows in typed arrays.
 *
 * Layout (n nodes, a stored arcs):
 * - `outOffsets` (Int32Array, n + 1) and `outTargets` (Int32Array, a): the out-neighbours of u are
 *   `outTargets[outOffsets[u] .. outOffsets[u + 1])`, sorted ascending, without self-loops or duplicates.
 * - `inOffsets` / `inSources`: the same for in-neighbours. For an undirected network they are the very
 *   same arrays as the out-arrays, since every edge is stored in both directions.
 * - `outWeights` / `inWeights` (Float64Array, a, optional): the weight of each stored arc, aligned with
 *   the targets (sources) arrays.
 * Invariants: `outOffsets[n] === outTargets.length`; undirected networks store 2·edgeCount arcs;
 * node attributes are columns of small integer codes, one byte per person, with a name table each.
 */

/** Names of the categorical node attributes, in the order they are documented. */
export const ATTRIBUTE_NAMES = ['segment', 'region', 'ageBand', 'interest', 'tier'] as const;

/** One categorical attribute of a person. */
export type AttributeName = (typeof ATTRIBUTE_NAMES)[number];

/** A categorical column: person u has value `names[codes[u]]`. */
export interface AttributeColumn {
  /** One code per person (Uint8Array, n). */
  readonly codes: Uint8Array;
  /** The value of each code; at most 256. */
  readonly names: readonly string[];
}

/** Node attributes as columns; a column is absent until a population or a file provides it. */
export interface NodeAttributes {
  columns: Partial<Record<AttributeName, AttributeColumn>>;
  /** A community (block) index per person, when the generator or a detection produced one (Int32Array, n). */
  community: Int32Array | null;
}

/** A network in compressed sparse rows. Built by {@link buildNetwork}; treat the arrays as read-only. */
export interface Network {
  /** Number of people. */
  readonly nodeCount: number;
  /** Undirected edges, or arcs when directed. */
  readonly edgeCount: number;
  /** Stored out-arcs: 2·edgeCount when undirected, edgeCount when directed. */
  readonly arcCount: number;
  readonly isDirected: boolean;
  readonly outOffsets: Int32Array;
  readonly outTargets: Int32Array;
  readonly outWeights: Float64Array | null;
  readonly inOffsets: Int32Array;
  readonly inSources: Int32Array;
  readonly inWeights: Float64Array | null;
  /** Node ids as in the source file (index → id); null when ids are the indices themselves. */
  readonly ids: readonly string[] | null;
  /** Display labels (e.g. names in the karate club), or null. */
  readonly labels: readonly string[] | null;
  readonly attributes: NodeAttributes;
  /** Self-loops found in the input and dropped. */
  readonly selfLoopsDropped: number;
  /** Duplicate edges (arcs when directed) found in the input and dropped; the first weight is kept. */
  readonly duplicatesDropped: number;
}

/** Out-degree of u (the degree when undirected). O(1). */
export function outDegree(network: Network, u: number): number {
  return (network.outOffsets[u + 1] as number) - (network.outOffsets[u] as number);
}

/** In-degree of u (the degree when undirected). O(1). */
export function inDegree(network: Network, u: number): number {
  return (network.inOffsets[u + 1] as number) - (network.inOffsets[u] as number);
}

/** The id a user sees for person u: the file id when the network came from a file, else the index. */
export function nodeId(network: Network, u: number): string {
  return network.ids === null ? String(u) : (network.ids[u] as string);
}
