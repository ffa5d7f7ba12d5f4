/**
 * Seeding strategy `nodes`: the seeds the scenario lists, by id as the user sees them: the index for
 * a generated network (`network.ids === null`; a number or its decimal string), the file's id for an
 * imported one (a string; a number is matched as its decimal string). Every listed id must name a
 * person of the audience, once.
 */
import { ScenarioError } from '../errors.js';
import type { Network } from '../network/network.js';

/** How many example ids an "unknown id" message shows. */
const EXAMPLE_ID_COUNT = 5;

/**
 * The people the ids name, in the order listed (Int32Array). Throws one ScenarioError listing every
 * unknown, duplicate or out-of-audience id, each at `<where>.nodes[i]`; `where` is the place and
 * path of the seeding object (e.g. `city.json: seeding`). O(n + ids) for file ids (builds an id index), O(ids) otherwise.
 */
export function listedSeeds(
  network: Network,
  audience: Uint8Array | null,
  nodes: readonly (string | number)[],
  where: string,
): Int32Array {
  const n = network.nodeCount;
  const ids = network.ids;
  const index = ids === null ? null : new Map(ids.map((id, u) => [id, u]));
  const seeds = new Int32Array(nodes.length);
  const firstListedAt = new Map<number, number>();
  const problems: string[] = [];
  nodes.forEach((id, i) => {
    const at = `${where}.nodes[${i}]`;
    const u = index === null ? indexOf(id, n) : (index.get(String(id)) ?? -1);
    if (u < 0) {
      const expected =
        ids === null
          ? `expected a node index in 0..${n - 1}`
          : `expected an id from the file (${n} nodes, e.g. ${ids
              .slice(0, EXAMPLE_ID_COUNT)
              .map((v) => JSON.stringify(v))
              .join(', ')})`;
      problems.push(`${at}: unknown node id ${JSON.stringify(id)}: ${expected}`);
      return;
    }
    const earlier = firstListedAt.get(u);
    if (earlier !== undefined) {
      problems.push(`${at}: node ${JSON.stringify(id)} is listed twice (first at index ${earlier})`);
      return;
    }
    if (audience !== null && audience[u] === 0) {
      problems.push(`${at}: node ${JSON.stringify(id)} is outside the seeding audience`);
      return;
    }
    firstListedAt.set(u, i);
    seeds[i] = u;
  });
  if (problems.length > 0) {
    const head = problems.length === 1 ? '' : `${problems.length} problems:\n  `;
    throw new ScenarioError(`${head}${problems.join('\n  ')}`, problems);
  }
  return seeds;
}

/** The index an id names on a generated network, or -1: a whole number in range, or its decimal string. */
function indexOf(id: string | number, n: number): number {
  const u = typeof id === 'number' ? id : /^(0|[1-9][0-9]*)$/.test(id) ? Number(id) : -1;
  return Number.isInteger(u) && u >= 0 && u < n ? u : -1;
}
