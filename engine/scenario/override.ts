/**
 * Overrides of scenario fields by path (`--set model.probability=0.2`, `--vary network.sizes[0]=…`):
 * parse `path=value`, apply it to the raw scenario object (copying along the path, never mutating
 * the input), and re-validate so an unknown path or a wrongly typed value is reported naming the flag.
 *
 * Path syntax: keys separated by dots, array items as `[i]` or `.i` (`network.sizes[1]`,
 * `network.sizes.1`). Values parse as JSON when they can (`0.2`, `true`, `[1,2]`, `"x"`), else they
 * are taken as a string (`--set name=launch`). `__proto__`, `constructor` and `prototype` are refused.
 */
import { describeValue, OptionsError } from '../errors.js';
import { scenarioProblems } from './parse.js';
import { formatPath } from './problems.js';
import { type Scenario, scenarioSchema } from './schema.js';

/** One `path=value` assignment. */
export interface Assignment {
  /** The flag it came from, for messages (`--set`, `--vary`). */
  readonly flag: string;
  /** The path as the user wrote it. */
  readonly pathText: string;
  /** The path as keys and indices. */
  readonly path: readonly (string | number)[];
  readonly value: unknown;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Parses a value the way `--set` and `--vary` do: JSON when it parses, else the text itself. */
export function parseFlagValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Parses `a.b[2].c` into keys and indices. Throws OptionsError naming `flag` on a malformed path. */
export function parsePath(pathText: string, flag: string): (string | number)[] {
  const path: (string | number)[] = [];
  const fail = (why: string) =>
    new OptionsError(
      `${flag} ${pathText}: ${why}; expected a scenario path such as model.probability or network.sizes[0]`,
    );
  if (pathText === '') throw fail('empty path');
  for (const part of pathText.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (match === null) throw fail(`malformed path segment ${JSON.stringify(part)}`);
    const key = match[1] as string;
    const indices = match[2] as string;
    if (key === '' && (indices === '' || path.length === 0)) throw fail('empty path segment');
    if (key !== '') {
      if (FORBIDDEN_KEYS.has(key)) throw fail(`the key ${JSON.stringify(key)} is not allowed`);
      path.push(/^\d+$/.test(key) ? Number(key) : key);
    }
    for (const index of indices.matchAll(/\[(\d+)\]/g)) path.push(Number(index[1]));
  }
  return path;
}

/** Parses `path=value` as given to `flag`. */
export function parseAssignment(text: string, flag: string): Assignment {
  const equals = text.indexOf('=');
  if (equals <= 0) {
    throw new OptionsError(
      `${flag} ${JSON.stringify(text)}: expected path=value (e.g. ${flag} model.probability=0.2)`,
    );
  }
  const pathText = text.slice(0, equals);
  return { flag, pathText, path: parsePath(pathText, flag), value: parseFlagValue(text.slice(equals + 1)) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Returns a copy of `raw` with `value` at `assignment.path`, copying only the objects along the path.
 * Missing object keys are created (validation then says whether the key exists in the schema); stepping
 * into a number, string or past the end of an array is an OptionsError naming the flag.
 */
export function applyAssignment(
  raw: unknown,
  assignment: Assignment,
  value: unknown = assignment.value,
): unknown {
  const { flag, pathText, path } = assignment;
  const describeAt = (depth: number) => formatPath(path.slice(0, depth));
  const setAt = (node: unknown, depth: number): unknown => {
    if (depth === path.length) return value;
    const key = path[depth] as string | number;
    if (Array.isArray(node)) {
      if (typeof key !== 'number' || key >= node.length) {
        throw new OptionsError(
          `${flag} ${pathText}: ${describeAt(depth)} is a list of ${node.length}; expected an index 0..${node.length - 1}, got ${JSON.stringify(key)}`,
        );
      }
      const copy = node.slice();
      copy[key] = setAt(node[key], depth + 1);
      return copy;
    }
    if (isRecord(node)) {
      if (typeof key === 'number') {
        throw new OptionsError(
          `${flag} ${pathText}: ${describeAt(depth)} is an object, not a list; expected a key`,
        );
      }
      return { ...node, [key]: setAt(Object.hasOwn(node, key) ? node[key] : undefined, depth + 1) };
    }
    if (node === undefined) {
      if (typeof key === 'number') {
        throw new OptionsError(`${flag} ${pathText}: ${describeAt(depth)} does not exist; cannot index it`);
      }
      return { [key]: setAt(undefined, depth + 1) };
    }
    throw new OptionsError(
      `${flag} ${pathText}: ${describeAt(depth)} is ${describeValue(node)}, not an object; the path does not exist`,
    );
  };
  return setAt(raw, 0);
}

/**
 * Applies assignments to a raw (valid) scenario object and validates the result. A problem is
 * attributed to the assignment whose path it lies under, else to all of them; throws OptionsError
 * naming the flag, the path and the problems. `place` names the scenario file.
 */
export function applyAssignments(
  raw: unknown,
  assignments: readonly Assignment[],
  place: string,
  values: readonly unknown[] = assignments.map((assignment) => assignment.value),
): { raw: unknown; scenario: Scenario } {
  let next = raw;
  assignments.forEach((assignment, i) => {
    next = applyAssignment(next, assignment, values[i]);
  });
  const problems = scenarioProblems(next);
  if (problems.length === 0) return { raw: next, scenario: scenarioSchema.parse(next) };
  const named = assignments.map(
    (assignment, i) => `${assignment.flag} ${assignment.pathText}=${JSON.stringify(values[i])}`,
  );
  const owner = (line: string): number =>
    assignments.findIndex((assignment) => {
      const prefix = formatPath(assignment.path);
      return line.startsWith(`${prefix}:`) || line.startsWith(`${prefix}.`) || line.startsWith(`${prefix}[`);
    });
  const firstOwner = owner(problems[0] as string);
  const flagText = firstOwner >= 0 ? named[firstOwner] : named.join(', ');
  const body = problems.length === 1 ? (problems[0] as string) : `\n  ${problems.join('\n  ')}`;
  throw new OptionsError(`${flagText}: makes ${place} invalid: ${body}`);
}
