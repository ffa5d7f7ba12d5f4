/**
 * The node attributes graph files carry: the categorical columns (segment, region, ageBand, interest,
 * tier), the community index and the display label. Writers read them per person as a plain record;
 * readers turn per-person records back into columns.
 *
 * Policy: a categorical column is all or nothing (when one person has a segment, every person must,
 * otherwise a GraphError names the first person without one); its codes are assigned in order of first
 * appearance, so a round trip keeps every person's value though not necessarily the code numbers. A
 * community is an integer; a missing label is the empty string. Other attributes are ignored.
 */
import { describeValue, GraphError } from '../../errors.js';
import {
  ATTRIBUTE_NAMES,
  type AttributeColumn,
  type AttributeName,
  type Network,
  type NodeAttributes,
} from '../network.js';

/** Largest number of distinct values in a categorical column (codes are bytes). */
export const MAX_COLUMN_VALUES = 256;

/** One attribute a file carries for every node: its name and its file type. */
export interface FileAttribute {
  readonly name: AttributeName | 'community' | 'label';
  readonly type: 'string' | 'integer';
}

/** The node attributes `network` has, in a fixed order (columns, community, label). O(1). */
export function fileAttributes(network: Network): FileAttribute[] {
  const present: FileAttribute[] = [];
  for (const name of ATTRIBUTE_NAMES) {
    if (network.attributes.columns[name] !== undefined) present.push({ name, type: 'string' });
  }
  if (network.attributes.community !== null) present.push({ name: 'community', type: 'integer' });
  if (network.labels !== null) present.push({ name: 'label', type: 'string' });
  return present;
}

/**
 * The value of attribute `name` for person u, or undefined when the network has none for them
 * (an empty label counts as none). O(1).
 */
export function attributeValue(
  network: Network,
  name: FileAttribute['name'],
  u: number,
): string | number | undefined {
  if (name === 'community') return network.attributes.community?.[u];
  if (name === 'label') {
    const label = network.labels?.[u];
    return label === '' ? undefined : label;
  }
  const column = network.attributes.columns[name];
  return column === undefined ? undefined : column.names[column.codes[u] as number];
}

/** What {@link readNodeAttributes} recovers. */
export interface ReadAttributes {
  attributes: NodeAttributes;
  labels: string[] | null;
}

/**
 * Builds the attribute columns, communities and labels from one attribute record per person (index
 * order); `keys[u]` is person u's file id, for messages. Throws a GraphError naming the person and
 * the attribute for a partial column, a value of the wrong type or more than 256 distinct values.
 * O(n · attributes); allocates the columns.
 */
export function readNodeAttributes(
  place: string,
  keys: readonly string[],
  records: readonly (Readonly<Record<string, unknown>> | undefined)[],
): ReadAttributes {
  const n = records.length;
  const columns: NodeAttributes['columns'] = {};
  for (const name of ATTRIBUTE_NAMES) {
    const column = readColumn(place, name, keys, records);
    if (column !== null) columns[name] = column;
  }
  let community: Int32Array | null = null;
  let labels: string[] | null = null;
  if (records.some((record) => record?.['community'] !== undefined)) {
    community = new Int32Array(n);
    for (let u = 0; u < n; u++) {
      const value = requireValue(place, 'community', keys[u] as string, records[u]);
      const number = typeof value === 'string' && /^[+-]?\d+$/.test(value.trim()) ? Number(value) : value;
      if (!(typeof number === 'number' && Number.isInteger(number) && Math.abs(number) < 2 ** 31)) {
        throw new GraphError(
          `${place}: node ${JSON.stringify(keys[u])}: community: expected a whole number, got ${describeValue(value)}`,
        );
      }
      community[u] = number;
    }
  }
  if (records.some((record) => record?.['label'] !== undefined)) {
    labels = new Array<string>(n);
    for (let u = 0; u < n; u++) {
      const value = records[u]?.['label'];
      if (value !== undefined && typeof value !== 'string' && typeof value !== 'number') {
        throw new GraphError(
          `${place}: node ${JSON.stringify(keys[u])}: label: expected a string, got ${describeValue(value)}`,
        );
      }
      labels[u] = value === undefined ? '' : String(value);
    }
  }
  return { attributes: { columns, community }, labels };
}

function requireValue(
  place: string,
  name: string,
  key: string,
  record: Readonly<Record<string, unknown>> | undefined,
): unknown {
  const value = record?.[name];
  if (value === undefined || value === null) {
    throw new GraphError(
      `${place}: node ${JSON.stringify(key)}: ${name}: missing, but other nodes have one; expected every node ` +
        `to have a ${name} or none`,
    );
  }
  return value;
}

function readColumn(
  place: string,
  name: AttributeName,
  keys: readonly string[],
  records: readonly (Readonly<Record<string, unknown>> | undefined)[],
): AttributeColumn | null {
  if (!records.some((record) => record?.[name] !== undefined)) return null;
  const n = records.length;
  const codes = new Uint8Array(n);
  const names: string[] = [];
  const codeOf = new Map<string, number>();
  for (let u = 0; u < n; u++) {
    const value = requireValue(place, name, keys[u] as string, records[u]);
    if (!(typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))) {
      throw new GraphError(
        `${place}: node ${JSON.stringify(keys[u])}: ${name}: expected a string, got ${describeValue(value)}`,
      );
    }
    const text = String(value);
    let code = codeOf.get(text);
    if (code === undefined) {
      code = names.length;
      if (code >= MAX_COLUMN_VALUES) {
        throw new GraphError(
          `${place}: node ${JSON.stringify(keys[u])}: ${name}: expected at most ${MAX_COLUMN_VALUES} distinct ` +
            `values, got more (${JSON.stringify(text)} is value ${code + 1})`,
        );
      }
      codeOf.set(text, code);
      names.push(text);
    }
    codes[u] = code;
  }
  return { codes, names };
}

/**
 * The index ids of a file: null when the file ids are exactly "0", "1", … in order (so a generated
 * network written and read back is unchanged), else the ids themselves. O(n).
 */
export function idsOrNull(ids: readonly string[]): readonly string[] | null {
  for (let u = 0; u < ids.length; u++) if (ids[u] !== String(u)) return ids;
  return null;
}
