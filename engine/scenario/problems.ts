/**
 * Turns schema (zod) issues into viralsim's messages: `place: json.path: expected …, got …`, with
 * the actual value read from the input, so a user sees what was wrong and where. All problems are
 * reported at once.
 */
import type * as z from 'zod';
import { describeValue, ScenarioError } from '../errors.js';

type Issue = z.core.$ZodIssue;

/** Formats a JSON path as `a.b[2].c`; the empty path is `(top level)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(top level)' : out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    if (!Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function bound(issue: { minimum?: unknown; maximum?: unknown; inclusive?: boolean }, isMin: boolean): string {
  const limit = isMin ? issue.minimum : issue.maximum;
  const op = isMin ? (issue.inclusive ? '>=' : '>') : issue.inclusive ? '<=' : '<';
  return `${op} ${String(limit)}`;
}

function expectation(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? 'a whole number' : `${articled(issue.expected)}`;
    case 'too_small':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `at least ${String(issue.minimum)} ${issue.origin === 'array' ? 'items' : 'characters'}`
        : `a number ${bound(issue, true)}`;
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `at most ${String(issue.maximum)} ${issue.origin === 'array' ? 'items' : 'characters'}`
        : `a number ${bound(issue, false)}`;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'not_multiple_of':
      return `a multiple of ${String(issue.divisor)}`;
    default:
      return issue.message;
  }
}

function articled(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

/**
 * One message per issue, each naming the JSON path, the expectation and the value found. Issue paths
 * are relative to `input`; `prefix` is the path of `input` itself, for display.
 */
export function formatIssues(
  issues: readonly Issue[],
  input: unknown,
  prefix: readonly PropertyKey[] = [],
): string[] {
  const messages: string[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        messages.push(
          `${formatPath([...path, key])}: unknown key (check its spelling; see the schema for the allowed keys)`,
        );
      }
      continue;
    }
    if (issue.code === 'invalid_union' && issue.inclusive !== false && issue.options !== undefined) {
      // A discriminated union whose discriminator matched no branch (the path ends at the discriminator).
      const options = issue.options.map((v) => JSON.stringify(v)).join(', ');
      messages.push(
        `${formatPath(path)}: expected one of ${options}, got ${describeValue(valueAt(input, issue.path))}`,
      );
      continue;
    }
    if (issue.code === 'invalid_union') {
      // Other unions: when every branch rejects the value itself, list what each would accept;
      // otherwise report the closest branch's problems (the one with the fewest).
      const branches = issue.errors.filter((branch) => branch.length > 0);
      const isWholeValue = branches.every((branch) => branch.length === 1 && branch[0]?.path.length === 0);
      if (isWholeValue && branches.length > 0) {
        const options = branches.map((branch) => expectation(branch[0] as Issue)).join(' or ');
        messages.push(
          `${formatPath(path)}: expected ${options}, got ${describeValue(valueAt(input, issue.path))}`,
        );
        continue;
      }
      const closest = branches.sort((a, b) => a.length - b.length)[0];
      if (closest !== undefined) {
        messages.push(...formatIssues(closest, valueAt(input, issue.path), path));
        continue;
      }
    }
    if (issue.code === 'custom') {
      messages.push(`${formatPath(path)}: ${issue.message}`);
      continue;
    }
    const actual = valueAt(input, issue.path);
    messages.push(`${formatPath(path)}: expected ${expectation(issue)}, got ${describeValue(actual)}`);
  }
  return messages;
}

/**
 * Parses `input` with `schema`; on failure throws a ScenarioError listing every problem, each line
 * prefixed with `place` (a file name, or a description such as `network spec`) and the JSON path
 * (under `prefix`, the path of `input` inside a larger document).
 */
export function parseWith<T extends z.ZodType>(
  schema: T,
  input: unknown,
  place: string,
  prefix: readonly PropertyKey[] = [],
): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = formatIssues(result.error.issues, input, prefix).map((line) => `${place}: ${line}`);
  const count = problems.length;
  const head = count === 1 ? '' : `${count} problems:\n  `;
  throw new ScenarioError(`${head}${problems.join('\n  ')}`, problems);
}
