/**
 * Shared command-line plumbing: the exit signal, and atomic whole-file writes (write a temporary file
 * beside the target, then rename, so an output file is never left half-written).
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { OptionsError } from '../errors.js';
import { setWarningSink } from '../warn.js';

/** Thrown to end a command with an exit code and an optional message for stderr. */
export class CliExit extends Error {
  readonly code: number;
  constructor(code: number, message = '') {
    super(message);
    this.code = code;
  }
}

/** Writes `text` to `path` atomically. An unwritable path is the user's mistake: OptionsError naming `flag`. */
export function writeFileAtomic(path: string, text: string | Uint8Array, flag = '--out'): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
    throw new OptionsError(`${flag} ${path}: cannot write the file (${reason}); expected a writable path`);
  }
}

/** Sends engine warnings to stderr as `viralsim: warning: …` (the main thread and every worker). */
export function warnToStderr(): void {
  setWarningSink((message) => process.stderr.write(`viralsim: warning: ${message}\n`));
}
