/**
 * Reading a scenario: JSON text → validated {@link Scenario}. Browser-safe (no file system): the CLI
 * and the Node entry read the file and call {@link parseScenario}; the visualiser passes text it got.
 *
 * Every problem is reported at once, each as `place: json.path: expected …, got …`. Malformed JSON is
 * reported with its line and column. `__proto__` keys are refused anywhere in the document (JSON.parse
 * makes them own properties; a record schema would otherwise copy one into an object's prototype).
 */
import { ScenarioError } from '../errors.js';
import { formatIssues, formatPath } from './problems.js';
import { crossCheckScenario, type Scenario, scenarioSchema } from './schema.js';

/** Line and column (both from 1) of a character offset in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Parses JSON text, turning a syntax error into a ScenarioError with line and column:
 * `city.json: line 4, column 12: malformed JSON (Unexpected token } …)`.
 */
export function parseJsonText(text: string, place: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const lineColumn = /line (\d+) column (\d+)/.exec(detail);
    const position = /at position (\d+)/.exec(detail);
    let where: string;
    if (lineColumn !== null) where = `line ${lineColumn[1]}, column ${lineColumn[2]}`;
    else {
      const at = lineAndColumn(body, position !== null ? Number(position[1]) : body.length);
      where = `line ${at.line}, column ${at.column}`;
    }
    const reason = detail
      .replace(/\s*\(line \d+ column \d+\)/, '')
      .replace(/ in JSON at position \d+.*$/, '');
    throw new ScenarioError(`${place}: ${where}: malformed JSON (${reason}); expected a JSON object`);
  }
}

/** Paths of every `__proto__` key in a parsed JSON document. */
function protoKeyPaths(value: unknown, path: PropertyKey[], out: string[]): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      protoKeyPaths(item, [...path, i], out);
    });
    return;
  }
  for (const key of Object.keys(value)) {
    if (key === '__proto__') {
      out.push(`${formatPath([...path, key])}: unknown key (\`__proto__\` is never allowed)`);
      continue;
    }
    protoKeyPaths((value as Record<string, unknown>)[key], [...path, key], out);
  }
}

/**
 * Every problem of a scenario object, as `path: message` lines (without the place); empty when valid.
 * Does not throw.
 */
export function scenarioProblems(input: unknown): string[] {
  const problems: string[] = [];
  protoKeyPaths(input, [], problems);
  const result = scenarioSchema.safeParse(input);
  if (!result.success) {
    for (const line of formatIssues(result.error.issues, input)) {
      if (!problems.includes(line)) problems.push(line);
    }
  }
  problems.push(...crossCheckScenario(input));
  return problems;
}

/** Builds the ScenarioError for a list of problems found in `place`. */
export function scenarioError(place: string, problems: readonly string[]): ScenarioError {
  const lines = problems.map((line) => `${place}: ${line}`);
  const head = lines.length === 1 ? '' : `${lines.length} problems:\n  `;
  return new ScenarioError(`${head}${lines.join('\n  ')}`, lines);
}

/**
 * Validates a parsed scenario object and returns it typed. Throws a ScenarioError listing every
 * problem (`place: path: expected …, got …`). O(size of the document).
 */
export function validateScenario(input: unknown, place: string): Scenario {
  const problems = scenarioProblems(input);
  if (problems.length > 0) throw scenarioError(place, problems);
  return scenarioSchema.parse(input);
}

/**
 * Parses scenario JSON text (the browser-safe entry): malformed JSON → ScenarioError with line and
 * column; an invalid scenario → ScenarioError listing every problem. `place` names the source in
 * messages (usually the file name).
 */
export function parseScenario(text: string, place: string): Scenario {
  return validateScenario(parseJsonText(text, place), place);
}
