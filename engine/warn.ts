/**
 * Soft problems (not errors) go through one helper: it drops consecutive duplicates, counts what it
 * emitted (tests assert on the count) and forwards to a sink the host chooses (stderr in the CLI, the
 * page in the browser). Every warning says how to fix or silence it.
 */

/** Receives each warning that is not a consecutive duplicate. */
export type WarningSink = (message: string) => void;

let sink: WarningSink = () => {};
let lastMessage: string | null = null;
let emitted = 0;

/** Emits a warning unless it repeats the previous one. */
export function warn(message: string): void {
  if (message === lastMessage) return;
  lastMessage = message;
  emitted++;
  sink(message);
}

/** Sets where warnings go; returns the previous sink. */
export function setWarningSink(next: WarningSink): WarningSink {
  const previous = sink;
  sink = next;
  lastMessage = null;
  return previous;
}

/** Number of warnings emitted since the last reset. */
export function warningCount(): number {
  return emitted;
}

/** Resets the count and the duplicate memory (tests). */
export function resetWarnings(): void {
  emitted = 0;
  lastMessage = null;
}
