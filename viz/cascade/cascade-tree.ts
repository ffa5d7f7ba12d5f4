/**
 * The cascade tree: who passed the message to whom in one run, drawn radially with d3's tree layout,
 * with its structural virality (Goel, Anderson, Hofman & Watts 2016): the mean distance between two
 * people of the tree, W / (n choose 2), where the Wiener index W sums s·(n − s) over tree edges and s is
 * the size of the subtree below the edge. Linear time. A broadcast (a star) scores near 2, a chain high.
 */
import { hierarchy, linkRadial, select, tree } from 'd3';
import { structuralViralityOfTree } from '../../engine/index.js';

/** The trees of a cascade forest: the root of each reached person and each tree's size. */
export interface ForestTrees {
  /** Root per person, −1 when unreached (Int32Array, n). */
  rootOf: Int32Array;
  /** Roots, largest tree first. */
  roots: number[];
  sizeOf: Map<number, number>;
}

/**
 * Groups reached people (generation ≥ 0) into trees by following `parent` (a parent who was not
 * reached makes a root). O(n): each person's root is found once, by walking up to a person whose root
 * is known and labelling the path.
 */
export function forestTrees(parent: Int32Array, generation: Int32Array): ForestTrees {
  const n = parent.length;
  const rootOf = new Int32Array(n).fill(-1);
  const path: number[] = [];
  const sizeOf = new Map<number, number>();
  for (let u = 0; u < n; u++) {
    if ((generation[u] as number) < 0) continue;
    let v = u;
    while ((rootOf[v] as number) < 0) {
      const p = parent[v] as number;
      if (p < 0 || (generation[p] as number) < 0) break;
      path.push(v);
      v = p;
    }
    const root = (rootOf[v] as number) >= 0 ? (rootOf[v] as number) : v;
    rootOf[v] = root;
    for (const w of path) rootOf[w] = root;
    path.length = 0;
    sizeOf.set(root, (sizeOf.get(root) ?? 0) + 1);
  }
  const roots = [...sizeOf.keys()].sort(
    (a, b) => (sizeOf.get(b) as number) - (sizeOf.get(a) as number) || a - b,
  );
  return { rootOf, roots, sizeOf };
}

/** Members of the tree rooted at `root`, parents before children (by generation, then id). O(n). */
export function treeMembers(trees: ForestTrees, generation: Int32Array, root: number): number[] {
  const byGeneration: number[][] = [];
  for (let u = 0; u < trees.rootOf.length; u++) {
    if (trees.rootOf[u] !== root) continue;
    const g = generation[u] as number;
    while (byGeneration.length <= g) byGeneration.push([]);
    (byGeneration[g] as number[]).push(u);
  }
  return byGeneration.flat();
}

/**
 * Structural virality of one tree given its members with parents first: W / (n choose 2), or 0 for a
 * single person. O(members).
 */
export function structuralVirality(parent: Int32Array, members: readonly number[]): number {
  // Renumber the tree 0..n−1 and let the engine compute it, so the page and the metric share one
  // Wiener-index implementation.
  const local = new Map<number, number>();
  members.forEach((u, i) => {
    local.set(u, i);
  });
  const localParent = new Int32Array(members.length);
  members.forEach((u, i) => {
    localParent[i] = local.get(parent[u] as number) ?? -1;
  });
  return structuralViralityOfTree(localParent);
}

/**
 * Structural virality of a forest as the engine defines it: the pairs of every tree pooled,
 * Σ W_t / Σ C(n_t, 2) (0 when no tree has two people), plus the largest tree's own value.
 */
