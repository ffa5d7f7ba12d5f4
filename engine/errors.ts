/**
 * Errors for bad input. Every user mistake surfaces as a {@link ViralsimError}: the CLI prints its
 * message and exits 2, the browser shows it; anything else is an internal fault.
 *
 * Message order: place, problem, expectation, actual value, then a hint.
 * Example: `city.json: model.recoveryRate: expected a number > 0, got -0.1`.
 */

/** Base class of every error caused by the user's input. */
export class ViralsimError extends Error {
  override name = 'ViralsimError';
}

/** A scenario (or part of one) is invalid. `problems` holds every problem found, not only the first. */
export class ScenarioError extends ViralsimError {
  override name = 'ScenarioError';
  readonly problems: readonly string[];
  constructor(message: string, problems: readonly string[] = [message]) {
    super(message);
    this.problems = problems;
  }
}

/** A graph (file, spec or edge list) is invalid or too large. */
export class GraphError extends ViralsimError {
  override name = 'GraphError';
}

/** An options object or command-line flag is invalid. */
export class OptionsError extends ViralsimError {
  override name = 'OptionsError';
}

/** Describes a value for an error message: strings quoted, long values cut. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}
