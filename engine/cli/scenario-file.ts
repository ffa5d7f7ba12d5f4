/**
 * Scenario files on disk (Node only): read and validate a scenario file and apply `--set` overrides.
 * (The graph file a `file` network names is read by graph-loader.ts.) Every failure is a
 * ViralsimError naming the file (exit 2 in the CLI).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { OptionsError } from '../errors.js';
import { type Assignment, applyAssignments, parseAssignment } from '../scenario/override.js';
import { parseJsonText, validateScenario } from '../scenario/parse.js';
import type { Scenario } from '../scenario/schema.js';

/** A scenario read from a file. */
export interface ScenarioFile {
  /** The path as given, used as the place in messages. */
  readonly place: string;
  /** The folder relative paths inside the scenario are resolved against. */
  readonly folder: string;
  /** The parsed JSON after overrides (for sweeps, which apply more). */
  readonly raw: unknown;
  readonly scenario: Scenario;
}

/** Reads a text file; a missing or unreadable file is an OptionsError naming it and the reason. */
export function readTextFile(path: string, what = 'file'): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : code;
    throw new OptionsError(`${path}: cannot read the ${what} (${reason}); expected a readable ${what}`);
  }
}

/**
 * Reads, validates and overrides a scenario file. `assignments` (from `--set`, `--runs`, `--seed`)
 * are applied in order and the result is checked against the schema, problems naming the flag.
 */
export function readScenarioFile(path: string, assignments: readonly Assignment[] = []): ScenarioFile {
  const text = readTextFile(path, 'scenario file');
  const parsed = parseJsonText(text, path);
  const base = validateScenario(parsed, path);
  if (assignments.length === 0)
    return { place: path, folder: dirname(resolve(path)), raw: parsed, scenario: base };
  const { raw, scenario } = applyAssignments(parsed, assignments, path);
  return { place: path, folder: dirname(resolve(path)), raw, scenario };
}

/**
 * Loads a scenario file for library use (Node): validated and typed. Throws ScenarioError (invalid
 * or malformed scenario) or OptionsError (missing file, bad override). `sets` are optional
 * `path=value` overrides as with `viralsim run --set`.
 */
export function loadScenario(path: string, sets: readonly string[] = []): Scenario {
  return readScenarioFile(
    path,
    sets.map((set) => parseAssignment(set, '--set')),
  ).scenario;
}