export function forestVirality(
  parent: Int32Array,
  generation: Int32Array,
): { pooled: number; largest: number } {
  const trees = forestTrees(parent, generation);
  const byRoot = new Map<number, number[]>();
  const order = Int32Array.from({ length: parent.length }, (_, u) => u).filter(
    (u) => (generation[u] as number) >= 0,
  );
  order.sort((a, b) => (generation[a] as number) - (generation[b] as number) || a - b);
  for (const u of order) {
    const root = trees.rootOf[u] as number;
    const list = byRoot.get(root);
    if (list === undefined) byRoot.set(root, [u]);
    else list.push(u);
  }
  let wiener = 0;
  let pairs = 0;
  for (const members of byRoot.values()) {
    const n = members.length;
    if (n < 2) continue;
    const treePairs = (n * (n - 1)) / 2;
    wiener += structuralVirality(parent, members) * treePairs;
    pairs += treePairs;
  }
  const largestRoot = trees.roots[0];
  const largest = largestRoot === undefined ? 0 : structuralVirality(parent, byRoot.get(largestRoot) ?? []);
  return { pooled: pairs === 0 ? 0 : wiener / pairs, largest };
}

interface TreeNode {
  id: number;
  children: TreeNode[];
}

/** Most people drawn in one tree; deeper people beyond it are left out (and the view says so). */
export const TREE_DRAW_LIMIT = 3000;

/** People (links, then dots) one drawing step adds to the tree. */
const TREE_STEP = 600;

/**
 * Draws the tree of `members` (parents first, at most {@link TREE_DRAW_LIMIT}) radially into
 * `container` in steps: the layout and an empty drawing, then the links and the people a slice at a
 * time, so a large tree never holds up the page. `colourOf(u)` colours each person.
 */
export function* cascadeTreeSteps(
  container: HTMLElement,
  parent: Int32Array,
  members: readonly number[],
  colourOf: (u: number) => string,
): Generator<void, void> {
  container.replaceChildren();
  const shown = members.slice(0, TREE_DRAW_LIMIT);
  const nodes = new Map<number, TreeNode>();
  for (const u of shown) nodes.set(u, { id: u, children: [] });
  const root = nodes.get(shown[0] as number) as TreeNode;
  for (const u of shown.slice(1)) nodes.get(parent[u] as number)?.children.push(nodes.get(u) as TreeNode);
  const size = Math.max(260, Math.min(container.clientWidth || 420, 560));
  const radius = size / 2 - 12;
  const layout = tree<TreeNode>()
    .size([2 * Math.PI, radius])
    .separation((a, b) => (a.parent === b.parent ? 1 : 2) / Math.max(1, a.depth));
  const laidOut = layout(hierarchy(root));
  const svg = select(container)
    .append('svg')
    .attr('width', size)
    .attr('height', size)
    .attr('viewBox', `${-size / 2} ${-size / 2} ${size} ${size}`)
    .attr('role', 'img')
    .attr('aria-label', `Cascade tree of ${shown.length} people`);
  const link = linkRadial<unknown, { x: number; y: number }>()
    .angle((d) => d.x)
    .radius((d) => d.y);
  const links = svg
    .append('g')
    .attr('fill', 'none')
    .attr('stroke', '#9aa5b1')
    .attr('stroke-opacity', 0.7)
    .attr('stroke-width', shown.length > 500 ? 0.6 : 1);
  const dots = svg.append('g');
  yield;
  const allLinks = laidOut.links();
  for (let i = 0; i < allLinks.length; i += TREE_STEP) {
    links
      .selectAll(null)
      .data(allLinks.slice(i, i + TREE_STEP))
      .enter()
      .append('path')
      .attr('d', (d) => link({ source: d.source, target: d.target } as never));
    yield;
  }
  const dot = shown.length > 800 ? 1.6 : shown.length > 100 ? 2.6 : 4;
  const people = laidOut.descendants();
  for (let i = 0; i < people.length; i += TREE_STEP) {
    dots
      .selectAll(null)
      .data(people.slice(i, i + TREE_STEP))
      .enter()
      .append('circle')
      .attr('transform', (d) => `rotate(${(d.x * 180) / Math.PI - 90}) translate(${d.y},0)`)
      .attr('r', (d) => (d.depth === 0 ? dot * 2 : dot))
      .attr('fill', (d) => colourOf(d.data.id))
      .append('title')
      .text((d) => `person ${d.data.id}, generation ${d.depth}`);
    yield;
  }
}
