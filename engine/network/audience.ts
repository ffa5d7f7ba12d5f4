/**
 * An audience: a filter over node attributes (the target audience of a campaign, the seeding
 * audience of a cascade). A person belongs when, for every attribute the filter names, their value
 * is one of the listed values; an empty filter matches everyone. {@link audienceMask} resolves a filter
 * against a network once, into a byte mask the kernels read. (The filter's schema is in
 * audience-spec.ts, so that the run pipeline does not load zod.)
 */
import { ScenarioError } from '../errors.js';
import type { AudienceFilter } from './audience-spec.js';
import { ATTRIBUTE_NAMES, type Network } from './network.js';

export type { AudienceFilter } from './audience-spec.js';

/**
 * The people an audience filter selects, as a mask: `mask[u]` is 1 when person u belongs, 0 otherwise
 * (Uint8Array, n). Returns null when there is no filter or the filter names no attribute: everyone
 * belongs, and callers skip the test.
 *
 * Within one attribute the listed values are alternatives (OR); across attributes all must hold (AND).
 * Every value must be one that at least one person has: a misspelt value would otherwise silently
 * select no one. All problems are reported at once in one ScenarioError whose lines read
 * `place: path.segment[1]: unknown segment "yuong", known: "young", "family"`.
 *
 * `place` is the file or description shown first (omitted when undefined); `path` is the JSON path of
 * the filter in the scenario (default `seeding.audience`). O(n + values) time; allocates the mask and
 * a 256-entry table per named attribute.
 */
export function audienceMask(
  network: Network,
  filter: AudienceFilter | undefined,
  place?: string,
  path = 'seeding.audience',
): Uint8Array | null {
  if (filter === undefined) return null;
  const n = network.nodeCount;
  const prefix = place === undefined ? '' : `${place}: `;
  const problems: string[] = [];
  const allowedByAttribute: { codes: Uint8Array; allowed: Uint8Array }[] = [];
  const available = ATTRIBUTE_NAMES.filter((name) => network.attributes.columns[name] !== undefined);
  for (const name of ATTRIBUTE_NAMES) {
    const wanted = filter[name];
    if (wanted === undefined) continue;
    const column = network.attributes.columns[name];
    if (column === undefined) {
      const known =
        available.length === 0
          ? 'the network has no attributes (add a `population` to the scenario or attributes to the file)'
          : `known attributes: ${available.map((a) => JSON.stringify(a)).join(', ')}`;
      problems.push(`${prefix}${path}.${name}: the network has no ${name} attribute; ${known}`);
      continue;
    }
    const present = presentCodes(column.codes, n);
    const knownValues = column.names.filter((_, code) => present[code] === 1);
    const knownList = knownValues.map((v) => JSON.stringify(v)).join(', ');
    const allowed = new Uint8Array(256);
    wanted.forEach((value, i) => {
      const code = column.names.indexOf(value);
      if (code < 0 || present[code] === 0) {
        const what = code < 0 ? `unknown ${name}` : `no one has ${name}`;
        problems.push(
          `${prefix}${path}.${name}[${i}]: ${what} ${JSON.stringify(value)}, known: ${knownList}`,
        );
      } else {
        allowed[code] = 1;
      }
    });
    allowedByAttribute.push({ codes: column.codes, allowed });
  }
  if (problems.length > 0) {
    const head = problems.length === 1 ? '' : `${problems.length} problems:\n  `;
    throw new ScenarioError(`${head}${problems.join('\n  ')}`, problems);
  }
  if (allowedByAttribute.length === 0) return null;
  const mask = new Uint8Array(n).fill(1);
  for (const { codes, allowed } of allowedByAttribute) {
    for (let u = 0; u < n; u++) {
      if (allowed[codes[u] as number] === 0) mask[u] = 0;
    }
  }
  return mask;
}

/** present[code] = 1 when at least one of the n people has that code. O(n). */
function presentCodes(codes: Uint8Array, n: number): Uint8Array {
  const present = new Uint8Array(256);
  for (let u = 0; u < n; u++) present[codes[u] as number] = 1;
  return present;
}
